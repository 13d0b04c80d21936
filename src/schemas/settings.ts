/**
 * Schema for the site's editorial settings (`content/settings.yaml`). Optional: without the file,
 * every setting takes its default.
 */
import { z } from 'zod';

export const EvidenceMapSettingsSchema = z.strictObject({
	/** A statement is flagged when every reference it cites is older than this many years. */
	maxReferenceAgeYears: z
		.number()
		.int('Write a whole number of years, e.g. 15.')
		.min(1)
		.max(100)
		.default(15)
		.describe('Years after which a reference counts as old: a statement citing only older references is flagged on the evidence map. Default 15.'),
});

export const ReviewSettingsSchema = z.strictObject({
	/** Default time between clinical reviews. */
	intervalYears: z
		.number()
		.int('Write a whole number of years, e.g. 2.')
		.min(1)
		.max(10)
		.default(2)
		.describe('Years from lastReviewed to the next review when a page gives no review.nextReview. Default 2.'),
	/** How early the check starts warning that a review is due. */
	warnDaysBefore: z
		.number()
		.int('Write a whole number of days, e.g. 90.')
		.min(1)
		.max(365)
		.default(90)
		.describe('The check warns this many days before a page’s next review is due. Default 90.'),
});

export const SettingsSchema = z.strictObject({
	/** The review cycle of guideline pages. */
	review: ReviewSettingsSchema.prefault({}).describe('The clinical review cycle: default interval and early warning.'),
	/** Flags on the evidence map (/evidence-map/). */
	evidenceMap: EvidenceMapSettingsSchema.prefault({}).describe('Settings of the evidence map page.'),
});

export type Settings = z.output<typeof SettingsSchema>;
