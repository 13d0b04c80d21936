/**
 * Sharded builds: a site with many guidelines is built by several `astro build` runs, each
 * rendering a bounded share of the guideline pages, so that no process holds every page's module
 * (a single Astro process bundles every MDX page and keeps every rendered page's module loaded:
 * its memory grows with the site). scripts/lib/astro-build.ts runs the shards and merges them.
 *
 * What a shard changes, and what it does not:
 * - Every shard loads the whole site's content (all collections, every page's frontmatter), so the
 *   sidebar, previous/next links, the home page lists, redirects, reference pages' "cited by" and
 *   every other cross-page fact are the same as in a single build. Only two things are cut to the
 *   shard's pages: which docs pages are rendered (Starlight's routes) and which MDX modules are
 *   bundled (src/lib/vite/shard-filter.ts).
 * - Site-wide pages are shared out: the many (a page per reference, the exports of every guideline)
 *   in near-equal runs over all shards (`siteWideShare`), the few (evidence maps, redirect pages)
 *   by the first shard (`buildsSiteWidePages`), with the pages that are not guidelines (home, editor guide).
 * Small sites (≤ `SHARD_THRESHOLD` guidelines) are one shard: built exactly as without sharding.
 * Pure planning here; the environment variable EH_SHARD names the plan file of the running shard.
 */
import { readFileSync } from 'node:fs';

/** Above this many guidelines the build is sharded (measured: BENCHMARKS.md, "Sharded builds"). */
export const SHARD_THRESHOLD = 2500;
/** Guidelines per shard at most. */
export const SHARD_SIZE = 2000;

export interface Shard {
	/** 0-based; shard 0 renders the site-wide pages. */
	index: number;
	count: number;
	/** Renders the site-wide pages and every docs page that is not a guideline. */
	siteWide: boolean;
	/** The docs pages it renders: paths as Astro records them (relative to the project root, '/' separated). */
	files: string[];
}

export interface ShardOptions {
	/** Shard when there are more guidelines than this. */
	threshold?: number | undefined;
	/** Guidelines per shard at most. */
	size?: number | undefined;
}

/** Guideline pages live under guidelines/ in the content folder. */
export function isGuidelineFile(file: string, contentPrefix: string): boolean {
	return file.startsWith(`${contentPrefix}guidelines/`);
}

/**
 * Splits the docs pages into shards: guidelines in path order (so a topic's guidelines stay
 * together) cut into near-equal runs of at most `size`; the other pages join shard 0. One shard
 * holding every page when there are `threshold` guidelines or fewer.
 * @param files every docs page, as Astro records entry paths (relative to the project root)
 * @param contentPrefix the content folder relative to the project root, with a trailing '/'
 */
export function planShards(files: readonly string[], contentPrefix: string, options: ShardOptions = {}): Shard[] {
	const threshold = options.threshold ?? SHARD_THRESHOLD;
	const size = options.size ?? SHARD_SIZE;
	if (!Number.isInteger(size) || size < 1) throw new Error(`Shard size must be a whole number of at least 1 (got ${size}).`);
	const sorted = [...files].sort();
	const guidelines = sorted.filter((f) => isGuidelineFile(f, contentPrefix));
	const others = sorted.filter((f) => !isGuidelineFile(f, contentPrefix));
	if (guidelines.length <= threshold) return [{ index: 0, count: 1, siteWide: true, files: sorted }];
	const count = Math.ceil(guidelines.length / size);
	return Array.from({ length: count }, (_, i) => {
		const { from, to } = shareRange(guidelines.length, i, count);
		const run = guidelines.slice(from, to);
		return { index: i, count, siteWide: i === 0, files: i === 0 ? [...others, ...run] : run };
	});
}

/** The `index`-th of `count` near-equal contiguous runs of `length` items (the first `length % count` runs one longer). */
export function shareRange(length: number, index: number, count: number): { from: number; to: number } {
	const base = Math.floor(length / count);
	const extra = length % count;
	const from = index * base + Math.min(index, extra);
	return { from, to: from + base + (index < extra ? 1 : 0) };
}

let current: Shard | null | undefined;

/** The shard this build renders (EH_SHARD names its plan file), or null for a whole-site build. */
export function currentShard(): Shard | null {
	if (current === undefined) {
		const file = process.env.EH_SHARD;
		current = file ? (JSON.parse(readFileSync(file, 'utf8')) as Shard) : null;
	}
	return current;
}

/** Whether this build renders the few site-wide pages (evidence maps, redirect pages): every build but shards after the first. */
export function buildsSiteWidePages(): boolean {
	return currentShard()?.siteWide ?? true;
}

/**
 * This build's share of a kind of site-wide page there is one of per reference or guideline
 * (reference pages, exports): every item in a whole-site build; in a shard, its run of near-equal
 * runs (`items` in the same order in every shard: the site index's), so every item is rendered once.
 */
export function siteWideShare<T>(items: readonly T[]): T[] {
	const shard = currentShard();
	if (!shard) return [...items];
	const { from, to } = shareRange(items.length, shard.index, shard.count);
	return items.slice(from, to);
}
