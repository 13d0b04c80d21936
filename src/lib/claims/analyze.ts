/**
 * Finds the headings and claims of a page in its Markdown/MDX syntax tree.
 *
 * What counts as a claim in a guideline's clinical body (found, never declared):
 * - every paragraph, list item and table body row, including those inside callouts (asides) and
 *   MDX components that wrap Markdown;
 * - a heading, when it states a proportion ("74% of studies …") or carries a citation;
 * - the frontmatter `bottomLine` (analysed separately, see `analyzeBottomLine`).
 *
 * Not claims: a block that ends with ":" right before (or around) a list and cites nothing (it only
 * introduces the list, whose items are the claims); callout titles; blockquotes (quoted material);
 * code, MDX expressions and comments; tables' header rows. Citations inside those do not count.
 *
 * Used both by the Sätteri plugin that renders pages and by `npm run check`, so what is checked is
 * exactly what is published.
 */
import type { Heading, ListItem, Nodes, Paragraph, Parents, Root, RootContent, TableRow, Text } from 'mdast';
import GithubSlugger from 'github-slugger';
import { scanMarkers, stripMarkers, type CiteItem, type Marker, type MarkerProblem } from './markers.ts';

export type ClaimKind = 'bottom-line' | 'paragraph' | 'list-item' | 'table-row' | 'heading';

/** A text node holding markers, kept so the renderer can rewrite it. */
export interface MarkerSite {
	node: Text;
	markers: Marker[];
}

export interface Position {
	line: number;
	column: number;
}

export interface HeadingInfo {
	id: string;
	/** True when the editor wrote `[#id]`; generated ids change when the text does. */
	explicit: boolean;
	depth: number;
	text: string;
	position: Position;
	node: Heading;
}

export interface Claim {
	id: string;
	explicit: boolean;
	kind: ClaimKind;
	/** What a reader sees, markers removed. */
	text: string;
	/** Id of the nearest heading above, or null at the top of the page. */
	section: string | null;
	/** Citations in reading order. */
	cites: CiteItem[];
	position: Position;
	node: Paragraph | ListItem | TableRow | Heading;
	sites: MarkerSite[];
}

export interface LocatedProblem extends MarkerProblem {
	position: Position;
	/** A well-formed marker in a place where it does not count (list introduction, table header). */
	misplaced?: true;
}

export interface PageAnalysis {
	headings: HeadingInfo[];
	claims: Claim[];
	/** Malformed markers, ids written twice on one claim, ids/citations outside any claim. */
	problems: LocatedProblem[];
}

/** A proportion such as "74%" or "62.5 %" makes a heading a quantitative claim. */
const PROPORTION = /\d(?:[.,]\d+)?\s?%/;

/** How many words of a claim form its generated id. */
const GENERATED_ID_WORDS = 6;

const SKIP = new Set(['blockquote', 'code', 'html', 'yaml', 'toml', 'definition', 'footnoteDefinition', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'thematicBreak']);

/** The id a claim gets when its editor sets none: its first words, slugged. */
export function generatedClaimId(text: string): string {
	const words = text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]/gu, ' ')
		.split(/[\s-]+/)
		.filter(Boolean)
		.slice(0, GENERATED_ID_WORDS);
	return words.join('-') || 'claim';
}

function pos(node: { position?: { start: { line: number; column: number } } | undefined }, fallback?: Position): Position {
	const start = node.position?.start;
	return start ? { line: start.line, column: start.column } : (fallback ?? { line: 1, column: 1 });
}

/** Position of `offset` inside a text node (approximate where the source used escapes). */
function offsetPosition(node: Text, offset: number): Position {
	const start = pos(node);
	const before = node.value.slice(0, offset);
	const lines = before.split('\n');
	if (lines.length === 1) return { line: start.line, column: start.column + offset };
	return { line: start.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 };
}

interface Collected {
	sites: MarkerSite[];
	text: string;
	problems: LocatedProblem[];
}

/** Collects the prose text of `node`, not descending into nested lists or skipped nodes. */
function collect(node: Nodes, into: Collected): void {
	if (node.type === 'text') {
		const { markers, problems } = scanMarkers(node.value);
		if (markers.length) into.sites.push({ node, markers });
		for (const p of problems) into.problems.push({ ...p, position: offsetPosition(node, p.start) });
		into.text += node.value;
		return;
	}
	if (node.type === 'inlineCode') {
		// Code is shown as written, but a marker inside it is not a marker: a word joiner after each
		// "[" keeps the scanner from reading it (it is invisible and dropped from claim text).
		into.text += node.value.replaceAll('[', '[\u2060');
		return;
	}
	if (node.type === 'list' || SKIP.has(node.type)) return;
	if ('children' in node) {
		for (const child of node.children as Nodes[]) {
			collect(child, into);
			if (child.type === 'paragraph') into.text += ' ';
		}
	}
}

function citesOf(sites: MarkerSite[]): CiteItem[] {
	return sites.flatMap((s) => s.markers.flatMap((m) => (m.kind === 'cite' ? m.items : [])));
}

function idsOf(sites: MarkerSite[]): string[] {
	return sites.flatMap((s) => s.markers.flatMap((m) => (m.kind === 'id' ? [m.id] : [])));
}

