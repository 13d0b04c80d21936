/**
 * The evidence map: every claim on the site against the references it cites, with evidence kind
 * and year, and two flags: support only from old references (older than a configurable age) and
 * support only from secondary sources (summaries of other sources); graded statements carry their
 * strength and certainty, which the topic pages filter by. Pure: computed from the claim check's index.
 */
import type { ContentIndex } from './content/types.ts';
import type { EvidenceKind } from '../schemas/reference.ts';
import { certainties, strengths, type Grade } from '../schemas/grade.ts';
import { pageGrades } from './grading.ts';
import { gradeFilterId } from './content/anchors.ts';

/** Default age, in years, beyond which a reference counts as old (content/settings.yaml overrides it). */
export const DEFAULT_MAX_AGE_YEARS = 15;

export interface MapReference {
	key: string;
	title: string;
	year: number | undefined;
	kind: EvidenceKind;
	tier: 'primary' | 'secondary' | 'unknown';
}

export interface MapClaim {
	/** The guideline's main topic (its first `topics` entry, which is also its folder). */
	topic: string;
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
	/** Strength and certainty when the statement is graded (frontmatter `grades:`); absent otherwise. */
	grade?: Pick<Grade, 'strength' | 'direction' | 'certainty'>;
}

export interface EvidenceMap {
	claims: MapClaim[];
	/** Claims citing each reference key. */
	byReference: Map<string, MapClaim[]>;
	maxAgeYears: number;
	year: number;
}

function mainTopic(pageId: string, topics: unknown): string {
	const first = Array.isArray(topics) ? topics[0] : undefined;
	return typeof first === 'string' ? first : (pageId.split('/')[1] ?? 'unsorted');
}

/** Counts for one topic, for the overview page. */
export interface TopicSummary {
	topic: string;
	guidelines: number;
	claims: number;
	onlyOld: number;
	onlySecondary: number;
	withGaps: number;
	/** Statements with a grade (strength and certainty). */
	graded: number;
}

/**
 * Claims grouped by topic, with counts. The overview page lists the counts; each topic has its own
 * page with the full table, so no page grows with the whole site (at 20,000 statements a single
 * table would be megabytes).
 */
export function byTopic(map: EvidenceMap, allTopics: Iterable<string> = []): Map<string, { summary: TopicSummary; claims: MapClaim[] }> {
	const groups = new Map<string, { summary: TopicSummary; claims: MapClaim[]; pages: Set<string> }>();
	// Every topic keeps its page, even while it has no published guideline (its address is permanent).
	for (const topic of allTopics) groups.set(topic, { summary: { topic, guidelines: 0, claims: 0, onlyOld: 0, onlySecondary: 0, withGaps: 0, graded: 0 }, claims: [], pages: new Set() });
	for (const claim of map.claims) {
		let group = groups.get(claim.topic);
		if (!group) {
			group = { summary: { topic: claim.topic, guidelines: 0, claims: 0, onlyOld: 0, onlySecondary: 0, withGaps: 0, graded: 0 }, claims: [], pages: new Set() };
			groups.set(claim.topic, group);
		}
		group.claims.push(claim);
		group.pages.add(claim.pageId);
		const s = group.summary;
		s.guidelines = group.pages.size;
		s.claims++;
		if (claim.onlyOld) s.onlyOld++;
		if (claim.onlySecondary) s.onlySecondary++;
		if (claim.gaps.length) s.withGaps++;
		if (claim.grade) s.graded++;
	}
	return new Map([...groups].map(([topic, { summary, claims }]) => [topic, { summary, claims }]));
}

/**
 * @param options.references only the claims citing one of these reference keys, and only these
 * keys in `byReference` (each key's claims the same, in the same order, as in the whole map): what
 * the reference pages of one shard of a sharded build need (their "cited by"), without the rows of
 * every claim of the site.
 */
