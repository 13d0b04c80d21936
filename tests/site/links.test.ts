/**
 * No broken internal link or anchor anywhere in the build output. linkinator serves dist/ on a
 * local static server, starts from EVERY built page (so pages nothing links to, like 404.html,
 * are checked too), follows internal links recursively and, with `checkFragments`, verifies that
 * every `#fragment` exists as an id in the target page. External links are skipped: CI has no
 * internet, and their rot is reported by editors' review, not by the build.
 */
import { LinkChecker, type LinkResult } from 'linkinator';
import { expect, test } from 'vitest';
import { distDir } from './dist.ts';
import { allBuiltPages } from './pages.ts';

test('every internal link and fragment in the build resolves', async () => {
	const pages = allBuiltPages();
	const checker = new LinkChecker();
	const result = await checker.check({
		path: pages.map((p) => p.replace(/(^|\/)index\.html$/, '$1')),
		serverRoot: distDir,
		recurse: true,
		checkFragments: true,
		concurrency: 20,
		// Only links into our own site; anything with a scheme+host that is not the local server is external.
		linksToSkip: async (link) => /^https?:\/\//.test(link) && !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(link),
	});
	const broken = result.links
		.filter((l: LinkResult) => l.state === 'BROKEN')
		.map((l: LinkResult) => `${l.url} (status ${l.status}) linked from ${l.parent ?? '?'}${l.failureDetails?.length ? `: ${JSON.stringify(l.failureDetails).slice(0, 200)}` : ''}`);
	expect(broken).toEqual([]);
	// The checker must actually have crawled the site (a test that checks nothing cannot fail).
	expect(result.links.filter((l) => l.state === 'OK').length).toBeGreaterThan(pages.length * 5);
}, 240_000);
