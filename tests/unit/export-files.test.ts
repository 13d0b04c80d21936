/**
 * The export files a build writes (src/lib/export-files.ts): which files, at which addresses, with
 * which content (made by the same format functions as before, one place deciding each), and how
 * they are written (all or nothing, never over a file that is there). On the site fixture (one
 * published guideline, one draft) and on generated guidelines; nothing here names today's content.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildIndex } from '../../src/lib/content/load.ts';
import { publishedIndex } from '../../src/lib/content/publication.ts';
import type { ContentIndex } from '../../src/lib/content/types.ts';
import { EXPORT_SCHEMA_PATH, exportPath, guidelineExport } from '../../src/lib/export.ts';
import { exportFiles, exportSchemaFile, exportSite, GUIDELINE_EXPORT_FORMATS, writeExportFiles, type ExportFile } from '../../src/lib/export-files.ts';
import { toBibtex, toCslJson, toRis } from '../../src/lib/references/export-formats.ts';
import { guidelineExportJsonSchema } from '../../src/schemas/guideline-export.ts';
import { generateCorpus } from '../../scripts/lib/generate-corpus.ts';

const SITE = 'https://handbook.example/';
const fixture = resolve('tests/fixtures/site/content');
const temp = mkdtempSync(join(tmpdir(), 'eh-export-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let all: ContentIndex;
let published: ContentIndex;
beforeAll(async () => {
	all = await buildIndex({ root: resolve('.'), contentDir: fixture });
	published = publishedIndex(all, { preview: false });
});

const guidelinesOf = (index: ContentIndex) => index.pages.filter((page) => page.type === 'guideline');
/** Every file of a folder, relative, '/'-separated, with its text. */
function tree(dir: string): Map<string, string> {
	if (!existsSync(dir)) return new Map();
	return new Map(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => {
				const path = join(entry.parentPath, entry.name);
				return [path.slice(dir.length + 1).split('\\').join('/'), readFileSync(path, 'utf8')] as const;
			}),
	);
}

describe('which files', () => {
	test('every published guideline gets .json, .csl.json, .ris and .bib at /export/<id>.<ext>, and the schema once', () => {
		const files = [...exportFiles(published, SITE, { guidelines: guidelinesOf(published), schema: true })];
		const ids = guidelinesOf(published).map((page) => page.id);
		expect(ids.length).toBeGreaterThan(0);
		expect(files.map((f) => f.path).sort()).toEqual([EXPORT_SCHEMA_PATH, ...ids.flatMap((id) => (['json', 'csl.json', 'ris', 'bib'] as const).map((ext) => exportPath(id, ext)))].sort());
	});

	test('a draft guideline is never exported (the published index leaves it out), in a preview it is', () => {
		const drafts = guidelinesOf(all).filter((page) => !published.pages.includes(page));
		expect(drafts.length).toBeGreaterThan(0);
		const paths = new Set([...exportFiles(published, SITE, { guidelines: guidelinesOf(published), schema: true })].map((f) => f.path));
		for (const draft of drafts) expect(paths.has(exportPath(draft.id, 'json')), draft.id).toBe(false);
		const preview = publishedIndex(all, { preview: true });
		const previewPaths = new Set([...exportFiles(preview, SITE, { guidelines: guidelinesOf(preview), schema: true })].map((f) => f.path));
		for (const draft of drafts) expect(previewPaths.has(exportPath(draft.id, 'json')), draft.id).toBe(true);
	});

	test('only the guidelines given (a shard’s share), only guidelines, and the schema only when asked', () => {
		const [first] = guidelinesOf(published);
		const home = published.pages.find((page) => page.type !== 'guideline');
		const files = [...exportFiles(published, SITE, { guidelines: [first!, ...(home ? [home] : [])], schema: false })];
		expect(files.map((f) => f.path).sort()).toEqual((['bib', 'csl.json', 'json', 'ris'] as const).map((ext) => exportPath(first!.id, ext)).sort());
	});
});

