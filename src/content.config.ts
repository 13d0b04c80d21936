/**
 * Content collections. Everything editors touch lives in top-level `content/`, not
 * `src/content/docs` (Starlight's `docsLoader()` is fixed to that folder, so pages use `glob()`).
 * Schemas live one per file in `src/schemas/`; see `content/README.md` for the layout.
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { docsPageSchema } from './schemas/docs-page.ts';
import { ReferenceSchema } from './schemas/reference.ts';
import { TopicSchema } from './schemas/topic.ts';
import { DisclaimerSchema } from './schemas/disclaimer.ts';
import { ProtocolSchema } from './schemas/protocol.ts';

/** The content folder; EH_CONTENT_DIR points a build at another one (tests, benchmarks). */
const contentDir = process.env.EH_CONTENT_DIR || './content';
/** Preview builds (EH_PREVIEW=1) publish drafts, with a banner; production builds leave them out. */
const preview = process.env.EH_PREVIEW === '1';

export const collections = {
	docs: defineCollection({
		// README.md files document folders for editors; they are not pages.
		loader: glob({ pattern: ['**/*.{md,mdx}', '!**/README.md'], base: contentDir }),
		// A guideline in review status "draft" is a Starlight draft (left out of production builds)
		// unless this is a preview build.
		schema: (context) =>
			docsSchema({ extend: docsPageSchema({ topic: reference('topics'), disclaimer: reference('disclaimers') }) })(context).transform((data) => ({
				...data,
				draft: data.draft || (!preview && data.type === 'guideline' && data.review.status === 'draft'),
			})),
	}),
	references: defineCollection({
		loader: glob({ pattern: '*.yaml', base: `${contentDir}/references` }),
		schema: ReferenceSchema,
	}),
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