export function buildEvidenceMap(index: ContentIndex, options: { maxAgeYears?: number; year?: number; references?: ReadonlySet<string> } = {}): EvidenceMap {
	const maxAgeYears = options.maxAgeYears ?? index.settings.evidenceMap.maxReferenceAgeYears ?? DEFAULT_MAX_AGE_YEARS;
	const year = options.year ?? new Date().getUTCFullYear();
	const only = options.references;
	const claims: MapClaim[] = [];
	const byReference = new Map<string, MapClaim[]>();
	for (const page of index.pages) {
		if (page.type !== 'guideline') continue;
		let pageGradesOnce: ReturnType<typeof pageGrades> | undefined;
		const gradesOf = () => (pageGradesOnce ??= pageGrades(page.frontmatter));
		for (const claim of page.claims) {
			if (only && !claim.cites.some((c) => c.type === 'ref' && only.has(c.key))) continue;
			const grades = gradesOf();
			const grade = claim.kind === 'heading' ? undefined : grades.get(claim.id);
			const references: MapReference[] = claim.cites.flatMap((c) => {
				const ref = c.type === 'ref' ? index.references.get(c.key) : undefined;
				if (!ref) return [];
				const evidence = ref.data['x-evidence'];
				return [{ key: ref.data.id, title: ref.data.title, year: ref.data.issued?.['date-parts'][0][0], kind: evidence.kind, tier: evidence.tier }];
			});
			const unique = [...new Map(references.map((r) => [r.key, r])).values()];
			const row: MapClaim = {
				topic: mainTopic(page.id, page.frontmatter.topics),
				pageId: page.id,
				pageTitle: typeof page.frontmatter.title === 'string' ? page.frontmatter.title : page.id,
				claimId: claim.id,
				href: `/${page.id}/#${claim.id}`,
				text: claim.text,
				references: unique,
				gaps: claim.cites.flatMap((c) => (c.type === 'gap' ? [c.id] : [])),
				onlyOld: unique.length > 0 && unique.every((r) => r.year !== undefined && year - r.year > maxAgeYears),
				onlySecondary: unique.length > 0 && unique.every((r) => r.tier === 'secondary'),
				...(grade && { grade: { strength: grade.strength, direction: grade.direction, certainty: grade.certainty } }),
			};
			claims.push(row);
			for (const r of unique) {
				if (only && !only.has(r.key)) continue;
				const list = byReference.get(r.key);
				if (list) list.push(row);
				else byReference.set(r.key, [row]);
			}
		}
	}
	return { claims, byReference, maxAgeYears, year };
}

/**
 * The grade filter of the topic pages: strength and certainty, each a group of radio buttons. It
 * filters with CSS alone (`:has()`), so it works without JavaScript; a browser without `:has()`
 * shows every statement. A script only adds a live count and keeps the choice in the address.
 */
export const STRENGTH_FILTER = [
	{ value: 'any', label: 'All' },
	...strengths.map((s) => ({ value: s, label: s === 'strong' ? 'Strong' : 'Conditional' })),
	{ value: 'none', label: 'Not graded' },
] as const;
export const CERTAINTY_FILTER = [
	{ value: 'any', label: 'All' },
	...certainties.map((c) => ({ value: c, label: { high: 'High', moderate: 'Moderate', low: 'Low', 'very-low': 'Very low' }[c] })),
] as const;
export type FilterGroup = 'strength' | 'certainty';


/**
 * The filter choices a statement matches, as space-separated "strength/certainty" tokens (for
 * `data-grade-tokens`, matched with `~=`): its own pair and the pairs with "any" in either place.
 * An ungraded statement is "none/none".
 */
export function gradeTokens(grade: Pick<Grade, 'strength' | 'certainty'> | undefined): string {
	const s = grade?.strength ?? 'none';
	const c = grade?.certainty ?? 'none';
	return [`${s}/${c}`, `${s}/any`, `any/${c}`, 'any/any'].join(' ');
}

/** Every statement row and guideline section carries data-grade-tokens (a section: the union of its rows'). */
export function sectionTokens(grades: readonly (Pick<Grade, 'strength' | 'certainty'> | undefined)[]): string {
	return [...new Set(grades.flatMap((g) => gradeTokens(g).split(' ')))].join(' ');
}

/**
 * The CSS of the filter: for each choice of strength and certainty, hide the rows and guideline
 * sections that do not match it, and show the "nothing matches" note when no row does.
 */
export function gradeFilterCss(): string {
	const rules: string[] = [];
	for (const s of STRENGTH_FILTER) {
		for (const c of CERTAINTY_FILTER) {
			if (s.value === 'any' && c.value === 'any') continue;
			const chosen = `:root:has(#${gradeFilterId('strength', s.value)}:checked):has(#${gradeFilterId('certainty', c.value)}:checked)`;
			const token = `"${s.value}/${c.value}"`;
			rules.push(`${chosen} [data-grade-tokens]:not([data-grade-tokens~=${token}]) { display: none; }`);
			rules.push(`${chosen}:not(:has(tr[data-grade-tokens~=${token}])) .grade-filter-empty { display: block; }`);
		}
	}
	return rules.join('\n');
}
