/**
 * Citations, computed from the claims before anything is rendered: which statements cite each
 * reference and gap (the back-links of the reference and gap lists), the numbered citation group
 * that replaces a marker, and the reader-facing evidence kinds of a statement.
 */
import type { Element, ElementContent } from 'hast';
import { h } from './h.ts';
import type { Claim } from '../analyze.ts';
import type { CiteItem } from '../markers.ts';
import type { EvidenceGap } from '../../../schemas/evidence-gap.ts';
import type { LoadedReference } from '../../references/load.ts';
import { describeKind } from '../../references/labels.ts';
import { gapAnchor, referenceAnchor } from '../../content/anchors.ts';
import { srOnly } from './hast.ts';

/** How each kind of evidence gap is named on the page. */
export const GAP_TITLES: Record<EvidenceGap['kind'], string> = {
	'unresolved-citation': 'Unresolved citation',
	'unsupported-statement': 'Unsupported statement',
};
/** A cited gap id that is not declared (the check reports it; the page still renders). */
export const UNKNOWN_GAP_TITLE = 'Unknown evidence gap';

export interface BackLinks {
	/** Statements citing each reference key, in reading order, each once. */
	byReference: Map<string, Claim[]>;
	/** Statements citing each evidence gap id, in reading order, each once. */
	byGap: Map<string, Claim[]>;
}

/** Who cites what, from the claims (in reading order: bottom line first). */
export function backLinks(claims: readonly Claim[]): BackLinks {
	const byReference = new Map<string, Claim[]>();
	const byGap = new Map<string, Claim[]>();
	for (const claim of claims) {
		for (const cite of claim.cites) {
			const map = cite.type === 'ref' ? byReference : byGap;
			const key = cite.type === 'ref' ? cite.key : cite.id;
			const list = map.get(key) ?? [];
			if (!list.includes(claim)) list.push(claim);
			map.set(key, list);
		}
	}
	return { byReference, byGap };
}

export interface CitationContext {
	/** Reference numbers by key (numbering.ts). */
	numbers: ReadonlyMap<string, number>;
	/** Declared evidence gaps by id. */
	gaps: ReadonlyMap<string, EvidenceGap>;
}

/**
 * The citation group that replaces a marker: "¹,²" as links to the reference list (a gap as "?"
 * or its label) with words for screen readers. Citations carry no preview of their own: one shared
 * preview (src/components/CitePreviews.astro) is filled on demand from the entry the link points to.
 */
export function citationGroup(items: readonly CiteItem[], context: CitationContext): Element {
	const parts: ElementContent[] = [];
	items.forEach((item, i) => {
		if (i > 0) parts.push({ type: 'text', value: ',' });
		if (item.type === 'ref') {
			const n = context.numbers.get(item.key);
			parts.push(h('a', { class: 'cite', href: `#${referenceAnchor(item.key)}`, 'data-cite': item.key }, [srOnly('Reference '), String(n ?? '?')]));
		} else {
			const gap = context.gaps.get(item.id);
			const title = gap ? GAP_TITLES[gap.kind] : UNKNOWN_GAP_TITLE;
			const label = gap?.label ? `${gap.label}?` : '!';
			parts.push(h('a', { class: 'cite cite-gap', href: `#${gapAnchor(item.id)}`, 'data-gap': item.id }, [srOnly(`${title} `), label]));
		}
	});
	// Citation numbers and their screen-reader text are not words of the statement: left out of the
	// search index (otherwise "hills" + "Reference 6" is indexed as "hillsReference").
	return h('sup', { class: 'citations', 'data-pagefind-ignore': '' }, parts);
}

/** Reader-facing kinds of the references a statement cites (the per-statement "evidence" search filter). */
export function evidenceKinds(claim: Pick<Claim, 'cites'>, refs: ReadonlyMap<string, LoadedReference>): string[] {
	return [...new Set(claim.cites.flatMap((c) => (c.type === 'ref' && refs.has(c.key) ? [describeKind(refs.get(c.key)!.data['x-evidence'].kind)] : [])))];
}

/**
 * Each statement's evidence kinds as page metadata ("id=Kind/Kind;…"): search reads it so the
 * evidence filter applies per statement, not per page.
 */
export function statementEvidenceMeta(claims: readonly Claim[], refs: ReadonlyMap<string, LoadedReference>): string {
	const byStatement = claims
		.filter((c) => c.kind !== 'heading')
		.map((c) => `${c.id}=${evidenceKinds(c, refs).join('/')}`)
		.join(';');
	return `statement-evidence:${byStatement.replaceAll(',', ' ')}`;
}
