/**
 * Schema for one topic (an entry of `content/topics.yaml`). Topics group guidelines on the home
 * page and in the sidebar; a guideline's folder under `content/guidelines/` is its main topic.
 */
import { z } from 'zod';
import { SLUG } from './slug.ts';

export const TopicSchema = z.strictObject({
	/** The topic id: also the folder name under `content/guidelines/`. */
	id: z.string().regex(SLUG).describe('Folder name under content/guidelines/, e.g. "running-injuries".'),
	/** Name shown in the sidebar and on the home page. */
	label: z.string().min(2).describe('Name shown to readers, e.g. "Running injuries".'),
	/** One sentence describing what the topic covers. */
	description: z.string().min(10).describe('One sentence describing what the topic covers.'),
	/** Position in the sidebar and on the home page (ascending). */
	order: z.number().int().default(100).describe('Where the topic comes in lists of topics: a number, smaller first, e.g. 1.'),
});

export type Topic = z.output<typeof TopicSchema>;
