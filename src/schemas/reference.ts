/**
 * Schema for one bibliographic reference: a file `content/references/<id>.yaml`.
 *
 * The bibliographic fields are CSL-JSON/CSL-YAML (the Citation Style Language data model, the
 * format Zotero, Pandoc and citation-js read), so a reference can be exported or formatted by any
 * CSL tool without conversion. Our own fields live under `x-evidence` and `x-missing`; CSL tools
 * ignore `x-` fields.
 *
 * Why one file per reference: a pull request that adds or corrects a reference touches one small
 * file, reviews read cleanly, two editors adding references never conflict, and the file name is
 * the citation key editors type (`[@key]`).
 */
import { z } from 'zod';
import { IsoDate, daysInMonth } from './iso-date.ts';
import { SLUG } from './slug.ts';

/** Citation keys: lower-case words joined by hyphens, e.g. `knee-pain-in-runners-1979`. */
export const CITATION_KEY = SLUG;
/** A DOI as the DOI Handbook defines it: `10.` + registrant code + `/` + suffix, no URL prefix. */
export const DOI = /^10\.\d{4,9}\/\S+$/;
/** A PubMed identifier: digits only, no `PMID:` prefix. */
export const PMID = /^[1-9]\d{0,8}$/;

/** The CSL item types we publish. Each has required fields; see `src/lib/references/fields.ts`. */
export const referenceTypes = ['article-journal', 'report', 'book', 'chapter', 'webpage', 'document'] as const;

/** Evidence kinds, roughly from strongest design to weakest; `unclassified` until someone reads it. */
export const evidenceKinds = [
	'clinical-guideline',
	'systematic-review',
	'rct',
	'cohort',
	'case-series',
	'narrative-review',
	'expert-opinion',
	'unclassified',
] as const;

/** A person (family + given) or an organisation (literal), as CSL writes names. */
export const NameSchema = z.union([
	z.strictObject({
		/** Surname, e.g. `Smith`. */
		family: z.string().min(1).describe('Surname, e.g. "Smith".'),
		/** Given names or initials, e.g. `J A`. */
		given: z.string().min(1).optional().describe('Given names or initials, e.g. "J A".'),
	}),
	z.strictObject({
		/** An organisation or a name that must not be split, e.g. `American College of Sports Medicine`. */
		literal: z
			.string()
			.min(1)
			.describe('An organisation, or a name that must not be split into family/given.'),
	}),
], { error: 'Each author needs `family` (and usually `given`), or `literal` for an organisation.' });

/** A CSL date: `{ date-parts: [[year, month?, day?]] }`. */
export const CslDateSchema = z.strictObject({
	'date-parts': z
		.tuple([z.tuple([z.number().int().min(1800).max(2100)]).rest(z.number().int().min(1).max(31))])
		.superRefine(([[year, month, day, ...rest]], ctx) => {
			// A real calendar date: month 1–12, a day the month has, nothing after the day.
			if (rest.length) ctx.addIssue({ code: 'custom', message: `has ${3 + rest.length} parts: write [[year]], [[year, month]] or [[year, month, day]].` });
			else if (month !== undefined && month > 12) ctx.addIssue({ code: 'custom', message: `month ${month} does not exist: write the month as 1 to 12, [[year, month, day]].` });
			else if (month !== undefined && day !== undefined && day > daysInMonth(year!, month)) {
				ctx.addIssue({ code: 'custom', message: `[${year}, ${month}, ${day}] is not a date on the calendar: that month has ${daysInMonth(year!, month)} days. Did you mean [${year}, ${month}, ${daysInMonth(year!, month)}]?` });
			}
		})
		.describe('The date as [[year]] or [[year, month]] or [[year, month, day]], e.g. [[1992]].'),
});

