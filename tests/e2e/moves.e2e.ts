/**
 * Old addresses and old #anchors land in a real browser (issue 18): the moves fixture after a move
 * between topics with a new file name, a rename and a split (tests/setup/moves-site.ts), built and
 * served here. The statement the old link named must be the target of the new address.
 */
import { rmSync } from 'node:fs';
import { serveFolder, type StaticServer } from '../setup/static-server.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, movedSite } from '../setup/moves-site.ts';
import { closeBrowser, getBrowser } from './browser.ts';

let server: StaticServer | undefined;
let base = '';
let root = '';
beforeAll(async () => {
	const site = movedSite();
	root = site.root;
	const build = buildSite(root);
	if (build.status !== 0) throw new Error(build.log);
	server = await serveFolder(build.out);
	base = server.base;
});
afterAll(async () => {
	await closeBrowser();
	await server?.close();
	rmSync(root, { recursive: true, force: true });
});

async function follow(path: string, javaScriptEnabled = true) {
	const context = await (await getBrowser()).newContext({ javaScriptEnabled });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(base + path);
	await page.waitForLoadState('networkidle');
	// Forwarding by the target page (anchors of split pages) is a second, in-page navigation.
	await page.waitForFunction(() => !location.hash || document.getElementById(decodeURIComponent(location.hash.slice(1))) !== null, undefined, { timeout: 5000 }).catch(() => {});
	return { page, errors, close: () => context.close() };
}

async function expectLandedOn(path: string, anchor: string, at: string) {
	const { page, errors, close } = await follow(path);
	const url = new URL(page.url());
	expect(url.pathname + url.hash).toBe(`${at}#${anchor}`);
	const target = page.locator(`[id="${anchor}"]`);
	await expect(target.count()).resolves.toBe(1);
	// The browser scrolled to it: the statement is in view.
	await expect(target.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight && el.getBoundingClientRect().bottom > 0)).resolves.toBe(true);
	expect(errors).toEqual([]);
	await close();
}

describe('old addresses', () => {
	test('a statement on a guideline moved to another topic and file name', async () => {
		await expectLandedOn('/guidelines/knee/traveller/#gate-walking', 'gate-walking', '/guidelines/hip/travelled-far/');
	});

	test('a renamed guideline, without an anchor', async () => {
		const { page, close } = await follow('/guidelines/knee/renamed/');
		expect(new URL(page.url()).pathname).toBe('/guidelines/knee/new-name/');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('renamed?');
		await close();
	});

	test('a statement that went to the second page of a split', async () => {
		await expectLandedOn('/guidelines/knee/whole/#treatment-statement', 'treatment-statement', '/guidelines/knee/treatment/');
		await expectLandedOn('/guidelines/knee/whole/#diagnosis-statement', 'diagnosis-statement', '/guidelines/knee/diagnosis/');
	});

	test('after a host 301 (fragment kept, no redirect page) the split statement still lands', async () => {
		await expectLandedOn('/guidelines/knee/diagnosis/#treatment-statement', 'treatment-statement', '/guidelines/knee/treatment/');
	});

	test('without JavaScript the old address shows a link to the new one', async () => {
		const { page, close } = await follow('/guidelines/knee/traveller/', false);
		const link = page.getByRole('link', { name: /moves to another topic/ });
		await expect(link.getAttribute('href')).resolves.toBe('/guidelines/hip/travelled-far/');
		await close();
	});

	test('a statement on a withdrawn guideline lands on the withdrawal notice', async () => {
		const { page, errors, close } = await follow('/guidelines/knee/retired/#retired-advice');
		await page.waitForURL(/#withdrawn$/, { timeout: 5000 });
		const notice = page.getByRole('note').filter({ hasText: 'This guideline has been withdrawn' });
		await expect(notice.isVisible()).resolves.toBe(true);
		await expect(notice.getByRole('link').getAttribute('href')).resolves.toBe('/guidelines/knee/new-name/');
		expect(errors).toEqual([]);
		await close();
	});
});
