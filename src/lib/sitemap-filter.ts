/**
 * Which built pages the sitemap lists: every page except those that ask search engines not to
 * index them (`<meta name="robots" content="noindex">`): redirect pages at old addresses and the
 * notices of withdrawn guidelines. Read from the built page itself, so the sitemap and the page can
 * never disagree. Used as @astrojs/sitemap's `filter` (astro.config.mjs), which runs after the
 * pages are written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NOINDEX = /<meta\b[^>]*\bname=["']?robots["']?[^>]*\bcontent=["'][^"']*\bnoindex\b/i;

export function listedInSitemap(outDir: string): (page: string) => boolean {
	return (page) => {
		const path = decodeURIComponent(new URL(page).pathname);
		const file = join(outDir, path.endsWith('.html') ? path : join(path, 'index.html'));
		if (!existsSync(file)) return true;
		const html = readFileSync(file, 'utf8');
		const head = html.slice(0, Math.max(0, html.search(/<\/head>/i)) || html.length);
		return !NOINDEX.test(head);
	};
}
