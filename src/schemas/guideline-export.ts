/**
 * Schema of the machine-readable JSON published for each guideline
 * (`/export/<guideline id>.json`), for teaching tools: its statements with permanent ids and
 * anchor URLs, the references they cite, and its evidence gaps. Validated in tests against the
 * built file.
 */
import { z } from 'zod';
import { ReferenceSchema } from './reference.ts';
import { EvidenceGapSchema } from './evidence-gap.ts';
import { reviewStatuses } from './review.ts';

export const GuidelineExportSchema = z.strictObject({
	/** Format version; bumped when a field changes meaning. */
	version: z.literal(1).describe('Export format version.'),
	id: z.string().describe('Guideline entry id, e.g. guidelines/running-injuries/runner-medial-thigh-knee-pain.'),
	url: z.url().describe('Absolute address of the page.'),
	title: z.string().describe('The clinical question.'),
	reviewStatus: z.enum(reviewStatuses).describe('Clinical review status.'),
	sections: z.array(z.strictObject({ id: z.string(), title: z.string(), url: z.url() })).describe('Section headings with their permanent anchors.'),
	claims: z
		.array(
			z.strictObject({
				id: z.string().describe('Permanent id of the statement.'),
				url: z.url().describe('Absolute address of the statement (page + #id).'),
				kind: z.enum(['bottom-line', 'paragraph', 'list-item', 'table-row', 'heading']),
				section: z.string().nullable().describe('Id of the section the statement is in.'),
				text: z.string().describe('The statement as readers see it.'),
				references: z.array(z.string()).describe('Citation keys of the references it cites, in order.'),
				evidenceGaps: z.array(z.string()).describe('Ids of the evidence gaps it cites.'),
			}),
		)
		.describe('Every clinical statement, in reading order.'),
	references: z.array(ReferenceSchema).describe('The references cited, as CSL with Evidence Handbook fields.'),
	evidenceGaps: z.array(EvidenceGapSchema).describe('Statements published without a usable reference, with reasons.'),
});

export type GuidelineExport = z.output<typeof GuidelineExportSchema>;
