/**
 * Every export of every guideline in the build, read by third-party readers
 * (tests/helpers/citation-readers.ts): the published JSON Schema and the official CSL-JSON schema
 * (ajv), astrocite-ris, Better BibTeX's parser, citeproc-js with official styles. Iterates over
 * whatever guidelines the build holds; nothing here names today's content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GuidelineExportSchema, type GuidelineExport } from '../../src/schemas/guideline-export.ts';
import { EXPORT_SCHEMA_PATH } from '../../src/lib/export.ts';
import { builtPage, distDir } from './dist.ts';
import {
	bareLineBreaks,
	citeprocBibliography,
	jsonSchema2020Validator,
	officialCslValidator,
	readBibtex,
	readRis,
	risRecords,
	unescapedBibtex,
	untaggedRisLines,
} from '../helpers/citation-readers.ts';

const exportDir = join(distDir, 'export');
/** Every guideline's export base path (dist/export/<id>), discovered from the build. */
const guidelines = readdirSync(exportDir, { recursive: true, encoding: 'utf8' })
	.map((f) => f.split('\\').join('/'))
	.filter((f) => f.endsWith('.json') && !f.endsWith('.csl.json') && !f.endsWith('.schema.json'))
	.map((f) => f.slice(0, -'.json'.length))
	.sort();
const read = (id: string, ext: string) => readFileSync(join(exportDir, `${id}.${ext}`), 'utf8');
const data = (id: string) => JSON.parse(read(id, 'json')) as GuidelineExport;

const publishedSchema = JSON.parse(readFileSync(join(distDir, EXPORT_SCHEMA_PATH), 'utf8')) as { $id: string; $schema: string };
const validateExport = jsonSchema2020Validator(publishedSchema);
const validateCsl = officialCslValidator();

test('the build has guideline exports to check', () => {
	expect(guidelines.length).toBeGreaterThan(0);
});

describe.each(guidelines)('%s', (id) => {
	test('the .json export validates against the published JSON Schema, the Zod schema and (references, citation) the official CSL-JSON schema', () => {
		const json = JSON.parse(read(id, 'json')) as GuidelineExport;
		expect(validateExport(json), JSON.stringify(validateExport.errors)).toBe(true);
		expect(json.$schema).toBe(publishedSchema.$id);
		GuidelineExportSchema.parse(json);
		expect(validateCsl(json.references), JSON.stringify(validateCsl.errors)).toBe(true);
		expect(validateCsl([json.citation]), JSON.stringify(validateCsl.errors)).toBe(true);
	});

	test('statement and section anchors exist on the page', () => {
		const json = data(id);
		const page = builtPage(`${json.id}/`);
		for (const anchor of [...json.claims, ...json.sections]) {
			expect(anchor.url).toBe(`${json.url}#${anchor.id}`);
			expect(page.getElementById(anchor.id), anchor.id).not.toBeNull();
		}
		// Every cited key is among the references, and every reference is cited.
		const keys = new Set(json.references.map((r) => r.id));
		const cited = new Set(json.claims.flatMap((c) => c.references));
		expect([...cited].sort()).toEqual([...keys].sort());
	});

	test('the .csl.json export is the page then its references, valid against the official CSL-JSON schema', () => {
		const csl = JSON.parse(read(id, 'csl.json')) as { id: string }[];
		expect(validateCsl(csl), JSON.stringify(validateCsl.errors)).toBe(true);
		const json = data(id);
		expect(csl).toEqual([json.citation, ...json.references]);
	});

	test('citeproc-js formats every item in the official Vancouver and APA styles without errors', () => {
		const csl = JSON.parse(read(id, 'csl.json')) as Record<string, unknown>[];
		for (const style of ['vancouver', 'apa'] as const) {
			const { entries, errors } = citeprocBibliography(csl, style);
			expect(errors).toEqual([]);
			expect(entries).toHaveLength(csl.length);
			for (const entry of entries) expect(entry.length).toBeGreaterThan(10);
		}
	});

	test('the .ris export: CRLF, no untagged line, astrocite-ris reads every record with its full id and title', () => {
		const ris = read(id, 'ris');
		const json = data(id);
		const items = [json.citation, ...json.references];
		expect(untaggedRisLines(ris)).toEqual([]);
		expect(bareLineBreaks(ris)).toBe(0);
		const records = readRis(ris);
		expect(records.map((r) => r.id)).toEqual(items.map((i) => i.id));
		expect(records.map((r) => r.title)).toEqual(items.map((i) => i.title));
		// Organisations stay one corporate name ("Name,"), reports keep series and publisher.
		risRecords(ris).forEach((record, i) => {
			const item = items[i]!;
			for (const [j, name] of (item.author ?? []).entries()) if ('literal' in name) expect(record.get('AU')?.[j]).toBe(`${name.literal},`);
			if (item.type === 'report' && item['collection-title']) expect(record.get('T3')).toEqual([item['collection-title']]);
			if (item.publisher) expect(record.get('PB')).toEqual([item.publisher]);
			if (item.custom.missing) expect(record.get('N1')?.join(' ')).toContain(item.custom.missing.reason);
		});
	});

	test("the .bib export: Better BibTeX's parser reads it with no error, keys are our citation keys, every field is escaped", () => {
		const bib = read(id, 'bib');
		const json = data(id);
		const items = [json.citation, ...json.references];
		const library = readBibtex(bib);
		expect(library.errors).toEqual([]);
		expect(library.entries.map((e) => e.key)).toEqual(items.map((i) => i.id));
		expect(unescapedBibtex(bib)).toEqual([]);
		library.entries.forEach((entry, i) => {
			const item = items[i]!;
			if (entry.type === 'techreport') expect(entry.fields.institution).toBeDefined();
			if (item.accessed) expect(entry.fields.urldate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			if (item.custom.missing) expect(String(entry.fields.note)).toContain(item.custom.missing.reason.slice(0, 20));
			const month = item.issued?.['date-parts'][0][1];
			expect(entry.fields.month).toBe(month === undefined ? undefined : String(month));
		});
	});

	test('"Cite this page" shows the citation and links to every download and the export schema', () => {
		const json = data(id);
		const page = builtPage(`${json.id}/`);
		expect(page.getElementById('cite-this-page')?.textContent).toBe('Cite this page');
		expect(page.querySelector('.cite-this-page')?.textContent).toContain(json.title);
		const hrefs = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
		for (const ext of ['bib', 'ris', 'csl.json', 'json']) expect(hrefs).toContain(`/export/${json.id}.${ext}`);
		expect(hrefs).toContain(EXPORT_SCHEMA_PATH);
	});
});
