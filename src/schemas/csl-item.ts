/**
 * Schema of one bibliographic item as the handbook publishes it (`/export/*.csl.json`, the
 * `references[]` and `citation` of `/export/<guideline id>.json`): plain CSL-JSON, valid against
 * the official CSL-JSON schema (tests check it), with our own data under CSL's `custom` field, the
 * place CSL gives to data it has no variable for (our content files keep them as `x-evidence` and
 * `x-missing`, which CSL readers reject). Made from a reference file by
 * `src/lib/references/csl.ts`.
 */
import { z } from 'zod';
import { CslDateSchema, NameSchema, ReferenceSchema, referenceTypes } from './reference.ts';

const shape = ReferenceSchema.shape;

export const CslCustomSchema = z
	.strictObject({
		evidence: shape['x-evidence'].describe('Evidence kind, tier and publisher/source, as classified by the handbook.'),
		missing: shape['x-missing'].describe('Bibliographic fields knowingly absent, with the reason (omitted when none are).'),
		verified: z
			.strictObject({
				date: z.iso.date().describe('Date an editor last checked the entry against the publication (YYYY-MM-DD).'),
				by: z.string().optional().describe('Who checked it.'),
			})
			.optional()
			.describe('When the bibliographic details were last checked against the publication (omitted until someone has).'),
	})
	.describe('Evidence Handbook data that CSL has no variable for.');

export const CslItemSchema = z.strictObject({
	id: z.string().min(1).describe('The citation key (for the page itself: evidence-handbook-<topic>-<page>).'),
	'citation-key': z.string().min(1).describe('The same key, for tools that keep citation keys (Better BibTeX, Pandoc).'),
	type: z.enum(referenceTypes).describe('CSL item type.'),
	title: z.string().min(1).describe('Title as published.'),
	author: z.array(NameSchema).min(1).optional().describe('Authors in published order; organisations as { literal }.'),
	'container-title': z.string().min(1).optional().describe('Journal or website the item appears in.'),
	'collection-title': z.string().min(1).optional().describe('Series a report or book belongs to.'),
	publisher: z.string().min(1).optional().describe('Publisher or issuing organisation (for reports: the institution).'),
	issued: CslDateSchema.optional().describe('Publication date (for the page itself: its last change).'),
	accessed: CslDateSchema.optional().describe('Date the online item was last checked (for the page itself: the version cited).'),
	volume: z.string().optional().describe('Journal volume (always a string, as citation processors expect).'),
	issue: z.string().optional().describe('Journal issue (always a string).'),
	page: shape.page,
	DOI: shape.DOI,
	PMID: shape.PMID,
	URL: shape.URL,
	note: shape.note,
	custom: CslCustomSchema,
});

export type CslItem = z.output<typeof CslItemSchema>;
