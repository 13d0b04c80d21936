import { afterAll, describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeBrowser, openPage, reachCalculators } from './browser.ts';

/** The message shown for a field: the element its aria-describedby names (ids are per instance). */
async function errorOf(field: Locator): Promise<string | null> {
	const id = await field.getAttribute('aria-describedby');
	return field.page().locator(`[id="${id}"]`).textContent();
}

afterAll(closeBrowser);

const GUIDELINE = '/guidelines/running-injuries/runner-medial-thigh-knee-pain/';

describe('phase checker', () => {
	test('fills, shows the phase, met and unmet criteria, each linked to its claim', async () => {
		const { page, errors } = await openPage(GUIDELINE);
		await reachCalculators(page);
		const checker = page.getByRole('form', { name: 'Phase checker' });
		await checker.getByLabel('Consecutive pain-free walking days').fill('12');
		await checker.getByLabel('Minutes of continuous pain-free walking').fill('40');
		await checker.getByLabel('Strength symmetry (%)').fill('78');
		const result = checker.locator('[data-result]');
		// Tenderness starts "not yet assessed": an unassessed finding never counts as resolved.
		await expect.poll(() => result.textContent()).toContain('Localized tenderness on palpation completely resolved: not yet assessed');
		expect(await result.textContent()).toContain('Current phase: Immediate management');
		await checker.getByLabel('Tenderness on palpation').selectOption('none');
		await expect.poll(() => result.textContent()).toContain('Current phase: Ready to start the walk-run progression');
		// Each result line links to its statements, named in words (never by the id), and they exist.
		const links = result.getByRole('link');
		expect(await links.count()).toBeGreaterThan(0);
		for (const link of await links.all()) {
			const href = (await link.getAttribute('href'))!;
			expect(href).toMatch(/^#./);
			expect((await link.textContent())!.trim()).not.toContain(href.slice(1));
			expect(await page.locator(`[id="${href.slice(1)}"]`).count()).toBe(1);
		}
		await checker.getByLabel('Pain at rest or at night').check();
		await expect.poll(() => result.textContent()).toContain('Red flags: imaging or referral');
		expect(errors).toEqual([]);
	});

	test('bad input gets an inline message and keeps the last valid result', async () => {
		const { page } = await openPage(GUIDELINE);
		await reachCalculators(page);
		const checker = page.getByRole('form', { name: 'Phase checker' });
		await checker.getByLabel('Consecutive pain-free walking days').fill('12');
		await checker.getByLabel('Minutes of continuous pain-free walking').fill('10');
		await checker.getByLabel('Strength symmetry (%)').fill('50');
		const result = checker.locator('[data-result]');
		await expect.poll(() => result.textContent()).toContain('Current phase: Immediate management');
		const days = checker.getByLabel('Consecutive pain-free walking days');
		await days.fill('-4');
		await days.press('Tab');
		expect(await days.getAttribute('aria-invalid')).toBe('true');
		expect(await errorOf(days)).toBe('The consecutive pain-free walking days cannot be less than 0 days.');
		expect(await result.textContent()).toContain('Current phase: Immediate management');
		expect(await result.textContent()).not.toMatch(/NaN|Infinity|undefined/);
	});
});

describe('progression calculator', () => {
	test('a shared URL fills the case and shows milestones against the guideline', async () => {
		const { page, errors } = await openPage(`${GUIDELINE}?pace=5:00&unit=km&dist=8&start=2026-01-05`);
		const calc = page.getByRole('form', { name: 'Return-to-running progression calculator' });
		expect(await calc.getByLabel('Pre-injury pace (min:s)').inputValue()).toBe('5:00');
		const result = calc.locator('[data-result]');
		await expect.poll(() => result.textContent()).toContain('16:40 min/km to 10:00 min/km');
		const milestones = result.getByRole('table', { name: /Milestones/ });
		expect(await milestones.getByRole('row', { name: /Full return to activity/ }).textContent()).toMatch(/10–14\s*10\.1\s*agrees/);
		expect(errors).toEqual([]);
	});

	test('editing the case updates the URL for sharing (round trip)', async () => {
		const { page } = await openPage(`${GUIDELINE}?pace=5:00&unit=km&dist=8&start=2026-01-05`);
		await page.getByLabel('Pre-injury run distance').fill('12');
		await expect.poll(() => new URL(page.url()).searchParams.get('dist')).toBe('12');
		const shared = page.url();
		const { page: again } = await openPage(new URL(shared).pathname + new URL(shared).search);
		expect(await again.getByLabel('Pre-injury run distance').inputValue()).toBe('12');
	});

	test('absurd pace and distance get inline messages; no NaN', async () => {
		const { page } = await openPage(`${GUIDELINE}?pace=5:00&unit=km&dist=8&start=2026-01-05`);
		await page.getByLabel('Pre-injury pace (min:s)').fill('0:30');
		expect(await errorOf(page.getByLabel('Pre-injury pace (min:s)'))).toBe('0:30 min/km is not a plausible running pace; enter one between 2:30 and 15:00 min/km.');
		await page.getByLabel('Pre-injury pace (min:s)').fill('40:00');
		expect(await errorOf(page.getByLabel('Pre-injury pace (min:s)'))).toContain('40:00 min/km is not a plausible running pace');
		await page.getByLabel('Pre-injury run distance').fill('500');
		expect(await errorOf(page.getByLabel('Pre-injury run distance'))).toBe('The pre-injury run distance cannot be more than 100 km; check the value.');
		const text = await page.locator('eh-progression-calculator [data-result]').textContent();
		expect(text).toContain('16:40 min/km to 10:00 min/km');
		expect(text).not.toMatch(/NaN|Infinity/);
	});

	test('"pain reported" applies the pain rule and re-plans', async () => {
		const { page } = await openPage(`${GUIDELINE}?pace=5:00&unit=km&dist=8&start=2026-01-05`);
		await page.getByLabel('Pain reported after session').fill('10');
		await page.getByRole('button', { name: 'Apply pain rule and re-plan' }).click();
		const sessions = page.getByRole('table', { name: 'Sessions' });
		await expect.poll(() => sessions.textContent()).toContain('Pain reported: stop, rest 2 days until symptoms resolve, resume at 1.56 km.');
		expect(new URL(page.url()).searchParams.get('pain')).toBe('10');
	});

	test('keyboard only: the fields are reachable with Tab', async () => {
		const { page } = await openPage(`${GUIDELINE}?pace=5:00&unit=km&dist=8&start=2026-01-05`);
		await page.getByLabel('Pre-injury pace (min:s)').focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('unit');
	});
});
