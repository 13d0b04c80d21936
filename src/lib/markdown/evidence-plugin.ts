/**
 * Sätteri plugin: renders guideline pages from `content/` (see `src/lib/claims/`). Astro 7's
 * default Markdown/MDX processor is Sätteri (Rust), which runs Sätteri plugins, not remark
 * plugins; the claim check parses pages with Sätteri too (src/lib/content/parse.ts), so the tree
 * the check analyses is the tree this plugin renders.
 *
 * Sätteri's tree is read-only to JavaScript: the plugin analyses it in its `before` hook and
 * records the changes as Sätteri commands through a `TreeEditor` (src/lib/claims/editor.ts).
 */
import { fileURLToPath } from 'node:url';
import type { Nodes, Root } from 'mdast';
import type { ElementContent } from 'hast';
import type { MdastPluginDefinition, MdastPluginEntry } from 'satteri';
import { analyzePage } from '../claims/page.ts';
import { renderGuideline } from '../claims/render.ts';
import { stripMarkers } from '../claims/markers.ts';
import { mergeProps, textNodes, type Props, type TreeEditor } from '../claims/editor.ts';
import { inertTree } from './inert.ts';
import { staticHtml } from '../claims/render/static-html.ts';
import { languageProblems } from '../content/language.ts';
import { loadReferences, loadReferencesByKey } from '../references/load.ts';
import { prepareReferencesHtml } from '../references/csl.ts';
import { publishedGaps } from '../content/evidence-gaps.ts';
import { insideFolder } from '../paths.ts';
import { pageGrades } from '../grading.ts';
import { EditorialNoteSchema, type EditorialNote } from '../../schemas/editorial-note.ts';

export interface EvidencePluginOptions {
	/** Absolute path of the content folder; files elsewhere are left alone. */
	contentDir: string;
	/** Absolute path of the references folder. */
	referencesDir: string;
	/**
	 * Whether the first guideline page formats every reference in one batch (default true). False
	 * in the shards of a sharded build: its prepare stage (scripts/lib/astro-build.ts) has formatted
	 * every reference into the reference-format cache (references/csl.ts), so shards read each one
	 * their pages cite from there instead of loading and going over every reference of the site.
	 */
	prepareReferences?: boolean;
	/**
	 * The project root: with it, the references pages cite are read from the persistent cache the
	 * claim check and the site index keep (references/load.ts), not parsed again from YAML.
	 */
	root?: string;
}

/**
 * Reference folders whose references were formatted in one batch (prepareReferencesHtml): at the
 * first guideline page, every reference is formatted at once instead of one citeproc run per
 * reference as pages first cite it (a third of the time; each is then reused from memory).
 */
const prepared = new Set<string>();

type Context = Parameters<NonNullable<MdastPluginDefinition['before']>>[1];

/**
 * The Sätteri editor. Property changes are gathered per node and written once at the end: the
 * tree's objects do not reflect changes made in the same pass.
 */
function satteriEditor(root: Root, ctx: Context, headings: readonly Nodes[]): TreeEditor & { flush(): void } {
	const props = new Map<Nodes, Props>();
	// What replaces text in a heading stays elements: the heading's text (its id, the table of
	// contents, its anchor link's label) is read from its elements after this plugin.
	const inHeadings = new Set<Nodes>(headings.flatMap((heading) => textNodes(heading as { children?: unknown[] })));
	return {
		setProps: (node, more) => props.set(node, { ...props.get(node), ...more }),
		replace: (node, content) => ctx.replaceNode(node, (inHeadings.has(node) ? content : staticContent(content)) as Parameters<Context['replaceNode']>[1]),
		append: (parent, content) => ctx.appendChild(parent, staticContent(content) as Parameters<Context['appendChild']>[1]),
		insertAfter: (node, content) => ctx.insertAfter(node, staticContent(content) as Parameters<Context['insertAfter']>[1]),
		prepend: (content) => ctx.prependChild(root, staticContent(content) as Parameters<Context['prependChild']>[1]),
		flush() {
			for (const [node, more] of props) {
				const data = { ...(node as { data?: object }).data };
				mergeProps({ data }, more);
				ctx.setProperty(node, 'data', data as Record<string, unknown>);
			}
		},
	};
}