function isDirectiveLabel(node: Nodes): boolean {
	const data = (node as { data?: { directiveLabel?: boolean } }).data;
	return node.type === 'paragraph' && data?.directiveLabel === true;
}

function endsWithColon(text: string): boolean {
	return stripMarkers(text).endsWith(':');
}

export interface AnalyzeOptions {
	/** Whether the page's body is clinical (guidelines) or editorial (claims are not collected). */
	clinical: boolean;
}

/** Analyses a page body. Pure: reads the tree, never changes it. */
export function analyzeTree(root: Root, options: AnalyzeOptions): PageAnalysis {
	const headings: HeadingInfo[] = [];
	const claims: Claim[] = [];
	const problems: LocatedProblem[] = [];
	const slugger = new GithubSlugger();
	let section: string | null = null;

	const addClaim = (kind: ClaimKind, node: Claim['node'], c: Collected, idOverride?: string) => {
		const ids = idsOf(c.sites);
		const text = stripMarkers(c.text);
		if (ids.length > 1) {
			problems.push({ start: 0, raw: ids.map((i) => `[#${i}]`).join(' '), message: 'A claim can have only one [#id]: keep one and remove the others.', position: pos(node) });
		}
		const explicitId = idOverride ?? ids[0];
		claims.push({
			id: explicitId ?? generatedClaimId(text),
			explicit: explicitId !== undefined,
			kind,
			text,
			section,
			cites: citesOf(c.sites),
			position: pos(node),
			node,
			sites: c.sites,
		});
	};

	const reportStray = (c: Collected, node: Nodes, what: string) => {
		for (const site of c.sites) {
			for (const m of site.markers) {
				if (m.kind === 'cite' || what === 'quoted') {
					problems.push({
						start: m.start,
						raw: site.node.value.slice(m.start, m.end),
						message: `This ${m.kind === 'cite' ? 'citation' : 'id'} is in ${what}, where it does not count; move it into the claim it supports.`,
						misplaced: true,
						position: offsetPosition(site.node, m.start),
					});
				}
			}
		}
		void node;
	};

	const visitBlocks = (parent: Parents): void => {
		const children = parent.children as RootContent[];
		children.forEach((node, index) => {
			if (SKIP.has(node.type)) return;
			switch (node.type) {
				case 'heading': {
					const c: Collected = { sites: [], text: '', problems };
					collect(node, c);
					const ids = idsOf(c.sites);
					const text = stripMarkers(c.text);
					const explicit = ids[0];
					const id = explicit ?? slugger.slug(text);
					if (explicit) slugger.slug(explicit); // reserve it
					headings.push({ id, explicit: explicit !== undefined, depth: node.depth, text, position: pos(node), node });
					section = id;
					if (options.clinical && (PROPORTION.test(text) || citesOf(c.sites).length > 0)) addClaim('heading', node, c, id);
					return;
				}
				case 'paragraph': {
					if (isDirectiveLabel(node)) return;
					const c: Collected = { sites: [], text: '', problems };
					collect(node, c);
					if (!options.clinical) return;
					const next = children[index + 1];
					const leadIn = next?.type === 'list' && endsWithColon(c.text) && citesOf(c.sites).length === 0;
					if (leadIn) {
						reportStray(c, node, 'a list introduction');
						return;
					}
					if (stripMarkers(c.text) === '' && c.sites.length === 0) return;
					addClaim('paragraph', node, c);
					return;
				}
				case 'list': {
					for (const item of node.children) {
						const c: Collected = { sites: [], text: '', problems };
						collect(item, c);
						const nested = item.children.some((child) => child.type === 'list');
						const leadIn = nested && endsWithColon(c.text) && citesOf(c.sites).length === 0;
						if (options.clinical && !leadIn) addClaim('list-item', item, c);
						for (const child of item.children) if (child.type !== 'paragraph') visitBlocks({ type: 'root', children: [child] });
					}
					return;
				}
				case 'table': {
					node.children.forEach((row, rowIndex) => {
						const c: Collected = { sites: [], text: '', problems };
						for (const cell of row.children) {
							collect(cell, c);
							c.text += ' ';
						}
						if (rowIndex === 0) {
							if (options.clinical) reportStray(c, row, 'a table header row');
							return;
						}
						if (options.clinical) addClaim('table-row', row, c);
					});
					return;
				}
				default:
					if ('children' in node) visitBlocks(node as Parents);
			}
		});
	};

	visitBlocks(root);
	return { headings, claims, problems };
}

/** Analyses the frontmatter bottom line, parsed as Markdown by the caller. */
export function analyzeBottomLine(root: Root): { claim: Claim | null; problems: LocatedProblem[] } {
	const problems: LocatedProblem[] = [];
	const c: Collected = { sites: [], text: '', problems };
	collect(root, c);
	const first = root.children[0];
	if (!first || first.type !== 'paragraph') return { claim: null, problems };
	const ids = idsOf(c.sites);
	const text = stripMarkers(c.text);
	return {
		claim: {
			id: ids[0] ?? 'bottom-line',
			explicit: true,
			kind: 'bottom-line',
			text,
			section: null,
			cites: citesOf(c.sites),
			position: pos(first),
			node: first,
			sites: c.sites,
		},
		problems,
	};
}
