/**
 * Schema of the machine-readable JSON published for each guideline
 * (`/export/<guideline id>.json`), for teaching tools: its statements with permanent ids and
 * anchor URLs, the references they cite (CSL-JSON), its evidence gaps, its dates and its own
 * citation. Published as JSON Schema beside the exports
 * (`/export/guideline-export.v<version>.schema.json`, generated from this file) and validated in
 * tests against every built export.
 *
 * Versioning: `version` is the major version. Adding an optional field keeps it (so grades, the
 * review cycle and the people were added to version 2 as optional fields: a consumer written for
 * the first version-2 files keeps working); removing a field
 * or changing what one means bumps it (and publishes a new schema file beside the old one).
 */
import { z } from 'zod';
import { EvidenceGapSchema } from './evidence-gap.ts';
import { reviewStatuses } from './review.ts';
import { CslItemSchema } from './csl-item.ts';
import { GradeSchema } from './grade.ts';
import { PersonSchema } from './person.ts';
import { ClaimKindSchema } from './claim-kind.ts';

export const GUIDELINE_EXPORT_VERSION = 2;

const day = z.iso.date();

export const GuidelineExportSchema = z
	.strictObject({
		$schema: z.url().describe('Address of the JSON Schema this file follows.'),
		version: z.literal(GUIDELINE_EXPORT_VERSION).describe('Export format major version.'),
		id: z.string().describe('Guideline entry id, e.g. guidelines/running-injuries/runner-medial-thigh-knee-pain.'),
		url: z.url().describe('Absolute address of the page.'),
		title: z.string().describe('The clinical question.'),
		reviewStatus: z.enum(reviewStatuses).describe('Clinical review status.'),
		dates: z
			.strictObject({
				modified: day.optional().describe('Last change of the page (YYYY-MM-DD): the date to cite. Absent when unknown.'),
				published: day.optional().describe('First publication (oldest changelog entry).'),
				lastReviewed: day.optional().describe('Last completed clinical review; absent when no review has happened.'),
				nextReview: day
					.optional()
					.describe('When the next clinical review is due: review.nextReview, or lastReviewed plus the editorial interval. The page shows "Review overdue" after it. Absent when no review is scheduled.'),
				literatureSearchedThrough: day.optional().describe('Last date covered by the literature search behind the review ("literature searched through"); absent when not recorded.'),
			})
			.describe('The page\'s dates, the same ones the page, its metadata and the sitemap show.'),
		citation: CslItemSchema.describe('The page itself as a CSL-JSON item (what "Cite this page" formats).'),
		sections: z
			.array(z.strictObject({ id: z.string(), title: z.string(), url: z.url() }))
			.describe('Section headings with their permanent anchors.'),
		claims: z
			.array(
				z.strictObject({
					id: z.string().describe('Permanent id of the statement.'),
					url: z.url().describe('Absolute address of the statement (page + #id).'),
					kind: ClaimKindSchema,
					section: z.string().nullable().describe('Id of the section the statement is in.'),
					text: z.string().describe('The statement as readers see it.'),
					references: z.array(z.string()).describe('Citation keys of the references it cites, in order.'),
					evidenceGaps: z.array(z.string()).describe('Ids of the evidence gaps it cites.'),
					grade: GradeSchema.optional().describe(
						'GRADE strength of the recommendation and certainty of the evidence, with the rationale (and the justification when the grade goes beyond the cited evidence), as the page shows them. Absent when the statement is not graded: never inferred.',
					),
				}),
			)
			.describe('Every clinical statement, in reading order.'),
		authors: z.array(PersonSchema).optional().describe('Authors of the page with their declared competing interests ("none declared" is a declaration); empty when the source names none.'),
		reviewers: z.array(PersonSchema).optional().describe('Clinical reviewers with their declared competing interests; empty when nobody has reviewed the page.'),
		references: z.array(CslItemSchema).describe('The references cited, as CSL-JSON items (Evidence Handbook data under `custom`).'),
		evidenceGaps: z.array(EvidenceGapSchema).describe('Statements published without a usable reference, with reasons.'),
	})
	.describe('Evidence Handbook guideline export: statements, anchors, references (CSL-JSON) and evidence gaps of one guideline.');

export type GuidelineExport = z.output<typeof GuidelineExportSchema>;

/** The JSON Schema (draft 2020-12) of the export, generated from the Zod schema above. */
export function guidelineExportJsonSchema(id: string): Record<string, unknown> {
	const schema = z.toJSONSchema(GuidelineExportSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw' }) as Record<string, unknown>;
	return { ...schema, $id: id, title: `Evidence Handbook guideline export, version ${GUIDELINE_EXPORT_VERSION}` };
}
