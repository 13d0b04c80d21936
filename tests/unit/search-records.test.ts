/**
 * The compact search index (src/lib/search/records.ts): what Pagefind indexes for a page and the
 * page files the dialog reads, on made-up pages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { indexedPages } from '../../scripts/lib/search-index.ts';
import { distinctWords, documentFrequencies, fromPageFiles, pageFiles, searchRecord, textForms, textPositions, type IndexedPage } from '../../src/lib/search/records.ts';
import { SearchEngine, wordPositions, type PagefindLike } from '../../src/lib/search/engine.ts';
import type { PageData } from '../../src/lib/search/rank.ts';

const page = (url: string, content: string, extra: Partial<IndexedPage> = {}): IndexedPage => ({ url, content, meta: { title: content.split('.')[0]!, kind: 'guideline' }, filters: { topic: ['Knee'] }, anchors: [], ...extra });

describe('what Pagefind indexes', () => {
	test('each word once, lower case, without the punctuation around it', () => {
		expect(distinctWords('Pain-free walking. Walking, then (pain-free) running; 10%')).toEqual(['pain-free', 'walking', 'then', 'running', '10']);
	});

	test('the site’s most frequent words first, so a frequent word has the same position on every page', () => {
		const pages = [page('/a/', 'Knee pain at night.'), page('/b/', 'Night running and knee pain.'), page('/c/', 'Calf raises for knee pain.')];
		const df = documentFrequencies(pages);
		expect(df.get('knee')).toBe(3);
		const records = pages.map((p) => searchRecord(p, df));
		for (const r of records) expect(r.content.split(' ').slice(0, 2)).toEqual(['knee', 'pain']);
		expect(records[1]!.content).toBe('knee pain night and running');
	});

	test('the title and the filters are kept; other metadata (evidence kinds, page kind) is not indexed', () => {
		const p = page('/a/', 'Knee pain.', { meta: { title: 'Knee pain', kind: 'guideline', 'statement-evidence': 'a=Cohort study' } });
		const record = searchRecord(p, documentFrequencies([p]));
		expect(record).toEqual({ url: '/a/', content: 'knee pain', language: 'en', meta: { title: 'Knee pain' }, filters: { topic: ['Knee'] } });
	});
});

describe('page files', () => {
	const p = page('/a/', 'Knee pain. Rest first.', {
		meta: { title: 'Knee pain', kind: 'guideline', 'statement-evidence': 'rest=Cohort study' },
		anchors: [
			{ element: 'h1', id: '_top', text: 'Knee pain', location: 0 },
			{ element: 'li', id: 'rest', text: 'Rest first.', location: 2 },
		],
	});

	const record = { content: 'knee pain rest first' };

	test('the evidence kinds go to their own file; statements keep their anchor, not their text twice', () => {
		const files = pageFiles(p, record);
		expect(files.page.indexed).toBe('knee pain rest first');
		expect(files.evidence).toBe('rest=Cohort study');
		expect(files.page.meta).toEqual({ title: 'Knee pain', kind: 'guideline' });
		expect(files.page.evidence).toBe(1);
		expect(files.page.anchors).toEqual([
			{ element: 'h1', id: '_top', text: 'Knee pain', location: 0 },
			{ element: 'li', id: 'rest', text: '', location: 2 },
		]);
	});

	test('read back, they give the page again (the index can be rebuilt from its own output)', () => {
		const files = pageFiles(p, record);
		const again = fromPageFiles(files.page, files.evidence);
		expect({ ...again, anchors: [] }).toEqual({ ...p, anchors: [] });
		expect(again.anchors.map((a) => a.id)).toEqual(['_top', 'rest']);
		expect(pageFiles(page('/b/', 'No statements.'), { content: 'no statements' }).evidence).toBeUndefined();
	});
});

describe('the engine on the compact index', () => {
	const content = 'Knee pain. Rest, then walking; walked daily. Pains in knees.';
	// What Pagefind indexed for the page: its distinct words, the site's most frequent first.
	const indexed = 'pain knee rest then walking walked daily pains in knees';
	const data: PageData & { indexed: string } = {
		url: '/a/',
		content,
		indexed,
		meta: { title: 'Knee pain', kind: 'guideline' },
		anchors: [
			{ element: 'h1', id: '_top', text: 'Knee pain', location: 0 },
			{ element: 'li', id: 'rest', text: '', location: 2 },
			{ element: 'li', id: 'painful', text: '', location: 7 },
		],
	};
	/** Pagefind over the compact record: a word matches indexed words starting with it; positions are in `indexed`. */
	const pagefind: PagefindLike = {
		search: async (term) => {
			const words = indexed.split(' ').flatMap((w, at) => (w.startsWith(term) ? [at] : []));
			return { results: words.length ? [{ id: 'p1', score: 1, words, data: async () => data }] : [] };
		},
	};

	test('Pagefind’s positions in the indexed words become every occurrence of those words in the text', () => {
		// "walk" matched "walking" (4) and "walked" (5); "knee" matched "knee" (1) and "knees" (9).
		expect(textPositions(textForms(content), indexed, [4, 5])).toEqual([4, 5]);
		expect(textPositions(textForms(content), indexed, [1, 9])).toEqual([0, 9]);
		// An index built from the HTML alone: Pagefind's positions are already in the text.
		expect(textPositions(textForms(content), undefined, [1, 7])).toEqual([1, 7]);
		const pos = wordPositions(data, new Map([['pain', [0, 7]]]));
		expect(pos.get('pain')).toEqual([1, 7]);
	});

	test('the statement is found through the compact index', async () => {
		const engine = new SearchEngine({ pagefind, vocabulary: [], loadTerms: async () => [] });
		const out = await engine.search('walked');
		expect(out.results[0]!.unit.id).toBe('rest');
		expect(out.results[0]!.highlights).toEqual([5]);
	});

	test('statement evidence is fetched only when the evidence filter is used', async () => {
		const loaded: string[] = [];
		const engine = new SearchEngine({
			pagefind,
			vocabulary: [],
			loadTerms: async () => [],
			loadEvidence: async (id) => {
				loaded.push(id);
				return 'rest=Cohort study;painful=Expert opinion';
			},
		});
		expect((await engine.search('rest')).results[0]!.unit.id).toBe('rest');
		expect(loaded).toEqual([]);
		expect((await engine.search('rest', { evidence: ['Expert opinion'] })).results.map((r) => r.unit.id)).not.toContain('rest');
		expect((await engine.search('pain', { evidence: ['Expert opinion'] })).results.map((r) => r.unit.id)).toContain('painful');
		expect(loaded).toEqual(['p1']);
	});
});

describe('reading what Pagefind indexed', () => {
	test('one page per fragment file, or a group of pages keyed by id (Pagefind’s maxFragments)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'eh-fragments-'));
		try {
			mkdirSync(join(dir, 'fragment'));
			const fragment = (value: unknown) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(value))]));
			writeFileSync(join(dir, 'fragment', 'en_aaaaaaa.pf_fragment'), fragment(page('/a/', 'Knee pain.')));
			writeFileSync(join(dir, 'fragment', 'en_group1.pf_fragment'), fragment({ en_bbbbbbb: page('/b/', 'Calf.'), en_ccccccc: page('/c/', 'Hip.') }));
			expect(indexedPages(dir).map((p) => p.url).sort()).toEqual(['/a/', '/b/', '/c/']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
