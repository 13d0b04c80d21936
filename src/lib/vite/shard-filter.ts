/**
 * In a shard of a sharded build (src/lib/build/shards.ts), cuts what Astro renders and bundles to
 * the shard's docs pages, leaving every collection whole (so every cross-page fact is the site's):
 * - Astro's map of MDX page modules (`.astro/content-modules.mjs`, behind
 *   `astro:content-module-imports`) keeps the shard's pages only, so the other pages' MDX is never
 *   compiled, bundled or loaded;
 * - Starlight's static paths (its `[...slug]` route) keep the shard's pages only.
 * Both are exact text edits of generated or pinned code: if either is not found (a new Astro or
 * Starlight), the build stops and says so; and the merge refuses a page built by two shards.
 * Pure string functions, unit-tested; the plugin only applies them.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { Shard } from '../build/shards.ts';

/** One entry per line: ["<entry file path>", () => import("…")] (astro/dist/content/mutable-data-store.js). */
const MODULE_LINE = /^(\["((?:[^"\\]|\\.)*)", \(\) => import\("(?:[^"\\]|\\.)*"\)\])(?:,|\]\);)?\s*$/;

/** Keeps the shard's entries in the text of content-modules.mjs. */
export function filterContentModules(code: string, files: ReadonlySet<string>): string {
	const lines = code.split('\n');
	const entries = lines.filter((line) => line.startsWith('["'));
	if (entries.length === 0) return code;
	const kept: string[] = [];
	for (const line of entries) {
		const match = MODULE_LINE.exec(line);
		if (!match) throw new Error(`Sharded build: unexpected line in Astro's content-modules.mjs (has Astro changed its format?): ${line.slice(0, 200)}`);
		if (files.has(JSON.parse(`"${match[2]}"`) as string)) kept.push(match[1]!);
	}
	return `export default new Map([\n${kept.join(',\n')}]);\n`;
}

/** Starlight 0.42's getPaths() (dist/utils/routing/index.js): one static path per docs route. */
const STARLIGHT_PATHS = 'return routes.map((route) => ({ params: { slug: slugToParam(route.id) } }));';

/** Makes Starlight's static paths the shard's pages only (matched by entry file path). */
export function filterStarlightPaths(code: string, files: ReadonlySet<string>): string {
	const at = code.indexOf(STARLIGHT_PATHS);
	if (at === -1 || code.indexOf(STARLIGHT_PATHS, at + 1) !== -1) {
		throw new Error('Sharded build: Starlight\'s getPaths() was not found in @astrojs/starlight/dist/utils/routing/index.js (has Starlight changed?). Update src/lib/vite/shard-filter.ts for it.');
	}
	const filtered = `const __shardFiles = new Set(${JSON.stringify([...files])});\n\treturn routes.filter((route) => __shardFiles.has(route.entry.filePath)).map((route) => ({ params: { slug: slugToParam(route.id) } }));`;
	return code.slice(0, at) + filtered + code.slice(at + STARLIGHT_PATHS.length);
}

export function shardFilter(shard: Shard): Plugin {
	const files = new Set(shard.files);
	return {
		name: 'evidence-handbook:shard-filter',
		enforce: 'pre',
		transform(code, id) {
			if (id.endsWith('/content-modules.mjs')) {
				return { code: filterContentModules(code, files), map: null };
			}
			if (/@astrojs\/starlight\/dist\/utils\/routing\/index\.js$/.test(id.split('?')[0]!)) {
				return { code: filterStarlightPaths(code, files), map: null };
			}
			return null;
		},
	};
}

/**
 * Starlight's integration without its Pagefind run, in every build: the search-data step
 * (scripts/search-data.ts) reads the built pages as Pagefind would and runs Pagefind once, on the
 * compact records, so a run here would be thrown away (and a sharded build's merged site is indexed
 * by that step too). Starlight 0.42 runs Pagefind in its astro:build:done hook, and only there:
 * `pagefind: false` would also drop the pages' `data-pagefind-body`.
 */
export function withoutPagefindRun(integration: AstroIntegration): AstroIntegration {
	const { 'astro:build:done': _pagefind, ...hooks } = integration.hooks;
	return { ...integration, hooks };
}