/**
 * What the plugin inserts, with every element riding in it (render/hast.ts: hName, hProperties,
 * hChildren) given its children as one `raw` node of the HTML Sätteri would write for them
 * (render/static-html.ts): the same published bytes, without sending every element through JSON
 * to Rust and compiling it back to the same static HTML. Headings keep their elements (their text
 * is read after this plugin); nodes with nothing to change are returned as they are (the page's
 * own nodes keep their identity).
 */
function asStaticHtml<T extends Nodes>(node: T): T {
	if (node.type === 'heading') return node;
	const data = node.data as { hName?: string; hChildren?: ElementContent[] } | undefined;
	const children = 'children' in node ? (node.children as Nodes[]) : undefined;
	if (data?.hName && data.hChildren && !children?.length) {
		return { ...node, data: { ...data, hChildren: [{ type: 'raw', value: staticHtml(data.hChildren) }] } };
	}
	if (!children?.length) return node;
	const mapped = children.map(asStaticHtml);
	return mapped.some((child, i) => child !== children[i]) ? { ...node, children: mapped } : node;
}

const staticContent = <T extends Nodes>(content: T[]): T[] => content.map(asStaticHtml);

function evidencePlugin(options: EvidencePluginOptions, file: string): MdastPluginDefinition {
	return {
		name: 'evidence-handbook-claims',
		options: { position: true },
		before(tree, ctx) {
			const root = tree as Root;
			// Content is data, not code: an MDX page outside the closed language is never rendered, even
			// when the claim check was skipped (astro dev, a bare astro build); the error stops the build.
			// (A Markdown page cannot hold code: its raw HTML is shown as text by the inert plugin, and
			// Astro would only log an error for it and publish the page empty.)
			const refused = file.endsWith('.mdx') ? languageProblems(root).filter((p) => p.rule !== 'url-unsafe') : [];
			if (refused.length) {
				throw new Error(`${file}: this page holds code or markup pages may not use, so it is not rendered (npm run check explains each):\n${refused.map((p) => `  ${p.line}:${p.column} ${p.message} [${p.rule}]`).join('\n')}`);
			}
			const frontmatter = ((ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {}) as Record<string, unknown>;
			const analysis = analyzePage(root, frontmatter);
			const editor = satteriEditor(root, ctx, analysis.headings.map((heading) => heading.node));
			if (frontmatter.type !== 'guideline') {
				// Editorial pages: permanent heading ids only.
				for (const heading of analysis.headings) {
					editor.setProps(heading.node, { id: heading.id });
					for (const node of textNodes(heading.node)) if (node.value.includes('[')) editor.replace(node, [{ type: 'text', value: stripMarkers(node.value) }]);
				}
			} else {
				const notes: EditorialNote[] = [];
				for (const raw of Array.isArray(frontmatter.editorialNotes) ? frontmatter.editorialNotes : []) {
					const parsed = EditorialNoteSchema.safeParse(raw);
					if (parsed.success) notes.push(parsed.data);
				}
				// The bottom line is Markdown from frontmatter: made inert before it joins the page.
				if (analysis.bottomLine) inertTree({ type: 'root', children: [analysis.bottomLine.node] } as Root);
				const claims = analysis.bottomLine ? [analysis.bottomLine, ...analysis.claims] : analysis.claims;
				const keys = claims.flatMap((claim) => claim.cites.flatMap((cite) => (cite.type === 'ref' ? [cite.key] : [])));
				if (options.prepareReferences !== false && !prepared.has(options.referencesDir)) {
					prepared.add(options.referencesDir);
					prepareReferencesHtml([...loadReferences(options.referencesDir, options.root).refs.values()].map((ref) => ref.data));
				}
				const refs = loadReferencesByKey(options.referencesDir, keys, options.root);
				renderGuideline(root, { headings: analysis.headings, claims: analysis.claims, nonClaims: analysis.nonClaims, bottomLine: analysis.bottomLine, gaps: publishedGaps(frontmatter), notes, refs, grades: pageGrades(frontmatter) }, editor);
			}
			editor.flush();
		},
	};
}

/** The plugin entry for `satteri({ mdastPlugins })`: only files under the content folder are rendered. */
export function evidence(options: EvidencePluginOptions): MdastPluginEntry {
	const inContent = insideFolder(options.contentDir);
	return ({ fileURL }) => (fileURL && inContent(fileURLToPath(fileURL)) ? evidencePlugin(options, fileURLToPath(fileURL)) : undefined);
}

