/**
 * Editorial notes and evidence gaps: a flag for each note under the bottom line, and the two lists
 * near the end of the page, each gap with the statements flagged with it.
 */
import type { Element } from 'hast';
import { h } from './h.ts';
import type { Claim } from '../analyze.ts';
import type { EditorialNote } from '../../../schemas/editorial-note.ts';
import type { EvidenceGap } from '../../../schemas/evidence-gap.ts';
import { gapAnchor, noteAnchor } from '../../content/anchors.ts';
import { GAP_TITLES } from './citations.ts';
import { srOnly } from './hast.ts';

/** How each kind of editorial note is named on the page. */
export const NOTE_TITLES: Record<EditorialNote['kind'], string> = {
	'scope-mismatch': 'Scope mismatch',
	'source-inconsistency': 'Source inconsistency',
};

export const NOTES_INTRO = 'Flaws the editors found in the source beyond missing references. They are shown, not corrected, until clinical review resolves them.';
export const GAPS_INTRO =
	'Statements the source makes without a usable reference. They are published with a visible flag so that readers can weigh them; each needs a reference or removal after clinical review.';

/** An editorial note's flag, shown under the bottom line. */
export function noteFlag(note: EditorialNote): Element {
	return h('p', { class: 'evidence-flag editorial-flag', 'data-editorial-note': note.kind, 'data-pagefind-ignore': '' }, [
		h('strong', `Editorial note · ${NOTE_TITLES[note.kind]}: `),
		note.summary,
		' ',
		h('a', { href: `#${noteAnchor(note.id)}` }, ['More', srOnly(` about the ${NOTE_TITLES[note.kind].toLowerCase()}`)]),
	]);
}

/** The list of editorial notes, in full. */
export function noteList(notes: readonly EditorialNote[]): Element {
	return h(
		'ul',
		{ class: 'gap-list note-list', 'data-pagefind-ignore': '' },
		notes.map((n) => h('li', { id: noteAnchor(n.id), 'data-editorial-note': n.kind }, [h('strong', `${NOTE_TITLES[n.kind]}: `), h('span', { 'data-preview': '' }, n.detail)])),
	);
}

/** One evidence gap, with links to the statements flagged with it. */
export function gapItem(gap: EvidenceGap, flaggedAt: readonly Claim[]): Element {
	const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
	return h('li', { id: gapAnchor(gap.id), 'data-evidence-gap': gap.kind }, [
		h('strong', `${GAP_TITLES[gap.kind]}${gap.label ? ` [${gap.label}]` : ''}: `),
		h('span', { 'data-preview': '' }, gap.reason),
		flaggedAt.length ? h('span', { class: 'ref-backlinks' }, ['Flagged at: ', ...flaggedAt.flatMap((c, i) => [i ? ' ' : '', h('a', { href: `#${c.id}` }, short(c.text))])]) : '',
	]);
}

/** The list of evidence gaps. */
export function gapList(gaps: readonly EvidenceGap[], flaggedAt: ReadonlyMap<string, readonly Claim[]>): Element {
	return h(
		'ul',
		{ class: 'gap-list', 'data-pagefind-ignore': '' },
		gaps.map((gap) => gapItem(gap, flaggedAt.get(gap.id) ?? [])),
	);
}
