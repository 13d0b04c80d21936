/**
 * Schema for a guideline's withdrawal record (`review.withdrawal`, with `review.status: withdrawn`).
 * A withdrawn guideline keeps its address: the page then shows only a notice saying it was
 * withdrawn, when, why and what replaces it, and every old link to one of its statements lands on
 * that notice. It leaves search, the sitemap, the home page, the evidence map and the exports.
 */
import { z } from 'zod';
import { SitePath } from './redirects.ts';

/** A real calendar date, YYYY-MM-DD. */
import { IsoDate } from './iso-date.ts';

export const WithdrawalSchema = z
	.strictObject({
		/** When the guideline was withdrawn. */
		date: IsoDate.describe('The date the guideline was withdrawn (YYYY-MM-DD), shown on the notice.'),
		/** Why, in a sentence or two readers can act on. */
		reason: z
			.string()
			.trim()
			.min(20, 'Say why the guideline was withdrawn in a sentence readers can act on (at least 20 characters).')
			.describe('Why it was withdrawn, for readers, e.g. "Superseded by the 2027 guideline, which reflects new trial evidence." Shown on the notice.'),
		/** The page that replaces it, if any. */
		replacement: SitePath.optional().describe(
			'Address of the handbook page that replaces it, e.g. "/guidelines/knee/patellar-tendinopathy/". Leave out when nothing replaces it. Must be a published page.',
		),
	})
	.describe('Only with review.status: withdrawn. When, why, and what replaces it; the address stays, showing this notice instead of the guidance.');

export type Withdrawal = z.output<typeof WithdrawalSchema>;
