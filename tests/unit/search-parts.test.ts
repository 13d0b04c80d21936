import { expect, test } from 'vitest';
import { searchPart } from '../../scripts/lib/search-parts.ts';

test('each file a search fetches is named by the part it is', () => {
	expect(searchPart('/pagefind/pagefind.js')).toBe('pagefind.js');
	expect(searchPart('/pagefind/wasm.en.pagefind')).toBe('wasm');
	expect(searchPart('/pagefind/wasm.unknown.pagefind')).toBe('wasm');
	expect(searchPart('/pagefind/pagefind-entry.json')).toBe('entry');
	expect(searchPart('/pagefind/pagefind.en_b522aaad61.pf_meta')).toBe('metadata');
	expect(searchPart('/pagefind/filter/en_2497a3f.pf_filter')).toBe('filters');
	expect(searchPart('/pagefind/index/en_82568a7.pf_index')).toBe('index chunks');
	expect(searchPart('/pagefind/fragment/en_b321211.pf_fragment')).toBe('page fragments');
	expect(searchPart('/pagefind/page/en_b321211.json.gz')).toBe('page fragments');
	expect(searchPart('/pagefind/page/en_b321211.evidence.json.gz')).toBe('statement evidence (ours)');
	expect(searchPart('/pagefind/pagefind-worker.js')).toBe('Pagefind, other');
	expect(searchPart('/search/vocabulary.json')).toBe('vocabulary (ours)');
	expect(searchPart('/search/terms.json')).toBe('terms (ours)');
	expect(searchPart('/_astro/dialog.DUsB4Cgl.js')).toBe('dialog code (ours)');
	expect(searchPart('/favicon.svg')).toBe('other');
});

test('a site served under a base path is named the same', () => {
	expect(searchPart('/handbook/pagefind/index/en_1.pf_index')).toBe('index chunks');
	expect(searchPart('/handbook/search/terms.json')).toBe('terms (ours)');
});
