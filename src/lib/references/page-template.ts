/**
 * Reference pages from one Starlight rendering. A site has a page per reference
 * (src/pages/references/[key].astro) and every one is the same Starlight page (head, header, the
 * same sidebar — no reference page is in it —, footer, scripts and styles) around four values: the
 * title, the description, the address and the body (the formatted reference, its details and the
 * statements citing it). Rendering each through `<StarlightPage>` cost about 2 ms of CPU per page
 * (route data, sidebar, head, the whole component tree: BENCHMARKS.md, "Render side"). So the build
 * renders through Starlight once a template page whose four values are sentinels, and each
 * reference page's route renders only its body (with the same component, so its HTML is Astro's
 * own) inside a small stub element; the integration (reference-template-integration.ts) puts each
 * stub's values into the template before anything reads the pages (sitemap, Pagefind, the search
 * data and CSP steps).
 *
 * Equal by construction, not by imitation: a page is filled from the template only when its title
 * and description are plain text (`isPlainText`), for which every escaping on the way (Astro's HTML
 * and attribute escaping, the `<title>` escaping and the print CSS string of the route middleware)
 * leaves the text as it is, and when nothing else of the page differs from the template's (no
 * old anchors redirected to it, a title other than the site's). Any other reference page is
 * rendered through Starlight as before. Each build also renders one filled page through Starlight
 * and stops if the two differ (`checkFilled`), and tests/site/reference-template.test.ts builds
 * fixture pages (plain and not) both ways and compares them byte for byte.
 * Pure functions over strings (no file access).
 */

/** The route key of the template page (not a citation key: those are lower-case words and hyphens). */
export const TEMPLATE_KEY = '_eh-reference-template';
/** The route key of the page carrying the stub of the reference the build checks (`checkFilled`). */
export const CHECK_KEY = '_eh-reference-check';
/** Sentinels the template is rendered with: plain text no reference page can contain by chance. */
export const SENTINEL = {
	title: 'EhReferenceTemplateTitle7f3a9c',
	description: 'EhReferenceTemplateDescription7f3a9c',
	body: 'EhReferenceTemplateBody7f3a9c',
} as const;
/** The element a stub page wraps a reference's values and body in. */
export const STUB_TAG = 'eh-reference-stub';

/** The path of a reference page (as in its canonical address), or of the template's. */
export function referencePath(key: string): string {
	return `/references/${key}/`;
}

/** Whether a built page's address is one of the template's helper pages (never published). */
export function isTemplatePage(url: string): boolean {
	const path = new URL(url, 'http://x').pathname;
	return path === referencePath(TEMPLATE_KEY) || path === referencePath(CHECK_KEY);
}

// Characters some escaping on the way would change: HTML text and attributes (& < > " '), the print
// CSS string (backslash, control characters, line separators), and whitespace other than single spaces.
const UNSAFE = /[&<>"'\\\u0000-\u001f\u007f\u2028\u2029]|[^\S ]|  |^ | $/u;

/**
 * Text that every context it lands in (HTML text, attribute values, the `<title>` escaping and the
 * print CSS string) shows as it is: no character any of them escapes or folds. Empty text is not.
 */
export function isPlainText(text: string): boolean {
	return text.length > 0 && !UNSAFE.test(text) && !text.includes(SENTINEL.title) && !text.includes(SENTINEL.description) && !text.includes(SENTINEL.body);
}

/** What a reference page's stub carries. */
export interface StubValues {
	key: string;
	title: string;
	description: string;
	/** The body's HTML, as Astro rendered it. */
	body: string;
}

/** A parsed template: the page split at its sentinels and at every occurrence of its address. */
export interface ReferenceTemplate {
	parts: string[];
	slots: ('title' | 'description' | 'body' | 'path')[];
}

const SLOT = new RegExp(`${SENTINEL.title}|${SENTINEL.description}|${SENTINEL.body}|${escapeRegExp(referencePath(TEMPLATE_KEY))}`, 'g');

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Splits the template page at its sentinels and addresses. Throws when it is not a template this
 * code can fill: the body must appear once, title and description at least once, and the key of the
 * template nowhere but in its address (else some part of the page would depend on it unseen).
 */
export function parseTemplate(html: string): ReferenceTemplate {
	const parts: string[] = [];
	const slots: ReferenceTemplate['slots'] = [];
	let last = 0;
	for (const m of html.matchAll(SLOT)) {
		parts.push(html.slice(last, m.index));
		slots.push(m[0] === SENTINEL.title ? 'title' : m[0] === SENTINEL.description ? 'description' : m[0] === SENTINEL.body ? 'body' : 'path');
		last = m.index + m[0].length;
	}
	parts.push(html.slice(last));
	const count = (slot: string) => slots.filter((s) => s === slot).length;
	if (count('body') !== 1 || count('title') < 1 || count('description') < 1 || parts.some((p) => p.includes(TEMPLATE_KEY))) {
		throw new Error(
			`The reference page template (${referencePath(TEMPLATE_KEY)}) is not one the build can fill: body ${count('body')}× (must be 1), title ${count('title')}×, description ${count('description')}×, other uses of its key: ${parts.some((p) => p.includes(TEMPLATE_KEY)) ? 'yes' : 'no'}. Render reference pages through Starlight (EH_REFERENCE_PAGES=starlight) and report the change that caused this.`,
		);
	}
	return { parts, slots };
}

/** A reference page: the template with the stub's values in place. */
export function fillTemplate(template: ReferenceTemplate, stub: StubValues): string {
	const values = { title: stub.title, description: stub.description, body: stub.body, path: referencePath(stub.key) };
	let out = template.parts[0]!;
	for (let i = 0; i < template.slots.length; i++) out += values[template.slots[i]!] + template.parts[i + 1]!;
	return out;
}

const STUB = new RegExp(`<${STUB_TAG} data-key="([^"]*)" data-title="([^"]*)" data-description="([^"]*)">`);
const STUB_END = `</${STUB_TAG}>`;

/**
 * A stub page's values, or undefined when the page is not a stub (a page rendered through Starlight,
 * whose `<html>` comes first: Astro puts only a doctype, and any head tags a page without `<head>`
 * gets, before a stub).
 */
export function parseStub(html: string): StubValues | undefined {
	const m = STUB.exec(html);
	const end = html.lastIndexOf(STUB_END);
	if (!m || end < m.index || /<html[\s>]/i.test(html.slice(0, m.index))) return undefined;
	return { key: m[1]!, title: m[2]!, description: m[3]!, body: html.slice(m.index + m[0].length, end) };
}

/**
 * Compares a filled page with the same reference rendered through Starlight; returns a message naming
 * the first difference, or undefined when they are equal byte for byte.
 */
export function checkFilled(filled: string, rendered: string, key: string): string | undefined {
	if (filled === rendered) return undefined;
	let i = 0;
	while (i < filled.length && filled[i] === rendered[i]) i++;
	const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 80));
	return `The reference page ${referencePath(key)} filled from the template differs from the same page rendered through Starlight at character ${i}:\n  filled:   ${around(filled)}\n  rendered: ${around(rendered)}\nA change to the page layout (Starlight, an override, the route middleware) made reference pages differ from each other in a way the template does not know. Build with EH_REFERENCE_PAGES=starlight until src/lib/references/page-template.ts handles it.`;
}
