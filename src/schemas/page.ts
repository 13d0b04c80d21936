/**
 * Schema for a non-clinical page (`type: page`): the home page, the editorial policy, the evidence
 * map. The claim check does not apply to these, by design: they carry no clinical statements.
 */
import { z } from 'zod';
import { AnchorAliasesSchema } from './anchor-aliases.ts';

export const PageFrontmatterSchema = z.strictObject({
	/** Discriminator: an editorial or navigation page, not clinical content. */
	type: z.literal('page').describe('An editorial or navigation page with no clinical statements.'),
	/** Old anchor ids that must keep landing: `{ old-id: new-id }` (see permalinks/README.md). */
	anchorAliases: AnchorAliasesSchema,
});
