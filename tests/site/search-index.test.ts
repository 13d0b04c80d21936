/**
 * The search index holds what readers search and nothing else (issue 12): statements, headings and
 * the bottom line, with words separated as the reader sees them. Read from Pagefind's own fragments
 * in dist/, compared with each built guideline page, so it holds for any content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { builtPage, distDir } from './dist.ts';

interface Fragment {
	url: string;
	content: string;
	filters: Record<string, string[]>;
	meta: Record<string, string>;
	anchors: { element: string; id: string; text: string; location: number }[];
}

function fragments(): Fragment[] {
	const dir = join(distDir, 'pagefind/fragment');
	return readdirSync(dir).map((f) => {
		const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
		return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
	});
}

const all = fragments();
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
