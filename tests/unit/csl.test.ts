/**
 * Reference formatting in batches (prepareReferencesHtml) gives each reference exactly the text it
 * gets formatted on its own, on references that could tempt a CSL processor to make entries depend
 * on each other: same first author and year (author-date styles add "a"/"b"), same family name with
 * different given names (name disambiguation), organisations, missing data, every reference type.
 * Each side runs in a fresh module with an empty cache of its own, so neither reads the other's text.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { ReferenceSchema, type Reference, type ReferenceInput } from '../../src/schemas/reference.ts';

const evidence = { kind: 'cohort', tier: 'primary', publisher: 'Journal of Tests' } as const;
const inputs: ReferenceInput[] = [
	{ id: 'smith-2019', type: 'article-journal', title: 'Knee pain in runners', author: [{ family: 'Smith', given: 'J A' }], 'container-title': 'Journal of Tests', issued: { 'date-parts': [[2019]] }, volume: 12, page: '100-9', DOI: '10.1234/a', 'x-evidence': evidence },
	{ id: 'smith-2019-b', type: 'article-journal', title: 'Knee pain in walkers', author: [{ family: 'Smith', given: 'J A' }], 'container-title': 'Journal of Tests', issued: { 'date-parts': [[2019]] }, volume: 12, page: '110-9', 'x-evidence': evidence },
	{ id: 'smith-2019-c', type: 'article-journal', title: 'Hip pain in runners', author: [{ family: 'Smith', given: 'Kate' }, { family: 'Jones' }], 'container-title': 'Journal of Tests', issued: { 'date-parts': [[2019, 4]] }, issue: '2', 'x-evidence': evidence },
	{ id: 'board-report-2024', type: 'report', title: 'A report & its series', author: [{ literal: 'Board of Sports Medicine' }], 'container-title': 'Practical Summaries', issued: { 'date-parts': [[2024, 3, 9]] }, URL: 'https://example.org/r?a=1&b=2', 'x-evidence': { kind: 'clinical-guideline', tier: 'secondary', publisher: 'Acme' } },
	{ id: 'untitled-2025', type: 'webpage', title: 'A web page', issued: { 'date-parts': [[2025]] }, 'x-evidence': { kind: 'unclassified', tier: 'unknown', publisher: 'Acme' }, 'x-missing': { fields: ['author'], reason: 'None given.' } },
	{ id: 'textbook-2001', type: 'book', title: 'A textbook', author: [{ family: 'Ng', given: 'L' }], issued: { 'date-parts': [[2001]] }, 'x-evidence': { kind: 'narrative-review', tier: 'secondary', publisher: 'Press' } },
];
const refs: Reference[] = inputs.map((r) => ReferenceSchema.parse(r));

const caches: string[] = [];
async function freshCsl() {
	const dir = mkdtempSync(join(tmpdir(), 'eh-csl-'));
	caches.push(dir);
	vi.resetModules();
	vi.stubEnv('EH_CACHE_DIR', dir);
	try {
		return Object.assign(await import('../../src/lib/references/csl.ts'), { formattedFiles: () => readdirSync(join(dir, 'evidence-csl')).length });
	} finally {
		vi.unstubAllEnvs();
	}
}
afterAll(() => {
	for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

describe('prepareReferencesHtml', () => {
	test('gives every reference the text it gets on its own, in batches of any size', async () => {
		const single = await freshCsl();
		const alone = refs.map((r) => single.formatReferenceHtml(r));
		expect(alone.every((html) => html.length > 0)).toBe(true);
		for (const batch of [2, 500]) {
			const batched = await freshCsl();
			batched.prepareReferencesHtml(refs, batch);
			// Made by the batches, before any reference is asked for.
			expect(batched.formattedFiles()).toBe(refs.length);
			expect(refs.map((r) => batched.formatReferenceHtml(r))).toEqual(alone);
		}
	});

	test('a repeated id is formatted on its own, not confused with the other', async () => {
		const single = await freshCsl();
		const twin = ReferenceSchema.parse({ ...inputs[0], title: 'Another title' });
		const expected = [single.formatReferenceHtml(refs[0]!), single.formatReferenceHtml(twin)];
		const batched = await freshCsl();
		batched.prepareReferencesHtml([refs[0]!, twin, refs[1]!]);
		expect([batched.formatReferenceHtml(refs[0]!), batched.formatReferenceHtml(twin)]).toEqual(expected);
		expect(expected[1]).toContain('Another title');
	});
});

describe('preparePageCitations', () => {
	test('formats every published guideline’s own citation in one batch; the page then finds its citation made', async () => {
		const { buildIndex } = await import('../../src/lib/content/load.ts');
		const index = await buildIndex({ root: join(import.meta.dirname, '../fixtures/site') });
		const guidelines = index.pages.filter((p) => p.type === 'guideline');
		expect(guidelines.length).toBeGreaterThan(1);
		const csl = await freshCsl();
		const { preparePageCitations, pageCitation } = await import('../../src/lib/export.ts');
		const { pageDates } = await import('../../src/lib/page-dates.ts');
		preparePageCitations(index, 'https://handbook.example/');
		expect(csl.formattedFiles()).toBe(guidelines.length);
		const page = guidelines[0]!;
		const text = csl.formatReferenceText(pageCitation({ id: page.id, title: String(page.frontmatter.title) }, 'https://handbook.example/', pageDates(page.frontmatter, page.file)));
		expect(text).toContain(String(page.frontmatter.title));
		expect(csl.formattedFiles()).toBe(guidelines.length);
	});

	test('in a shard of a sharded build, only the guidelines the shard renders', async () => {
		const { buildIndex } = await import('../../src/lib/content/load.ts');
		const root = join(import.meta.dirname, '../fixtures/site');
		const index = await buildIndex({ root });
		const [mine] = index.pages.filter((p) => p.type === 'guideline');
		const plan = join(mkdtempSync(join(tmpdir(), 'eh-shard-')), 'shard.json');
		caches.push(dirname(plan));
		writeFileSync(plan, JSON.stringify({ index: 1, count: 2, siteWide: false, files: [mine!.file] }));
		const csl = await freshCsl();
		vi.stubEnv('EH_SHARD', plan);
		try {
			const { preparePageCitations } = await import('../../src/lib/export.ts');
			preparePageCitations(index, 'https://handbook.example/');
		} finally {
			vi.unstubAllEnvs();
		}
		expect(csl.formattedFiles()).toBe(1);
	});
});
