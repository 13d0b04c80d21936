/**
 * Statements as readers see them: marker text rewritten (citation markers become citation groups,
 * ids disappear), the attributes that make a statement its own search result and link target,
 * its permalink, and the notes under a heading that cites.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import type { Element } from 'hast';
import { h } from './h.ts';
import type { Claim } from '../analyze.ts';
import type { CiteItem, Marker } from '../markers.ts';
import type { EvidenceGap } from '../../../schemas/evidence-gap.ts';
import type { Grade } from '../../../schemas/grade.ts';
import { gapAnchor } from '../../content/anchors.ts';
import { gradeAttributes } from '../grade-view.ts';
import { splitHeadingAside } from '../heading-aside.ts';
import { GAP_TITLES, UNKNOWN_GAP_TITLE } from './citations.ts';
import { inlineHast, srOnly } from './hast.ts';

export interface RewriteOptions {
	/** Builds the citation group for a citation marker; without it citation markers are dropped. */
	cite?: ((items: CiteItem[]) => Element) | undefined;
	/** The text belongs to a heading that is a claim: its source artefact ("(74% of studies …)") is set apart. */
	headingClaim?: boolean;
}

/**
 * The inline content that replaces a text node holding markers: the text without its markers,
 * citation groups where citations were, no space left where a marker was before a citation or at
 * the end (the node's own trailing space is kept when it was not a marker's).
 */
export function rewriteMarkers(value: string, markers: readonly Marker[], options: RewriteOptions = {}): PhrasingContent[] {
	const out: PhrasingContent[] = [];
	let at = 0;
	const push = (text: string) => {
		if (text) out.push({ type: 'text', value: text });
	};
	for (const m of markers) {
		push(value.slice(at, m.start));
		at = m.end;
		if (m.kind === 'cite' && options.cite) out.push(inlineHast(options.cite(m.items)));
	}
	push(value.slice(at));
	const merged: PhrasingContent[] = [];
	for (const part of out) {
		const prev = merged.at(-1);
		if (part.type === 'text' && prev?.type === 'text') prev.value += part.value;
		else merged.push(part);
	}
	const endsWithMarker = markers.length > 0 && markers.at(-1)?.end === value.trimEnd().length;
	merged.forEach((part, i) => {
		if (part.type !== 'text') return;
		const next = merged[i + 1];
		if ((next && next.type !== 'text') || (!next && endsWithMarker)) part.value = part.value.replace(/\s+$/, '');
	});
	const parts = merged.filter((part) => part.type !== 'text' || part.value !== '');
	if (!options.headingClaim) return parts;
	return parts.flatMap((part): PhrasingContent[] => {
		const split = part.type === 'text' ? splitHeadingAside(part.value) : undefined;
		if (!split) return [part];
		return [{ type: 'text', value: `${split.main} ` }, inlineHast(h('span', { class: 'heading-aside' }, split.aside))];
	});
}

/**
 * A statement's attributes: its permanent id, its kind, the evidence kinds it cites, the gaps it is
 * flagged with, and its grade. (No Pagefind sub-result title: the search dialog cuts its results
 * from the indexed text itself, src/lib/search/rank.ts; a title would only grow the index.)
 */
export function statementProps(claim: Pick<Claim, 'id' | 'kind' | 'text' | 'cites'>, kinds: readonly string[], grade?: Grade): Record<string, unknown> {
	const props: Record<string, unknown> = { id: claim.id, 'data-claim': claim.kind };
	if (kinds.length) props['data-evidence'] = kinds.join('/');
	const gapsCited = claim.cites.filter((c) => c.type === 'gap');
	if (gapsCited.length) props['data-evidence-gap'] = gapsCited.map((g) => (g.type === 'gap' ? g.id : '')).join(' ');
	if (grade) Object.assign(props, gradeAttributes(grade));
	return props;
}

/** The "#" after a statement that links to it. */
export function statementPermalink(id: string): Element {
	return h('a', { class: 'claim-permalink', href: `#${id}`, 'data-pagefind-ignore': '' }, [srOnly('Link to this statement'), h('span', { 'aria-hidden': 'true' }, '#')]);
}

/** "Source(s) for this heading: ¹,²" under a heading that cites references (mdast: the heading and the TOC keep plain text). */
export function headingSources(headingId: string, refCount: number, group: Element): Paragraph {
	return {
		type: 'paragraph',
		data: { hProperties: { class: 'heading-sources', 'data-heading': headingId } },
		children: [{ type: 'text', value: refCount === 1 ? 'Source for this heading: ' : 'Sources for this heading: ' }, inlineHast(group)],
	} as Paragraph;
}

/** The visible flag under a heading that cites an evidence gap. */
export function evidenceFlag(id: string, gap: EvidenceGap | undefined): Element {
	return h('p', { class: 'evidence-flag', 'data-evidence-gap': id, 'data-pagefind-ignore': '' }, [
		h('strong', `${gap ? GAP_TITLES[gap.kind] : UNKNOWN_GAP_TITLE}: `),
		gap?.reason ?? '',
		' ',
		h('a', { href: `#${gapAnchor(id)}` }, 'See evidence gaps'),
	]);
}
