/**
 * The search index holds what readers search and nothing else (issue 12): statements, headings and
 * the bottom line, with words separated as the reader sees them. Read from the compact index's page
 * files in dist/ (what Pagefind indexed from the HTML, scripts/lib/search-index.ts), compared with
 * each built guideline page, so it holds for any content.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { indexedPages } from '../../scripts/lib/search-index.ts';
import { documentFrequencies, searchRecord } from '../../src/lib/search/records.ts';
import { builtPage, distDir } from './dist.ts';

const pagefindDir = join(distDir, 'pagefind');
const all = indexedPages(pagefindDir);

test('the built index is the compact one: a page file per indexed page, no Pagefind fragments', () => {
	expect(existsSync(join(pagefindDir, 'fragment'))).toBe(false);
	const files = readdirSync(join(pagefindDir, 'page')).filter((f) => !f.endsWith('.evidence.json.gz'));
	expect(files.length).toBe(all.length);
	// Statements' evidence is in no page file (only in the evidence files the filter fetches).
	for (const f of files) expect(gunzipSync(readFileSync(join(pagefindDir, 'page', f))).toString('utf8')).not.toContain('statement-evidence');
});

test('what Pagefind indexes for a page holds each of its words once', () => {
	const df = documentFrequencies(all);
	for (const page of all) {
		const words = searchRecord(page, df).content.split(' ');
		expect(new Set(words).size).toBe(words.length);
	}
});
const guidelines = all.filter((f) => f.url.startsWith('/guidelines/'));

test('there are guideline pages in the index', () => {
	expect(guidelines.length).toBeGreaterThan(0);
});

describe.each(guidelines.map((f) => [f.url, f] as const))('%s', (url, fragment) => {
	const page = builtPage(url.slice(1));
	const words = fragment.content.split(/\s+/);

	test('citation text is not glued to the words it follows', () => {
		expect(words.filter((w) => /\p{Ll}Reference/u.test(w))).toEqual([]);
		expect(fragment.content).not.toMatch(/Link to this statement|Cited by|Unresolved citation|Unsupported statement/);
	});

	test('no single-letter runs (back-links), metadata, authorship and review, related questions, references or disclaimers', () => {
		expect(fragment.content).not.toMatch(/\b[a-z] [a-z] [a-z]\b/);
		// Authorship and review is the same boilerplate on every guideline ("None named", "Last
		// reviewed"): indexed, it would add its words to every page's index entries.
		const excluded = ['.guideline-status', '.provenance dt', '.provenance dd', '.related-questions li', '.reference-list li', '.gap-list li', '.disclaimer p', '.cite-this-page'];
		for (const selector of excluded) {
			for (const el of page.querySelectorAll(selector)) {
				const text = el.textContent.replace(/\s+/g, ' ').trim();
				if (text.length > 20) expect(fragment.content, `${selector}: ${text}`).not.toContain(text.slice(0, 40));
			}
		}
	});

	test('every statement is its own search anchor and carries its evidence kinds', () => {
		const ids = new Set(fragment.anchors.map((a) => a.id));
		const perStatement = new Map((fragment.meta['statement-evidence'] ?? '').split(';').map((pair) => pair.split('=') as [string, string]));
		for (const el of page.querySelectorAll('[data-claim]')) {
			if (el.getAttribute('data-claim') === 'heading') continue;
			expect(ids, el.id).toContain(el.id);
			expect(perStatement.get(el.id), el.id).toBe(el.getAttribute('data-evidence') ?? '');
		}
	});

	test('filters: topic, review status, audience; each evidence kind the page cites, once', () => {
		expect(Object.keys(fragment.filters)).toEqual(expect.arrayContaining(['topic', 'review status', 'audience']));
		const kinds = fragment.filters['evidence'] ?? [];
		expect(kinds).toEqual([...new Set(kinds)]);
		const cited = new Set([...page.querySelectorAll('.reference-list .ref-kind')].map((el) => el.textContent.trim()));
		expect(new Set(kinds)).toEqual(cited);
	});
});
