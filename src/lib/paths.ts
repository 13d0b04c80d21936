/**
 * The project's folders, each moved by one environment variable so tests, benchmarks and
 * parallel runs can use their own: content (EH_CONTENT_DIR), build output (EH_OUT_DIR) and caches
 * (EH_CACHE_DIR). The Astro config, the site, the scripts and the tests all resolve them here.
 */
import { realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** The content folder: EH_CONTENT_DIR, default <root>/content. */
export function contentDir(root = process.cwd()): string {
	return resolve(root, process.env.EH_CONTENT_DIR || 'content');
}

/** The built site: EH_OUT_DIR, default <root>/dist. */
export function outDir(root = process.cwd()): string {
	return resolve(root, process.env.EH_OUT_DIR || 'dist');
}

/**
 * Astro's own cache: EH_CACHE_DIR, default <root>/node_modules/.astro. EH_ASTRO_CACHE_DIR moves
 * Astro's alone (our caches stay): each shard of a sharded build gets its own copy of Astro's
 * content store (scripts/lib/astro-build.ts), so that shards running at once never write the same file.
 */
export function astroCacheDir(root = process.cwd()): string {
	return resolve(root, process.env.EH_ASTRO_CACHE_DIR || process.env.EH_CACHE_DIR || join('node_modules', '.astro'));
}

/** The folder for our caches: EH_CACHE_DIR (also Astro's cache folder), else <root>/node_modules/.cache. */
export function cacheRoot(root = process.cwd()): string {
	return process.env.EH_CACHE_DIR ? resolve(process.env.EH_CACHE_DIR) : join(root, 'node_modules', '.cache');
}

/** One of our caches (content index, formatted references): <cacheRoot>/<name>. */
export function cacheDir(name: string, root = process.cwd()): string {
	return join(cacheRoot(root), name);
}

/**
 * Whether a file is inside `dir`, whether named through `dir` or through its real path: a
 * symlinked folder on the way (a scratch copy whose node_modules links to another checkout, a CI
 * cache) makes the bundler name files by their real path, and a file the Markdown plugins skipped
 * would be published without its citations rendered or its components provided.
 */
export function insideFolder(dir: string): (file: string) => boolean {
	const withSep = (path: string) => (path.endsWith(sep) ? path : path + sep);
	const prefixes = new Set([withSep(resolve(dir))]);
	try {
		prefixes.add(withSep(realpathSync(dir)));
	} catch {
		// Not created yet: only the path as given can match.
	}
	return (file) => [...prefixes].some((prefix) => file.startsWith(prefix));
}
