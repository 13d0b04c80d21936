/**
 * Content cannot inject script: tests/fixtures/security builds a guideline whose title, bottom
 * line and claims contain `<script>` and `javascript:` links, and a Markdown (.md) guideline with
 * raw HTML. The built page (after the CSP step)
 * has no script that content wrote, no `javascript:` URL, and the hostile text is shown escaped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHtml } from '../../src/lib/html/dom.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildEnv } from '../setup/env.ts';

const content = new URL('../fixtures/security/content', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'eh-inert-'));
const out = join(temp, 'dist');
let html = '';
let markdown = '';

beforeAll(() => {
	// A production build (buildEnv drops vitest's MODE=test and DEV, which would build in test mode).
	const env = buildEnv({ EH_CONTENT_DIR: content, EH_OUT_DIR: out, EH_CACHE_DIR: join(temp, 'cache') });
	const build = spawnSync('npx', ['astro', 'build'], { encoding: 'utf8', env });
	expect(build.status, build.stderr).toBe(0);
	const csp = spawnSync(process.execPath, ['scripts/csp.ts', out], { encoding: 'utf8', env });
	expect(csp.status, csp.stderr).toBe(0);
	html = readFileSync(join(out, 'guidelines/knee/hostile/index.html'), 'utf8');
	markdown = readFileSync(join(out, 'guidelines/knee/hostile-markdown/index.html'), 'utf8');
}, 300_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

test('no script written in content survives, in any form', () => {
	// The title tries to close <title> and open a script in <head> (Starlight renders head entries as HTML).
	// (Text inside attribute values, e.g. og:title, is inert and allowed.)
	expect(parseHtml(html).querySelectorAll('head > title')).toHaveLength(1);
	const all = parseHtml(html).querySelectorAll('script');
	// Executable scripts: none carries content. Data blocks (the JSON-LD, which quotes the title)
	// are not run, and cannot end their element: they hold no "<" at all.
	const data = all.filter((s) => /json/.test(s.getAttribute('type') ?? ''));
	expect(all.filter((s) => !data.includes(s)).filter((s) => s.textContent.includes('__pwned'))).toEqual([]);
	for (const block of data) expect(block.textContent).not.toContain('<');
});

test('raw HTML in a Markdown (.md) page is shown as text, never run', () => {
	const doc = parseHtml(markdown);
	expect(doc.querySelectorAll('script').map((s) => s.textContent).filter((s) => s.includes('__pwned'))).toEqual([]);
	expect(doc.querySelectorAll('[onerror]')).toEqual([]);
	expect(doc.querySelector('#raw-html-claim')?.textContent).toContain("<script>window.__pwned = 'md-body'</script>");
});

test('no javascript: URL survives', () => {
	const hrefs = parseHtml(html).querySelectorAll('[href]').map((a) => a.getAttribute('href') ?? '');
	expect(hrefs.filter((h) => /script:/i.test(h.replace(/\s/g, '')))).toEqual([]);
});

test('the hostile text is shown to readers as text', () => {
	const doc = parseHtml(html);
	expect(doc.querySelector('h1')?.textContent).toBe("Is </title><script>window.__pwned = 'title'</script> escaped in the title?");
	expect(doc.querySelector('title')?.textContent).toBe("Is </title><script>window.__pwned = 'title'</script> escaped in the title? | Evidence Handbook");
	const bottom = doc.querySelector('section[aria-labelledby="bottom-line-heading"]')?.textContent ?? '';
	expect(bottom).toContain("<script>window.__pwned = 'bottom-line'</script>");
	expect(bottom).toContain('bad link');
	expect(doc.querySelector('#hostile-claim')?.textContent).toContain('javascript link');
});

test('the CSP step refuses a page whose content holds an inline script', async () => {
	const { inlineScriptHashes } = await import('../../src/lib/csp/policy.ts');
	const page = '<html><head><script>ok()</script></head><body><main><p>x</p><script>evil()</script></main></body></html>';
	expect(() => inlineScriptHashes(page, 'x/index.html')).toThrow(/x\/index\.html: 1 inline <script> element\(s\) inside the page content/);
	expect(inlineScriptHashes('<html><head><script>ok()</script></head><body><main></main></body></html>')).toEqual(["'sha256-" + (await import('node:crypto')).createHash('sha256').update('ok()').digest('base64') + "'"]);
});
