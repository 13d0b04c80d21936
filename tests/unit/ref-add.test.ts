/**
 * `npm run ref:add` (src/lib/references/import.ts): BibTeX, RIS and CSL-JSON exports become
 * validated reference files that pass the claim check; duplicates are refused and nothing is
 * half-written.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCheck } from '../../src/lib/check/run.ts';
import { deriveKey, importEntries, readEntries } from '../../src/lib/references/import.ts';

const fixtures = new URL('../fixtures/ref-add/', import.meta.url).pathname;
const base = new URL('../fixtures/check/base', import.meta.url).pathname;
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function project(): string {
	const root = mkdtempSync(join(tmpdir(), 'eh-refadd-'));
	temps.push(root);
	cpSync(base, join(root, 'content'), { recursive: true });
	return root;
}
const refAdd = (root: string, file: string, ...args: string[]) =>
	spawnSync(process.execPath, ['scripts/ref-add.ts', join(fixtures, file), '--content', join(root, 'content'), ...args], { encoding: 'utf8' });
const yamlOf = (root: string, key: string) => parse(readFileSync(join(root, 'content/references', `${key}.yaml`), 'utf8'));

describe('npm run ref:add', () => {
	test('a BibTeX export: one file per entry, every author, a slug key, and the check passes', async () => {
		const root = project();
		const r = refAdd(root, 'zotero.bib');
		expect(r.status, r.stdout + r.stderr).toBe(0);
		expect(r.stdout).toContain('✔ [@crossley-2016] content/references/crossley-2016.yaml — 8 author(s); not in the record, listed under x-missing: PMID');
		const crossley = yamlOf(root, 'crossley-2016');
		expect(crossley.author).toHaveLength(8);
		expect(crossley.author.at(-1)).toEqual({ family: 'Vicenzino', given: 'Bill' });
		expect(crossley).toMatchObject({ type: 'article-journal', DOI: '10.1136/bjsports-2016-096384', page: '839-843', issued: { 'date-parts': [[2016]] }, 'x-missing': { fields: ['PMID'] } });
		// An organisation as author stays one name.
		expect(yamlOf(root, 'world-health-organization-2020')).toMatchObject({ type: 'report', author: [{ literal: 'World Health Organization' }] });
		const result = await runCheck({ root });
		expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
		expect(result.findings.filter((f) => f.rule === 'reference-unused').map((f) => f.file)).toEqual([
			'content/references/crossley-2016.yaml',
			'content/references/world-health-organization-2020.yaml',
		]);
	});

	test('RIS and CSL-JSON exports', () => {
		const root = project();
		expect(refAdd(root, 'endnote.ris').status).toBe(0);
		expect(yamlOf(root, 'taunton-2002')).toMatchObject({ author: [{ family: 'Taunton', given: 'J E' }, { family: 'Ryan' }, { family: 'Clement' }], volume: '36', page: '95-101', DOI: '10.1136/bjsm.36.2.95' });
		expect(refAdd(root, 'mendeley.json').status).toBe(0);
		expect(yamlOf(root, 'lankhorst-2012')).toMatchObject({ PMID: '22031622', issued: { 'date-parts': [[2012, 2]] }, author: [{ family: 'Lankhorst' }, { family: 'Bierma-Zeinstra' }, { family: 'van Middelkoop' }] });
		expect(readFileSync(join(root, 'content/references/lankhorst-2012.yaml'), 'utf8')).toContain('PMID: "22031622"');
	});

	test('a duplicate (same DOI as an existing reference) is refused with the existing key, and nothing is written', () => {
		const root = project();
		expect(refAdd(root, 'zotero.bib').status).toBe(0);
		rmSync(join(root, 'content/references/world-health-organization-2020.yaml'));
		const before = readdirSync(join(root, 'content/references')).sort();
		const r = refAdd(root, 'zotero.bib');
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('✘ entry 1 (Crossley2016): "2016 Patellofemoral pain consensus statement"');
		expect(r.stdout).toContain('It is already in the handbook as [@crossley-2016] (content/references/crossley-2016.yaml): the same DOI (10.1136/bjsports-2016-096384). Cite [@crossley-2016] instead, or correct that file.');
		expect(r.stdout).toContain('✘ Nothing written: 1 of 2 entries refused.');
		// The valid second entry was not written either: all or nothing.
		expect(readdirSync(join(root, 'content/references')).sort()).toEqual(before);
	});

	test('bad usage and unknown formats exit 2', () => {
		const root = project();
		const r = spawnSync(process.execPath, ['scripts/ref-add.ts', 'refs.txt', '--content', join(root, 'content')], { encoding: 'utf8' });
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('use a .bib (BibTeX), .ris (RIS) or .json (CSL-JSON) export');
		expect(spawnSync(process.execPath, ['scripts/ref-add.ts'], { encoding: 'utf8' }).status).toBe(2);
		expect(existsSync(join(root, 'content/references/refs.yaml'))).toBe(false);
	});
});

describe('keys and duplicates', () => {
	test('keys: family name and year; organisations and anonymous works by title words', () => {
		expect(deriveKey({ author: [{ family: 'van Middelkoop', given: 'M' }], title: 'x', issued: { 'date-parts': [[2012]] } })).toBe('van-middelkoop-2012');
		expect(deriveKey({ author: [{ literal: 'American College of Sports Medicine' }], title: 'x', issued: { 'date-parts': [[2021]] } })).toBe('american-college-sports-medicine-2021');
		expect(deriveKey({ title: 'The management of knee pain in runners', issued: { 'date-parts': [[1979]] } })).toBe('management-knee-pain-runners-1979');
	});

	test('two different works with the same first author and year get distinct keys; the same work twice is refused', () => {
		const items = readEntries(readFileSync(join(fixtures, 'zotero.bib'), 'utf8'), 'bibtex');
		const other = { ...items[0]!, title: 'Another paper by the same team', DOI: '10.1136/other' };
		const { entries, refused } = importEntries([items[0]!, other, items[0]!], [], 'test.bib');
		expect(entries.map((e) => e.key)).toEqual(['crossley-2016', 'crossley-2016a']);
		expect(refused).toHaveLength(1);
		expect(refused[0]!.reason).toContain('[@crossley-2016]');
	});
});
