/**
 * The calculators as a clinician meets them (issue 13): no error before the reader has done
 * anything, statement links named in words, aligned ≥ 24 px controls with visible focus, tables
 * that never cut content on a phone, the plan drawn against the guideline's milestones, print
 * that shows the computed plan or nothing, and axe clean filled and in error at 390 and 1280 px,
 * light and dark. Pages are found in the build output (any page with the calculators), and the
 * assertions hold for whatever protocol and statements it has.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { outDir } from '../../src/lib/paths.ts';
import { axeViolations } from './axe.ts';
import { closeBrowser, openPage, reachCalculators } from './browser.ts';
import { allPagePaths } from './pages.ts';

afterAll(closeBrowser);

const html = (path: string) => readFileSync(join(outDir(), path.endsWith('.html') ? path : join(path, 'index.html')), 'utf8');
const guidelinePages = allPagePaths().filter((p) => p.startsWith('/guidelines/'));
const calculatorPages = guidelinePages.filter((p) => html(p).includes('<eh-progression-calculator'));
const PAGE = calculatorPages[0]!;
const CASE = '?pace=5:00&unit=km&dist=8&start=2026-01-05&injury=2025-12-08&pain=6';

const phase = (page: Page) => page.getByRole('form', { name: 'Phase checker' });
const calc = (page: Page) => page.getByRole('form', { name: 'Return-to-running progression calculator' });

async function fillPhase(page: Page): Promise<void> {
	const form = phase(page);
	await form.getByLabel('Consecutive pain-free walking days').fill('12');
	await form.getByLabel('Minutes of continuous pain-free walking').fill('40');
	await form.getByLabel('Strength symmetry (%)').fill('78');
	await form.getByLabel('Tenderness on palpation').selectOption('none');
	await expect.poll(() => form.locator('[data-result]').textContent()).toContain('Current phase:');
}

async function openFilled(options: Parameters<typeof openPage>[1] = {}): Promise<Page> {
	const { page } = await openPage(`${PAGE}${CASE}`, options);
	await fillPhase(page);
	await expect.poll(() => calc(page).locator('[data-result] svg').count()).toBe(1);
	return page;
}

/** Puts both calculators in error: bad values, each field left, so its message shows. */
async function makeErrors(page: Page): Promise<void> {
	for (const [form, label, value] of [
		[phase(page), 'Consecutive pain-free walking days', '-4'],
		[phase(page), 'Strength symmetry (%)', 'lots'],
		[calc(page), 'Pre-injury pace (min:s)', '0:30'],
		[calc(page), 'Pre-injury run distance', '500'],
	] as const) {
		await form.getByLabel(label).fill(value);
		await form.getByLabel(label).press('Tab');
	}
	await expect.poll(() => page.locator('.islands [aria-invalid="true"]').count()).toBe(4);
}

test('the build has a page with the calculators', () => {
	expect(PAGE).toBeDefined();
});

