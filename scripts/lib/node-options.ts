/**
 * Node options for the Astro build. Node's default heap limit on this machine is about 4 GiB, and
 * the build's memory grows with the site (measured, largest process: 2.2 GB at 1,000 guidelines,
 * 3.4 GB at 2,000, 5.7 GB at 5,000): at 12,000 it would stop with "JavaScript heap out of memory"
 * instead of finishing and reporting its peak (the goal, ≤ 8 GiB, is judged by `npm run bench`, not
 * enforced here). Options the caller already set are kept.
 */
export const BUILD_HEAP_MIB = 12288;

export function buildNodeOptions(existing = process.env.NODE_OPTIONS): string {
	if (existing?.includes('--max-old-space-size')) return existing;
	return [existing, `--max-old-space-size=${BUILD_HEAP_MIB}`].filter(Boolean).join(' ');
}
