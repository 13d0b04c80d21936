/**
 * THE publication decision: whether a page reaches readers. Every output reads it — the page
 * routes (content.config.ts), the home page, reference pages and their back-links and counts, the
 * evidence map, exports, the search index and sitemap (which only see built pages), the permalink
 * manifest and related-question links. Nothing else decides what is published.
 *
 * States: `published` (built, listed, linked) and `draft` (built only in previews). A further state
 * (e.g. `withdrawn`: the page stays at its address but is no longer listed) is added here, with what
 * each output does with it in the helpers below.
 */
import { pagePath } from './ids.ts';
import type { ContentIndex, IndexedPage } from './types.ts';

/**
 * `withdrawn`: a guideline taken out of use (review.status: withdrawn, with a withdrawal record).
 * Its address stays, showing only the withdrawal notice; it is not "published": no search, sitemap,
 * home page, evidence map, reference back-links or exports.
 */
export type Publication = 'published' | 'draft' | 'withdrawn';

export interface PublicationOptions {
	/**
	 * A preview build (EH_PREVIEW=1, or `astro dev`): drafts in review are shown, with a banner, so
	 * reviewers can read them. Production builds leave them out.
	 */
	preview: boolean;
}

/** The frontmatter fields the decision reads (raw or validated). */
export interface PublicationFields {
	type?: unknown;
	/** Starlight's own `draft: true`: never built for production, not even in previews. */
	draft?: unknown;
	review?: unknown;
}

/** The state of one page, from its frontmatter. */
export function publication(frontmatter: PublicationFields, { preview }: PublicationOptions): Publication {
	if (frontmatter.draft === true) return 'draft';
	const status = (frontmatter.review as { status?: unknown } | undefined)?.status;
	// A guideline still in review ("draft" status) is shown only in previews.
	if (frontmatter.type === 'guideline' && status === 'draft' && !preview) return 'draft';
	if (frontmatter.type === 'guideline' && status === 'withdrawn') return 'withdrawn';
	return 'published';
}

/** Whether the page is built at its address. */
export function isPublished(frontmatter: PublicationFields, options: PublicationOptions): boolean {
	return publication(frontmatter, options) === 'published';
}

/** Site paths of withdrawn guidelines (their address shows the withdrawal notice). */
export function withdrawnPaths(index: ContentIndex): Set<string> {
	return new Set(index.pages.filter((page) => publication(page.frontmatter, { preview: false }) === 'withdrawn').map((page) => pagePath(page.id)));
}

/** Whether this build is a preview: EH_PREVIEW=1 or the dev server. */
export function isPreviewBuild(): boolean {
	return process.env.EH_PREVIEW === '1' || import.meta.env?.DEV === true;
}

/**
 * The index as readers see it: only published pages. Everything derived for the site (evidence
 * map, reference pages, exports, islands, permalinks) is computed from this view, so a draft leaves
 * no trace; the claim check reads the whole index (drafts are checked too).
 */
export function publishedIndex(index: ContentIndex, options: PublicationOptions): ContentIndex {
	const pages: IndexedPage[] = index.pages.filter((page) => isPublished(page.frontmatter, options));
	return pages.length === index.pages.length ? index : { ...index, pages };
}
