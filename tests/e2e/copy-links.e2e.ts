/**
 * Educators link to an exact statement or section (issue 13): every statement and section heading
 * has a visible "copy link" that needs no hover (touch), is a 24 px target, works by keyboard,
 * copies the full address and confirms it visibly and to screen readers (aria-live).
 * On every guideline the build has (no pinned content).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './browser.ts';
import { allPagePaths } from './pages.ts';

afterAll(closeBrowser);

const guideline = allPagePaths().find((p) => p.startsWith('/guidelines/'))!;
const permissions = ['clipboard-read', 'clipboard-write'];

const status = (page: Page) => page.locator('eh-copy-links [role="status"]');

describe.each([
	{ name: 'a statement', link: 'main a.claim-permalink', label: 'Copy link to this statement', what: 'statement' },
	{ name: 'a section', link: 'main .sl-markdown-content a.sl-anchor-link', label: /^Copy link to section: \S/, what: 'section' },
])('$name', ({ link, label, what }) => {
	test('on a phone (touch, no hover): the link is visible, 24×24 px, and a tap copies the address and says so', async () => {
		const { page } = await openPage(guideline, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, permissions });
		const copy = page.locator(link).first();
		await copy.scrollIntoViewIfNeeded();
		expect(await copy.evaluate((el) => Number(getComputedStyle(el).opacity))).toBe(1);
		const box = (await copy.boundingBox())!;
		expect(box.width).toBeGreaterThanOrEqual(24);
		expect(box.height).toBeGreaterThanOrEqual(24);
		expect(await page.getByRole('link', { name: label }).count()).toBeGreaterThan(0);
		const href = (await copy.getAttribute('href'))!;
		const scrolled = await page.evaluate(() => window.scrollY);
		await copy.tap();
		const expected = new URL(href, page.url()).href;
		await expect.poll(() => status(page).textContent()).toBe(`Link to this ${what} copied: ${expected}`);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
		// The address bar holds the link too, and the page did not jump.
		expect(page.url()).toBe(expected);
		expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(2);
		// A visible confirmation next to the link.
		expect(await copy.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"Link copied"');
		await page.context().close();
	});

	test('by keyboard: Tab reaches the link and Enter copies it, with the confirmation announced', async () => {
		const { page } = await openPage(guideline, { permissions });
		const copy = page.locator(link).first();
		const href = (await copy.getAttribute('href'))!;
		// Tab from the element just before it.
		await copy.evaluate((el) => {
			const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, summary')];
			all[all.indexOf(el as HTMLElement) - 1]?.focus();
		});
		await page.keyboard.press('Tab');
		expect(await copy.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		const expected = new URL(href, page.url()).href;
		await expect.poll(() => status(page).textContent()).toBe(`Link to this ${what} copied: ${expected}`);
		expect(await status(page).getAttribute('aria-live')).toBe('polite');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
		await page.context().close();
	});
});

test('without JavaScript a statement link is an ordinary link to the statement', async () => {
	const { page } = await openPage(guideline, { javaScriptEnabled: false });
	const copy = page.locator('main a.claim-permalink').first();
	const href = (await copy.getAttribute('href'))!;
	expect(href).toMatch(/^#./);
	await copy.click();
	expect(new URL(page.url()).hash).toBe(href);
	await page.context().close();
});

test('the home page tells educators how to link to a statement or section, that links last, and how to cite', async () => {
	const { page } = await openPage('/');
	const heading = page.getByRole('heading', { name: 'Linking to this handbook' });
	expect(await heading.count()).toBe(1);
	const section = await page.evaluate(() => {
		const wrapper = document.getElementById('linking')!.closest('.sl-heading-wrapper') ?? document.getElementById('linking')!;
		let text = '';
		for (let n = wrapper.nextElementSibling; n && !n.matches('h2, .sl-heading-wrapper'); n = n.nextElementSibling) text += n.textContent;
		return text;
	});
	expect(section).toMatch(/statement/i);
	expect(section).toMatch(/section/i);
	expect(section).toMatch(/never break/i);
	expect(section).toMatch(/Cite this page/);
	await page.context().close();
});
