/**
 * The export files (export-files.ts) in the site: written into the output folder at the end of
 * `astro build`, served by a route in `astro dev`.
 *
 * - Build: `astro:build:done`, after every page is rendered and before the sitemap (whose `lastmod`
 *   reads the `.json` exports: sitemap-lastmod.ts), so this integration comes first in
 *   astro.config.mjs. Pagefind does not index them. A shard of a sharded build writes its share
 *   of the guidelines' exports, the first shard the schema too (src/lib/build/shards.ts), and
 *   scripts/lib/astro-build.ts merges them like the pages.
 * - Dev: one route, `/export/[...file]`, injected only for `astro dev` (src/routes/export-file.ts,
 *   named by astro.config.mjs).
 * `astro preview` serves the built files.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { renderedSiteIndex } from './content/site-index.ts';
import { buildsSiteWidePages, siteWideShare } from './build/shards.ts';
import { exportFiles, exportSite, writeExportFiles } from './export-files.ts';

/** @param devRoute the route module `astro dev` serves them with (src/routes/export-file.ts), as Astro's `injectRoute` takes it. */
export function guidelineExports({ devRoute }: { devRoute: string }): AstroIntegration {
	let site = exportSite(undefined);
	return {
		name: 'evidence-handbook:exports',
		hooks: {
			'astro:config:setup': ({ command, injectRoute }) => {
				if (command === 'dev') injectRoute({ pattern: '/export/[...file]', entrypoint: devRoute, prerender: true });
			},
			'astro:config:done': ({ config }) => {
				site = exportSite(config.site);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const cpu = process.cpuUsage();
				// The index the pages were rendered from (published pages only: content/publication.ts).
				const index = await renderedSiteIndex();
				// In a sharded build, this shard's share (the same order in every shard: the site index's).
				const guidelines = siteWideShare(index.pages.filter((page) => page.type === 'guideline'));
				const written = writeExportFiles(fileURLToPath(dir), exportFiles(index, site, { guidelines, schema: buildsSiteWidePages() }));
				// Read by the benchmark (scripts/lib/measure.ts: the "astro: export files" phase).
				const { user, system } = process.cpuUsage(cpu);
				logger.info(`${written} export files written in ${Math.round(performance.now() - started)}ms (CPU ${Math.round((user + system) / 1000)}ms).`);
			},
		},
	};
}
