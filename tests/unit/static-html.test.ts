/**
 * staticHtml writes hast as Sätteri writes a static part of a page, so that the evidence plugin can
 * hand Sätteri what it inserts as HTML and publish the same bytes. Checked against Sätteri itself:
 * the same elements, once as elements and once as HTML, compile to the same page.
 */
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { markdownToHtml, mdxToJs, type MdastPluginDefinition } from 'satteri';
import { describe, expect, test } from 'vitest';
import { staticHtml } from '../../src/lib/claims/render/static-html.ts';
import { hastNode } from '../../src/lib/claims/render/hast.ts';

/** Elements with what an escaper or an attribute-name table can get wrong. */
const tricky: Element[] = [
	h('ol', { class: 'reference-list', 'data-pagefind-ignore': '', 'data-pagefind-meta': 'statement-evidence:a=Kind/Other;b=' }, [
		h('li', { id: 'ref-a', value: 3, 'data-reference': 'a', 'aria-labelledby': 'x y', hidden: true, title: 'Tom & "Jerry" \'s `tick`' }, [
			h('span', { class: ['ref-text', 'extra'], 'data-preview': '' }, ['Smith J. <Title> & more > less “quoted”', h('i', 'Journal'), h('br'), 'after break']),
			h('a', { href: 'https://example.org/?a=1&b=2' }, 'DOI 10.1/x'),
			h('details', { class: 'ref-cited-by', open: false }, [h('summary', 'Cited by 1 statement'), h('ul', [h('li', [h('a', { href: '#c' }, 'A statement with {braces} and <tags>')])])]),
		]),
	]),
	h('p', { 'data-pagefind-ignore': '' }, ['Plain text, then ', { type: 'comment', value: ' a comment ' }]),
	h('span', [s('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true' }, [s('path', { d: 'M0 0h24', strokeWidth: 2 })])]),
];

/** A Sätteri plugin appending the elements to the page: as they are, or with their children as HTML. */
function appending(elements: Element[], asHtml: boolean): MdastPluginDefinition {
	return {
		name: 'append',
		before(tree, ctx) {
			const nodes = elements.map((element) => hastNode(asHtml ? { ...element, children: [{ type: 'raw', value: staticHtml(element.children) } as unknown as ElementContent] } : element));
			ctx.appendChild(tree, nodes as Parameters<typeof ctx.appendChild>[1]);
		},
	};
}

describe('staticHtml', () => {
	test('escapes text and attribute values as Sätteri does', () => {
		expect(staticHtml([h('a', { title: `& " ' \` < >` }, `& " ' \` < >`)])).toBe('<a title="&amp; &quot; &#x27; &#x60; < >">&amp; " \' ` &lt; &gt;</a>');
	});

	test('a Markdown page: the same HTML as the elements would give', () => {
		const page = '# A page\n\nSome text.\n';
		const asElements = (markdownToHtml(page, { mdastPlugins: [appending(tricky, false)] }) as { html: string }).html;
		const asHtml = (markdownToHtml(page, { mdastPlugins: [appending(tricky, true)] }) as { html: string }).html;
		expect(asElements).toContain('reference-list');
		expect(asHtml).toBe(asElements);
	});

	test('an MDX page, static parts optimized as in the site: the same compiled page', () => {
		const page = '# A page\n\nSome text with {1 + 1} an expression.\n';
		const options = { optimizeStatic: { component: 'Fragment', prop: 'set:html' }, jsxImportSource: 'astro', elementAttributeNameCase: 'html' } as const;
		const asElements = (mdxToJs(page, { ...options, mdastPlugins: [appending(tricky, false)] }) as { code: string }).code;
		const asHtml = (mdxToJs(page, { ...options, mdastPlugins: [appending(tricky, true)] }) as { code: string }).code;
		expect(asElements).toContain('reference-list');
		expect(asHtml).toBe(asElements);
	});
});
