/**
 * The steps of `npm run build`, in order: the one list that scripts/build.ts runs and that the
 * scale benchmark (scripts/bench.ts) times, so the benchmark measures the build as it ships. Each
 * step finds its folders through src/lib/paths.ts (EH_CONTENT_DIR, EH_OUT_DIR, EH_CACHE_DIR).
 */
export interface BuildStep {
	/** What the step does, as the build prints it. */
	name: string;
	/** Short name for the benchmark's phase list. */
	phase: string;
	/** The script and its arguments, run with the build's Node. */
	args: string[];
	/**
	 * Left out of the benchmark, and why: a step that compares the content with the real site's
	 * records cannot run on a generated corpus.
	 */
	notInBenchmark?: string;
}

export const BUILD_STEPS: readonly BuildStep[] = [
	{ name: 'Claim check (every claim cites a reference that exists)', phase: 'claim check', args: ['scripts/check-claims.ts'] },
	{
		name: 'Permalink check (no published page or anchor disappears)',
		phase: 'permalink check',
		args: ['scripts/permalinks.ts', 'check'],
		notInBenchmark: "it compares the pages with permalinks/manifest.json, the real site's record",
	},
	// In shards for large sites, so memory stays bounded (scripts/lib/astro-build.ts).
	{ name: 'Astro build (pages)', phase: 'astro build (whole)', args: ['scripts/astro-build.ts'] },
	{ name: 'Search index (Pagefind, run once on the built pages; vocabulary and indexed terms for the search dialog)', phase: 'search data', args: ['scripts/search-data.ts'] },
	{ name: 'Content-Security-Policy (script hashes from the built pages: meta tag + _headers)', phase: 'CSP step', args: ['scripts/csp.ts'] },
];
