/**
 * Schema for a named person on a guideline: an author (`authors:`) or a clinical reviewer
 * (`review.reviewers:`), with their declared interests. "none declared" is a value an editor
 * writes, never a blank: a missing declaration is an error, so readers can tell "declared none"
 * from "not asked".
 */
import { z } from 'zod';

/** The value for a person who declares no competing interests. */
export const NONE_DECLARED = 'none declared';

/** Words that look like "none" but are ambiguous ("n/a" could mean "not asked"). */
const VAGUE = /^(none|no|nil|n\/?a|-+|—|not applicable|nothing)\.?$/i;

export const InterestsSchema = z
	.string({ error: `Declare competing interests: write "${NONE_DECLARED}" if there are none, or describe them, e.g. "Consultant to Acme Orthotics Ltd (2024–2025)".` })
	.trim()
	.min(1, `Declare competing interests: write "${NONE_DECLARED}" if there are none; a blank is not a declaration.`)
	.refine((s) => !VAGUE.test(s), `Write exactly "${NONE_DECLARED}" when there are no competing interests (a bare "none" or "n/a" is ambiguous).`)
	.describe(`Declared competing interests (financial or intellectual): "${NONE_DECLARED}", or a short description such as "Speaker fees from Acme Ltd (2025)". Shown on the page.`);

export const PersonSchema = z.strictObject({
	/** Full name as it should appear on the page. */
	name: z.string().trim().min(2).describe('Full name as shown on the page, e.g. "Dr Jane Smith".'),
	/** Role or qualification, e.g. `Sports physician`. */
	role: z.string().trim().min(2).optional().describe('Role or qualification, e.g. "Sports physician".'),
	/** Declared competing interests; required, "none declared" when there are none. */
	interests: InterestsSchema,
});

export type Person = z.output<typeof PersonSchema>;
