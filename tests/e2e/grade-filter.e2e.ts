/**
 * The evidence map's grade filter in a real browser, on the trust fixture (graded and ungraded
 * statements, tests/fixtures/trust/generate.ts) built and served here: it filters by strength and
 * certainty with JavaScript off (CSS alone), and with JavaScript on it is operable by keyboard,
 * announces the count in a status region, keeps the choice in the address and restores it from
 * there; zero axe violations in both themes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { serveFolder, type StaticServer } from '../setup/static-server.ts';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv } from '../setup/env.ts';
import { GRADED_PAGE, writeTrustFixture } from '../fixtures/trust/generate.ts';
import { closeBrowser, getBrowser } from './browser.ts';

const MAP = '/evidence-map/knee/';
const temp = mkdtempSync(join(tmpdir(), 'eh-grade-filter-'));
let server: StaticServer | undefined;
let base = '';

beforeAll(async () => {
	writeTrustFixture(join(temp, 'content'), new Date());
	const out = join(temp, 'dist');
	const build = spawnSync('npx', ['astro', 'build'], { encoding: 'utf8', env: buildEnv({ EH_CONTENT_DIR: join(temp, 'content'), EH_OUT_DIR: out, EH_CACHE_DIR: join(temp, 'cache') }) });
	if (build.status !== 0) throw new Error(build.stderr);
	server = await serveFolder(out);
	base = server.base;
});
afterAll(async () => {
	await closeBrowser();
	await server?.close();
	rmSync(temp, { recursive: true, force: true });
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
	const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 }, ...options });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(base + path, { waitUntil: 'networkidle' });
	return { page, errors };
}

/** Ids of the statement rows shown. */
const shownRows = (page: Page) => page.locator('tr[data-claim-row]:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim-row')));
/** Titles of the guideline sections shown. */
const shownSections = (page: Page) => page.locator('section[data-grade-tokens]:visible h2').allTextContents();

describe('without JavaScript', () => {
	test('strength and certainty filter the rows and hide guidelines with none left; "nothing matches" when no row does', async () => {
		const { page } = await open(MAP, { javaScriptEnabled: false });
		const all = await shownRows(page);
		expect(all).toEqual(expect.arrayContaining(['bottom-line', 'conditional-statement', 'justified-statement', 'ungraded-statement', 'graded-row']));
		await page.getByRole('radio', { name: 'Strong', exact: true }).check();
		expect(await shownRows(page)).toEqual(['bottom-line', 'justified-statement']);
		expect(await shownSections(page)).toEqual(['Is this the graded fixture question?']);
		await page.getByRole('group', { name: 'Certainty of evidence' }).getByRole('radio', { name: 'Very low' }).check();
		expect(await shownRows(page)).toEqual(['justified-statement']);
		await page.getByRole('radio', { name: 'Not graded' }).check();
		expect(await page.locator('.grade-filter-empty').isVisible()).toBe(true);
		await page.getByRole('group', { name: 'Certainty of evidence' }).getByRole('radio', { name: 'All' }).check();
		expect(await page.locator('.grade-filter-empty').isVisible()).toBe(false);
		const ungraded = await shownRows(page);
		expect(ungraded).toContain('ungraded-statement');
		expect(ungraded).not.toContain('conditional-statement');
		expect(await shownSections(page)).toContain('Is this the published fixture question?');
		await page.getByRole('group', { name: 'Strength of recommendation' }).getByRole('radio', { name: 'All' }).check();
		expect(await shownRows(page)).toEqual(all);
		await page.context().close();
	});
});

describe('with JavaScript', () => {
	test('keyboard: arrow keys choose, the count is announced and the address keeps the choice', async () => {
		const { page, errors } = await open(MAP);
		const strength = page.getByRole('group', { name: 'Strength of recommendation' });
		await strength.getByRole('radio', { name: 'All' }).focus();
		await page.keyboard.press('ArrowRight');
		expect(await strength.getByRole('radio', { name: 'Strong', exact: true }).isChecked()).toBe(true);
		const status = page.locator('.grade-filter').getByRole('status');
		await expect.poll(() => status.textContent()).toMatch(/^Showing 2 of \d+ statements\.$/);
		expect(new URL(page.url()).searchParams.get('strength')).toBe('strong');
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => status.textContent()).toMatch(/^Showing all \d+ statements\.$/);
		expect(new URL(page.url()).search).toBe('');
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('a filtered address opens filtered', async () => {
		const { page } = await open(`${MAP}?strength=conditional&certainty=moderate`);
		expect(await page.getByRole('radio', { name: 'Conditional' }).isChecked()).toBe(true);
		expect(await shownRows(page)).toEqual(['graded-row']);
		expect(await page.locator('.grade-filter').getByRole('status').textContent()).toMatch(/^Showing 1 of \d+ statements\.$/);
		await page.context().close();
	});

	test.each(['light', 'dark'] as const)('zero axe violations (%s), filtered and not', async (theme) => {
		const { page } = await open(MAP, { colorScheme: theme });
		const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
		expect(await axe()).toEqual([]);
		await page.getByRole('radio', { name: 'Not graded' }).check();
		await page.getByRole('group', { name: 'Certainty of evidence' }).getByRole('radio', { name: 'High' }).check();
		expect(await axe()).toEqual([]);
		await page.context().close();
	});

	test('a row links to its statement on the guideline page', async () => {
		const { page } = await open(MAP);
		const href = await page.locator('tr[data-claim-row="graded-row"] a').first().getAttribute('href');
		expect(href).toBe(`/${GRADED_PAGE}/#graded-row`);
		await page.context().close();
	});
});
