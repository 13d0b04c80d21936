/**
 * Schema for a non-clinical page (`type: page`): the home page, the editorial policy, the evidence
 * map. The claim check does not apply to these, by design: they carry no clinical statements.
 */
import { z } from 'zod';

export const PageFrontmatterSchema = z.strictObject({
	/** Discriminator: an editorial or navigation page, not clinical content. */
	type: z.literal('page').describe('An editorial or navigation page with no clinical statements.'),
});
