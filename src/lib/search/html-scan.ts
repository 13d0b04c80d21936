/**
 * A fast, streaming read of an HTML document's tokens, for the search index (fossick.ts): start
 * tags with their attributes, end tags and text, in document order, as the HTML tokenizer reads
 * them (WHATWG "tokenization": comments, doctypes and processing instructions skipped; script,
 * style and the other raw-text elements' content is text up to their end tag; title and textarea
 * content is text with entities decoded; entities decoded in text and attribute values). No tree is
 * built and no end tag is implied: what to do with the tokens is the caller's (fossick.ts follows
 * Pagefind's reader). Entities are decoded by htmlparser2's tokenizer, only in the text that has one.
 *
 * Written for speed on large sites (it reads every built page, 150 MB at 1,000 guidelines): text
 * between tags is sliced, never walked character by character; attributes are parsed only for a
 * tag whose attribute text might hold what the caller asks for (`wants`). One simplification: an
 * attribute value with a quote character must itself be in quotes (Astro and every HTML serializer
 * write them so); an unquoted value like `title=it's` would be misread.
 */
import { Tokenizer } from 'htmlparser2';

export interface ScanHandlers {
	text(text: string): void;
	/** A start tag (name in lower case) and its attributes (names in lower case, the first of a name kept), or NO_ATTRIBUTES when `wants` says none is needed. */
	open(tag: string, attribs: Record<string, string>, selfClosing: boolean): void;
	close(tag: string): void;
}

const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const RCDATA = new Set(['title', 'textarea']);
/** A start tag's name and attribute text, up to its `>` (quoted values may hold `>`). */
const START_TAG = /([a-zA-Z][^\t\n\f\r />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const END_TAG = /([a-zA-Z][^\t\n\f\r />]*)[^>]*>/y;
const ATTRIBUTE = /[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?/y;
/** The attributes given for a tag whose attributes the caller does not want. */
export const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Text with its character references decoded (as the HTML tokenizer decodes them in text or in an attribute value). */
function decode(text: string, inAttribute: boolean): string {
	if (!text.includes('&')) return text;
	let out = '';
	const collect = {
		ontext: (start: number, end: number) => (out += source.slice(start, end)),
		ontextentity: (cp: number) => (out += String.fromCodePoint(cp)),
		onattribdata: (start: number, end: number) => (out += source.slice(start, end)),
		onattribentity: (cp: number) => (out += String.fromCodePoint(cp)),
	};
	const noop = () => {};
	const quote = text.includes('"') ? "'" : '"';
	const source = inAttribute ? `<a x=${quote}${text}${quote}>` : text;
	const tokenizer = new Tokenizer({ decodeEntities: true }, { onattribname: noop, onattribend: noop, oncdata: noop, onclosetag: noop, oncomment: noop, ondeclaration: noop, onend: noop, onopentagend: noop, onopentagname: noop, onprocessinginstruction: noop, onselfclosingtag: noop, ...collect });
	tokenizer.write(source);
	tokenizer.end();
	return out;
}

/** The attributes in a start tag's attribute text. */
export function parseAttributes(text: string): Record<string, string> {
	const attribs: Record<string, string> = {};
	let at = 0;
	while (at < text.length) {
		ATTRIBUTE.lastIndex = at;
		const m = ATTRIBUTE.exec(text);
		if (!m || ATTRIBUTE.lastIndex === at) break;
		at = ATTRIBUTE.lastIndex;
		const name = m[1]!.toLowerCase();
		if (Object.hasOwn(attribs, name)) continue;
		attribs[name] = decode(m[2] ?? m[3] ?? m[4] ?? '', true);
	}
	return attribs;
}

/**
 * Reads `html`, calling `handlers` for each token. `wants(tag, attributeText)` says whether the
 * caller needs the tag's attributes (else it gets an empty object).
 */
export function scan(html: string, handlers: ScanHandlers, wants: (tag: string, attributes: string) => boolean = () => true): void {
	const { length } = html;
	let at = 0;
	while (at < length) {
		const lt = html.indexOf('<', at);
		if (lt === -1) {
			handlers.text(decode(html.slice(at), false));
			return;
		}
		if (lt > at) handlers.text(decode(html.slice(at, lt), false));
		const next = html.charCodeAt(lt + 1);
		if (next === 33 /* ! */) {
			// Comment, doctype or CDATA: skipped.
			const end = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
			at = end === -1 ? length : end + (html.startsWith('<!--', lt) ? 3 : 1);
			continue;
		}
		if (next === 63 /* ? */) {
			const end = html.indexOf('>', lt + 2);
			at = end === -1 ? length : end + 1;
			continue;
		}
		if (next === 47 /* / */) {
			END_TAG.lastIndex = lt + 2;
			const m = END_TAG.exec(html);
			if (m) {
				at = END_TAG.lastIndex;
				handlers.close(m[1]!.toLowerCase());
			} else {
				// "</>" is dropped; "</ …" is a bogus comment up to ">".
				const end = html.indexOf('>', lt + 2);
				at = end === -1 ? length : end + 1;
			}
			continue;
		}
		START_TAG.lastIndex = lt + 1;
		const m = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) ? START_TAG.exec(html) : null;
		if (!m) {
			// A "<" that starts no tag is text.
			handlers.text('<');
			at = lt + 1;
			continue;
		}
		at = START_TAG.lastIndex;
		const tag = m[1]!.toLowerCase();
		const rest = m[2]!;
		const selfClosing = rest.endsWith('/');
		handlers.open(tag, wants(tag, rest) ? parseAttributes(rest) : NO_ATTRIBUTES, selfClosing);
		if (RAW_TEXT.has(tag) || RCDATA.has(tag)) {
			// Text up to the element's end tag ("</script", any case, then a space, "/" or ">").
			const close = new RegExp(`</${tag}[\\t\\n\\f\\r />]`, 'gi');
			close.lastIndex = at;
			const end = close.exec(html);
			const stop = end ? end.index : length;
			if (stop > at) handlers.text(RCDATA.has(tag) ? decode(html.slice(at, stop), false) : html.slice(at, stop));
			at = stop;
		}
	}
}
