/**
 * The citation exports (RIS, BibTeX, CSL-JSON) on fixture references that hold every difficulty the
 * formats have: long titles, LaTeX's special characters, organisations as authors, keys sharing
 * their first 20 characters, missing data, access dates. Each export is read back by third-party
 * readers (tests/helpers/citation-readers.ts), not by our own code.
 */
import { describe, expect, test } from 'vitest';
import type { ReferenceInput } from '../../src/schemas/reference.ts';
import { ReferenceSchema } from '../../src/schemas/reference.ts';
import { CslItemSchema, type CslItem } from '../../src/schemas/csl-item.ts';
import { cslItem } from '../../src/lib/references/csl.ts';
import { escapeBibtex, toBibtex, toCslJson, toRis } from '../../src/lib/references/export-formats.ts';
import { pageCitation } from '../../src/lib/export.ts';
import { pageDates } from '../../src/lib/page-dates.ts';
import {
	bareLineBreaks,
	citeprocBibliography,
	officialCslValidator,
	readBibtex,
	readRis,
	risRecords,
	unescapedBibtex,
	untaggedRisLines,
} from '../helpers/citation-readers.ts';

const refs: ReferenceInput[] = [
	{
		id: 'acme-report-on-very-long-titles-2024',
		type: 'report',
		title: 'A report whose title is much longer than seventy characters & uses 50% of $budget_x #1',
		author: [{ literal: 'Board of Sports Medicine & Editors' }],
		'container-title': 'Practical Summaries: Series_One',
		issued: { 'date-parts': [[2024, 3, 9]] },
		URL: 'https://example.org/reports/a_b?x=1&y=2',
		'x-evidence': { kind: 'clinical-guideline', tier: 'secondary', publisher: 'Acme & Co' },
		'x-missing': { fields: ['DOI'], reason: 'The report has no DOI; 100% of copies are print_only.' },
	},
	{
		id: 'acme-report-on-very-long-titles-2025',
		type: 'report',
		title: 'Second report',
		issued: { 'date-parts': [[2025]] },
		'x-evidence': { kind: 'unclassified', tier: 'unknown', publisher: 'Acme' },
		'x-missing': { fields: ['author', 'URL'], reason: 'The source gives the title and year only.' },
	},
	{
		id: 'smith-jones-2019',
		type: 'article-journal',
		title: 'Knee pain in runners: a cohort',
		author: [{ family: 'Smith', given: 'J A' }, { family: "O'Brien", given: 'Ä' }, { family: 'Plato' }],
		'container-title': 'Journal of Sport & Exercise',
		issued: { 'date-parts': [[2019, 11]] },
		volume: 12,
		issue: '3',
		page: '100-9',
		DOI: '10.1234/abc_def',
		PMID: '1508994',
		'x-evidence': { kind: 'cohort', tier: 'primary', publisher: 'Journal of Sport & Exercise' },
		'x-verified': { date: '2026-01-02', by: 'Dr A' },
	},
];
const page = pageCitation(
	{ id: 'guidelines/knee/what-is-it', title: 'What is the recommended management approach for a runner with sudden medial thigh/knee pain?' },
	'https://handbook.example/',
	pageDates({ changelog: [{ date: new Date('2026-01-05') }, { date: '2026-02-10' }] }, undefined),
);
const items: CslItem[] = [page, ...refs.map((r, i) => cslItem(ReferenceSchema.parse(r), i === 0 ? { accessed: { 'date-parts': [[2026, 2, 1]] } } : {}))];

describe('CSL items', () => {
	test('are valid against the official CSL-JSON schema and keep our data under custom', () => {
		const validate = officialCslValidator();
		const data = JSON.parse(toCslJson(items)) as unknown[];
		expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
		for (const item of items) expect(CslItemSchema.parse(item)).toEqual(item);
		expect(items[1]!.custom.missing?.fields).toEqual(['DOI']);
		expect(items[3]!.custom.verified).toEqual({ date: '2026-01-02', by: 'Dr A' });
		for (const item of items) expect(Object.keys(item).filter((k) => k.startsWith('x-'))).toEqual([]);
	});

	test("a report's container is its series, and it names its publisher", () => {
		expect(items[1]).toMatchObject({ 'collection-title': 'Practical Summaries: Series_One', publisher: 'Acme & Co' });
		expect(items[1]).not.toHaveProperty('container-title');
		expect(items[3]).toMatchObject({ 'container-title': 'Journal of Sport & Exercise' });
		expect(items[3]).not.toHaveProperty('publisher');
	});

	test("the page's citation date is its last change (an explicit frontmatter date here), never the build date", () => {
		expect(page.issued).toEqual({ 'date-parts': [[2026, 2, 10]] });
		expect(page.accessed).toEqual(page.issued);
		const undated = pageCitation({ id: 'guidelines/knee/x', title: 'Undated?' }, 'https://handbook.example/', pageDates({}, undefined));
		expect(undated).not.toHaveProperty('issued');
		expect(undated).not.toHaveProperty('accessed');
	});

	test.each(['vancouver', 'apa', 'harvard1'] as const)('citeproc-js formats every item in the official %s style without errors', (style) => {
		const { entries, errors } = citeprocBibliography(JSON.parse(toCslJson(items)) as Record<string, unknown>[], style);
		expect(errors).toEqual([]);
		expect(entries).toHaveLength(items.length);
		const report = entries.find((e) => e.includes('A report whose title'))!;
		if (style !== 'harvard1') expect(report).toContain('Practical Summaries: Series_One'); // Harvard prints no series
		if (style === 'apa') expect(report).not.toMatch(/\bIn\b/); // not formatted as a book chapter
		if (style === 'vancouver') {
			expect(entries.find((e) => e.includes('sudden medial'))).toContain('[cited 2026 Feb 10]');
			expect(report).toContain('Board of Sports Medicine & Editors');
		}
	});
});

