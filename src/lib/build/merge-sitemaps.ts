/**
 * Merges the sitemaps of a sharded build's shards into the one a single build writes
 * (@astrojs/sitemap 3.7: `sitemap-index.xml` naming `sitemap-0.xml`, `sitemap-1.xml`, … of at most
 * `entryLimit` URLs each, URLs sorted by address with `localeCompare('en', { numeric: true })`).
 * A URL several shards list (a page every shard renders, e.g. the evidence map) is kept once, as
 * the first shard wrote it. Pure text functions over the files' contents.
 */

/** @astrojs/sitemap's default entryLimit. */
export const SITEMAP_ENTRY_LIMIT = 45000;

export interface ShardSitemap {
	/** sitemap-index.xml */
	index: string;
	/** sitemap-0.xml, sitemap-1.xml, … in order */
	chunks: string[];
}

const URL_ELEMENT = /<url>[\s\S]*?<\/url>/g;
const LOC = /<loc>([^<]*)<\/loc>/;

function loc(element: string): string {
	const match = LOC.exec(element);
	if (!match) throw new Error(`Sitemap merge: a <url> without <loc>: ${element.slice(0, 200)}`);
	return match[1]!;
}

export function mergeSitemaps(shards: readonly ShardSitemap[], entryLimit = SITEMAP_ENTRY_LIMIT): ShardSitemap {
	const first = shards.find((s) => s.chunks.length > 0);
	if (!first) throw new Error('Sitemap merge: no shard wrote a sitemap.');
	const template = first.chunks[0]!;
	const head = template.slice(0, template.indexOf('<url>'));
	const tail = template.slice(template.lastIndexOf('</url>') + '</url>'.length);
	if (!head.includes('<urlset') || !tail.includes('</urlset>')) throw new Error('Sitemap merge: sitemap-0.xml is not a <urlset> (has @astrojs/sitemap changed?).');
	const byLoc = new Map<string, string>();
	for (const shard of shards) {
		for (const chunk of shard.chunks) {
			for (const [element] of chunk.matchAll(URL_ELEMENT)) if (!byLoc.has(loc(element))) byLoc.set(loc(element), element);
		}
	}
	const urls = [...byLoc.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	const chunks: string[] = [];
	for (let i = 0; i < urls.length; i += entryLimit) chunks.push(`${head}${urls.slice(i, i + entryLimit).map((u) => byLoc.get(u)!).join('')}${tail}`);
	// The index names each chunk by address: the first shard's index gives the prefix.
	const indexMatch = /^([\s\S]*?<sitemapindex[^>]*>)<sitemap><loc>([^<]*)sitemap-0\.xml<\/loc><\/sitemap>[\s\S]*?(<\/sitemapindex>\s*)$/.exec(first.index);
	if (!indexMatch) throw new Error('Sitemap merge: sitemap-index.xml does not name sitemap-0.xml first (has @astrojs/sitemap changed?).');
	const [, indexHead, prefix, indexTail] = indexMatch;
	const index = `${indexHead}${chunks.map((_, i) => `<sitemap><loc>${prefix}sitemap-${i}.xml</loc></sitemap>`).join('')}${indexTail}`;
	return { index, chunks };
}
