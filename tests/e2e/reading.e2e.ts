/**
 * Reads like a clinical reference (issue 13), on every guideline the build has (no pinned content):
 * the recommendation is on the first screen of a phone and a desktop; citation previews follow WCAG
 * 1.4.13 (hoverable, dismissable, persistent, flipping at the viewport edge).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './browser.ts';
import { allPagePaths } from './pages.ts';

afterAll(closeBrowser);

const guidelines = allPagePaths().filter((p) => p.startsWith('/guidelines/'));

test('the build has guideline pages to test', () => {
	expect(guidelines.length).toBeGreaterThan(0);
});

describe.each([
	{ width: 390, height: 844, isMobile: true },
	{ width: 1280, height: 900, isMobile: false },
])('at $width×$height', ({ width, height, isMobile }) => {
	test.each(guidelines)("%s: the bottom line's text starts in the top 60% of the first screen", async (path) => {
		const { page } = await openPage(path, { viewport: { width, height }, isMobile, hasTouch: isMobile });
		const top = await page.locator('.bottom-line [data-claim]').first().evaluate((el) => {
			const range = document.createRange();
			range.selectNodeContents(el);
			return range.getClientRects()[0]?.top ?? el.getBoundingClientRect().top;
		});
		expect(top).toBeGreaterThan(0);
		expect(top).toBeLessThan(height * 0.6);
		await page.context().close();
	});
});

describe('citation previews (WCAG 1.4.13)', () => {
	const path = guidelines[0]!;

	test('hover shows the preview; the pointer can move onto it; it stays until the pointer leaves; Escape dismisses it', async () => {
		const { page } = await openPage(path);
		const cite = page.locator('main a[data-cite]').first();
		await cite.scrollIntoViewIfNeeded();
		await cite.hover();
		const tip = page.getByRole('tooltip');
		await expect.poll(() => tip.isVisible()).toBe(true);
		expect(await cite.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
		const entry = page.locator(`[id="${(await cite.getAttribute('href'))!.slice(1)}"]`);
		const expected = ((await entry.locator('[data-preview]').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
		expect(((await tip.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(expected.slice(0, 40));
		// Onto the preview: still shown after the hide delay.
		const box = (await tip.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
		await page.waitForTimeout(600);
		expect(await tip.isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => tip.isVisible()).toBe(false);
		await page.context().close();
	});

	test('near the bottom of the screen the preview opens above the citation, inside the viewport', async () => {
		const { page } = await openPage(path, { viewport: { width: 390, height: 844 } });
		const cite = page.locator('main a[data-cite]').nth(3);
		// Scroll so that the citation sits just above the bottom edge.
		await cite.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 20));
		await cite.focus();
		const tip = page.getByRole('tooltip');
		await expect.poll(() => tip.isVisible()).toBe(true);
		const [t, c] = [(await tip.boundingBox())!, (await cite.boundingBox())!];
		expect(t.y + t.height).toBeLessThanOrEqual(c.y);
		expect(t.y).toBeGreaterThanOrEqual(0);
		expect(t.x).toBeGreaterThanOrEqual(0);
		expect(t.x + t.width).toBeLessThanOrEqual(390);
		await page.context().close();
	});
});