describe('the calculators’ code is downloaded only when a reader may use it', () => {
	const scripts = (page: Page, into: string[]) => page.on('request', (r) => r.resourceType() === 'script' && into.push(new URL(r.url()).pathname));
	// Their chunks are named after the modules (src/components/islands/*.ts).
	const theirs = (loaded: string[]) => loaded.filter((p) => /\/(phase-checker|progression-calculator)\.[^/]*\.js$/.test(p));
	const ready = (page: Page) => page.evaluate(() => Boolean(customElements.get('eh-phase-checker') || customElements.get('eh-progression-calculator')));

	test('two screens below the opening view: none of it until the reader scrolls near; then the fields work', async () => {
		const { page } = await openPage('/404.html', { viewport: { width: 1280, height: 600 } });
		// The page as published, with filler paragraphs pushing the calculators below two screens
		// (whatever the guideline's own length).
		await page.route(`**${PAGE}`, async (route) => {
			const response = await route.fetch();
			const filler = '<p>Filler paragraph.</p>'.repeat(120);
			await route.fulfill({ response, body: (await response.text()).replace('<div class="islands"', `${filler}<div class="islands"`) });
		});
		const loaded: string[] = [];
		scripts(page, loaded);
		await page.goto(new URL(PAGE, page.url()).href, { waitUntil: 'networkidle' });
		expect(theirs(loaded)).toEqual([]);
		expect(await ready(page)).toBe(false);
		expect(await phase(page).getByLabel('Consecutive pain-free walking days').isDisabled()).toBe(true);
		await page.locator('.islands').first().scrollIntoViewIfNeeded();
		await expect.poll(() => ready(page)).toBe(true);
		expect(theirs(loaded)).toHaveLength(2);
		await fillPhase(page);
	});

	test('a shared case (?pace=…) loads them at once and computes the plan without scrolling', async () => {
		const { page } = await openPage(`${PAGE}${CASE}`);
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
		await expect.poll(() => calc(page).locator('[data-result] svg').count()).toBe(1);
	});

	test('a page without the calculators never downloads their code', async () => {
		const other = guidelinePages.find((p) => !calculatorPages.includes(p)) ?? allPagePaths().find((p) => !html(p).includes('class="islands"'))!;
		const { page } = await openPage('/404.html');
		const loaded: string[] = [];
		scripts(page, loaded);
		await page.goto(new URL(other, page.url()).href, { waitUntil: 'networkidle' });
		for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 800) await page.evaluate((top) => window.scrollTo(0, top), y);
		await page.waitForLoadState('networkidle');
		expect(loaded.length).toBeGreaterThan(0);
		expect(theirs(loaded)).toEqual([]);
		expect(await ready(page)).toBe(false);
	});
});

describe('errors only after the reader has interacted or submitted', () => {
	test('a fresh page has no aria-invalid and no message, even after tabbing through every field', async () => {
		const { page, errors } = await openPage(PAGE);
		await reachCalculators(page);
		expect(await page.locator('[aria-invalid]').count()).toBe(0);
		expect((await page.locator('.islands .error').allTextContents()).join('')).toBe('');
		await phase(page).getByLabel('Consecutive pain-free walking days').focus();
		for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
		expect(await page.locator('[aria-invalid]').count()).toBe(0);
		expect((await page.locator('.islands .error').allTextContents()).join('')).toBe('');
		expect(errors).toEqual([]);
	});

	test('typing shows nothing until the field is left; then the message is tied to it and announced', async () => {
		const { page } = await openPage(PAGE);
		await reachCalculators(page);
		const pace = calc(page).getByLabel('Pre-injury pace (min:s)');
		await pace.fill('fast');
		expect(await pace.getAttribute('aria-invalid')).toBeNull();
		await pace.press('Tab');
		expect(await pace.getAttribute('aria-invalid')).toBe('true');
		const message = page.locator(`[id="${await pace.getAttribute('aria-describedby')}"]`);
		expect(await message.textContent()).toMatch(/^Write the pace as minutes:seconds per km, e\.g\. \d+:\d\d\.$/);
		expect(await message.getAttribute('aria-live')).toBe('polite');
		// Only the field left in error is marked, not its untouched neighbours.
		expect(await page.locator('[aria-invalid]').count()).toBe(1);
		// Corrected, the message goes as the reader types.
		await pace.fill('5:00');
		expect(await pace.getAttribute('aria-invalid')).toBeNull();
		expect(await message.textContent()).toBe('');
	});

	test('submitting an empty form shows every message, says how many, and moves focus to the first', async () => {
		const { page } = await openPage(PAGE);
		await reachCalculators(page);
		const form = phase(page);
		await form.getByRole('button', { name: 'Check the phase' }).click();
		const invalid = form.locator('[aria-invalid="true"]');
		expect(await invalid.count()).toBe(3);
		expect(await form.locator('[data-announce]').textContent()).toBe('3 fields need correcting; each message is next to its field.');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(await invalid.first().getAttribute('name'));
		expect(await form.locator('[data-result]').textContent()).not.toContain('Current phase');
	});
});

