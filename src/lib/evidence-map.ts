/**
 * The evidence map: every claim on the site against the references it cites, with evidence kind
 * and year, and two flags: support only from old references (older than a configurable age) and
 * support only from secondary sources (summaries of other sources). Pure: computed from the
 * claim check's index.
 */
import type { ContentIndex } from './check/types.ts';
import type { EvidenceKind } from '../schemas/reference.ts';

/** Default age, in years, beyond which a reference counts as old. */
export const DEFAULT_MAX_AGE_YEARS = 15;

export interface MapReference {
	key: string;
	title: string;
	year: number | undefined;
	kind: EvidenceKind;
	tier: 'primary' | 'secondary' | 'unknown';
}

export interface MapClaim {
	pageId: string;
	pageTitle: string;
	claimId: string;
	/** Site path with anchor, e.g. /guidelines/x/y/#avoid-lipus. */
	href: string;
	text: string;
	references: MapReference[];
	/** Evidence gaps the claim cites instead of (or besides) references. */
	gaps: string[];
	/** Every cited reference is older than the age limit. */
	onlyOld: boolean;
	/** Every cited reference is a secondary source. */
	onlySecondary: boolean;
}

export interface EvidenceMap {
	claims: MapClaim[];
	/** Claims citing each reference key. */
	byReference: Map<string, MapClaim[]>;
	maxAgeYears: number;
	year: number;
}

export function buildEvidenceMap(index: ContentIndex, options: { maxAgeYears?: number; year?: number } = {}): EvidenceMap {
	const maxAgeYears = options.maxAgeYears ?? DEFAULT_MAX_AGE_YEARS;
	const year = options.year ?? new Date().getUTCFullYear();
	const claims: MapClaim[] = [];
	const byReference = new Map<string, MapClaim[]>();
	for (const page of index.pages) {
		if (page.type !== 'guideline') continue;
		for (const claim of page.claims) {
			const references: MapReference[] = claim.cites.flatMap((c) => {
				const ref = c.type === 'ref' ? index.references.get(c.key) : undefined;
				if (!ref) return [];
				const evidence = ref.data['x-evidence'];
				return [{ key: ref.data.id, title: ref.data.title, year: ref.data.issued?.['date-parts'][0][0], kind: evidence.kind, tier: evidence.tier }];
			});
			const unique = [...new Map(references.map((r) => [r.key, r])).values()];
			const row: MapClaim = {
				pageId: page.id,
				pageTitle: typeof page.frontmatter.title === 'string' ? page.frontmatter.title : page.id,
				claimId: claim.id,
				href: `/${page.id}/#${claim.id}`,
				text: claim.text,
				references: unique,
				gaps: claim.cites.flatMap((c) => (c.type === 'gap' ? [c.id] : [])),
				onlyOld: unique.length > 0 && unique.every((r) => r.year !== undefined && year - r.year > maxAgeYears),
				onlySecondary: unique.length > 0 && unique.every((r) => r.tier === 'secondary'),
			};
			claims.push(row);
			for (const r of unique) byReference.set(r.key, [...(byReference.get(r.key) ?? []), row]);
		}
	}
	return { claims, byReference, maxAgeYears, year };
}