describe('RIS', () => {
	const ris = toRis(items);

	test('uses CRLF, never wraps, and has no untagged line', () => {
		expect(untaggedRisLines(ris)).toEqual([]);
		expect(bareLineBreaks(ris)).toBe(0);
		expect(ris).toContain(`TI  - ${refs[0]!.title}\r\n`);
		expect(ris).toContain('UR  - https://example.org/reports/a_b?x=1&y=2\r\n');
	});

	test('astrocite-ris reads every record back: type, title and full id', () => {
		const read = readRis(ris);
		expect(read.map((r) => r.id)).toEqual(items.map((i) => i.id));
		expect(read.map((r) => r.title)).toEqual(items.map((i) => i.title));
		expect(read.map((r) => r.type)).toEqual(['webpage', 'report', 'report', 'article-journal']);
		expect(read[1]).toMatchObject({ publisher: 'Acme & Co', 'collection-title': 'Practical Summaries: Series_One' });
	});

	test('reports carry series (T2, T3) and publisher (PB); organisations are one corporate name; access dates and missing-data reasons are kept', () => {
		const [, report, , article] = risRecords(ris);
		expect(report!.get('T2')).toEqual(['Practical Summaries: Series_One']);
		expect(report!.get('T3')).toEqual(['Practical Summaries: Series_One']);
		expect(report!.get('PB')).toEqual(['Acme & Co']);
		expect(report!.get('AU')).toEqual(['Board of Sports Medicine & Editors,']);
		expect(report!.get('Y2')).toEqual(['2026/02/01/']);
		expect(report!.get('N1')?.join(' ')).toContain('100% of copies are print_only');
		expect(article!.get('AU')).toEqual(['Smith, J A', "O'Brien, Ä", 'Plato']);
	});
});

describe('BibTeX', () => {
	const bib = toBibtex(items);

	test('Better BibTeX’s parser reads every entry without an error, keyed by our citation keys', () => {
		const library = readBibtex(bib);
		expect(library.errors).toEqual([]);
		expect(library.entries.map((e) => e.key)).toEqual(items.map((i) => i.id));
	});

	test('every field is escaped, names included', () => {
		expect(unescapedBibtex(bib)).toEqual([]);
		expect(unescapedBibtex('@misc{x,\n\tauthor = {{A & B}},\n}\n')).toHaveLength(1); // the check can fail
		const [, report, , article] = readBibtex(bib).entries;
		expect(report!.fields.author).toEqual([{ name: 'Board of Sports Medicine & Editors' }]);
		expect(report!.fields.title).toBe(refs[0]!.title);
		expect(article!.fields.author).toEqual([
			{ lastName: 'Smith', firstName: 'J A' },
			{ lastName: "O'Brien", firstName: 'Ä' },
			{ name: 'Plato' },
		]);
	});

	test('reports name their institution and series; month, urldate and missing-data notes are right', () => {
		const [, report, second, article] = readBibtex(bib).entries;
		expect(report).toMatchObject({ type: 'techreport', fields: { institution: ['Acme & Co'], series: 'Practical Summaries: Series_One', urldate: '2026-02-01', month: '3' } });
		expect(String(report!.fields.note)).toContain('The report has no DOI; 100% of copies are print_only.');
		expect(second!.fields.institution).toEqual(['Acme']);
		expect(second!.fields.key).toBe('Acme'); // sorts and labels an entry without author
		expect(report!.fields).not.toHaveProperty('key');
		expect(second!.fields).not.toHaveProperty('month');
		expect(article!.fields.month).toBe('11');
		expect(bib).toMatch(/^\tmonth = nov,$/m);
	});

	test('escapeBibtex escapes every LaTeX special character', () => {
		expect(escapeBibtex('a & b % c $ d # e _ f { g } h ~ i ^ j \\ k')).toBe(
			'a \\& b \\% c \\$ d \\# e \\_ f \\{ g \\} h \\textasciitilde{} i \\textasciicircum{} j \\textbackslash{} k',
		);
	});
});