describe('their content: the format functions’ output, unchanged', () => {
	test('each file is what its format makes of the guideline export and its citation items', () => {
		const page = guidelinesOf(published)[0]!;
		const data = guidelineExport(published, page, SITE);
		const items = [data.citation, ...data.references];
		const byPath = new Map([...exportFiles(published, SITE, { guidelines: [page], schema: false })].map((f) => [f.path, f]));
		expect(byPath.get(exportPath(page.id, 'json'))?.body).toBe(`${JSON.stringify(data, null, 2)}\n`);
		expect(byPath.get(exportPath(page.id, 'csl.json'))?.body).toBe(toCslJson(items));
		expect(byPath.get(exportPath(page.id, 'ris'))?.body).toBe(toRis(items));
		expect(byPath.get(exportPath(page.id, 'bib'))?.body).toBe(toBibtex(items));
		expect(JSON.parse(byPath.get(exportPath(page.id, 'json'))!.body).url).toBe(new URL(`/${page.id}/`, SITE).href);
	});

	test('media types as citation managers expect them', () => {
		expect(Object.fromEntries(GUIDELINE_EXPORT_FORMATS.map((f) => [f.extension, f.type]))).toEqual({
			json: 'application/json',
			'csl.json': 'application/vnd.citationstyles.csl+json',
			ris: 'application/x-research-info-systems; charset=utf-8',
			bib: 'application/x-bibtex; charset=utf-8',
		});
	});

	test('the schema file is the JSON Schema generated from the Zod schema, its $id on the site', () => {
		const file = exportSchemaFile(SITE);
		expect(file).toMatchObject({ path: EXPORT_SCHEMA_PATH, type: 'application/schema+json' });
		expect(file.body).toBe(`${JSON.stringify(guidelineExportJsonSchema(new URL(EXPORT_SCHEMA_PATH, SITE).href), null, 2)}\n`);
	});

	test('the site address: the configured one however written, a local one without', () => {
		expect(exportSite('https://handbook.example')).toBe(SITE);
		expect(exportSite(new URL(SITE))).toBe(SITE);
		expect(exportSite(undefined)).toBe('http://localhost:4321/');
	});

	test('a content change needs no code: generated guidelines are each exported, with their own references', async () => {
		const dir = join(temp, 'generated');
		generateCorpus({ dir, guidelines: 3, claimsPerGuideline: 4, references: 5, repoRoot: resolve('.') });
		const index = publishedIndex(await buildIndex({ root: resolve('.'), contentDir: dir }), { preview: false });
		const guidelines = guidelinesOf(index);
		expect(guidelines).toHaveLength(3);
		const files = [...exportFiles(index, SITE, { guidelines, schema: false })];
		expect(files).toHaveLength(12);
		for (const page of guidelines) {
			const json = JSON.parse(files.find((f) => f.path === exportPath(page.id, 'json'))!.body) as { id: string; references: { id: string }[] };
			expect(json.id).toBe(page.id);
			const ris = files.find((f) => f.path === exportPath(page.id, 'ris'))!.body;
			// The page's own record first, then one per reference it cites.
			expect(ris.match(/^TY {2}- /gm)).toHaveLength(1 + json.references.length);
		}
	});
});

describe('writing them', () => {
	const files: ExportFile[] = [
		{ path: '/export/guidelines/a/one.json', type: 'application/json', body: '{"id":"one"}\n' },
		{ path: '/export/guidelines/a/one.ris', type: 'x', body: 'TY  - ELEC\r\nER  - \r\n' },
		{ path: '/export/guidelines/b/two.bib', type: 'x', body: '@misc{two,\n}\n' },
		{ path: EXPORT_SCHEMA_PATH, type: 'application/schema+json', body: '{}\n' },
	];
	let n = 0;
	const outDir = () => {
		const dir = join(temp, `out-${n++}`);
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'index.html'), '<!doctype html>');
		return dir;
	};

	test('every file at its address, byte for byte, nothing else added', () => {
		const dir = outDir();
		expect(writeExportFiles(dir, files)).toBe(4);
		expect(tree(dir)).toEqual(new Map([['index.html', '<!doctype html>'], ...files.map((f) => [f.path.slice(1), f.body] as const)]));
	});

	test('all or nothing: a file that cannot be made leaves no export written and no staging folder', () => {
		const dir = outDir();
		function* failing(): Generator<ExportFile> {
			yield files[0]!;
			yield files[1]!;
			throw new Error('reference missing');
		}
		expect(() => writeExportFiles(dir, failing())).toThrow('reference missing');
		expect([...tree(dir).keys()]).toEqual(['index.html']);
		expect(readdirSync(dir)).toEqual(['index.html']);
	});

	test('two files at one address stop the build, naming it', () => {
		const dir = outDir();
		expect(() => writeExportFiles(dir, [files[0]!, files[0]!])).toThrow(/Two export files have the address \/export\/guidelines\/a\/one\.json/);
		expect(readdirSync(dir)).toEqual(['index.html']);
	});

	test('an export/ folder already there (public/) is kept; a file at an export’s address stops the build, nothing changed', () => {
		const dir = outDir();
		mkdirSync(join(dir, 'export'));
		writeFileSync(join(dir, 'export', 'README.txt'), 'kept');
		expect(writeExportFiles(dir, files)).toBe(4);
		expect(tree(dir).get('export/README.txt')).toBe('kept');
		expect(tree(dir).get('export/guidelines/b/two.bib')).toBe(files[2]!.body);

		const clash = outDir();
		mkdirSync(join(clash, 'export', 'guidelines', 'a'), { recursive: true });
		writeFileSync(join(clash, 'export', 'guidelines', 'a', 'one.ris'), 'mine');
		expect(() => writeExportFiles(clash, files)).toThrow(/\/export\/guidelines\/a\/one\.ris is in the output folder already/);
		expect(tree(clash)).toEqual(new Map([['index.html', '<!doctype html>'], ['export/guidelines/a/one.ris', 'mine']]));
	});

	test('an address that is not a plain site path is refused', () => {
		const dir = outDir();
		expect(() => writeExportFiles(dir, [{ path: '/export/../../escape.json', type: 'x', body: '' }])).toThrow(/Not a site path/);
		expect(() => writeExportFiles(dir, [{ path: 'export/relative.json', type: 'x', body: '' }])).toThrow(/Not a site path/);
		expect(readdirSync(dir)).toEqual(['index.html']);
	});
});
