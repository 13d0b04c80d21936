/**
 * Content is data, not code: links and images whose URL uses a script-capable scheme
 * (`javascript:`, `vbscript:`, `data:` for links, `file:`) lose their URL, and raw HTML written in
 * frontmatter strings is shown as text. Two entry points:
 *
 * - `inert()`, a Sätteri plugin for page bodies (runs after the evidence plugin, before Starlight's);
 * - `inertTree()`, for trees parsed from frontmatter (the bottom line) before they are inserted.
 *
 * JSX and `{expressions}` in MDX bodies are code by design; they are trusted because every change
 * is a reviewed pull request (CONTRIBUTING.md, "Editor trust model").
 */
import type { Parent, RootContent, Text } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';

const SAFE_IMAGE_DATA = /^\s*data:image\/(png|jpe?g|gif|webp|avif);/i;

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

/**
 * Makes a plain mdast tree inert in place: raw HTML becomes text, unsafe links their text, unsafe
 * images their alt text. Used on trees parsed from frontmatter strings (the bottom line) before
 * they are inserted into a page: frontmatter is data and must never inject markup or `<script>`.
 */
export function inertTree(parent: Parent): void {
	parent.children = parent.children.flatMap((child): RootContent[] => {
		const node = child as RootContent;
		if (node.type === 'html') return [{ type: 'text', value: node.value } satisfies Text];
		if ((node.type === 'link' || node.type === 'definition') && isUnsafeUrl(node.url)) {
			return node.type === 'link' ? [{ type: 'text', value: textOf(node) } satisfies Text] : [];
		}
		if (node.type === 'image' && isUnsafeUrl(node.url) && !SAFE_IMAGE_DATA.test(node.url)) {
			return [{ type: 'text', value: node.alt ?? '' } satisfies Text];
		}
		if ('children' in node) inertTree(node as Parent);
		return [node];
	}) as Parent['children'];
}

/**
 * Sätteri plugin: unsafe links and images in a page body become their text, and raw HTML in a
 * Markdown (.md) body is shown as text (MDX bodies have no raw HTML: MDX parses tags as JSX).
 */
export function inert(): MdastPluginDefinition {
	return {
		name: 'evidence-handbook-inert',
		html(node, ctx) {
			ctx.replaceNode(node, { type: 'text', value: node.value });
		},
		link(node, ctx) {
			if (isUnsafeUrl(node.url)) ctx.replaceNode(node, { type: 'text', value: ctx.textContent(node) });
		},
		definition(node, ctx) {
			if (isUnsafeUrl(node.url)) ctx.removeNode(node);
		},
		image(node, ctx) {
			if (isUnsafeUrl(node.url) && !SAFE_IMAGE_DATA.test(node.url)) ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
		},
	};
}
