/**
 * Schema for a disclaimer (`content/disclaimers/<id>.yaml`), selected per guideline with
 * `disclaimer: <id>`.
 */
import { z } from 'zod';

export const DisclaimerSchema = z.strictObject({
	/** Heading shown above the text. */
	title: z.string().min(2).describe('Heading shown above the disclaimer, e.g. "Professional medical disclaimer".'),
	/** The disclaimer, one paragraph per list entry. */
	paragraphs: z.array(z.string().min(10)).min(1).describe('The disclaimer text, one paragraph per entry.'),
});

export type Disclaimer = z.output<typeof DisclaimerSchema>;