export const ReferenceSchema = z.strictObject({
	/** The citation key. Must equal the file name without `.yaml`. */
	id: z
		.string()
		.regex(CITATION_KEY, 'Use lower-case words joined by hyphens, e.g. "knee-pain-in-runners-1979".')
		.describe('The citation key editors type as [@key]; must equal the file name.'),
	/** CSL item type. */
	type: z
		.enum(referenceTypes)
		.describe('The CSL type: "article-journal" for papers, "report" for guidelines, "webpage" for online-only material.'),
	/** Title exactly as published (sentence case kept as the source gives it). */
	title: z.string().min(1).describe('The title exactly as published.'),
	/** Authors in published order. */
	author: z.array(NameSchema).min(1).optional().describe('Authors in published order. Leave out only if listed in x-missing.'),
	/** Journal, series or website the item appears in. */
	'container-title': z.string().min(1).optional().describe('The journal, series or website, e.g. "Southern medical journal".'),
	/** Publisher (for reports and books). */
	publisher: z.string().min(1).optional().describe('Publisher of a report or book.'),
	/** Date of publication. */
	issued: CslDateSchema.optional().describe('Publication date, e.g. { date-parts: [[1979]] }.'),
	/** Journal volume. */
	volume: z.union([z.string(), z.number()]).optional().describe('Journal volume, e.g. 72.'),
	/** Journal issue. */
	issue: z.union([z.string(), z.number()]).optional().describe('Journal issue, e.g. 9.'),
	/** Page range, e.g. `1134-9`. */
	page: z.string().optional().describe('Page range, e.g. "1134-9".'),
	/** DOI without the https://doi.org/ prefix. */
	DOI: z
		.string()
		.regex(DOI, 'A DOI looks like 10.1234/abcd — no "https://doi.org/" prefix, no spaces.')
		.optional()
		.describe('Digital Object Identifier without URL prefix, e.g. 10.1249/MSS.0000000000000001.'),
	/** PubMed ID, digits only. */
	PMID: z
		.string()
		.regex(PMID, 'A PMID is digits only, e.g. "1508994" — no "PMID:" prefix.')
		.optional()
		.describe('PubMed identifier, digits only (quote it in YAML: "1508994").'),
	/** A stable https link to the item when it has no DOI/PMID. */
	URL: z
		.url({ protocol: /^https?$/, error: 'URL must be a full http(s) address, e.g. https://example.org/guideline.' })
		.optional()
		.describe('A stable https address for the item, used when it has no DOI or PMID.'),
	/** Free-text note shown after the formatted reference. */
	note: z.string().optional().describe('A short note shown after the reference.'),
	/** Our classification of the evidence. */
	'x-evidence': z
		.strictObject({
			kind: z
				.enum(evidenceKinds)
				.describe('Study design or document kind. Use "unclassified" until someone has read the item.'),
			tier: z
				.enum(['primary', 'secondary', 'unknown'])
				.describe('primary: original research or an original guideline; secondary: a summary or overview of others; unknown: not yet established.'),
			sourceLabel: z
				.string()
				.optional()
				.describe('How the source document labelled this reference (e.g. "Guideline", "Research").'),
			publisher: z.string().min(1).describe('Who publishes the item: journal, society or organisation.'),
		})
		.describe('Evidence Handbook fields: evidence kind, tier and publisher/source.'),
	/** When an editor last checked this entry against the publication itself. */
	'x-verified': z
		.strictObject({
			date: IsoDate.describe('Date an editor last checked the entry against the publication (YYYY-MM-DD).'),
			by: z.string().trim().min(2).optional().describe('Who checked it, e.g. "Dr Jane Smith".'),
		})
		.optional()
		.describe('When the bibliographic details were last checked against the publication itself: { date, by? }. Leave out until someone has; the reference page then says it has not been verified.'),
	/** Fields the type normally needs that the source does not provide, with the reason. */
	'x-missing': z
		.strictObject({
			fields: z
				.array(z.enum(['author', 'container-title', 'publisher', 'issued', 'volume', 'page', 'DOI', 'PMID', 'URL']))
				.min(1)
				.describe('The fields the source does not give, e.g. [DOI, PMID]; leave out the whole x-missing group when nothing is missing.'),
			reason: z
				.string()
				.trim()
				.min(10, 'Say why the fields are missing (at least a sentence) so reviewers can act on it.')
				.describe('Why they are absent and what would complete them.'),
		})
		.optional()
		.describe('Record knowingly missing bibliographic fields instead of inventing them. Shown to readers.'),
});

export type ReferenceInput = z.input<typeof ReferenceSchema>;
export type Reference = z.output<typeof ReferenceSchema>;
export type EvidenceKind = (typeof evidenceKinds)[number];
