/**
 * Schema for every page in `content/`: a union on `type`, so a guideline gets the guideline rules
 * and an editorial page is not asked for clinical fields.
 */
import { z } from 'zod';
import { guidelineSchema } from './guideline.ts';
import { PageFrontmatterSchema } from './page.ts';

export const docsPageSchema = <T extends z.ZodType, D extends z.ZodType>(links: { topic: T; disclaimer: D }) =>
	z.discriminatedUnion('type', [guidelineSchema(links), PageFrontmatterSchema], {
		error: 'Set `type:` in the frontmatter: "guideline" for clinical pages, "page" for editorial pages.',
	});
