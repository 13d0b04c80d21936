/**
 * Schema for the search vocabulary (`content/search-vocabulary.yaml`): groups of words that mean
 * the same thing to a reader. A search for any term of a group also finds the others, so
 * "shin splints" lands on "medial tibial stress syndrome".
 */
import { z } from 'zod';

export const vocabularyKinds = ['synonym', 'abbreviation', 'lay-term', 'spelling'] as const;

export const VocabularyEntrySchema = z.strictObject({
	/** The term as the guidelines write it. */
	term: z
		.string()
		.trim()
		.min(2)
		.describe('The term as the guidelines write it, e.g. "medial tibial stress syndrome". Searching for it also finds every term under "also".'),
	/** Other ways readers type it. */
	also: z
		.array(z.string().trim().min(2))
		.min(1)
		.describe('Other ways readers type the same thing: abbreviations, lay terms, British/American spellings, e.g. [MTSS, shin splints]. Each one finds the term and the others.'),
	/** What kind of equivalence this is (documentation for editors and reviewers). */
	kind: z.enum(vocabularyKinds).describe('synonym, abbreviation, lay-term (what patients say) or spelling (British/American or common variants).'),
	/** Optional note for reviewers. */
	note: z.string().optional().describe('Optional note for other editors, e.g. why two terms are treated as the same.'),
});

export const VocabularySchema = z.array(VocabularyEntrySchema).describe('A list of entries, each with term, also and kind.');

export type VocabularyEntry = z.output<typeof VocabularyEntrySchema>;
