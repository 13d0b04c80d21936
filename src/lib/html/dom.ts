/**
 * Reading built HTML: the one parser for everything that inspects pages after the build (the
 * site tests, the browser tests' samples). htmlparser2 parses (as
 * the CSP step does, src/lib/csp/policy.ts), css-select answers CSS selectors and domutils walks
 * the tree; this module gives them the small subset of the DOM's names that readers need, so a
 * test reads like browser code: `parseHtml(html).querySelector('main a')?.getAttribute('href')`.
 *
 * One wrapper per node (the same node always gives the same object), so `toBe` compares elements.
 */
import { parseDocument } from 'htmlparser2';
import { is, selectAll, selectOne } from 'css-select';
import { getElementById, getOuterHTML, removeElement, textContent } from 'domutils';
import { isTag, type AnyNode, type Document, type Element as DomElement } from 'domhandler';

const wrappers = new WeakMap<AnyNode, HtmlElement>();

/** Elements whose content `readableText` sets apart as blocks (the usual block-level elements). */
const BLOCKS = new Set(
	'h1 h2 h3 h4 h5 h6 header hgroup details dialog dd div dt fieldset figcaption figure footer form table td tr address article aside blockquote br hr li main nav ol p pre section ul'.split(' '),
);

/** An element (or the document) of parsed HTML, with DOM-like accessors. */
export class HtmlElement {
	readonly node: DomElement | Document;

	private constructor(node: DomElement | Document) {
		this.node = node;
	}

	/** The wrapper of a node (created once per node). */
	static of(node: DomElement | Document): HtmlElement {
		let wrapper = wrappers.get(node);
		if (!wrapper) wrappers.set(node, (wrapper = new HtmlElement(node)));
		return wrapper;
	}

	private static maybe(node: AnyNode | null | undefined): HtmlElement | null {
		return node && isTag(node) ? HtmlElement.of(node) : null;
	}

	/** The first descendant matching a CSS selector, or null. */
	querySelector(selector: string): HtmlElement | null {
		return HtmlElement.maybe(selectOne<AnyNode, DomElement>(selector, this.node.children));
	}

	/** Every descendant matching a CSS selector, in document order. */
	querySelectorAll(selector: string): HtmlElement[] {
		return selectAll<AnyNode, DomElement>(selector, this.node.children).map((el) => HtmlElement.of(el));
	}

	/** The descendant with this id, or null. */
	getElementById(id: string): HtmlElement | null {
		return HtmlElement.maybe(getElementById(id, this.node.children));
	}

	/** The nearest ancestor-or-self matching a CSS selector, or null. */
	closest(selector: string): HtmlElement | null {
		for (let node: AnyNode | null = this.node; node && isTag(node); node = node.parent) if (is<AnyNode, DomElement>(node, selector)) return HtmlElement.of(node);
		return null;
	}

	/** An attribute's value (entities decoded), or null when the element has none. */
	getAttribute(name: string): string | null {
		return isTag(this.node) ? (this.node.attribs[name.toLowerCase()] ?? null) : null;
	}

	hasAttribute(name: string): boolean {
		return this.getAttribute(name) !== null;
	}

	get id(): string {
		return this.getAttribute('id') ?? '';
	}

	/** Upper-case tag name, as the DOM gives it ('' for the document). */
	get tagName(): string {
		return isTag(this.node) ? this.node.name.toUpperCase() : '';
	}

	get parentNode(): HtmlElement | null {
		const parent = this.node.parent;
		return parent && (isTag(parent) || parent.type === 'root') ? HtmlElement.of(parent as DomElement | Document) : null;
	}

	/** The first child node when it is an element; null when it is text, a comment or missing. */
	get firstChild(): HtmlElement | null {
		return HtmlElement.maybe(this.node.firstChild);
	}

	get nextElementSibling(): HtmlElement | null {
		let next = this.node.nextSibling;
		while (next && !isTag(next)) next = next.nextSibling;
		return HtmlElement.maybe(next);
	}

	/** All text below, entities decoded; script and style content as written. */
	get textContent(): string {
		return textContent(this.node);
	}

	/**
	 * The text as a reader sees it in blocks: block elements (paragraphs, list items, cells,
	 * headings …) start on a new line, whitespace runs are one space.
	 */
	get readableText(): string {
		const blocks: string[] = [''];
		const walk = (node: AnyNode) => {
			if (node.type === 'text') blocks[blocks.length - 1] += node.data;
			else if (isTag(node) && BLOCKS.has(node.name)) {
				blocks.push('');
				node.children.forEach(walk);
				blocks.push('');
			} else if ('children' in node) node.children.forEach(walk);
		};
		walk(this.node);
		return blocks
			.map((b) => b.replace(/\s+/g, ' ').trim())
			.filter(Boolean)
			.join('\n');
	}

	/** The element and its content as HTML. */
	get outerHTML(): string {
		return getOuterHTML(this.node);
	}

	/** Takes the element out of its tree. */
	remove(): void {
		removeElement(this.node);
	}

	/** A deep copy, outside any tree (changing it leaves the page as it was). */
	cloneNode(): HtmlElement {
		return HtmlElement.of(this.node.cloneNode(true));
	}

	toString(): string {
		return this.outerHTML;
	}
}

/** Parses an HTML document (or fragment) into its document node. */
export function parseHtml(html: string): HtmlElement {
	return HtmlElement.of(parseDocument(html));
}
