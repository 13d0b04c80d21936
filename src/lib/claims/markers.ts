/**
 * The three inline markers editors write in guideline text (Pandoc-style brackets, which stay
 * plain text in MDX so no escaping is needed):
 *
 * - `[@key]` or `[@key1; @key2]`: cites references by citation key (file name in content/references).
 * - `[!gap-id]`: cites an evidence gap declared in frontmatter `evidenceGaps` (may be mixed:
 *   `[!source-ref-8; @key]`).
 * - `[#id]`: sets the permanent anchor id of the heading or claim it ends.
 * - `[not-a-claim]`: ends a block of guideline text that states nothing clinical (a line that
 *   introduces a list). Written by the editor and seen by the reviewer; readers do not see it. Text
 *   is never exempted from citing because of how it looks (a final ":"), only by this marker.
 *
 * This module scans the *value of one mdast text node*. Code, comments and quotations never reach
 * it: the caller walks the syntax tree and only passes prose text nodes.
 */

import { SLUG } from '../../schemas/slug.ts';

export type CiteItem = { type: 'ref'; key: string } | { type: 'gap'; id: string };

export type Marker =
	| { kind: 'cite'; items: CiteItem[]; start: number; end: number }
	| { kind: 'id'; id: string; start: number; end: number }
	| { kind: 'not-claim'; start: number; end: number };

/** The marker that declares a block not a claim. */
export const NOT_A_CLAIM = '[not-a-claim]';

export interface MarkerProblem {
	/** Offset in the scanned string. */
	start: number;
	/** The marker as written. */
	raw: string;
	message: string;
}

/** Ids and keys: lower-case letters and digits, words joined by single hyphens. */
export const ID_PATTERN = SLUG;

const OPENERS = new Set(['@', '!', '#']);

/** Finds every marker in `text`, in order, with malformed ones reported as problems. */
export function scanMarkers(text: string): { markers: Marker[]; problems: MarkerProblem[] } {
	const markers: Marker[] = [];
	const problems: MarkerProblem[] = [];
	let from = 0;
	for (;;) {
		const start = text.indexOf('[', from);
		if (start === -1) break;
		const opener = text[start + 1];
		if (text.startsWith(NOT_A_CLAIM, start)) {
			markers.push({ kind: 'not-claim', start, end: start + NOT_A_CLAIM.length });
			from = start + NOT_A_CLAIM.length;
			continue;
		}
		if (opener === undefined || !OPENERS.has(opener)) {
			from = start + 1;
			continue;
		}
		const close = text.indexOf(']', start);
		const nextOpen = text.indexOf('[', start + 1);
		if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
			problems.push({ start, raw: text.slice(start, start + 20), message: 'This marker is never closed with "]".' });
			from = start + 1;
			continue;
		}
		const raw = text.slice(start, close + 1);
		const inner = text.slice(start + 1, close).trim();
		from = close + 1;
		if (opener === '#') {
			const id = inner.slice(1).trim();
			if (!ID_PATTERN.test(id)) {
				problems.push({ start, raw, message: `"${id}" is not a usable id: use lower-case words joined by hyphens, e.g. [#rest-until-pain-free].` });
				continue;
			}
			markers.push({ kind: 'id', id, start, end: close + 1 });
			continue;
		}
		const items: CiteItem[] = [];
		let bad = false;
		for (const part of inner.split(';')) {
			const item = part.trim();
			const sigil = item[0];
			const name = item.slice(1).trim();
			if ((sigil !== '@' && sigil !== '!') || !ID_PATTERN.test(name)) {
				problems.push({
					start,
					raw,
					message: `"${item}" in ${raw} is not a citation: write @key for a reference or !gap-id for an evidence gap, separated by ";".`,
				});
				bad = true;
				break;
			}
			items.push(sigil === '@' ? { type: 'ref', key: name } : { type: 'gap', id: name });
		}
		if (!bad) markers.push({ kind: 'cite', items, start, end: close + 1 });
	}
	return { markers, problems };
}

/** `text` with every marker removed and white space tidied: what a reader sees. */
export function stripMarkers(text: string): string {
	const { markers } = scanMarkers(text);
	let out = '';
	let at = 0;
	for (const m of markers) {
		out += text.slice(at, m.start);
		at = m.end;
	}
	out += text.slice(at);
	return out.replace(/\u2060/g, '').replace(/\s+/g, ' ').trim();
}
