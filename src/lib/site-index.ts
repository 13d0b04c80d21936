/**
 * The content index for pages that list evidence across the site (evidence map, reference pages),
 * built once per build from the same files and code as `npm run check`.
 */
import { join } from 'node:path';
import { buildIndex } from './check/load.ts';
import type { ContentIndex } from './check/types.ts';

let cached: Promise<ContentIndex> | undefined;

export function siteIndex(): Promise<ContentIndex> {
	cached ??= buildIndex({ root: process.cwd(), contentDir: process.env.EH_CONTENT_DIR || join(process.cwd(), 'content') });
	return cached;
}
