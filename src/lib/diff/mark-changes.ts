/**
 * Marks, inline, each statement changed since the page's last clinical review (issue: readers see
 * what has not been reviewed yet without reading git). Works on the rendered page body: the mark
 * goes just before the statement's own permalink (`<a class="claim-permalink" href="#id">`, which
 * every rendered statement ends with), as words, not colour alone, so it is read aloud and printed.
 */

export interface ChangedStatement {
	id: string;
	kind: 'changed' | 'added';
}

import { GUIDELINE_ANCHORS } from '../content/anchors.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words of the mark, e.g. "Changed since the last review". */
export function changeLabel(kind: ChangedStatement['kind']): string {
	return kind === 'added' ? 'New since the last review' : 'Changed since the last review';
}

/** The page body with a mark on every changed statement; statements not found are left as they are. */
export function markChangedStatements(html: string, changes: readonly ChangedStatement[]): string {
	let out = html;
	for (const change of changes) {
		const permalink = new RegExp(`<a class="claim-permalink" href="#${escapeRegExp(change.id)}"`);
		out = out.replace(
			permalink,
			(anchor) => `<a class="since-review" href="#${GUIDELINE_ANCHORS.changes}" data-pagefind-ignore="">${changeLabel(change.kind)}</a> ${anchor}`,
		);
	}
	return out;
}
