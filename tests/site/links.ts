/**
 * linkinator (made for this) over a built site: serves the folder on its own local static server,
 * starts from the given pages, follows internal links recursively and, with `checkFragments`,
 * verifies that every `#fragment` names an id in the target page. External links are skipped.
 */
import { LinkChecker, type LinkResult } from 'linkinator';

export async function brokenLinks(root: string, pages: string[]) {
	const result = await new LinkChecker().check({
		path: pages.map((p) => p.replace(/(^|\/)index\.html$/, '$1')),
		serverRoot: root,
		recurse: true,
		checkFragments: true,
		concurrency: 20,
		linksToSkip: async (link) => /^[a-z][a-z0-9+.-]*:/i.test(link) && !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(link),
	});
	const describe = (l: LinkResult) => `${new URL(l.url, 'http://x/').pathname}${l.url.includes('#') ? `#${l.url.split('#')[1]}` : ''} (status ${l.status}) linked from ${l.parent ? new URL(l.parent, 'http://x/').pathname : '?'}`;
	return {
		broken: [...new Set(result.links.filter((l) => l.state === 'BROKEN').map(describe))].sort(),
		ok: result.links.filter((l) => l.state === 'OK').map((l) => new URL(l.url, 'http://x/').pathname),
	};
}
