/**
 * Paper (issue 13): a guideline printed to PDF by Chromium, read back with PDF.js. Every sheet
 * carries the page's permanent address, the date printed, its review status and version; the
 * citations are numbers and the reference list is printed in full at the end; every disclosure is
 * open; nothing says "needs JavaScript"; and the dark theme prints light, with AA contrast.
 * On every guideline the build has (no pinned content).
 */
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './browser.ts';
import { allPagePaths } from './pages.ts';

afterAll(closeBrowser);

const guidelines = allPagePaths().filter((p) => p.startsWith('/guidelines/'));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text of each page of a PDF, whitespace collapsed. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
	const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
	const doc = await task.promise;
	const pages: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		pages.push(squash(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('')));
	}
	await task.destroy();
	return pages;
}

/** What the page itself says it is: address, review status, the date today as the browser prints it. */
async function pageFacts(page: Page) {
	return page.evaluate(() => ({
		url: document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href,
		status: document.querySelector('.guideline-status .review-badge strong')?.textContent?.trim() ?? '',
		today: new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
		references: [...document.querySelectorAll('.reference-list > li [data-preview], .reference-list > li .ref-text')].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
		lastStatement: [...document.querySelectorAll('main [data-claim]:not([data-claim="heading"])')].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).at(-1) ?? '',
		citedBy: document.querySelector('details.ref-cited-by li')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
	}));
}

describe.each(guidelines)('%s printed to PDF', (path) => {
	test.each(['light', 'dark'] as const)('%s theme: every sheet has the address, print date, review status and version; references at the end; no "needs JavaScript"', async (theme) => {
		const { page } = await openPage(path, { colorScheme: theme });
		const facts = await pageFacts(page);
		expect(facts.status).not.toBe('');
		const pages = await pdfPages(await page.pdf({ format: 'A4' }));
		expect(pages.length).toBeGreaterThan(1);
		// A long address may wrap in the margin: compare without spaces.
		const flat = (s: string) => s.replace(/\s+/g, '');
		pages.forEach((text, i) => {
			const where = `page ${i + 1} of ${pages.length}`;
			expect(flat(text), where).toContain(flat(facts.url));
			expect(text, where).toContain(`Printed ${facts.today}`);
			expect(text, where).toContain(`Review status: ${facts.status}`);
			expect(text, where).toMatch(/Version of \d{1,2} \w+ \d{4}/);
			expect(text, where).toContain(`Page ${i + 1} of ${pages.length}`);
		});
		const all = pages.join(' ');
		expect(all).not.toMatch(/needs JavaScript/i);
		// The reference list, in full, after the last statement of the body.
		expect(facts.references.length).toBeGreaterThan(0);
		const afterBody = all.indexOf(squash(facts.lastStatement).slice(0, 30));
		expect(afterBody).toBeGreaterThan(-1);
		for (const reference of facts.references) expect(all.indexOf(reference.slice(0, 40)), reference).toBeGreaterThan(afterBody);
		// "Cited by N statements" is printed open.
		if (facts.citedBy) expect(all).toContain(facts.citedBy.slice(0, 40));
		await page.context().close();
	});

	test('in print, citations are numbers, every disclosure is open, no controls are shown, and the dark theme prints light with AA contrast', async () => {
		const { page } = await openPage(path, { colorScheme: 'dark' });
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		// What a citation shows (its screen-reader words, e.g. "Reference", aside).
		const cites = await page.locator('main a[data-cite]').evaluateAll((links) =>
			links.map((link) => [...link.childNodes].filter((n) => !(n instanceof Element && n.matches('.sr-only'))).map((n) => n.textContent).join('')),
		);
		expect(cites.length).toBeGreaterThan(0);
		for (const cite of cites) expect(cite.trim()).toMatch(/^\d+$/);
		// Every disclosure's content takes space on paper (open, or shown by the print stylesheet).
		const closed = await page.evaluate(() =>
			[...document.querySelectorAll('main details')].filter((d) => {
				const content = [...d.children].find((c) => c.tagName !== 'SUMMARY');
				return content !== undefined && content.getBoundingClientRect().height === 0;
			}).length,
		);
		expect(closed).toBe(0);
		for (const control of ['eh-search', 'starlight-theme-select', 'nav[aria-label="Main"]', '.sidebar-pane', '.claim-permalink', '.sl-anchor-link', 'mobile-starlight-toc']) {
			const shown = await page.locator(control).evaluateAll((els) => els.some((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0));
			expect(`${control}: ${shown}`).toBe(`${control}: false`);
		}
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(background).toBe('rgb(255, 255, 255)');
		const contrast = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
		expect(contrast.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`))).toEqual([]);
		await page.context().close();
	});
});

test('the build has guideline pages to print', () => {
	expect(guidelines.length).toBeGreaterThan(0);
});
