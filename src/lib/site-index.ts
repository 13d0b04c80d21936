/**
 * The content index for pages that list evidence across the site (evidence map, reference pages,
 * exports), built once per build from the same files and code as `npm run check`, and the
 * evidence map computed from it once.
 */
import { join } from 'node:path';
import { buildIndex } from './check/load.ts';
import type { ContentIndex } from './check/types.ts';
import { buildEvidenceMap, type EvidenceMap } from './evidence-map.ts';

let cached: Promise<ContentIndex> | undefined;
let map: Promise<EvidenceMap> | undefined;

export function siteIndex(): Promise<ContentIndex> {
	cached ??= buildIndex({ root: process.cwd(), contentDir: process.env.EH_CONTENT_DIR || join(process.cwd(), 'content') });
	return cached;
}

/** The evidence map of the whole site (age limit from content/settings.yaml). */
export function siteEvidenceMap(): Promise<EvidenceMap> {
	map ??= siteIndex().then((index) => buildEvidenceMap(index));
	return map;
}
