/**
 * The sections the guideline layout adds after the page body (src/components/overrides/
 * MarkdownContent.astro) are not headings of the MDX, so Starlight's "On this page" does not see
 * them. These entries add them, in the order the layout renders them. Pure; used by
 * route-middleware.ts.
 */
import { GUIDELINE_ANCHORS as A } from '../content/anchors.ts';

export interface TocEntry {
	depth: number;
	slug: string;
	text: string;
	children: TocEntry[];
}

/** What the layout renders after a guideline's body. */
export interface GuidelineTail {
	relatedQuestions: number;
	changes: number;
	source: boolean;
	/** The disclaimer's heading, when the page shows one. */
	disclaimer: string | undefined;
}

export function guidelineTocTail(tail: GuidelineTail): TocEntry[] {
	const entry = (slug: string, text: string): TocEntry => ({ depth: 2, slug, text, children: [] });
	return [
		...(tail.relatedQuestions > 0 ? [entry(A.relatedQuestions, 'Related questions')] : []),
		...(tail.changes > 0 ? [entry(A.changes, 'Changes')] : []),
		entry(A.citeThisPage, 'Cite this page'),
		...(tail.source ? [entry(A.source, 'Source')] : []),
		entry(A.authorship, 'Authorship and review'),
		...(tail.disclaimer ? [entry(A.disclaimer, tail.disclaimer)] : []),
	];
}
