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

export const collections = {
	docs: defineCollection({
		loader: glob({ pattern: '**/*.{md,mdx}', base: './content' }),
		schema: docsSchema({
			extend: docsPageSchema({ topic: reference('topics'), disclaimer: reference('disclaimers') }),
		}),
	}),
	references: defineCollection({
		loader: glob({ pattern: '*.yaml', base: './content/references' }),
		schema: ReferenceSchema,
	}),
	topics: defineCollection({
		loader: file('./content/topics.yaml'),
		schema: TopicSchema,
	}),
	protocols: defineCollection({
		loader: glob({ pattern: '*.yaml', base: './content/protocols' }),
		schema: ProtocolSchema,
	}),
	disclaimers: defineCollection({
		loader: glob({ pattern: '*.yaml', base: './content/disclaimers' }),
		schema: DisclaimerSchema,
	}),
};
