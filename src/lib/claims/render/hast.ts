/**
 * How hast elements ride in the mdast tree the renderer edits: an mdast node carrying
 * `data.hName`/`hProperties`/`hChildren`, which both mdast-to-hast converters (Sätteri's and
 * mdast-util-to-hast) turn into the element. The builders beside this file return hast; the
 * renderer (../render.ts) wraps what it inserts with these.
 */
import type { Heading, PhrasingContent, RootContent } from 'mdast';
import type { Element } from 'hast';
import { h } from './h.ts';

/** A block node that becomes `element` (a paragraph carrying hName/hProperties/hChildren). */
export function hastNode(element: Element): RootContent {
	return {
		type: 'paragraph',
		data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
		children: [],
	} as unknown as RootContent;
}

/**
 * Like hastNode, for block content inside a list item: a tight list unwraps its items' paragraphs
 * (and would drop this element), so the carrier is a blockquote node, which it keeps.
 */
export function blockHast(element: Element): RootContent {
	return { ...hastNode(element), type: 'blockquote' } as unknown as RootContent;
}

/** An inline node that becomes `element`. */
export function inlineHast(element: Element): PhrasingContent {
	return hastNode(element) as unknown as PhrasingContent;
}

/** Text for screen readers only. */
export function srOnly(text: string): Element {
	return h('span', { class: 'sr-only' }, text);
}

/** A section heading the page adds (References, Evidence gaps, …): a fixed id, left out of search. */
export function sectionHeading(id: string, text: string): Heading {
	return { type: 'heading', depth: 2, data: { hProperties: { id, 'data-pagefind-ignore': '' } }, children: [{ type: 'text', value: text }] };
}
