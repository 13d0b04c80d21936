/**
 * Shared browser harness for e2e tests: Debian's Chromium via playwright-core (no browser
 * download). Use `openPage(path)` inside a test; close the browser in `afterAll(closeBrowser)`.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser | undefined;

export async function getBrowser(): Promise<Browser> {
	browser ??= await chromium.launch({
		executablePath,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	return browser;
}

export function baseUrl(): string {
	return inject('baseUrl');
}

/** Opens `path` on the preview server in a fresh context; collects console errors and CSP violations. */
export async function openPage(
	path: string,
	options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[] }> {
	const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 900 }, ...options });
	const page = await context.newPage();
	// Content-Security-Policy violations are collected in window.__csp (and reported as console errors by Chromium).
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
	});
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto(new URL(path, baseUrl()).href, { waitUntil: 'networkidle' });
	return { page, errors };
}

export async function closeBrowser(): Promise<void> {
	await browser?.close();
	browser = undefined;
}

/**
 * Scrolls to the calculators as a reader does before using them (their code loads only as they
 * come near the viewport, src/components/islands/Islands.astro) and waits until they are ready.
 */
export async function reachCalculators(page: Page): Promise<void> {
	await page.locator('.islands').first().scrollIntoViewIfNeeded();
	await page.waitForFunction(() => Boolean(customElements.get('eh-phase-checker') && customElements.get('eh-progression-calculator')));
}
