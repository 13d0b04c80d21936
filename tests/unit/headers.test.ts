/** The `_headers` file's rules, as a static host applies them (src/lib/csp/policy.ts). */
import { describe, expect, test } from 'vitest';
import { headersFile, headersFor, parseHeadersFile } from '../../src/lib/csp/policy.ts';

describe('_headers', () => {
	const rules = parseHeadersFile(headersFile("default-src 'self'"));

	test('every path gets the policy; hashed asset folders also get a year of immutable caching', () => {
		expect(headersFor(rules, '/guidelines/knee/sample/')).toEqual({
			'Content-Security-Policy': "default-src 'self'",
			'X-Content-Type-Options': 'nosniff',
			'Referrer-Policy': 'strict-origin-when-cross-origin',
		});
		expect(headersFor(rules, '/_astro/page.cNngjUgL.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
		expect(headersFor(rules, '/pagefind/fragment/en_478c948.pf_fragment')['Cache-Control']).toBe('public, max-age=31536000, immutable');
		expect(headersFor(rules, '/_astro/page.cNngjUgL.js')['Content-Security-Policy']).toBe("default-src 'self'");
	});

	test('unhashed files under the same names are never immutable', () => {
		for (const path of ['/', '/index.html', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind', '/_astro', '/x/_astro/a.js']) {
			expect(headersFor(rules, path)['Cache-Control'], path).toBeUndefined();
		}
	});

	test('patterns match literally apart from *', () => {
		const [rule] = parseHeadersFile('/a.b/*\n  X: 1\n');
		expect(headersFor([rule!], '/a.b/c')).toEqual({ X: '1' });
		expect(headersFor([rule!], '/aXb/c')).toEqual({});
	});
});
