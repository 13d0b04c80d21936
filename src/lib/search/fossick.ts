/**
 * What Pagefind indexes from one built HTML page (its fragment: text, anchors, metadata, filters),
 * read by us so that the build runs Pagefind once, on the compact records (records.ts), instead of
 * twice (issue 14). Follows Pagefind 1.6's HTML reader (pagefind/src/fossick/parser.rs and
 * mod.rs), rule for rule, with its default options (root selector `html`, no extra exclusions):
 * - `data-pagefind-body`: when a page has one, only what is inside it is the page's text, and (in
 *   `indexablePages`) a site where some page has one indexes only such pages;
 * - `data-pagefind-ignore` (or `="index"`): the element's text is left out, its metadata and filters
 *   still read; `="all"`: left out entirely; `head, style, script, noscript, label, form, svg,
 *   footer, nav, iframe, template` are left out as if ignored;
 * - `data-pagefind-meta`, `-default-meta`, `-filter` ("key", "key:value", "key[attr]", comma
 *   separated), `-index-attrs`, `-weight` (and h1–h6's automatic weights, which only mark the
 *   text), `data-pagefind-title` on anchors;
 * - every element with an id inside the indexed text is an anchor at its word position, its text
 *   that of the element (and of inline elements within it);
 * - block elements end with a full stop unless their text ends in punctuation; whitespace collapsed
 *   as Pagefind collapses it; the title is `data-pagefind-meta="title"`, else the first h1, else <title>.
 * Checked against Pagefind itself on fixture pages (tests/unit/search-fossick.test.ts) and on whole
 * built sites (BENCHMARKS.md). Entities are decoded once, by the HTML parser (Pagefind decodes an
 * anchor's text and a filter value twice: they differ only for text that shows an entity, "&amp;lt;").
 * Pure: HTML in, data out.
 */
import { NO_ATTRIBUTES, scan } from './html-scan.ts';
import type { IndexedPage } from './records.ts';

const SENTENCE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
const INLINE = new Set(['a', 'abbr', 'acronym', 'b', 'bdo', 'big', 'br', 'button', 'cite', 'code', 'dfn', 'em', 'i', 'img', 'input', 'kbd', 'label', 'map', 'object', 'output', 'q', 'samp', 'script', 'select', 'small', 'span', 'strong', 'sub', 'sup', 'textarea', 'time', 'tt', 'var']);
const REMOVE = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
/** Elements with no end tag (the HTML parser's void elements), whose end handlers never run in Pagefind. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const AUTO_WEIGHT: Record<string, string> = { h1: '7', h2: '6', h3: '5', h4: '4', h5: '3', h6: '2' };

/** Unicode White_Space (Rust's `\s` and `split_whitespace`; JavaScript's `\s` differs on U+0085 and U+FEFF). */
const WS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const ALL_SPACES = new RegExp(`[${WS}]`, 'g');
const TRIM = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');
const NEWLINES = /(\n|\r\n)+/g;
const EXTRANEOUS_SPACES = new RegExp(`[${WS}]{2,}`, 'g');
const SPLIT = new RegExp(`[${WS}]+`);
/** Rust's `\w` (Unicode word characters) and the punctuation after which Pagefind adds no full stop. */
const SENTENCE_CHAR = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]/u;
const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;
const ATTRIBUTE = /^\s*([^:[\]]+)\[(.+)\]\s*$/;
const PRIVATE = new RegExp(`___PAGEFIND_[^${WS}]+[${WS}]?`, 'g');

