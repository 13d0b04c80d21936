/**
 * Parses MDX/Markdown pages into syntax trees with positions (never regular expressions), with
 * Sätteri, the parser that renders the site (src/lib/markdown/evidence-plugin.ts): the claim check
 * analyses the same tree the reader is shown.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Root } from 'mdast';
import { MARKDOWN_FEATURES } from '../markdown/features.ts';

/** The syntax tree of a page, parsed as Astro does (MDX for .mdx, Markdown for .md). */
export function parsePage(text: string, file: string): Root {
	return (file.endsWith('.mdx') ? mdxToMdast : markdownToMdast)(text, { features: MARKDOWN_FEATURES }) as Root;
}

/** The syntax tree of a Markdown string from frontmatter (the bottom line). */
export function parseMarkdown(text: string): Root {
	return markdownToMdast(text, { features: { ...MARKDOWN_FEATURES, frontmatter: false } }) as Root;
}
