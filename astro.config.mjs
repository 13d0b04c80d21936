// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evidence } from './src/lib/markdown/evidence-plugin.ts';
import { inert } from './src/lib/markdown/inert.ts';
import { provideComponents } from './src/lib/markdown/provide-components.ts';
import { MARKDOWN_FEATURES } from './src/lib/markdown/features.ts';
import { astroCacheDir, contentDir as contentFolder, outDir } from './src/lib/paths.ts';
import { withLastmod } from './src/lib/sitemap-lastmod.ts';
import { outsideRootAstroModules } from './src/lib/vite/outside-root.ts';
import { siteRedirects, writeHostRedirects } from './src/lib/redirects.ts';
import { listedInSitemap } from './src/lib/sitemap-filter.ts';

const root = fileURLToPath(new URL('./', import.meta.url));
// The content folder; EH_CONTENT_DIR points a build at another one (tests, benchmarks).
const contentDir = `${contentFolder(root)}/`;
const contentDirFromRoot = relative(root, contentDir);

// The sidebar: one collapsed group per topic, in topic order (content/topics.yaml). Grouping keeps
// every page's sidebar short however many guidelines there are.
const topics = parseYaml(readFileSync(join(contentDir, 'topics.yaml'), 'utf8')) ?? [];
const topicGroups = [...topics]
	.sort((a, b) => (a.order ?? 100) - (b.order ?? 100))
	.map((topic) => ({ label: topic.label, collapsed: true, items: [{ autogenerate: { directory: `${contentDirFromRoot}/guidelines/${topic.id}` } }] }));

// Pages that moved keep their old address (checked by npm run permalinks:check): a redirect page
// each (src/pages/[...moved].astro) and, for hosts, a 301 in _redirects from the same data.
const redirects = siteRedirects(contentDir);

export default defineConfig({
	site: 'https://evidence-handbook.example',
	// Overridable so that benchmarks and parallel test runs build into their own folders.
	outDir: outDir(root),
	cacheDir: astroCacheDir(root),
	vite: {
		// Pages never import: the components they may use are provided to them (src/lib/markdown/components.ts).
		// outsideRootAstroModules: a symlinked node_modules (scratch copies, CI caches) must not break the build.
		plugins: [provideComponents({ contentDir, root }), outsideRootAstroModules(root)],
		build: {
			// Bundled component scripts stay external files (cacheable, allowed by the CSP's script-src
			// 'self'), never inlined: the only inline scripts are Starlight's layout scripts, whose hashes
			// scripts/csp.ts allows, and an inline script inside <main> can only come from content (refused).
			assetsInlineLimit: (/** @type {string} */ file) => (file.endsWith('.js') ? false : undefined),
			rollupOptions: {
				// Every MDX page makes the bundler warn that Astro's "use astro:head-inject" directive
				// "may not be preserved" (default Starlight too; Astro handles it). At 1,000 pages that is
				// thousands of lines that would hide a real warning, so only this one is dropped.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	markdown: {
		// Sätteri, Astro 7's default (Rust) processor, with our plugins written for it: the evidence
		// plugin (citations, claim ids, reference lists: src/lib/markdown/evidence-plugin.ts) and the
		// inert plugin (unsafe links become text). Chosen over the unified (remark) pipeline because
		// the claim check parses pages with the same parser (what is checked is what is published)
		// and because remark made compiling 1,000 guidelines about twice as slow (25.7 s against
		// 13.7 s, BENCHMARKS.md). MDX inherits the processor.
		processor: satteri({
			mdastPlugins: [evidence({ contentDir, referencesDir: `${contentDir}references` }), inert()],
			features: MARKDOWN_FEATURES,
		}),
	},
	integrations: [
		// Starlight adds the sitemap itself unless configured here; configured here for lastmod (each
		// guideline's last change, the date its citation gives: src/lib/sitemap-lastmod.ts).
		// Pages marked noindex (redirect pages, withdrawn guidelines' notices) are left out.
		sitemap({ serialize: withLastmod(outDir(root)), filter: listedInSitemap(outDir(root)) }),
		starlight({
			title: 'Evidence Handbook',
			description: 'Evidence-linked clinical guidance: every clinical statement cites a reference you can reach in one click.',
			// Pages live in top-level content/, not src/content/docs: without this, asides and heading
			// anchors silently vanish from them.
			markdown: { processedDirs: [contentDir] },
			customCss: ['./src/styles/evidence.css'],
			// Sidebar cut to the current topic (constant size per page); page titles escaped in <head>.
			routeMiddleware: ['./src/lib/starlight/route-middleware.ts'],
			sidebar: [
				...topicGroups,
				{ label: 'About', items: [{ label: 'Editorial policy', link: '/editorial-policy/' }, { label: 'Editor guide', link: '/editor-guide/' }, { label: 'Evidence map', link: '/evidence-map/' }] },
			],
			components: {
				PageTitle: './src/components/overrides/PageTitle.astro',
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
				Banner: './src/components/overrides/Banner.astro',
				// A search button; the dialog and index load only when it is opened (issue 12).
				Search: './src/components/overrides/Search.astro',
			},
			// Starlight's lastUpdated reads git only for src/content/docs; ours (src/lib/git.ts) is in the page header.
			lastUpdated: false,
			// "Edit page" opens the file in the repository (entry paths start with content/).
			editLink: { baseUrl: 'https://github.com/evidence-handbook/evidence-handbook/edit/main/' },
		}),
		mdx({ optimize: true }),
		{
			name: 'evidence-handbook:host-redirects',
			hooks: { 'astro:build:done': ({ dir }) => writeHostRedirects(fileURLToPath(dir), redirects) },
		},
	],
});