/** Whether a start tag's attributes can matter to Pagefind: an id, a data-pagefind-* attribute, <html lang>, <img src alt>. */
const wantsAttributes = (tag: string, attributes: string) => tag === 'html' || tag === 'img' || (attributes.length > 2 && RELEVANT.test(attributes));
const RELEVANT = /data-pagefind|(?:^|[\t\n\f\r /"'])id(?:[\t\n\f\r />=]|$)/i;

type Status = 'indexing' | 'ignored' | 'excluded' | 'body' | 'parentOfBody';

interface Node {
	tag: string;
	value: string;
	/** The last character of `value` ('' when empty), kept so that `value`, built by concatenation, is never flattened to read it. */
	last: string;
	parent?: Node;
	status: Status;
	filter?: string[] | undefined;
	meta?: string[] | undefined;
	defaultMeta?: string[] | undefined;
	weight?: string | undefined;
	anchorIds?: string[] | undefined;
}

/** Appends a child's text to its parent's. */
function append(parent: Node, child: Node): void {
	if (!child.value.length) return;
	parent.value += child.value;
	parent.last = child.last;
}

/** Pagefind's normalize_content: trimmed, runs of newlines and of two or more spaces made one space. */
function normalize(text: string): string {
	return text.replace(TRIM, '').replace(NEWLINES, ' ').replace(EXTRANEOUS_SPACES, ' ');
}

/** Which ASCII characters are SENTENCE_CHAR (the common case, without a regular expression). */
const ASCII_SENTENCE = Array.from({ length: 128 }, (_, c) => SENTENCE_CHAR.test(String.fromCharCode(c)));

/** The last character of a string (a whole code point). */
const lastChar = (text: string) => {
	const unit = text.charCodeAt(text.length - 1);
	return unit >= 0xdc00 && unit <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
};

/** Whether a text ending in `last` (its last character) gets no full stop from Pagefind. */
const endsSentence = (last: string) => {
	if (last === '') return false;
	const code = last.charCodeAt(0);
	return code < 128 ? ASCII_SENTENCE[code]! : SENTENCE_CHAR.test(last);
};

/** Pagefind's parse_attr_string: "a, b[attr], c:literal" → ["a", "b:<attr's value>", "c:literal"]. */
function parseAttrString(input: string, attribs: Record<string, string>): string[] {
	const colon = input.indexOf(':');
	if (colon !== -1) {
		const attrs = parseAttrString(input.slice(0, colon), attribs);
		if (attrs.length) attrs[attrs.length - 1] += `:${input.slice(colon + 1)}`;
		return attrs;
	}
	return input.split(',').map((chunk) => {
		const trimmed = chunk.trim();
		const m = ATTRIBUTE.exec(chunk);
		return m ? `${m[1]}:${attribs[m[2]!] ?? ''}` : trimmed;
	});
}

/** Pagefind's get_attribute_pair: "key:value" → [key, value]; "key" → [key, the element's text] if it has any. */
function attributePair(node: Node, input: string): [string, string] | undefined {
	const colon = input.indexOf(':');
	if (colon !== -1) return [input.slice(0, colon), normalize(input.slice(colon + 1))];
	return node.value === '' ? undefined : [input, normalize(node.value)];
}

/** What Pagefind reads from a page before it splits the text into words. */
interface Parsed {
	digest: string;
	filters: Map<string, string[]>;
	meta: Map<string, string>;
	anchorContent: Map<string, string>;
	anchorTitles: Map<string, string>;
	hasCustomBody: boolean;
	language: string;
}

function parse(html: string): Parsed {
	const root: Node = { tag: '', value: '', last: '', status: 'indexing' };
	let current = root;
	let htmlDepth = 0;
	let anchorCounter = 0;
	let language: string | undefined;
	const filters = new Map<string, string[]>();
	const meta = new Map<string, string>();
	const defaultMeta = new Map<string, string>();
	const anchorContent = new Map<string, string>();
	const anchorTitles = new Map<string, string>();

	const readMetaAndFilters = (node: Node) => {
		for (const spec of node.filter ?? []) {
			const pair = attributePair(node, spec);
			if (!pair) continue;
			const list = filters.get(pair[0]);
			if (list) list.push(normalize(pair[1]));
			else filters.set(pair[0], [normalize(pair[1])]);
		}
		for (const spec of node.meta ?? []) {
			const pair = attributePair(node, spec);
			if (pair) meta.set(pair[0], pair[1]);
		}
		for (const spec of node.defaultMeta ?? []) {
			const pair = attributePair(node, spec);
			if (pair) defaultMeta.set(pair[0], pair[1]);
		}
	};

	const open = (tag: string, attribs: Record<string, string>): Node | undefined => {
		if (tag === 'html') {
			htmlDepth++;
			if (attribs.lang !== undefined) language = attribs.lang.toLowerCase();
		}
		if (htmlDepth === 0) return undefined;
		const parent = current;
		if (attribs === NO_ATTRIBUTES) {
			// The common case: no attribute Pagefind reads.
			if (tag === 'br') {
				parent.value += ' ';
				parent.last = ' ';
			}
			const node: Node = { tag, value: '', last: '', parent, status: parent.status === 'excluded' ? 'excluded' : REMOVE.has(tag) ? 'ignored' : 'indexing', anchorIds: parent.anchorIds && INLINE.has(tag) ? parent.anchorIds : undefined };
			current = node;
			return node;
		}
		const ignore = attribs['data-pagefind-ignore'];
		const explicit: Status | undefined = ignore === undefined ? undefined : ['', 'index', 'true'].includes(ignore.toLowerCase()) ? 'ignored' : 'excluded';
		const status: Status = 'data-pagefind-body' in attribs ? 'body' : (explicit ?? 'indexing');
		const id = attribs.id === undefined ? undefined : attribs.id.replace(ALL_SPACES, '');
		let anchorId: string | undefined;
		if (status !== 'excluded' && status !== 'ignored' && id !== undefined) {
			if (!(parent.status === 'parentOfBody' && status !== 'body')) {
				parent.value += ` ___PAGEFIND_ANCHOR___${tag}:${anchorCounter}:${id} `;
				parent.last = ' ';
				anchorId = `${anchorCounter}:${id}`;
				anchorCounter++;
			}
		}
		const title = attribs['data-pagefind-title'] === undefined ? '' : normalize(attribs['data-pagefind-title']);
		if (anchorId !== undefined && title) anchorTitles.set(anchorId, title);
		if (status !== 'excluded') {
			const indexAttrs = attribs['data-pagefind-index-attrs'];
			if (indexAttrs !== undefined) {
				for (const attr of indexAttrs.split(',')) {
					let value = attribs[attr.trim()] ?? '';
					if (endsSentence(lastChar(value))) value += '.';
					parent.value += ` ${value} `;
					parent.last = ' ';
				}
			}
			if (tag === 'br') {
				parent.value += ' ';
				parent.last = ' ';
			}
		}
		// Shared with the parent (never changed in place).
		let anchorIds = parent.anchorIds && INLINE.has(tag) ? parent.anchorIds : undefined;
		if (anchorId !== undefined) anchorIds = anchorIds ? [...anchorIds, anchorId] : [anchorId];
		const attr = (name: string) => (attribs[name] === undefined ? undefined : parseAttrString(attribs[name]!, attribs));
		const node: Node = {
			tag,
			value: '',
			last: '',
			parent,
			status: parent.status === 'excluded' ? 'excluded' : status,
			filter: attr('data-pagefind-filter'),
			meta: attr('data-pagefind-meta'),
			defaultMeta: attr('data-pagefind-default-meta'),
			weight: attribs['data-pagefind-weight'],
			anchorIds,
		};
		current = node;
		if (REMOVE.has(tag)) node.status = 'ignored';
		return node;
	};

	/** An element with no end tag (void, or self-closing in SVG): Pagefind closes it at once, so an excluded selector marks the parent. */
	const closeEmpty = (node: Node | undefined, attribs: Record<string, string>) => {
		if (node?.tag === 'html') htmlDepth--;
		if (!node) return;
		const parent = node.parent!;
		current = parent;
		if (REMOVE.has(node.tag)) parent.status = 'ignored';
		if (node.status === 'excluded') return;
		readMetaAndFilters(node);
		if (node.tag === 'img' && !meta.has('auto_image') && (meta.has('auto_title') || meta.has('title')) && attribs.src !== undefined) {
			meta.set('auto_image', attribs.src);
			if (attribs.alt !== undefined) meta.set('auto_image_alt', attribs.alt);
		}
	};

	const close = (node: Node) => {
		current = node.parent ?? root;
		if (node.status === 'excluded') return;
		readMetaAndFilters(node);
		const tag = node.tag;
		if (tag === 'h1' && !meta.has('auto_title') && node.value.replace(TRIM, '') !== '') meta.set('auto_title', normalize(node.value));
		if (tag === 'title' && !meta.has('auto_page_title')) meta.set('auto_page_title', normalize(node.value));
		if (node.status === 'ignored') return;
		if (SENTENCE.has(tag)) {
			node.value = ` ${node.value}`;
			if (endsSentence(node.last || ' ')) node.value += '.';
			node.value += ' ';
			node.last = ' ';
		}
		if (node.weight !== undefined || AUTO_WEIGHT[tag]) {
			node.value = node.weight !== undefined ? ` ___PAGEFIND_WEIGHT___${node.weight} ${node.value} ___END_PAGEFIND_WEIGHT___ ` : ` ___PAGEFIND_AUTO_WEIGHT___${AUTO_WEIGHT[tag]} ${node.value} ___END_PAGEFIND_WEIGHT___ `;
			node.last = ' ';
		}
		const parent = current;
		if (parent.status === 'parentOfBody' && node.status !== 'body' && node.status !== 'parentOfBody') return;
		if (node.status === 'indexing') append(parent, node);
		else if (node.status === 'body' || node.status === 'parentOfBody') {
			if (parent.status !== 'parentOfBody') {
				parent.value = '';
				parent.last = '';
			}
			append(parent, node);
			parent.status = 'parentOfBody';
		}
	};

	const text = (chunk: string) => {
		if (htmlDepth === 0) return;
		const node = current;
		node.value += chunk;
		if (chunk.length) node.last = lastChar(chunk);
		if (node.status !== 'ignored' && node.status !== 'excluded' && node.anchorIds) {
			for (const id of node.anchorIds) anchorContent.set(id, (anchorContent.get(id) ?? '') + chunk);
		}
	};

	// Like Pagefind's streaming reader, the HTML is never repaired into a tree: no end tag is implied
	// (a <p> runs on past a <div>), an end tag closes the nearest open element of its name, and
	// elements skipped over that way never get their end (their text is lost, as in Pagefind).
	const stack: { tag: string; node: Node | undefined }[] = [];
	let foreign = 0;
	scan(html, {
		text,
		open(tag, attribs, selfClosing) {
			if (selfClosing && (foreign > 0 || tag === 'svg' || tag === 'math')) return closeEmpty(open(tag, attribs), attribs);
			const node = open(tag, attribs);
			if (VOID.has(tag)) return closeEmpty(node, attribs);
			stack.push({ tag, node });
			if (tag === 'svg' || tag === 'math') foreign++;
		},
		close(tag) {
			let at = stack.length - 1;
			while (at >= 0 && stack[at]!.tag !== tag) at--;
			if (at < 0) return;
			for (let i = at; i < stack.length; i++) if (stack[i]!.tag === 'svg' || stack[i]!.tag === 'math') foreign--;
			const entry = stack[at]!;
			stack.length = at;
			if (tag === 'html') htmlDepth--;
			if (entry.node) close(entry.node);
		},
	}, wantsAttributes);

	// Elements left open: collapsed into their parents as Pagefind does at the end.
	let node = current;
	while (node.parent) {
		const parent = node.parent;
		if (parent.status !== 'parentOfBody') {
			if (node.status === 'indexing') append(parent, node);
			else if (node.status === 'body' || node.status === 'parentOfBody') {
				parent.value = node.value;
				parent.last = node.last;
				parent.status = 'parentOfBody';
			}
		}
		node = parent;
	}
	const image = meta.get('auto_image');
	if (image !== undefined) {
		const alt = meta.get('auto_image_alt') ?? '';
		meta.delete('auto_image');
		meta.delete('auto_image_alt');
		if (!meta.has('image')) {
			meta.set('image', image);
			meta.set('image_alt', alt);
		}
	}
	for (const auto of ['auto_title', 'auto_page_title']) {
		const title = meta.get(auto);
		if (title === undefined) continue;
		meta.delete(auto);
		if (!meta.has('title')) meta.set('title', title);
	}
	for (const [k, v] of meta) defaultMeta.set(k, v);
	return { digest: normalize(root.value), filters, meta: defaultMeta, anchorContent, anchorTitles, hasCustomBody: root.status === 'parentOfBody', language: language || 'unknown' };
}

/** Keys in Pagefind's order (a Rust BTreeMap: by code point). */
const sorted = <T>(map: Map<string, T>): Record<string, T> => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** One page as Pagefind reads it, with what decides whether Pagefind indexes it. */
export interface FossickedPage extends IndexedPage {
	/** The page has a `data-pagefind-body` element. */
	hasCustomBody: boolean;
	/** Some word of the text has a letter or digit (Pagefind drops a page with none). */
	hasWords: boolean;
	/** The page's language (`<html lang>`, lower case), "unknown" without one. */
	language: string;
}

/** Pagefind's URL for a built file (its path in the site, `/` separated): "guidelines/a/index.html" → "/guidelines/a/". */
export function pageUrl(path: string): string {
	if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
	if (path === 'index.html') return '/';
	return `/${path}`;
}

/** What Pagefind indexes from one HTML page (`path`: the file's path in the site, `/` separated). */
export function fossick(path: string, html: string): FossickedPage {
	const parsed = parse(html);
	const anchors: IndexedPage['anchors'] = [];
	const words: string[] = [];
	let hasWords = false;
	for (const raw of parsed.digest.split(SPLIT)) {
		if (raw === '') continue;
		// Pagefind's markers all start with "___".
		if (raw.charCodeAt(0) === 95 && raw.startsWith('___PAGEFIND_ANCHOR___')) {
			const rest = raw.replace('___PAGEFIND_ANCHOR___', '');
			const colon = rest.indexOf(':');
			if (colon === -1) continue;
			const element = rest.slice(0, colon);
			const anchorId = rest.slice(colon + 1);
			const idColon = anchorId.indexOf(':');
			if (idColon === -1) continue;
			const title = parsed.anchorTitles.get(anchorId);
			const anchor: IndexedPage['anchors'][number] = { element, id: anchorId.slice(idColon + 1), text: normalize(normalize(parsed.anchorContent.get(anchorId) ?? '')), location: words.length };
			if (title !== undefined) anchor.title = title;
			anchors.push(anchor);
			continue;
		}
		if (raw.charCodeAt(0) === 95 && (raw.startsWith('___PAGEFIND_WEIGHT___') || raw.startsWith('___PAGEFIND_AUTO_WEIGHT___') || raw.startsWith('___END_PAGEFIND_WEIGHT___'))) continue;
		const word = raw.includes('\u200b') ? raw.replaceAll('\u200b', '') : raw;
		if (word === '') continue;
		if (!hasWords && ALPHANUMERIC.test(word)) hasWords = true;
		words.push(word);
	}
	const tidy = (value: string) => value.replace(PRIVATE, '');
	const filters = new Map([...parsed.filters].map(([k, values]) => [k, values.map(tidy)]));
	const meta = new Map([...parsed.meta].map(([k, v]) => [k, tidy(v)]));
	return {
		url: pageUrl(path),
		content: words.join(' '),
		meta: sorted(meta),
		filters: sorted(filters),
		anchors,
		hasCustomBody: parsed.hasCustomBody,
		hasWords,
		language: parsed.language,
	};
}

/** The pages Pagefind indexes out of a site's: only those with `data-pagefind-body` if any has one, and only pages with words. */
export function indexablePages(pages: readonly FossickedPage[]): IndexedPage[] {
	const customBody = pages.some((p) => p.hasCustomBody);
	return pages.filter((p) => (!customBody || p.hasCustomBody) && p.hasWords).map(({ hasCustomBody: _b, hasWords: _w, language: _l, ...page }) => page);
}
