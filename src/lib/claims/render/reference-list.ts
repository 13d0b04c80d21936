/**
 * The reference list at the end of a guideline: in citation order, each entry with its formatted
 * reference (the citation preview reads it), its links, what kind of evidence it is, editorial
 * notes about it and the statements citing it (section › statement).
 */
import type { Element, ElementContent } from 'hast';
import { h } from './h.ts';
import type { Claim } from '../analyze.ts';
import type { EditorialNote } from '../../../schemas/editorial-note.ts';
import type { LoadedReference } from '../../references/load.ts';
import { formatReferenceHtml, referenceHast } from '../../references/csl.ts';
import { describeKind } from '../../references/labels.ts';
import { referenceLinks } from '../../references/links.ts';
import { noteAnchor, referenceAnchor } from '../../content/anchors.ts';
import { NOTE_TITLES } from './notes-and-gaps.ts';

const LINK_LABELS = { doi: (id: string) => `DOI ${id}`, pubmed: (id: string) => `PubMed ${id}`, url: () => 'Source' };

export interface ReferenceItemInput {
	key: string;
	/** Its citation number. */
	n: number;
	/** Undefined when no reference file has this key (the check reports it). */
	ref: LoadedReference | undefined;
	/** Statements citing it, in reading order. */
	citing: readonly Claim[];
	/** The page's editorial notes (those naming this reference are linked). */
	notes: readonly EditorialNote[];
	/** The section a citing statement sits in, as readers see its heading. */
	sectionName: (claim: Claim) => string;
}

/** One entry of the reference list. */
export function referenceItem({ key, n, ref, citing, notes, sectionName }: ReferenceItemInput): Element {
	if (!ref) return h('li', { id: referenceAnchor(key), value: n }, [h('strong', 'Missing reference: '), `"${key}" has no file in content/references/.`]);
	const data = ref.data;
	const links = referenceLinks(data).map((link) => h('a', { href: link.href }, LINK_LABELS[link.kind](link.id)));
	const evidence = data['x-evidence'];
	return h('li', { id: referenceAnchor(key), value: n, 'data-reference': key, 'data-pagefind-filter': `evidence:${describeKind(evidence.kind)}` }, [
		h('span', { class: 'ref-text', 'data-preview': '' }, referenceHast(formatReferenceHtml(data)).children as ElementContent[]),
		links.length ? h('span', { class: 'ref-links' }, links.flatMap((l, i) => (i ? [' · ', l] : [l]))) : '',
		h('span', { class: 'ref-meta' }, [
			h('span', { class: 'ref-kind' }, describeKind(evidence.kind)),
			evidence.tier !== 'unknown' ? ` · ${evidence.tier} source` : ' · tier not yet established',
			evidence.sourceLabel ? ` · labelled “${evidence.sourceLabel}” by the source` : '',
		]),
		data['x-missing'] ? h('span', { class: 'ref-missing' }, [h('strong', 'Incomplete: '), `not given by the source: ${data['x-missing'].fields.join(', ')}.`]) : '',
		...notes
			.filter((note) => note.references.includes(key))
			.map((note) => h('span', { class: 'ref-note' }, [h('strong', 'Editorial note: '), h('a', { href: `#${noteAnchor(note.id)}` }, NOTE_TITLES[note.kind])])),
		citing.length ? citedByList(citing, sectionName) : '',
		h('span', { class: 'ref-backlinks' }, [h('a', { href: `/references/${key}/` }, 'Every statement in the handbook citing this reference')]),
	]);
}

/** "Cited by N statements": a disclosure listing section › statement, each linking to the statement. */
export function citedByList(claims: readonly Claim[], sectionName: (claim: Claim) => string): Element {
	const short = (text: string) => (text.length > 140 ? `${text.slice(0, 137).replace(/\s+\S*$/, '')}…` : text);
	return h('details', { class: 'ref-cited-by' }, [
		h('summary', `Cited by ${claims.length} ${claims.length === 1 ? 'statement' : 'statements'}`),
		h(
			'ul',
			claims.map((c) => {
				const section = sectionName(c);
				return h('li', [section ? h('span', { class: 'ref-cited-section' }, `${section} › `) : '', h('a', { href: `#${c.id}` }, short(c.text))]);
			}),
		),
	]);
}

/**
 * The list itself. It is searched on each reference's own page, not here (data-pagefind-ignore
 * keeps its filters); `meta` is the per-statement evidence metadata (citations.ts).
 */
export function referenceList(items: Element[], meta: string): Element {
	return h('ol', { class: 'reference-list', 'data-pagefind-ignore': '', 'data-pagefind-meta': meta }, items);
}
