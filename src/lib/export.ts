/**
 * Exports of a guideline: the machine-readable JSON for teaching tools and the page's own
 * citation (for "Cite this page"), built from the claim check's index.
 */
import type { ContentIndex, IndexedPage } from './content/types.ts';
import type { GuidelineExport } from '../schemas/guideline-export.ts';
import type { Reference } from '../schemas/reference.ts';
import type { ReviewStatus } from '../schemas/review.ts';

export function pageUrl(site: string, id: string): string {
	return new URL(`/${id}/`, site).href;
}

export function guidelineExport(index: ContentIndex, page: IndexedPage, site: string): GuidelineExport {
	const url = pageUrl(site, page.id);
	const keys = [...new Set(page.claims.flatMap((c) => c.cites.flatMap((x) => (x.type === 'ref' ? [x.key] : []))))];
	return {
		version: 1,
		id: page.id,
		url,
		title: String(page.frontmatter.title),
		reviewStatus: ((page.frontmatter.review as { status?: ReviewStatus } | undefined)?.status ?? 'draft') as ReviewStatus,
		sections: page.headings.filter((h) => h.depth <= 3).map((h) => ({ id: h.id, title: h.text, url: `${url}#${h.id}` })),
		claims: page.claims.map((c) => ({
			id: c.id,
			url: `${url}#${c.id}`,
			kind: c.kind,
			section: c.section,
			text: c.text,
			references: c.cites.flatMap((x) => (x.type === 'ref' ? [x.key] : [])),
			evidenceGaps: c.cites.flatMap((x) => (x.type === 'gap' ? [x.id] : [])),
		})),
		references: keys.flatMap((k) => {
			const ref = index.references.get(k);
			return ref ? [ref.data] : [];
		}),
		evidenceGaps: page.gaps,
	};
}

/** The page itself as a CSL item, for "Cite this page". */
export function pageCitation(page: { id: string; title: string }, site: string, updated: Date | undefined): Reference {
	const date = updated ?? new Date();
	return {
		id: `evidence-handbook-${page.id.split('/').at(-1)}`,
		type: 'webpage',
		title: page.title,
		author: [{ literal: 'Evidence Handbook editors' }],
		'container-title': 'Evidence Handbook',
		URL: pageUrl(site, page.id),
		issued: { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] },
		'x-evidence': { kind: 'clinical-guideline', tier: 'secondary', publisher: 'Evidence Handbook' },
	};
}
