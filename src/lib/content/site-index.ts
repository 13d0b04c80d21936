/**
 * The content index for pages that list evidence across the site (evidence map, reference pages,
 * exports, islands), built once per build from the same files and code as `npm run check`, and
 * the evidence map computed from it once. Only published pages are in it (publication.ts), so no
 * output built from it can show a draft.
 */
import { contentDir } from '../paths.ts';
import { buildIndex } from './load.ts';
import { pagePath } from './ids.ts';
import { isPreviewBuild, publication, publishedIndex } from './publication.ts';
import type { ContentIndex } from './types.ts';
import { buildEvidenceMap, type EvidenceMap } from '../evidence-map.ts';
import { buildsSiteWidePages } from '../build/shards.ts';

let all: Promise<ContentIndex> | undefined;
let cached: Promise<ContentIndex> | undefined;
let hidden: Promise<Set<string>> | undefined;
let map: Promise<EvidenceMap> | undefined;
let withdrawn: Promise<Map<string, string | null>> | undefined;

function fullIndex(): Promise<ContentIndex> {
	all ??= buildIndex({ root: process.cwd(), contentDir: contentDir() });
	return all;
}

/** Where this process's site index is kept for `renderedSiteIndex` (a module of Astro's bundle and the one Node loads are two copies). */
const RENDERED = Symbol.for('evidence-handbook:site-index');
type Holder = { [RENDERED]?: Promise<ContentIndex> };

/** The published content of this build (drafts only in preview builds). */
export function siteIndex(): Promise<ContentIndex> {
	if (!cached) {
		cached = fullIndex().then((index) => publishedIndex(index, { preview: isPreviewBuild() }));
		(globalThis as Holder)[RENDERED] = cached;
	}
	return cached;
}

/**
 * The site index the pages of this build were rendered from, for code that runs after them in the
 * same process but outside Astro's bundle (the export writer at `astro:build:done`:
 * export-integration.ts), so the index is made once per build; a new one if no page made it.
 */
export function renderedSiteIndex(): Promise<ContentIndex> {
	return (globalThis as Holder)[RENDERED] ?? siteIndex();
}

/**
 * Site paths of pages that exist in content/ but are not published in this build: links to them
 * (e.g. a related question answered by a draft) are shown as text, never as a link to nowhere.
 */
export function unpublishedPaths(): Promise<Set<string>> {
	hidden ??= Promise.all([fullIndex(), siteIndex()]).then(([index, site]) => {
		const shown = new Set(site.pages.map((page) => page.id));
		return new Set(index.pages.filter((page) => !shown.has(page.id)).map((page) => pagePath(page.id)));
	});
	return hidden;
}

/**
 * Withdrawn guidelines by site path, with the address of the page that replaces each (null when
 * nothing does): a link to one (e.g. a related question) says so and sends readers on.
 */
export function withdrawnPages(): Promise<Map<string, string | null>> {
	withdrawn ??= fullIndex().then(
		(index) =>
			new Map(
				index.pages
					.filter((page) => publication(page.frontmatter, { preview: isPreviewBuild() }) === 'withdrawn')
					.map((page) => {
						const replacement = (page.frontmatter.review as { withdrawal?: { replacement?: unknown } } | undefined)?.withdrawal?.replacement;
						return [pagePath(page.id), typeof replacement === 'string' ? replacement : null] as const;
					}),
			),
	);
	return withdrawn;
}

/**
 * What the reference pages with these keys show as "cited by": the whole site's evidence map in a
 * build that makes the evidence map pages anyway; in the other shards of a sharded build only the
 * claims citing these references (buildEvidenceMap's `references`), not a row for every claim of
 * the site in every shard.
 */
export function citingClaims(keys: readonly string[]): Promise<EvidenceMap> {
	if (buildsSiteWidePages()) return siteEvidenceMap();
	return siteIndex().then((index) => buildEvidenceMap(index, { references: new Set(keys) }));
}

/** The evidence map of the whole site (age limit from content/settings.yaml). */
export function siteEvidenceMap(): Promise<EvidenceMap> {
	map ??= siteIndex().then((index) => buildEvidenceMap(index));
	return map;
}
