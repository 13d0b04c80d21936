/**
 * Remark plugin (runs after remarkEvidence): makes content that is data, not code, inert.
 *
 * 1. Links and images whose URL uses a script-capable scheme (`javascript:`, `vbscript:`,
 *    `data:` for links) lose their URL: the link becomes its plain text. Markdown links are data;
 *    nothing an editor writes as `[text](url)` may run code.
 * 2. Raw HTML nodes become text. MDX bodies never contain raw-HTML nodes (MDX parses tags as JSX),
 *    so the only ones left after remarkEvidence come from Markdown parsed out of frontmatter
 *    strings (the bottom line): frontmatter is data and must never inject markup or `<script>`.
 *
 * JSX and `{expressions}` in MDX bodies are code by design; they are trusted because every change
 * is a reviewed pull request (see CONTRIBUTING.md, "Editor trust model").
 */
import type { Root, Parent, RootContent, Text } from 'mdast';

const UNSAFE_URL = /^\s*(javascript|vbscript|data|file):/i;

/** True when a URL may run script or read local files when followed. */
export function isUnsafeUrl(url: string): boolean {
	// Browsers ignore ASCII tab/newline inside schemes ("java\tscript:"); so do we.
	return UNSAFE_URL.test(url.replace(/[\u0000-\u0020]/g, ''));
}

function textOf(node: RootContent): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
	if (node.type === 'image') return node.alt ?? '';
	return '';
}

function walk(parent: Parent): void {
	parent.children = parent.children.flatMap((child): RootContent[] => {
		const node = child as RootContent;
		if (node.type === 'html') return [{ type: 'text', value: node.value } satisfies Text];
		if ((node.type === 'link' || node.type === 'definition') && isUnsafeUrl(node.url)) {
			return node.type === 'link' ? [{ type: 'text', value: textOf(node) } satisfies Text] : [];
		}
		if (node.type === 'image' && isUnsafeUrl(node.url) && !/^\s*data:image\/(png|jpe?g|gif|webp|avif);/i.test(node.url)) {
			return [{ type: 'text', value: node.alt ?? '' } satisfies Text];
		}
		if ('children' in node) walk(node as Parent);
		return [node];
	}) as Parent['children'];
}

export function remarkInert() {
	return (tree: Root) => walk(tree);
}
