/** /robots.txt: everything may be crawled; the sitemap (with each guideline's lastmod) is named. */
import type { APIContext } from 'astro';

export function GET({ site }: APIContext): Response {
	const sitemap = new URL('/sitemap-index.xml', site ?? 'http://localhost:4321/').href;
	return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
