/**
 * WCAG 2.2 AA across the reading states (issue 13): axe finds 0 violations on home, a guideline, a
 * reference page, the evidence map and the editor guide at 390 and 1280 px in light and dark, and
 * on a guideline with search open and with a citation preview open; every interactive element is
 * at least 24×24 px (WCAG 2.5.8; links inside a sentence are the rule's "inline" exception); focus
 * stays on or returns to the citation when its preview is dismissed. Pages are found in the build.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './browser.ts';
import { allPagePaths } from './pages.ts';
import { axeViolations } from './axe.ts';

afterAll(closeBrowser);

const paths = allPagePaths();
const guideline = paths.find((p) => p.startsWith('/guidelines/'))!;
const reference = paths.find((p) => /^\/references\/[^/]+\/$/.test(p))!;
const PAGES = { home: '/', guideline, reference, 'evidence map': '/evidence-map/', 'editor guide': '/editor-guide/' };
const SIZES = [
	{ width: 390, height: 844, isMobile: true, hasTouch: true },
	{ width: 1280, height: 900, isMobile: false, hasTouch: false },
];

/** Interactive elements smaller than 24×24 px that no WCAG 2.5.8 exception covers. */
function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
		const small: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>(selector)) {
			const box = el.getBoundingClientRect();
			const style = getComputedStyle(el);
			if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
			if (box.width >= 24 && box.height >= 24) continue;
			// Inline exception: a link set in a sentence, sized by the line of text around it.
			const block = el.parentElement?.closest('p, li, td, th, dd, dt, div, span, h1, h2, h3, h4, h5, h6');
			const around = (block?.textContent ?? '').replace(el.textContent ?? '', '').trim();
			if (style.display === 'inline' && around.length > 0) continue;
			small.push(`${el.outerHTML.slice(0, 90)} (${Math.round(box.width)}×${Math.round(box.height)})`);
		}
		return small;
	});
}

for (const [name, path] of Object.entries(PAGES)) {
	test(`the ${name} page exists in the build`, () => {
		expect(paths).toContain(path);
	});
}

describe.each(SIZES)('at $width px', (size) => {
	describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
		test.each(Object.entries(PAGES))('%s: zero axe violations', async (_, path) => {
			const { page } = await openPage(path, { viewport: { width: size.width, height: size.height }, isMobile: size.isMobile, hasTouch: size.hasTouch, colorScheme: theme });
			expect(await axeViolations(page)).toEqual([]);
			await page.context().close();
		});

		test('a guideline with search open: zero axe violations', async () => {
			const { page } = await openPage(guideline, { viewport: { width: size.width, height: size.height }, isMobile: size.isMobile, hasTouch: size.hasTouch, colorScheme: theme });
			const button = page.locator('button[data-open-search]');
			await expect.poll(() => button.isEnabled()).toBe(true);
			await button.click();
			await page.getByRole('searchbox', { name: 'Search the handbook' }).fill('walking');
			await page.locator('dialog.eh-search[data-query="walking"]').waitFor();
			expect(await axeViolations(page)).toEqual([]);
			await page.context().close();
		});

		test('a guideline with a citation preview open: zero axe violations', async () => {
			const { page } = await openPage(guideline, { viewport: { width: size.width, height: size.height }, isMobile: size.isMobile, hasTouch: size.hasTouch, colorScheme: theme });
			await page.locator('main a[data-cite]').first().focus();
			const tip = page.getByRole('tooltip');
			await expect.poll(() => tip.isVisible()).toBe(true);
			expect(await axeViolations(page)).toEqual([]);
			await page.context().close();
		});
	});

	test.each(Object.entries(PAGES))('%s: every interactive element is at least 24×24 px (or a link within a sentence)', async (_, path) => {
		const { page } = await openPage(path, { viewport: { width: size.width, height: size.height }, isMobile: size.isMobile, hasTouch: size.hasTouch });
		expect(await smallTargets(page)).toEqual([]);
		await page.context().close();
	});
});

describe('citation preview and focus', () => {
	test('Escape hides the preview and focus stays on the citation', async () => {
		const { page } = await openPage(guideline);
		const cites = page.locator('main a[data-cite]');
		await cites.first().focus();
		const tip = page.getByRole('tooltip');
		await expect.poll(() => tip.isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => tip.isVisible()).toBe(false);
		expect(await cites.first().evaluate((el) => el === document.activeElement)).toBe(true);
		await page.context().close();
	});
});
