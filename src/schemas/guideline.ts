/**
 * Schema for a guideline page's frontmatter (`type: guideline`), added to Starlight's own
 * frontmatter by `docsSchema({ extend })`.
 *
 * `topics` and `disclaimer` point at other collections. Inside Astro they are `reference()`s; in
 * plain Node (the claim check, tests) they are slugs checked against the files. Hence the factory.
 */
import { z } from 'zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { EvidenceGapSchema } from './evidence-gap.ts';
import { EditorialNoteSchema } from './editorial-note.ts';
import { ReviewSchema, IsoDate } from './review.ts';
import { ChangelogEntrySchema } from './changelog.ts';
import { GradeSchema } from './grade.ts';
import { PersonSchema } from './person.ts';
import { AnchorAliasesSchema } from './anchor-aliases.ts';
import { SLUG } from './slug.ts';

export const audiences = ['clinicians', 'educators', 'students', 'patients'] as const;

interface CollectionLinks<Topic extends z.ZodType, Disclaimer extends z.ZodType> {
	/** Schema for a link to one entry of `content/topics.yaml`. */
	topic: Topic;
	/** Schema for a link to one file of `content/disclaimers/`. */
	disclaimer: Disclaimer;
}

const slug = z.string().regex(SLUG, 'Use lower-case words joined by hyphens.');

export const guidelineSchema = <T extends z.ZodType, D extends z.ZodType>(links: CollectionLinks<T, D>) =>
	z.strictObject({
		/** Discriminator: this page is a guideline (the claim check applies to its body). */
		type: z.literal('guideline').describe('Marks the page as a clinical guideline: every claim in its body must cite a reference.'),
		/** The clinical question the page answers, used as the page title. */
		title: z
			.string()
			.trim()
			.min(10)
			.refine((t) => t.endsWith('?'), 'The title is the clinical question the page answers: end it with "?".')
			.describe('The clinical question, e.g. "What is the recommended management approach for …?"'),
		/** The source's heading for the answer, shown under the question. */
		shortTitle: z.string().min(5).optional().describe('A short heading for the answer, shown under the question and in the sidebar.'),
		/** Bottom line first: the answer in one or two sentences, with citations, shown at the top. */
		bottomLine: z
			.string()
			.trim()
			.min(20)
			.describe('The answer in one or two sentences, shown first. It is a claim: cite it with [@key] like any other.'),
		/** Who the page is written for. */
		audience: z
			.array(z.enum(audiences))
			.min(1)
			.describe(`Who the page is written for: ${audiences.join(', ')}.`),
		/** Topics, the first being the folder the page sits in. */
		topics: z.array(links.topic).min(1).describe('Topic ids from content/topics.yaml; the first is the folder the page is in.'),
		/** Who wrote the page, with declared interests; empty when the source names no authors. */
		authors: z
			.array(PersonSchema)
			.default([])
			.describe('Authors of this page with their declared interests: [{ name, role?, interests: "none declared" | description }]. Leave out when the source names none; the page then says so.'),
		/** Clinical review record. */
		review: ReviewSchema.describe('Review status, reviewers and dates.'),
		/** Optional grades of individual statements, keyed by the statement's [#id]. */
		grades: z
			.record(z.string().regex(SLUG), GradeSchema, {
				error: (issue) => (issue.code === 'invalid_key' ? 'Grade a statement by its [#id]: lower-case words joined by hyphens, e.g. "rest-two-weeks".' : undefined),
			})
			.default({})
			.describe(
				'Grades of individual statements as the source or panel gave them, keyed by the statement id: { statement-id: { strength, direction, certainty, rationale, justification? } }. Leave out when the source grades nothing; never grade on the source’s behalf.',
			),
		/** Where the content came from, if it was adapted from a source document. */
		source: z
			.strictObject({
				name: z.string().min(3).describe('Name of the source document or service.'),
				lastUpdated: IsoDate.optional().describe('When the source was last updated (YYYY-MM-DD).'),
				reviewStatus: z.string().optional().describe('The review status the source itself declared.'),
				note: z.string().optional().describe('How the source was transcribed and what was found in it.'),
				notice: links.disclaimer
					.optional()
					.describe('A notice the source requires on pages transcribed from it (a file name in content/disclaimers/), shown in the Source section of those pages only, e.g. "dr-oracle".'),
				relatedQuestions: z
					.array(z.string().min(10))
					.default([])
					.describe(
						"The source's own list of related questions, kept as provenance. Not shown to readers: list the ones an editor judges related in the page's relatedQuestions.",
					),
			})
			.optional()
			.describe('Provenance, when the page adapts an existing document.'),
		/** Statements published without a usable reference, each with a reason. */
		evidenceGaps: z
			.array(EvidenceGapSchema)
			.default([])
			.describe('Statements the page makes without a usable reference. Cite one inline as [!id].'),
		/** Flaws of the source beyond missing references, shown to readers as flags. */
		editorialNotes: z
			.array(EditorialNoteSchema)
			.default([])
			.describe('Flaws of the source beyond missing references (e.g. references about a different condition than the question), shown as flags under the bottom line.'),
		/** Other clinical questions readers ask next, as judged by an editor; linked when the handbook has a page for them. */
		relatedQuestions: z
			.array(
				z.union([
					z.string().min(10),
					z.strictObject({
						question: z.string().min(10).describe('The related question.'),
						href: z.string().startsWith('/', 'href must be a site path starting with "/".').describe('Path of the handbook page answering it.'),
					}),
				]),
			)
			.default([])
			.describe(
				'Questions an editor judges related to this one, shown as "Related questions"; give { question, href } when the handbook answers one. A source\'s own list belongs in source.relatedQuestions.',
			),
		/** Clinically meaningful changes, newest first. */
		changelog: z.array(ChangelogEntrySchema).default([]).describe('Changes readers should know about, newest first: { date, summary, reviewer? }.'),
		/** Old anchor ids that must keep landing: `{ old-id: new-id }` (see permalinks/README.md). */
		anchorAliases: AnchorAliasesSchema,
		/** Which disclaimer to show at the end of the page. */
		disclaimer: links.disclaimer.describe('The disclaimer shown at the end of the page: a file name in content/disclaimers/.'),
	});

/**
 * The complete guideline frontmatter schema for plain Node (the claim check, tests): Starlight's own
 * fields merged exactly as `docsSchema({ extend })` does inside Astro, with links as slugs (the
 * claim check verifies they exist) and images as paths.
 */
type SchemaContext = Parameters<ReturnType<typeof docsSchema>>[0];
const nodeContext = { image: () => z.string() } as unknown as SchemaContext;
export const GuidelineFrontmatterSchema = docsSchema({ extend: guidelineSchema({ topic: slug, disclaimer: slug }) })(nodeContext);
export type GuidelineFrontmatter = z.output<typeof GuidelineFrontmatterSchema>;
