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
 * - Shards run at once, as many as the machine's cores and memory allow (`chooseLayout`), after a
 *   prepare stage that does the site-wide work every shard reads (scripts/lib/astro-build.ts): so
 *   sites of ordinary size are sharded too when the machine has a second core (above
 *   `PARALLEL_THRESHOLD` guidelines), and large ones (above `SHARD_THRESHOLD`) always, for memory.
 * Small sites are one shard: built exactly as without sharding.
 * Pure planning here; the environment variable EH_SHARD names the plan file of the running shard.
 */
import { readFileSync } from 'node:fs';

/** Above this many guidelines the build is sharded whatever the machine, for memory (measured: BENCHMARKS.md, "Sharded builds"). */
export const SHARD_THRESHOLD = 2500;
/**
 * Above this many guidelines, on a machine with a second core (and the memory for two shards), the
 * build is sharded to run shards at once: each shard repeats a fixed share (starting Astro, loading
 * the whole site's content, the shared bundle), which a small site does not win back on the second
 * core. Measured: BENCHMARKS.md, "Sharded builds".
 */
export const PARALLEL_THRESHOLD = 400;
/** Guidelines per shard at most. */
export const SHARD_SIZE = 2000;
/** Guidelines per shard at least when shards are made smaller to fit in memory. */
export const MIN_SHARD_SIZE = 250;
/** Peak memory the build may reach (issue 14: ≤ 8 GiB at 12,000 guidelines). */
export const MEMORY_GOAL_BYTES = 8 * 2 ** 30;
/** Share of the machine's available memory the shards may take. */
export const AVAILABLE_MEMORY_SHARE = 0.8;
/** Memory of the build outside the shards' processes (the orchestrating process, a margin), bytes. */
export const RESERVED_BYTES = 0.5 * 2 ** 30;

const GIB = 2 ** 30;
/**
 * Estimated peak resident memory of one shard's `astro build` process, bytes: a fixed part, a part
 * per guideline it renders and bundles, and a part per guideline of the site (every shard loads the
 * whole site's content). Fitted to the largest-process peaks measured (BENCHMARKS.md, "Sharded
 * builds": 300 of 6,000 → 1.56 GiB, 1,667 of 5,000 → 2.64 GiB, 2,000 of 12,000 → 3.4 GiB) and
 * rounded up.
 */
export function estimateShardPeakBytes(shardGuidelines: number, siteGuidelines: number): number {
	return (1.0 + 0.8 * (shardGuidelines / 1000) + 0.08 * (siteGuidelines / 1000)) * GIB;
}

/** What the build runs on: cores it may use and memory available now. */
export interface Machine {
	cores: number;
	availableBytes: number;
}

/** How a build of `guidelines` guidelines runs: how many shards, and how many at once. */
export interface Layout {
	shards: number;
	concurrency: number;
}

export interface LayoutOptions {
	/** Shard when there are more guidelines than this (default: PARALLEL_THRESHOLD on a machine that can run two shards at once, else SHARD_THRESHOLD). */
	threshold?: number | undefined;
	/** Guidelines per shard at most (default SHARD_SIZE). */
	size?: number | undefined;
	/** Shards at once at most (default: the machine's cores). */
	concurrency?: number | undefined;
}

/** The memory the shards may take at once on this machine, bytes. */
export function memoryBudget(machine: Machine): number {
	return Math.min(MEMORY_GOAL_BYTES, machine.availableBytes * AVAILABLE_MEMORY_SHARE) - RESERVED_BYTES;
}

/**
 * Chooses the number of shards and how many run at once: as many at once as cores allow and
 * memory holds (each shard's estimated peak, `estimateShardPeakBytes`, times the shards at once
 * within `memoryBudget`; shards are made smaller, down to MIN_SHARD_SIZE, before fewer run at
 * once), and a number of shards that is a multiple of that (so every core has equal work to the
 * end). One shard when the site is at or under the threshold.
 */
export function chooseLayout(guidelines: number, machine: Machine, options: LayoutOptions = {}): Layout {
	const size = options.size ?? SHARD_SIZE;
	if (!Number.isInteger(size) || size < 1) throw new Error(`Shard size must be a whole number of at least 1 (got ${size}).`);
	const maxConcurrency = Math.max(1, Math.floor(options.concurrency ?? machine.cores));
	const budget = memoryBudget(machine);
	const base = Math.max(1, Math.ceil(guidelines / size));
	const fits = (concurrency: number, shards: number) => concurrency * estimateShardPeakBytes(Math.ceil(guidelines / shards), guidelines) <= budget;
	let layout: Layout = { shards: base, concurrency: 1 };
	for (let concurrency = Math.min(maxConcurrency, Math.max(1, guidelines)); concurrency >= 1; concurrency--) {
		let shards = Math.ceil(base / concurrency) * concurrency;
		while (!fits(concurrency, shards) && Math.ceil(guidelines / (shards + concurrency)) >= Math.min(size, MIN_SHARD_SIZE)) shards += concurrency;
		if (fits(concurrency, shards) || concurrency === 1) {
			layout = { shards: Math.min(shards, Math.max(1, guidelines)), concurrency: Math.min(concurrency, shards) };
			break;
		}
	}
	const threshold = options.threshold ?? (layout.concurrency > 1 ? PARALLEL_THRESHOLD : SHARD_THRESHOLD);
	if (guidelines <= threshold) return { shards: 1, concurrency: 1 };
	return layout;
}

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
	/** The number of shards (from `chooseLayout`); default: as few as `size` allows. */
	count?: number | undefined;
}

/** Guideline pages live under guidelines/ in the content folder. */
export function isGuidelineFile(file: string, contentPrefix: string): boolean {
	return file.startsWith(`${contentPrefix}guidelines/`);
}

/**
 * Splits the docs pages into shards: guidelines in path order (so a topic's guidelines stay
 * together) cut into `count` near-equal runs (default: as few as hold at most `size` each); the
 * other pages join shard 0. One shard holding every page when there are `threshold` guidelines or
 * fewer.
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
	const count = Math.min(guidelines.length, Math.max(options.count ?? 0, Math.ceil(guidelines.length / size)));
	return Array.from({ length: count }, (_, i) => {
		const { from, to } = shareRange(guidelines.length, i, count);
		const run = guidelines.slice(from, to);
		return { index: i, count, siteWide: i === 0, files: i === 0 ? [...others, ...run] : run };
	});
}

/**
 * The build's plan: its shards (`planShards`) and how many run at once (`chooseLayout`, from the
 * machine's cores and memory). One shard holding every page for a small site.
 */
export function planBuild(files: readonly string[], contentPrefix: string, machine: Machine, options: LayoutOptions = {}): { shards: Shard[]; concurrency: number } {
	const guidelines = files.filter((f) => isGuidelineFile(f, contentPrefix)).length;
	const layout = chooseLayout(guidelines, machine, options);
	if (layout.shards === 1) return { shards: planShards(files, contentPrefix, { threshold: Infinity }), concurrency: 1 };
	return { shards: planShards(files, contentPrefix, { threshold: -1, size: options.size, count: layout.shards }), concurrency: layout.concurrency };
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
