// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { remarkEvidence } from './src/lib/remark/evidence.ts';

const contentDir = fileURLToPath(new URL('./content/', import.meta.url));

// Pages that moved keep their old address (checked by npm run permalinks:check).
const redirects = JSON.parse(readFileSync(new URL('./permalinks/redirects.json', import.meta.url), 'utf8'));

export default defineConfig({
	redirects,
	site: 'https://evidence-handbook.example',
	// Overridable so that benchmarks and parallel test runs build into their own folders.
	outDir: process.env.EH_OUT_DIR || './dist',
	cacheDir: process.env.EH_CACHE_DIR || './node_modules/.astro',
	markdown: {
		// Astro 7 renders Markdown with Sätteri by default, which ignores remark plugins. Our pages
		// need a remark plugin (citations, claim ids, reference lists: src/lib/remark/evidence.ts),
		// so we choose the unified pipeline deliberately; MDX inherits it.
		processor: unified({
			// GFM (tables, autolinks) comes from remark-gfm, which unified() enables by default.
			remarkPlugins: [[remarkEvidence, { contentDir, referencesDir: `${contentDir}references` }]],
		}),
	},
	integrations: [
		starlight({
			title: 'Evidence Handbook',
			description: 'Evidence-linked clinical guidance: every clinical statement cites a reference you can reach in one click.',
			// Pages live in top-level content/, not src/content/docs: without this, asides and heading
			// anchors silently vanish from them.
			markdown: { processedDirs: ['./content'] },
			customCss: ['./src/styles/evidence.css'],
			sidebar: [
				{ label: 'Running injuries', collapsed: true, items: [{ autogenerate: { directory: 'content/guidelines/running-injuries' } }] },
				{ label: 'About', items: [{ label: 'Editorial policy', link: '/editorial-policy/' }, { label: 'Evidence map', link: '/evidence-map/' }] },
			],
			components: {
				PageTitle: './src/components/overrides/PageTitle.astro',
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
				Banner: './src/components/overrides/Banner.astro',
			},
			lastUpdated: true,
		}),
		mdx(),
	],
});
