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

export const SettingsSchema = z.strictObject({
	/** Flags on the evidence map (/evidence-map/). */
	evidenceMap: EvidenceMapSettingsSchema.prefault({}).describe('Settings of the evidence map page.'),
});

export type Settings = z.output<typeof SettingsSchema>;
