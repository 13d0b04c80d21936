/**
 * What a clinician does, in Chromium: search for a therapy and land on its section, read a
 * citation preview by keyboard and dismiss it, follow a deep link to one claim, switch to dark
 * mode, read the guideline on a phone-width screen, print it.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './browser.ts';
import { distinctiveStatement } from './samples.ts';

afterAll(closeBrowser);

const GUIDELINE = '/guidelines/running-injuries/runner-medial-thigh-knee-pain/';
// A statement chosen from the built site, and a word only it uses (tests/e2e/samples.ts).
const sample = distinctiveStatement();

describe('search', () => {
	test("Ctrl+K opens the search dialog; a statement's own word finds it and the result lands on its section", async () => {
		const { page, errors } = await openPage('/');
		const button = page.getByRole('button', { name: 'Search' }).first();
		await expect.poll(() => button.isEnabled()).toBe(true);
		await page.keyboard.press('Control+k');
		const dialog = page.getByRole('dialog', { name: 'Search' });
		await expect.poll(() => dialog.isVisible()).toBe(true);
		await dialog.getByRole('searchbox', { name: 'Search' }).fill(sample.word);
		const result = dialog.locator(`a[href^="${sample.path}#"]`).first();
		await result.waitFor({ state: 'visible', timeout: 15_000 });
		await result.click();
		await page.waitForURL((url) => url.pathname === sample.path && url.hash !== '');
		const url = new URL(page.url());
		expect(url.pathname).toBe(sample.path);
		// The fragment names the section (or claim) that holds the word, and it is on screen.
		const target = page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`);
		await expect.poll(() => target.count()).toBe(1);
		const text = (await target.textContent()) ?? '';
		const section = await page.evaluate((id) => {
			let el: Element | null = document.getElementById(id);
			// From a heading, the section is the heading's following siblings up to the next h2.
			const wrapper = el?.closest('.sl-heading-wrapper') ?? el;
			let out = wrapper?.textContent ?? '';
			for (let n = wrapper?.nextElementSibling; n && !n.querySelector('h2') && n.tagName !== 'H2'; n = n.nextElementSibling) out += n.textContent;
			return out;
		}, decodeURIComponent(url.hash.slice(1)));
		expect(`${text} ${section}`.toLowerCase()).toContain(sample.word);
		await expect.poll(() => target.isVisible()).toBe(true);
		expect(errors).toEqual([]);
	});
});

describe('citation previews', () => {
	test('Tab to a citation shows its preview; Escape hides it', async () => {
		const { page } = await openPage(GUIDELINE);
		// Tab until focus is on a citation link (href #ref-…).
		let focusedHref = '';
		for (let i = 0; i < 80 && !focusedHref.includes('#ref-'); i++) {
			await page.keyboard.press('Tab');
			focusedHref = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');
		}
		expect(focusedHref).toMatch(/^#ref-/);
		const tipId = await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby') ?? '');
		expect(tipId).not.toBe('');
		const tip = page.locator(`[id="${tipId}"]`);
		expect(await tip.getAttribute('role')).toBe('tooltip');
		await expect.poll(() => tip.isVisible()).toBe(true);
		expect((await tip.textContent())?.trim().length).toBeGreaterThan(10);
		await page.keyboard.press('Escape');
		await expect.poll(() => tip.isVisible()).toBe(false);
		// Focus stays on the citation (dismissing must not move focus).
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby'))).toBe(tipId);
	});
});

describe('deep link to a claim', () => {
	test('#<statement id> scrolls the claim into view and highlights it', async () => {
		const { page } = await openPage(`${sample.path}#${sample.id}`, { viewport: { width: 1280, height: 700 } });
		const claim = page.locator(`[id="${sample.id}"]`);
		await expect.poll(() => claim.isVisible()).toBe(true);
		const box = await claim.boundingBox();
		expect(box).not.toBeNull();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		expect(box!.y).toBeLessThan(700);
		expect((await claim.textContent())?.toLowerCase()).toContain(sample.word);
		// Highlighted: it is the :target and looks different from an ordinary claim.
		const look = (sel: string) => page.locator(sel).first().evaluate((el) => { const s = getComputedStyle(el); return `${s.backgroundColor}|${s.outlineStyle}|${s.boxShadow}|${s.borderInlineStartStyle}`; });
		expect(await claim.evaluate((el) => el.matches(':target'))).toBe(true);
		expect(await look(`[id="${sample.id}"]`)).not.toBe(await look('[data-claim]:not(:target)'));
	});
});

describe('dark mode', () => {
	test('choosing Dark in the theme select renders dark', async () => {
		const { page, errors } = await openPage(GUIDELINE, { colorScheme: 'light' });
		const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const light = await bg();
		await page.getByRole('combobox', { name: 'Select theme' }).first().selectOption('dark');
		await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		const dark = await bg();
		expect(dark).not.toBe(light);
		const lum = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
		expect(lum(dark)).toBeLessThan(lum(light));
		expect(errors).toEqual([]);
	});
});

describe('mobile', () => {
	test('a 390 px wide screen: no horizontal scroll, menu button, screenshot saved', async () => {
		const { page } = await openPage(GUIDELINE, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await expect.poll(() => page.getByRole('button', { name: /menu/i }).first().isVisible()).toBe(true);
		mkdirSync('test-results', { recursive: true });
		const png = await page.screenshot({ path: 'test-results/guideline-mobile-390.png', fullPage: false });
		expect(png.length).toBeGreaterThan(10_000);
	});
});

describe('print', () => {
	test('printing keeps statements, citations, the reference list and the plan; drops navigation, search and controls', async () => {
		const { page } = await openPage(`${GUIDELINE}?pace=5:00&unit=km&dist=8&start=2026-12-01`);
		await expect.poll(() => page.getByRole('table', { name: 'Sessions' }).isVisible()).toBe(true);
		await page.emulateMedia({ media: 'print' });
		const visible = (selector: string) => page.locator(selector).first().isVisible();
		expect(await visible('[data-claim]')).toBe(true);
		expect(await visible('a[data-cite]')).toBe(true);
		expect(await visible('#references + * li, ol.reference-list li')).toBe(true);
		expect(await page.getByRole('table', { name: 'Sessions' }).isVisible()).toBe(true);
		for (const hidden of ['header', 'nav[aria-label="Main"]', 'eh-search button', '.islands button', '.islands input', '.claim-permalink']) {
			expect(`${hidden}: ${await visible(hidden)}`).toBe(`${hidden}: false`);
		}
		// And the PDF Chromium makes from it has pages.
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	});
});
