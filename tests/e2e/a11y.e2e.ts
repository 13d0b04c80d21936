/**
 * Accessibility and CSP in the browser, on one page of every page type (discovered from the build
 * output), in light and dark themes: axe-core with the WCAG 2.2 A/AA rule tags finds zero
 * violations, and Chromium reports zero Content-Security-Policy violations and no console errors.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { axeViolations } from './axe.ts';
import { closeBrowser, openPage } from './browser.ts';
import { pageTypeSamples } from './pages.ts';

afterAll(closeBrowser);

const pages = pageTypeSamples();

test('the samples cover the page types', () => {
	expect(pages).toEqual(expect.arrayContaining(['/', '/404.html', '/editorial-policy/']));
	expect(pages.some((p) => p.startsWith('/guidelines/'))).toBe(true);
});

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
	test.each(pages)('%s: zero axe violations, zero CSP violations, no console errors', async (path) => {
		const { page, errors } = await openPage(path, { colorScheme: theme });
		const csp: string[] = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
		expect(await axeViolations(page)).toEqual([]);
		expect(csp).toEqual([]);
		// 404.html is served with status 404: Chromium logs that as a console error, nothing else may.
		expect(errors.filter((e) => !(path === '/404.html' && /status of 404/.test(e)))).toEqual([]);
		await page.context().close();
	});
});
