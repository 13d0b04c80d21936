/**
 * No broken internal link or anchor anywhere in the build output. linkinator (made for this)
 * serves dist/ on its own local static server, starts from EVERY built page (so pages nothing links
 * to, like 404.html, are checked too), follows internal links recursively and, with
 * `checkFragments`, verifies that every `#fragment` names an id in the target page. External links
 * are skipped: CI has no internet, and the site's own canonical URLs point at the production host.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { distDir } from './dist.ts';
import { allBuiltPages } from './pages.ts';
import { brokenLinks } from './links.ts';

test('every internal link and fragment in the build resolves', async () => {
	const pages = allBuiltPages();
	const { broken, ok } = await brokenLinks(distDir, pages);
	expect(broken).toEqual([]);
	// Every page was actually fetched (a check that crawled nothing could not fail).
	for (const page of pages) expect(ok).toContain(`/${page.replace(/(^|\/)index\.html$/, '$1')}`);
}, 240_000);

test('the checker reports a missing page, a missing anchor on another page and a missing local anchor', async () => {
	const copy = mkdtempSync(join(tmpdir(), 'eh-links-'));
	try {
		cpSync(distDir, copy, { recursive: true });
		const file = join(copy, '404.html');
		const bad = '<a href="/guidelines/no-such-page/">a</a><a href="/#no-such-anchor">b</a><a href="#no-such-local-anchor">c</a>';
		writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', `${bad}</main>`));
		const { broken } = await brokenLinks(copy, ['404.html']);
		expect([...new Set(broken.map((b) => b.split(' (')[0]))]).toEqual(['/#no-such-anchor', '/404.html#no-such-local-anchor', '/guidelines/no-such-page/']);
	} finally {
		rmSync(copy, { recursive: true, force: true });
	}
}, 120_000);
