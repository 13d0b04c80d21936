/**
 * Schema for one editorial note (`editorialNotes:` in guideline frontmatter): a flaw of the source
 * beyond a missing reference (those are evidence gaps), such as references that address a
 * different condition than the page's question. Editors record it instead of silently fixing it;
 * readers see it as a flag under the bottom line, in the "Editorial notes" list and on every
 * reference it concerns.
 */
import { z } from 'zod';
import { SLUG } from './slug.ts';

export const editorialNoteKinds = ['scope-mismatch', 'source-inconsistency'] as const;

export const EditorialNoteSchema = z.strictObject({
	/** Permanent id: the note is at #note-<id>. */
	id: z
		.string()
		.regex(SLUG, 'Use lower-case words joined by hyphens, e.g. "reference-scope".')
		.describe('Permanent id; readers can link to the note as #note-<id>.'),
	/** What kind of flaw it is. */
	kind: z
		.enum(editorialNoteKinds)
		.describe(
			'scope-mismatch: the references (or statements) address a different condition, population or setting than the question; source-inconsistency: the source contradicts itself.',
		),
	/** One sentence, shown as the flag under the bottom line. */
	summary: z
		.string({ error: 'Every editorial note needs a `summary`: one sentence saying what is wrong.' })
		.trim()
		.min(20, 'The summary must say what is wrong (one sentence, at least 20 characters).')
		.max(240, 'Keep the summary to one sentence (at most 240 characters); put the rest in `detail`.')
		.describe('One sentence shown to readers under the bottom line: what is wrong.'),
	/** The full note. */
	detail: z
		.string({ error: 'Every editorial note needs a `detail`: what it affects and how readers should weigh it.' })
		.trim()
		.min(40, 'The detail must say what the flaw affects and how readers should weigh it (a few sentences).')
		.describe('What is wrong, which statements it affects and how readers should weigh them. Shown in "Editorial notes".'),
	/** Reference keys (file names in content/references/) the note is about. */
	references: z
		.array(z.string().regex(SLUG, 'A reference key is a file name in content/references/ without .yaml.'))
		.default([])
		.describe('Keys of the references the note concerns (file names in content/references/ without .yaml); each shows the note in the reference list.'),
});

export type EditorialNote = z.output<typeof EditorialNoteSchema>;
