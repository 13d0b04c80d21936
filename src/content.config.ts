/**
 * Content collections. Everything editors touch lives in top-level `content/`, not
 * `src/content/docs` (Starlight's `docsLoader()` is fixed to that folder, so pages use `glob()`).
 * Schemas live one per file in `src/schemas/`; see `content/README.md` for the layout.
 */
import { defineCollection, reference, type SchemaContext } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { docsPageSchema } from './schemas/docs-page.ts';
import { TopicSchema } from './schemas/topic.ts';
import { DisclaimerSchema } from './schemas/disclaimer.ts';
import { ProtocolSchema } from './schemas/protocol.ts';
import { isPreviewBuild, publication } from './lib/content/publication.ts';
import { contentDir as contentFolder } from './lib/paths.ts';
import { sharedForStarlightPages } from './lib/starlight/page-schema.ts';

/** The content folder; EH_CONTENT_DIR points a build at another one (tests, benchmarks). */
const contentDir = contentFolder();
/** Preview builds (EH_PREVIEW=1, astro dev) show drafts, with a banner; production builds leave them out. */
const preview = isPreviewBuild();
/**
 * Our part of the page schema, built once: Astro calls the schema function for every entry (and
 * Starlight for every page rendered with <StarlightPage>), and building this union costs far more
 * than using it (measured: about 0.5 ms a call, a second at 2,000 pages). Only Starlight's part
 * depends on the entry (its hero image paths), so only that part is built per call.
 */
const pageSchema = docsPageSchema({ topic: reference('topics'), disclaimer: reference('disclaimers') });

export const collections = {
	docs: defineCollection({
		// README.md files document folders for editors; they are not pages. Pages are rendered from
		// their files (MDX modules), never from a copy of their text: the text is not kept in Astro's
		// data store (retainBody), which every build, and every shard of a sharded build, writes and
		// loads whole (two thirds of it, and of its growth with the site, was page text).
		loader: glob({ pattern: ['**/*.{md,mdx}', '!**/README.md'], base: contentDir, retainBody: false }),
		// The one publication decision (src/lib/content/publication.ts): an unpublished page is a
		// Starlight draft, so it has no route, no sidebar entry, no sitemap or search entry.
		// Built once for all <StarlightPage> pages (reference and evidence-map pages), per entry otherwise.
		schema: sharedForStarlightPages((context: SchemaContext) =>
			docsSchema({ extend: pageSchema })(context).transform((data) => {
				const state = publication(data, { preview });
				if (state !== 'withdrawn') return { ...data, publication: state, draft: state !== 'published' };
				// A withdrawn guideline keeps its address with the withdrawal notice only: out of search,
				// the sidebar and the table of contents, and not indexed by search engines.
				return {
					...data,
					publication: state,
					draft: false,
					pagefind: false,
					tableOfContents: false as const,
					sidebar: { ...data.sidebar, hidden: true },
					head: [...data.head, { tag: 'meta' as const, attrs: { name: 'robots', content: 'noindex' } }],
				};
			}),
		),
	}),
	// Reference files (content/references/) are not a collection: pages read them through the content
	// index (lib/content/site-index.ts) and the evidence plugin, with the schema the claim check (the
	// build's first step) validates them by. A collection nothing read made every build load, validate
	// and store each reference file once more.
	topics: defineCollection({
		loader: file(`${contentDir}/topics.yaml`),
		schema: TopicSchema,
	}),
	protocols: defineCollection({
		loader: glob({ pattern: '*.yaml', base: `${contentDir}/protocols` }),
		schema: ProtocolSchema,
	}),
	disclaimers: defineCollection({
		loader: glob({ pattern: '*.yaml', base: `${contentDir}/disclaimers` }),
		schema: DisclaimerSchema,
	}),
};
