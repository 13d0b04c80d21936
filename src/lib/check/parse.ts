/** Parses MDX/Markdown pages into syntax trees with positions (never regular expressions). */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective).use(remarkFrontmatter, ['yaml']).freeze();
const md = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkFrontmatter, ['yaml']).freeze();

/** The syntax tree of a page, parsed as Astro does (MDX for .mdx, Markdown for .md). */
export function parsePage(text: string, file: string): Root {
	return (file.endsWith('.mdx') ? mdx : md).parse(text);
}
