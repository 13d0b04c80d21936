/**
 * hast to HTML exactly as Sätteri writes a static subtree into a compiled page (its Rust `render`
 * and mdast-to-hast conversion of `data.hChildren`): the same attribute names (property-information),
 * property values (`true` bare, `false`/`null` left out, lists joined by spaces, numbers as written)
 * and escaping (text `& < >`; attribute values `& " ' \``), so that handing Sätteri this HTML as
 * one `raw` node publishes the same bytes as handing it the elements.
 *
 * Why: a guideline's reference list, editorial notes and evidence-gap list are large trees. Given
 * as elements, Sätteri serializes them to JSON in JavaScript, parses the JSON in Rust, converts and
 * compiles every element, only to write them back as the same static HTML (at 1,000 guidelines
 * about half of the evidence plugin's compile time). As one string, they cross once.
 */
import type { ElementContent, Properties, RootContent } from 'hast';
import { find, html, svg } from 'property-information';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;' };
const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&"'`]/;
const escapeText = (value: string) => (TEXT_SPECIAL.test(value) ? value.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!) : value);
const escapeAttribute = (value: string) => (ATTRIBUTE_SPECIAL.test(value) ? value.replace(/[&"'`]/g, (c) => ATTRIBUTE_ESCAPES[c]!) : value);

/** Attribute names by property name, for HTML and for SVG (a lower-case HTML property is its own name). */
const names = { html: new Map<string, string>(), svg: new Map<string, string>() };
function attributeName(property: string, inSvg: boolean): string {
	const known = (inSvg ? names.svg : names.html).get(property);
	if (known !== undefined) return known;
	const name = !inSvg && !/[A-Z]/.test(property) ? property : find(inSvg ? svg : html, property).attribute;
	(inSvg ? names.svg : names.html).set(property, name);
	return name;
}

/** An element's attributes, in the order of its properties. */
function attributes(properties: Properties | undefined, inSvg: boolean): string {
	let out = '';
	for (const [name, value] of Object.entries(properties ?? {})) {
		if (value === null || value === undefined || value === false) continue;
		const attribute = attributeName(name, inSvg);
		if (value === true) out += ` ${attribute}`;
		else if (Array.isArray(value)) out += ` ${attribute}="${escapeAttribute(value.filter((v): v is string => typeof v === 'string').join(' '))}"`;
		else if (typeof value === 'string' || typeof value === 'number') out += ` ${attribute}="${escapeAttribute(String(value))}"`;
	}
	return out;
}

function node(child: ElementContent | RootContent, inRawText: boolean, inSvg: boolean): string {
	switch (child.type) {
		case 'text':
			return inRawText ? child.value : escapeText(child.value);
		case 'comment':
			return `<!--${child.value}-->`;
		case 'raw':
			return child.value;
		case 'element': {
			const svgHere = inSvg || child.tagName === 'svg';
			const open = `<${child.tagName}${attributes(child.properties, svgHere)}>`;
			if (VOID.has(child.tagName)) return open;
			return `${open}${staticHtml(child.children, inRawText || RAW_TEXT.has(child.tagName), svgHere)}</${child.tagName}>`;
		}
		default:
			return '';
	}
}

/** The HTML Sätteri writes for these hast nodes in a static part of a page. */
export function staticHtml(children: readonly (ElementContent | RootContent)[], inRawText = false, inSvg = false): string {
	let out = '';
	for (const child of children) out += node(child, inRawText, inSvg);
	return out;
}
