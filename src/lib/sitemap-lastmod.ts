/**
 * `lastmod` for the sitemap, from the same dates as the page, its citation and its exports: the
 * `dates.modified` of each guideline's built `/export/<id>.json` (src/lib/page-dates.ts decided
 * it). Read after they are written (src/lib/export-integration.ts, whose `astro:build:done` runs
 * before the sitemap's: it comes first in astro.config.mjs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Page URL → YYYY-MM-DD of its last change, for every guideline export in `outDir`. */
export function lastmodByUrl(outDir: string): Map<string, string> {
	const dates = new Map<string, string>();
	const dir = join(outDir, 'export');
	let files: string[];
	try {
		files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
	} catch {
		return dates;
	}
	for (const file of files) {
		if (!file.endsWith('.json') || file.endsWith('.csl.json') || file.endsWith('.schema.json')) continue;
		const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { url?: string; dates?: { modified?: string } };
		if (data.url && data.dates?.modified) dates.set(data.url, data.dates.modified);
	}
	return dates;
}

/** A `serialize` option for @astrojs/sitemap that sets `lastmod` where a date is known. */
export function withLastmod(outDir: string) {
	let dates: Map<string, string> | undefined;
	return <T extends { url: string; lastmod?: string | undefined }>(item: T): T => {
		dates ??= lastmodByUrl(outDir);
		const lastmod = dates.get(item.url);
		return lastmod ? { ...item, lastmod } : item;
	};
}
