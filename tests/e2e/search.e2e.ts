/**
 * Search for clinicians and educators, through Pagefind's own browser API and the compact index's
 * page files (the same index the search dialog uses; a match's place is the statement or heading
 * it falls in, as the dialog reads it): queries land on the right statement or section; filters for topic, evidence
 * kind and review status exist. And the search dialog itself, by keyboard.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './browser.ts';
import { distinctiveStatement, referenceSample, synonymSample, typo } from './samples.ts';

afterAll(closeBrowser);

interface Result {
	url: string;
	sub: { url: string; title: string }[];
}

async function search(query: string, filters: Record<string, string> = {}): Promise<{ results: Result[]; filterNames: string[] }> {
	const { page } = await openPage('/');
	// A string, so the test runner's transform does not rewrite the page's dynamic import.
	return page.evaluate(`(async () => {
		const pagefind = await import(location.origin + '/pagefind/pagefind.js');
		await pagefind.init();
		const found = await pagefind.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)} });
		// Each matched word belongs to the last anchor (statement or heading) at or before it: the
		// places the search dialog offers (src/lib/search/rank.ts), read here from the index itself.
		// The compact index (src/lib/search/records.ts): a result's page file holds the page's text and
		// what Pagefind indexed (its distinct words), in which Pagefind's positions are.
		const results = await Promise.all(found.results.slice(0, 5).map(async (r) => {
			const bytes = new Uint8Array(await (await fetch(location.origin + '/pagefind/page/' + r.id + '.json.gz')).arrayBuffer());
			const d = JSON.parse(bytes[0] === 0x1f && bytes[1] === 0x8b ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes));
			const indexed = d.indexed.split(' ');
			const matched = new Set(r.words.map((at) => indexed[at]));
			const form = (token) => token.toLowerCase().replace(/^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$/gu, '');
			const locations = d.content.split(/\\s+/).flatMap((token, at) => (matched.has(form(token)) ? [at] : []));
			const anchors = [...d.anchors].sort((a, b) => a.location - b.location);
			const ids = new Set(locations.map((at) => anchors.filter((a) => a.location <= at).at(-1)?.id).filter(Boolean));
			return { url: d.url, sub: [...ids].map((id) => ({ url: d.url + '#' + id, title: anchors.find((a) => a.id === id).text })) };
		}));
		return { results, filterNames: Object.keys(await pagefind.filters()) };
	})()`);
}

// What to search for comes from the built site (tests/e2e/samples.ts): any valid content works.
const sample = distinctiveStatement();
const GUIDELINE = sample.path;
const reference = referenceSample();

describe('search finds the right place', () => {
	test('a word only one statement uses finds that statement', async () => {
		const { results } = await search(sample.word);
		const urls = results.flatMap((r) => [r.url, ...r.sub.map((s) => s.url)]);
		expect(urls, sample.word).toContain(`${sample.path}#${sample.id}`);
	});

	test.runIf(reference !== undefined)("a cited reference's journal finds the reference", async () => {
		const { results } = await search(reference!.query);
		const urls = results.flatMap((r) => [r.url, ...r.sub.map((s) => s.url)]);
		expect(urls.some((u) => reference!.keys.some((key) => u.startsWith(`/references/${key}/`) || u.endsWith(`#ref-${key}`))), reference!.query).toBe(true);
	});

	test("filters for topic, evidence kind and review status; the guideline's own values find it", async () => {
		const { page } = await openPage(GUIDELINE);
		const own = await page.evaluate(() =>
			Object.fromEntries(
				['topic', 'review status'].map((name) => [name, document.querySelector(`[data-pagefind-filter="${name}"]`)?.textContent?.trim() ?? '']),
			),
		);
		const { filterNames, results } = await search(sample.word, own);
		expect(filterNames).toEqual(expect.arrayContaining(['topic', 'evidence', 'review status']));
		expect(results.map((r) => r.url)).toContain(GUIDELINE);
	});
});

describe('the search dialog', () => {
	test('opens with the keyboard, finds a statement by its word and lands on it', async () => {
		const { page } = await openPage('/');
		await page.keyboard.press('Control+k');
		const dialog = page.getByRole('dialog');
		await dialog.locator('input').first().fill(sample.word);
		const link = dialog.locator(`a[href$="#${sample.id}"]`).first();
		await link.waitFor();
		await link.click();
		await page.waitForURL((url) => url.hash === `#${sample.id}`);
		await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe(sample.id);
	});
});

describe('the search dialog (keyboard only)', () => {
	/** Opens search with Ctrl+K on the guideline page, types the query, goes to the first result with ↓ and opens it with Enter. */
	async function land(query: string): Promise<{ id: string | undefined; focused: string | undefined }> {
		const { page } = await openPage(GUIDELINE);
		await page.keyboard.press('Control+k');
		const input = page.getByRole('searchbox', { name: 'Search the handbook' });
		await input.waitFor();
		await page.keyboard.type(query);
		await page.locator(`dialog.eh-search[data-query="${query}"]`).waitFor();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => location.hash)).not.toBe('');
		return page.evaluate(() => ({ id: location.hash.slice(1), focused: document.activeElement?.id }));
	}

	const synonym = synonymSample();
	const cases: [what: string, query: string, expected: string[]][] = [
		['its own word', sample.word, [sample.id]],
		['the word with a typo', typo(sample.word), [sample.id]],
		...(synonym ? [[`a vocabulary alternative of "${synonym.term}"`, synonym.query, synonym.ids] as [string, string, string[]]] : []),
	];
	test.each(cases)('%s (%s) lands on the statement, which gets focus', async (_what, query, expected) => {
		const { id, focused } = await land(query);
		expect(expected).toContain(id);
		expect(focused).toBe(id);
	});

	test('Escape closes search and focus returns to the search button', async () => {
		const { page } = await openPage(GUIDELINE);
		const button = page.getByRole('button', { name: 'Search' });
		await button.focus();
		await page.keyboard.press('Enter');
		await page.getByRole('searchbox', { name: 'Search the handbook' }).waitFor();
		await page.keyboard.type(sample.word);
		await page.keyboard.press('Escape');
		await expect.poll(() => page.evaluate(() => document.querySelector('dialog.eh-search')?.hasAttribute('open'))).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.matches('button[data-open-search]'))).toBe(true);
		// "/" opens it again; Escape returns focus to the button too.
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		await page.keyboard.press('/');
		await page.getByRole('searchbox', { name: 'Search the handbook' }).waitFor();
		await page.keyboard.press('Escape');
		await expect.poll(() => page.evaluate(() => document.activeElement?.matches('button[data-open-search]'))).toBe(true);
	});

	test('nothing of search is fetched before search opens', async () => {
		const { page } = await openPage(GUIDELINE);
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
		expect(before.filter((p) => /\/pagefind\/|\/search\/|dialog/.test(p))).toEqual([]);
		await page.keyboard.press('Control+k');
		await page.getByRole('searchbox', { name: 'Search the handbook' }).waitFor();
		await page.keyboard.type(sample.word);
		await page.locator(`dialog.eh-search[data-query="${sample.word}"]`).waitFor();
		expect(fetched.some((p) => p.startsWith('/pagefind/'))).toBe(true);
	});

	test('a search that finds nothing says so and suggests terms (never a blank panel)', async () => {
		const { page } = await openPage(GUIDELINE);
		await page.keyboard.press('Control+k');
		await page.getByRole('searchbox', { name: 'Search the handbook' }).waitFor();
		await page.keyboard.type('xylophonic');
		await page.locator('dialog.eh-search[data-query="xylophonic"]').waitFor();
		const status = page.locator('#eh-search-status');
		await expect.poll(() => status.textContent()).toMatch(/No statement matches “xylophonic”.*Try:/);
		expect(await page.locator('.eh-search-suggestion').count()).toBeGreaterThan(0);
	});

	test('results name their section and the filters offer topic, review status, audience and evidence', async () => {
		const { page } = await openPage(GUIDELINE);
		await page.keyboard.press('Control+k');
		await page.getByRole('searchbox', { name: 'Search the handbook' }).waitFor();
		await page.keyboard.type(sample.word);
		await page.locator(`dialog.eh-search[data-query="${sample.word}"]`).waitFor();
		expect(await page.locator('.eh-search-context').first().textContent()).toContain('›');
		await page.locator('.eh-search-filters summary').click();
		for (const legend of ['Topic', 'Review status', 'Audience', 'Evidence cited by the statement']) {
			await page.getByRole('group', { name: legend }).waitFor();
		}
	});
});
