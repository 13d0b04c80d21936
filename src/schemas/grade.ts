/**
 * Schema for the grade of one statement (`grades:` in guideline frontmatter, keyed by the
 * statement's [#id]): the strength of the recommendation and the certainty of the evidence, as
 * GRADE defines them, with the panel's rationale. Grading is optional and per statement: a page
 * whose source grades nothing has no `grades:` and says so.
 */
import { z } from 'zod';

export const strengths = ['strong', 'conditional'] as const;
export const directions = ['for', 'against'] as const;
/** Certainty of the evidence, highest first. */
export const certainties = ['high', 'moderate', 'low', 'very-low'] as const;

export type Strength = (typeof strengths)[number];
export type Direction = (typeof directions)[number];
export type Certainty = (typeof certainties)[number];

export const GradeSchema = z.strictObject({
	/** GRADE strength of the recommendation. */
	strength: z
		.enum(strengths)
		.describe('strong: almost everyone should receive the recommended course; conditional: the right choice differs between patients (GRADE "weak"/"discretionary").'),
	/** For or against the intervention or action. */
	direction: z
		.enum(directions)
		.describe('for: recommends doing it; against: recommends not doing it.'),
	/** GRADE certainty of the evidence. */
	certainty: z
		.enum(certainties)
		.describe('How confident we are in the estimate of effect: high, moderate, low or very-low (GRADE).'),
	/** Why the panel chose this strength: balance of benefits and harms, values, resources. */
	rationale: z
		.string({ error: 'A grade needs a `rationale`: say why the recommendation has this strength (benefits, harms, patients’ values).' })
		.trim()
		.min(20, 'The rationale must say why the recommendation has this strength (at least a sentence).')
		.describe('Why this strength: balance of benefits and harms, patients’ values and preferences. Shown to readers.'),
	/**
	 * Why the grade departs from what the cited evidence kinds support: a strong recommendation on
	 * low-certainty evidence (GRADE's "discordant" recommendations), or certainty rated above the
	 * design of the cited studies. Silences the check's grading rules for this statement; shown to readers.
	 */
	justification: z
		.string()
		.trim()
		.min(20, 'A justification must say why the grade departs from what the cited evidence supports (at least a sentence).')
		.optional()
		.describe('Only when the grade goes beyond what the cited evidence kinds support (e.g. a strong recommendation on expert opinion because harms are severe): say why. Shown to readers.'),
});

export type Grade = z.output<typeof GradeSchema>;