/** Visible links whose text is a raw id ("#gate-…", or an id on the page) or bare letters ("a", "ab"). */
async function badLinkTexts(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const ids = new Set([...document.querySelectorAll('[id]')].map((e) => e.id));
		return [...document.querySelectorAll('a')]
			.filter((a) => a.checkVisibility())
			.map((a) => (a as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
			.filter((t) => /^#\S+$/.test(t) || ids.has(t) || ids.has(t.replace(/^#/, '')) || /^[a-z]{1,2}$/.test(t));
	});
}

describe('statement links are named in words, the statement shown on hover and focus', () => {
	test('every link of both calculators and the rules table: words, not an id; its statement exists', async () => {
		const page = await openFilled();
		const links = page.locator('.islands a[href^="#"]');
		expect(await links.count()).toBeGreaterThan(10);
		expect(await badLinkTexts(page)).toEqual([]);
		for (const link of await links.all()) {
			const id = (await link.getAttribute('href'))!.slice(1);
			expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
			expect((await link.textContent())!.trim()).not.toContain(id);
		}
	});

	test('hover and keyboard focus show the statement (section › text) in the shared preview', async () => {
		const page = await openFilled();
		const link = calc(page).locator('[data-result] .sources a').first();
		const statement = (await link.getAttribute('data-statement'))!;
		const label = (await link.textContent())!.replace(/…$/, '');
		expect(statement).toContain(label);
		await link.hover();
		const tip = page.getByRole('tooltip');
		await expect.poll(() => tip.isVisible()).toBe(true);
		expect(await tip.textContent()).toBe(statement);
		await page.mouse.move(0, 0);
		await expect.poll(() => tip.isVisible()).toBe(false);
		await link.focus();
		await expect.poll(() => tip.isVisible()).toBe(true);
		expect(await link.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
		// The statement it names is the one it links to: its text is on the page at the target.
		const target = page.locator(`[id="${(await link.getAttribute('href'))!.slice(1)}"]`);
		expect((await target.textContent())!.replace(/\s+/g, ' ')).toContain(statement.split(' › ').at(-1)!.slice(0, 30));
	});

	test.each(guidelinePages)('%s: no visible link text is a raw id or bare letters (calculators filled)', async (path) => {
		const { page } = await openPage(`${path}${calculatorPages.includes(path) ? CASE : ''}`);
		if (calculatorPages.includes(path)) await fillPhase(page);
		expect(await badLinkTexts(page)).toEqual([]);
		await page.context().close();
	});
});

describe('controls', () => {
	test.each([390, 1280])('at %i px: every control is at least 24×24 px, aligned on its row, with a visible focus ring', async (width) => {
		const page = await openFilled({ viewport: { width, height: 900 } });
		const sizes = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('.islands :is(input, select, button)')]
				.filter((e) => e.checkVisibility())
				.map((e) => {
					const r = e.getBoundingClientRect();
					return { name: e.getAttribute('name') ?? e.textContent, w: r.width, h: r.height };
				}),
		);
		expect(sizes.filter((s) => s.w < 24 || s.h < 24)).toEqual([]);
		// Inputs and selects sharing a grid row share their top edge and height.
		const rows = await page.evaluate(() =>
			[...document.querySelectorAll('.islands .grid')].map((grid) =>
				[...grid.querySelectorAll<HTMLElement>(':scope > .field > :is(input, select)')].map((e) => ({ field: Math.round(e.parentElement!.getBoundingClientRect().top), top: Math.round(e.getBoundingClientRect().top), h: Math.round(e.getBoundingClientRect().height) })),
			),
		);
		for (const row of rows.flat()) {
			const peers = rows.flat().filter((o) => o.field === row.field);
			expect(new Set(peers.map((p) => p.top)).size).toBe(1);
			expect(new Set(peers.map((p) => p.h)).size).toBe(1);
		}
		// Keyboard focus on each control draws an outline.
		await phase(page).getByLabel('Consecutive pain-free walking days').focus();
		for (let i = 0; i < 12; i++) {
			const ring = await page.evaluate(() => {
				const e = document.activeElement as HTMLElement;
				const s = getComputedStyle(e);
				return { inIslands: !!e.closest('.islands'), style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
			});
			if (ring.inIslands) {
				expect(ring.style).not.toBe('none');
				expect(ring.width).toBeGreaterThanOrEqual(2);
			}
			await page.keyboard.press('Tab');
		}
	});
});

describe('tables at 390 px', () => {
	test('nothing is cut: the page does not scroll sideways; a table wider than its box scrolls in a named, focusable region', async () => {
		const page = await openFilled({ viewport: { width: 390, height: 844 } });
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
		const tables = await page.evaluate(() =>
			[...document.querySelectorAll('.islands table')].map((t) => {
				const box = t.parentElement!;
				const cells = [...t.querySelectorAll('th, td')] as HTMLElement[];
				return {
					caption: t.querySelector('caption')?.textContent,
					// A named <section> is a region landmark.
					region: box.getAttribute('role') ?? (box.tagName === 'SECTION' && box.hasAttribute('aria-label') ? 'region' : null),
					tabindex: box.getAttribute('tabindex'),
					name: box.getAttribute('aria-label'),
					fitsPage: box.getBoundingClientRect().right <= document.documentElement.clientWidth,
					overflows: box.scrollWidth > box.clientWidth,
					cutCells: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
				};
			}),
		);
		expect(tables.length).toBeGreaterThanOrEqual(3);
		for (const t of tables) {
			expect(t, String(t.caption)).toMatchObject({ region: 'region', tabindex: '0', fitsPage: true, cutCells: [] });
			expect(t.name).toBeTruthy();
		}
		// A region that does scroll moves with the arrow keys once focused.
		const region = page.locator('.islands .table-scroll').filter({ has: page.locator('table') });
		for (const r of await region.all()) {
			if (!(await r.evaluate((e) => e.scrollWidth > e.clientWidth))) continue;
			await r.focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => r.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
		}
	});
});

describe('the plan as a picture', () => {
	test.each([390, 1280])('at %i px: an image named by its title, described in words, over the milestone table and one mark per session', async (width) => {
		const page = await openFilled({ viewport: { width, height: 900 } });
		const chart = calc(page).getByRole('img');
		expect(await chart.count()).toBe(1);
		const title = await chart.evaluate((s) => s.querySelector('title')?.textContent);
		const desc = await chart.evaluate((s) => s.querySelector('desc')?.textContent ?? '');
		expect(title).toBeTruthy();
		expect(await calc(page).getByRole('img', { name: title! }).count()).toBe(1);
		const milestones = calc(page).getByRole('table', { name: /Milestones/ });
		for (const label of await milestones.locator('tbody th').allTextContents()) expect(desc).toContain(label);
		const sessions = calc(page).getByRole('table', { name: 'Sessions' }).locator('tbody tr');
		const marks = await chart.evaluate((s) => s.querySelectorAll('.chart-session, .chart-pain').length);
		expect(marks).toBe(await sessions.count());
		const fits = await chart.evaluate((s) => s.getBoundingClientRect().width <= s.closest('[data-result]')!.getBoundingClientRect().width + 1);
		expect(fits).toBe(true);
	});
});

describe('print', () => {
	test('nothing computed: neither calculator prints (no empty form, no default phase, no "needs JavaScript")', async () => {
		const { page } = await openPage(PAGE);
		await reachCalculators(page);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('eh-phase-checker').isVisible()).toBe(false);
		expect(await page.locator('eh-progression-calculator').isVisible()).toBe(false);
		const text = await page.locator('body').innerText();
		expect(text).not.toMatch(/needs JavaScript|Current phase|Immediate management/);
	});

	test('computed: the plan and the phase print with what they were computed from, without the controls', async () => {
		const page = await openFilled();
		await page.emulateMedia({ media: 'print' });
		for (const form of [phase(page), calc(page)]) {
			expect(await form.locator('[data-result]').isVisible()).toBe(true);
			expect(await form.locator('.computed-from').isVisible()).toBe(true);
			expect(await form.locator('input:visible, select:visible, button:visible').count()).toBe(0);
		}
		expect(await calc(page).getByRole('img').isVisible()).toBe(true);
		expect(await calc(page).getByRole('table', { name: 'Sessions' }).isVisible()).toBe(true);
		expect(await page.locator('body').innerText()).not.toMatch(/needs JavaScript/);
	});
});

describe.each(['light', 'dark'] as const)('axe, %s theme', (theme) => {
	test.each([390, 1280])('at %i px: zero violations with the calculators filled, then in error', async (width) => {
		const page = await openFilled({ viewport: { width, height: 900 }, colorScheme: theme });
		expect(await axeViolations(page, '.islands')).toEqual([]);
		await makeErrors(page);
		expect(await axeViolations(page, '.islands')).toEqual([]);
		await page.context().close();
	});
});
