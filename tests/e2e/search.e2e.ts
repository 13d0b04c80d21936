/**
 * Search for clinicians and educators, through Pagefind's own browser API (the same index the
 * search dialog uses): queries land on the right statement or section; filters for topic, evidence
 * kind and review status exist. And the search dialog itself, by keyboard.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './browser.ts';

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
		const results = await Promise.all(found.results.slice(0, 5).map(async (r) => {
			const d = await r.data();
			return { url: d.url, sub: d.sub_results.map((s) => ({ url: s.url, title: s.title })) };
		}));
		return { results, filterNames: Object.keys(await pagefind.filters()) };
	})()`);
}

const GUIDELINE = '/guidelines/running-injuries/runner-medial-thigh-knee-pain/';

describe('search finds the right place', () => {
	test.each([
		['LIPUS', '#avoid-lipus'],
		['stress fracture', '#focal-tenderness-stress-fracture'],
		['hip adduction', '#hip-core-strengthening'],
		['Southern medical journal', '#ref-knee-pain-in-runners-1979'],
	])('"%s" → %s', async (query, anchor) => {
		const { results } = await search(query);
		const urls = results.flatMap((r) => [r.url, ...r.sub.map((s) => s.url)]);
		expect(urls.some((u) => u.startsWith(GUIDELINE) || u.startsWith('/references/'))).toBe(true);
		if (anchor.startsWith('#ref-')) expect(urls.some((u) => u.endsWith(anchor) || u.startsWith('/references/knee-pain-in-runners-1979/'))).toBe(true);
		else expect(urls).toContain(`${GUIDELINE}${anchor}`);
	});

	test('filters for topic, evidence kind and review status', async () => {
		const { filterNames, results } = await search('running', { topic: 'Running injuries', 'review status': 'Submitted, awaiting clinical review' });
		expect(filterNames).toEqual(expect.arrayContaining(['topic', 'evidence', 'review status']));
		expect(results.map((r) => r.url)).toContain(GUIDELINE);
	});
});

describe('the search dialog', () => {
	test('opens with the keyboard, finds LIPUS and lands on the statement', async () => {
		const { page } = await openPage('/');
		await page.keyboard.press('Control+k');
		const dialog = page.getByRole('dialog');
		await dialog.locator('input').first().fill('LIPUS');
		const link = dialog.locator('a[href*="#avoid-lipus"]').first();
		await link.waitFor();
		await link.click();
		await page.waitForURL(/#avoid-lipus$/);
		await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe('avoid-lipus');
	});
});
