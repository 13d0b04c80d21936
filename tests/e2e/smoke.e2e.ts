import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, openPage } from './browser.ts';

afterAll(closeBrowser);

describe('home to guideline', () => {
	test('the home page lists the guideline and its link opens it', async () => {
		const { page, errors } = await openPage('/');
		const link = page.locator('.guideline-card > a').first();
		const title = (await link.textContent())!.trim();
		await link.click();
		await page.waitForLoadState('networkidle');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
		expect(errors).toEqual([]);
	});
});
