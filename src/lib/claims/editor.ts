/**
 * How the renderer changes a page's syntax tree. The renderer (render.ts) decides *what* changes;
 * an editor applies the changes. Two editors exist:
 *
 * - `memoryEditor`: changes plain mdast objects in place. Used for trees that live only in memory
 *   (the bottom line, parsed from frontmatter, before it is inserted into the page) and in tests.
 * - the Sätteri editor (src/lib/markdown/evidence-plugin.ts): records the same changes as Sätteri
 *   commands, applied by Sätteri's compiler after the plugin runs (its tree is read-only to JS).
 *
 * New nodes that stand for HTML elements are mdast `paragraph` nodes carrying `data.hName`,
 * `data.hProperties` and `data.hChildren` (hast children): both mdast-to-hast converters honour
 * them, and a paragraph is a node type every serializer can encode. (The Sätteri editor sends the
 * children of each as one raw HTML node: evidence-plugin.ts, render/static-html.ts.)
 */
import type { Nodes, Parents, PhrasingContent, Root, RootContent, Text } from 'mdast';

export type Props = Record<string, unknown>;

export interface TreeEditor {
	/** Adds HTML attributes to the element `node` becomes. */
	setProps(node: Nodes, props: Props): void;
	/** Replaces a text node with inline content. */
	replace(node: Text, content: PhrasingContent[]): void;
	/** Appends children to a parent node. */
	append(parent: Parents, content: RootContent[]): void;
	/** Inserts block content right after `node`. */
	insertAfter(node: RootContent, content: RootContent[]): void;
	/** Inserts block content at the start of the document. */
	prepend(content: RootContent[]): void;
}

/** Merges `props` into a node's `data.hProperties` (plain objects, in place). */
export function mergeProps(node: { data?: object | undefined }, props: Props): void {
	const data = (node.data ??= {}) as { hProperties?: Props };
	data.hProperties = { ...data.hProperties, ...props };
}

/** An editor that changes the plain mdast tree `root` in place. */
export function memoryEditor(root: Root | Parents): TreeEditor {
	let parents: Map<Nodes, Parents> | undefined;
	const parentOf = (node: Nodes): Parents | undefined => {
		if (!parents) {
			parents = new Map();
			const walk = (parent: Parents) => {
				for (const child of parent.children as Nodes[]) {
					parents!.set(child, parent);
					if ('children' in child) walk(child as Parents);
				}
			};
			walk(root);
		}
		return parents.get(node);
	};
	const splice = (node: Nodes, offset: number, remove: number, content: Nodes[]) => {
		const parent = parentOf(node);
		if (!parent) return;
		const children = parent.children as Nodes[];
		const index = children.indexOf(node);
		if (index === -1) return;
		children.splice(index + offset, remove, ...content);
		for (const child of content) parents?.set(child, parent);
	};
	return {
		setProps: (node, props) => mergeProps(node, props),
		replace: (node, content) => splice(node, 0, 1, content),
		append: (parent, content) => {
			(parent.children as Nodes[]).push(...content);
			for (const child of content) parents?.set(child, parent);
		},
		insertAfter: (node, content) => splice(node, 1, 0, content),
		prepend: (content) => {
			(root.children as Nodes[]).unshift(...content);
			for (const child of content) parents?.set(child, root);
		},
	};
}

/** The text nodes inside `node`, in reading order. */
export function textNodes(node: { children?: unknown[] }): Text[] {
	const out: Text[] = [];
	for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) {
		if (child.type === 'text') out.push(child as Text);
		else out.push(...textNodes(child));
	}
	return out;
}
