/**
 * Recommendation grading (GRADE): reader-facing wording of strength and certainty, and the rules
 * that keep a grade honest against the evidence it cites. Pure; used by the claim check, the
 * renderer, the evidence map and the JSON export.
 */
import { certainties, GradeSchema, type Certainty, type Direction, type Grade, type Strength } from '../schemas/grade.ts';
import type { EvidenceKind } from '../schemas/reference.ts';

/**
 * The highest certainty each evidence kind can support on its own (GRADE: randomised trials and
 * syntheses of them start high, observational studies low; case series, narrative reviews and
 * expert opinion are very low). An editor may rate above this only with a written justification
 * (e.g. a large effect in cohort studies). Unclassified references support nothing until read.
 */
export const CERTAINTY_CEILING: Record<EvidenceKind, Certainty> = {
	'systematic-review': 'high',
	rct: 'high',
	'clinical-guideline': 'high',
	cohort: 'low',
	'case-series': 'very-low',
	'narrative-review': 'very-low',
	'expert-opinion': 'very-low',
	unclassified: 'very-low',
};

/** Evidence kinds that cannot carry a strong recommendation alone (GRADE's "discordant" recommendations). */
export const LOW_QUALITY_KINDS: readonly EvidenceKind[] = ['expert-opinion', 'narrative-review'];

/** Higher is more certain. */
export const certaintyRank = (c: Certainty): number => certainties.length - 1 - certainties.indexOf(c);

/** The highest certainty the given evidence kinds support (very-low when there are none). */
export function certaintyCeiling(kinds: readonly EvidenceKind[]): Certainty {
	let best: Certainty = 'very-low';
	for (const kind of kinds) if (certaintyRank(CERTAINTY_CEILING[kind]) > certaintyRank(best)) best = CERTAINTY_CEILING[kind];
	return best;
}

/** A strong recommendation resting only on expert opinion or narrative reviews, without justification. */
export function isDiscordant(grade: Grade, kinds: readonly EvidenceKind[]): boolean {
	return grade.strength === 'strong' && !grade.justification && kinds.length > 0 && kinds.every((k) => LOW_QUALITY_KINDS.includes(k));
}

/** Certainty rated above what the cited kinds support, without justification. */
export function exceedsEvidence(grade: Grade, kinds: readonly EvidenceKind[]): boolean {
	return !grade.justification && kinds.length > 0 && certaintyRank(grade.certainty) > certaintyRank(certaintyCeiling(kinds));
}

const STRENGTH_LABEL: Record<Strength, string> = { strong: 'Strong', conditional: 'Conditional' };
const CERTAINTY_LABEL: Record<Certainty, string> = { high: 'High', moderate: 'Moderate', low: 'Low', 'very-low': 'Very low' };

/** "Strong recommendation for". */
export function strengthLabel(grade: Pick<Grade, 'strength' | 'direction'>): string {
	return `${STRENGTH_LABEL[grade.strength]} recommendation ${grade.direction}`;
}

/** "Low certainty". */
export function certaintyLabel(certainty: Certainty): string {
	return `${CERTAINTY_LABEL[certainty]} certainty`;
}

/** The badge's short text: "Strong for · Low certainty". */
export function badgeText(grade: Pick<Grade, 'strength' | 'direction' | 'certainty'>): string {
	return `${STRENGTH_LABEL[grade.strength]} ${grade.direction} · ${certaintyLabel(grade.certainty)}`;
}

/** The grade in one phrase, for tables: "Conditional against, low certainty". */
export function gradeSummary(grade: Pick<Grade, 'strength' | 'direction' | 'certainty'>): string {
	return `${STRENGTH_LABEL[grade.strength]} ${grade.direction}, ${certaintyLabel(grade.certainty).toLowerCase()}`;
}

/** What the strength means for the patient in front of you (GRADE's wording for clinicians). */
const STRENGTH_MEANING: Record<Strength, Record<Direction, string>> = {
	strong: {
		for: 'almost every well-informed patient would choose this, so most should receive it; departing from it needs a good reason.',
		against: 'almost every well-informed patient would decline this, so most should not receive it; departing from it needs a good reason.',
	},
	conditional: {
		for: 'most patients would choose this but many would not: discuss the options and decide together, according to the patient’s values and circumstances.',
		against: 'most patients would not choose this but some would: discuss the options and decide together, according to the patient’s values and circumstances.',
	},
};

const CERTAINTY_MEANING: Record<Certainty, string> = {
	high: 'further research is very unlikely to change how confident we are in the effect.',
	moderate: 'the true effect is probably close to the estimate, but it may be substantially different.',
	low: 'the true effect may be substantially different from the estimate.',
	'very-low': 'the true effect is likely to be substantially different from the estimate; any estimate is very uncertain.',
};

export function strengthMeaning(grade: Pick<Grade, 'strength' | 'direction'>): string {
	return STRENGTH_MEANING[grade.strength][grade.direction];
}

export function certaintyMeaning(certainty: Certainty): string {
	return CERTAINTY_MEANING[certainty];
}

/** The page-level sentence about grading, shown once near the title. */
export function gradingNote(graded: number, fromSource: boolean): string {
	if (graded === 0) return fromSource ? 'The source does not grade its recommendations.' : 'This page does not grade its recommendations.';
	return 'Graded statements show the strength of the recommendation and the certainty of the evidence (GRADE); statements without a grade are not graded.';
}

/**
 * The grades of a page's frontmatter that match the schema, by statement id: the one reading of
 * `grades:` shared by the check, the renderer, the evidence map and the JSON export. Invalid
 * entries are left out here; the claim check reports them (frontmatter-invalid) and stops the build.
 */
export function pageGrades(frontmatter: Record<string, unknown>): Map<string, Grade> {
	const raw = frontmatter.grades;
	const out = new Map<string, Grade>();
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
	for (const [id, value] of Object.entries(raw)) {
		const parsed = GradeSchema.safeParse(value);
		if (parsed.success) out.set(id, parsed.data);
	}
	return out;
}
