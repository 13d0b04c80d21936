/**
 * The shipped Content-Security-Policy (scripts/csp.ts): every built page carries it as the first
 * element of <head>, scripts have no 'unsafe-inline', every inline script of the page is allowed by
 * its hash (so Starlight works) and `_headers` sends the same policy to static hosts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../src/lib/html/dom.ts';
import { describe, expect, test } from 'vitest';
import { distDir } from './dist.ts';
import { allBuiltPages } from './pages.ts';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

describe.each(allBuiltPages())('%s', (page) => {
	test('has the policy first in <head>, and it allows exactly its own inline scripts', () => {
		const doc = parseHtml(readFileSync(join(distDir, page), 'utf8'));
		const meta = doc.querySelector('head')?.firstChild;
		expect(meta?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
		const policy = directives(meta?.getAttribute('content') ?? '');
		const scriptSrc = policy.get('script-src') ?? [];
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		expect(scriptSrc).not.toContain("'unsafe-eval'");
		expect(scriptSrc).toContain("'wasm-unsafe-eval'"); // Pagefind's WebAssembly search
		expect(policy.get('object-src')).toEqual(["'none'"]);
		// Data blocks (JSON-LD) are not run and need no hash.
		for (const script of doc.querySelectorAll('script').filter((s) => !s.hasAttribute('src') && !/json/.test(s.getAttribute('type') ?? ''))) {
			expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(script.textContent).digest('base64')}'`);
		}
	});
});

test('_headers sends the same policy (plus frame-ancestors) to every path', () => {
	const headers = readFileSync(join(distDir, '_headers'), 'utf8');
	expect(headers).toMatch(/^\/\*$/m);
	const line = /^\s+Content-Security-Policy: (.+)$/m.exec(headers)?.[1] ?? '';
	const meta = parseHtml(readFileSync(join(distDir, 'index.html'), 'utf8')).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
	expect(line).toBe(`${meta}; frame-ancestors 'none'`);
});
