import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { split } from '../../src/lib/csp/pages.ts';

describe('split', () => {
	it('cuts a list into runs of consecutive items of near-equal length, in order, none empty', () => {
		const items = Array.from({ length: 10 }, (_, i) => i);
		const parts = split(items, 3);
		expect(parts.map((p) => p.items)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]);
		expect(parts.map((p) => p.first)).toEqual([0, 3, 6]);
		expect(split(items, 0)).toEqual([{ first: 0, items }]);
		expect(split([1, 2], 5).map((p) => p.items)).toEqual([[1], [2]]);
		expect(split([], 2)).toEqual([]);
	});
});

// A site large enough for the CSP step to share its pages between worker threads.
function site(pages: number, bad: number[] = []): string {
	const dir = mkdtempSync(join(tmpdir(), 'eh-csp-'));
	for (let i = 0; i < pages; i++) {
		mkdirSync(join(dir, `p${String(i).padStart(4, '0')}`));
		const body = bad.includes(i) ? '<main><script>evil()</script></main>' : `<main><p>${i}</p></main>`;
		writeFileSync(join(dir, `p${String(i).padStart(4, '0')}`, 'index.html'), `<!doctype html><html><head><script>theme(${i % 3})</script></head><body>${body}</body></html>`);
	}
	return dir;
}
const html = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));

describe('the CSP step on a large site (pages shared between threads)', () => {
	it('allows every inline script of every page, writes the policy first in each head and _headers', () => {
		const dir = site(600);
		try {
			const r = spawnSync(process.execPath, ['scripts/csp.ts', dir], { encoding: 'utf8' });
			expect(r.status, r.stderr).toBe(0);
			expect(r.stdout).toContain('CSP: 3 inline script hashes, meta tag in 600 pages');
			const pages = html(dir);
			const policy = /<head><meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(pages[0]!)?.[1];
			expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+' 'sha256-[^']+' 'sha256-[^']+';/);
			for (const page of pages) expect(page.startsWith(`<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}">`)).toBe(true);
			expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain('Content-Security-Policy: ');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses pages whose content holds a script, naming each in page order, and changes no page', () => {
		const dir = site(600, [598, 3]);
		try {
			const before = html(dir);
			const r = spawnSync(process.execPath, ['scripts/csp.ts', dir], { encoding: 'utf8' });
			expect(r.status).toBe(1);
			const named = [...r.stderr.matchAll(/(p\d{4})\/index\.html: 1 inline <script> element\(s\) inside the page content/g)].map((m) => m[1]);
			expect(named).toEqual(['p0003', 'p0598']);
			expect(r.stderr).toContain('2 page(s) cannot be given the Content-Security-Policy; no page was changed.');
			expect(html(dir)).toEqual(before);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
