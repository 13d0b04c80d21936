/**
 * The Markdown features pages are written with, shared by the site's processor (astro.config.mjs)
 * and the claim check's parser (src/lib/content/parse.ts) so that both read a page the same way.
 */
export const MARKDOWN_FEATURES = {
	/** Tables, autolinks, strikethrough, task lists, footnotes. */
	gfm: true,
	/** YAML frontmatter. */
	frontmatter: true,
	/** `:::caution[Title]` callouts (Starlight asides). */
	directive: true,
	/**
	 * No smart quotes or dashes: the published text is exactly what the editor wrote, the same
	 * text the claim check, the search index and the JSON export carry.
	 */
	smartPunctuation: false,
} as const;
