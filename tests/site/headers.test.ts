/**
 * `_headers` (scripts/csp.ts): content-hashed assets are cached for a year and immutable; nothing
 * else is — a file that changes under the same name (HTML, pagefind.js) must never be immutable.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/lib/csp/policy.ts';
import { distDir } from './dist.ts';

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

const rules = parseHeadersFile(readFileSync(join(distDir, '_headers'), 'utf8'));
const built = files(distDir).map((file) => `/${relative(distDir, file).split('\\').join('/')}`);
const cacheOf = (path: string) => headersFor(rules, path)['Cache-Control'];

/** A file name carrying a content hash: Astro's `name.HASH.ext` or Pagefind's `en_HASH.pf_*`. */
const hashed = (path: string) => /\.[\w-]{5,}\.\w+$/.test(path.split('/').at(-1)!) || /_[0-9a-f]{7,}\.pf_\w+$/.test(path);

test('every bundle under /_astro/ is content-hashed and cached a year, immutable', () => {
	const assets = built.filter((p) => p.startsWith('/_astro/'));
	expect(assets.length).toBeGreaterThan(0);
	for (const path of assets) {
		expect(hashed(path), path).toBe(true);
		expect(cacheOf(path), path).toBe('public, max-age=31536000, immutable');
	}
});

test('only content-hashed files are immutable: pages, pagefind.js and the other unhashed files are not', () => {
	const immutable = built.filter((p) => /immutable/.test(cacheOf(p) ?? ''));
	expect(immutable.filter((p) => !hashed(p))).toEqual([]);
	for (const path of ['/index.html', '/404.html', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/favicon.svg']) {
		if (built.includes(path)) expect(cacheOf(path) ?? '', path).not.toMatch(/immutable/);
	}
	// The security headers still reach every path, hashed assets included.
	expect(headersFor(rules, built.find((p) => p.startsWith('/_astro/'))!)['Content-Security-Policy']).toBeTruthy();
});
