/**
 * Node options for the Astro build. Node's default heap limit on this machine is about 4 GiB, and
 * one Astro process's memory grows with the site (measured, largest process: 2.2 GB at 1,000
 * guidelines, 3.4 GB at 2,000, 5.7 GB at 5,000). Large sites are built in shards of at most 2,000
 * guidelines (scripts/lib/astro-build.ts), each well under 4 GiB; the 12 GiB limit keeps a site just
 * under the sharding threshold, or a build with sharding turned off, from stopping with "JavaScript
 * heap out of memory" (the goal, ≤ 8 GiB, is judged by `npm run bench`, not enforced here).
 * Options the caller already set are kept.
 */
export const BUILD_HEAP_MIB = 12288;

export function buildNodeOptions(existing = process.env.NODE_OPTIONS): string {
	if (existing?.includes('--max-old-space-size')) return existing;
	return [existing, `--max-old-space-size=${BUILD_HEAP_MIB}`].filter(Boolean).join(' ');
}
