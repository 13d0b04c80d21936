/**
 * Schema for a guideline's change log (`changelog:` in frontmatter), shown as "Changes" on the page.
 *
 * Written by editors rather than derived from git: readers need the clinically meaningful changes
 * ("speed-work threshold corrected to 50%"), not every typo fix, and the log must survive exports
 * and shallow clones that have no git history. Git still supplies "last updated".
 */
import { z } from 'zod';
import { IsoDate } from './review.ts';

export const ChangelogEntrySchema = z.strictObject({
	/** When the change was published. */
	date: IsoDate.describe('Date the change was published (YYYY-MM-DD).'),
	/** What changed, for readers. */
	summary: z.string().trim().min(10).describe('What changed clinically, in a sentence readers understand.'),
	/** Who reviewed the change, if it was clinically reviewed. */
	reviewer: z.string().trim().min(2).optional().describe('Name of the clinical reviewer of this change, if any.'),
});

export type ChangelogEntry = z.output<typeof ChangelogEntrySchema>;
