/**
 * Finds the headings and claims of a page in its Markdown/MDX syntax tree.
 *
 * What counts as a claim in a guideline's clinical body (found, never declared):
 * - every paragraph, list item and table body row, including those inside callouts (asides),
 *   quotations (a quotation needs its source) and MDX components that wrap Markdown;
 * - a heading, when it states a proportion ("74% of studies …") or carries a citation;
 * - the frontmatter `bottomLine` (analysed separately, see `analyzeBottomLine`).
 *
 * Not claims: a paragraph or list item the editor ends with the visible marker `[not-a-claim]`
 * (e.g. a line introducing a list; it may neither cite nor state a number) — never text that merely
 * ends with ":"; callout titles; tables' header rows. Code blocks are refused in guidelines
 * (src/lib/content/language.ts); citations inside inline code do not count.
 *
 * Used both by the Sätteri plugin that renders pages and by `npm run check`, so what is checked is
 * exactly what is published.
 */
import type { Heading, ListItem, Nodes, Paragraph, Parents, Root, RootContent, TableRow, Text } from 'mdast';
import GithubSlugger from 'github-slugger';
import { scanMarkers, stripMarkers, type CiteItem, type Marker, type MarkerProblem } from './markers.ts';
import type { ClaimKind } from '../../schemas/claim-kind.ts';
import { BOTTOM_LINE_ID } from '../content/anchors.ts';

export type { ClaimKind };

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
	/**
	 * Where each citation is written, parallel to `cites`: the marker's "[" for its first item, the
	 * item's own "@"/"!" for later items of `[@a; @b]`, so a finding points at what to fix.
	 */
	citeAt: Position[];
	position: Position;
	node: Paragraph | ListItem | TableRow | Heading;
	sites: MarkerSite[];
}

export interface LocatedProblem extends MarkerProblem {
	position: Position;
	/** The rule, when it is not a marker's syntax or place. */
	rule?: 'not-a-claim-invalid';
	/** A well-formed marker in a place where it does not count (list introduction, table header). */
	misplaced?: true;
	/** Found in the frontmatter bottom line: `position` is within the bottom line's text, not the file. */
	inBottomLine?: true;
}

/** A block the editor marked `[not-a-claim]`: not a claim, but its markers still leave the text. */
export interface NonClaim {
	text: string;
	position: Position;
	sites: MarkerSite[];
}

export interface PageAnalysis {
	headings: HeadingInfo[];
	claims: Claim[];
	nonClaims: NonClaim[];
	/** Malformed markers, ids written twice on one claim, ids/citations outside any claim. */
	problems: LocatedProblem[];
}

/** A proportion such as "74%" or "62.5 %" makes a heading a quantitative claim. */
const PROPORTION = /\d(?:[.,]\d+)?\s?%/;

/** How many words of a claim form its generated id. */
const GENERATED_ID_WORDS = 6;

/** Blocks that hold no prose of the page's own (code is refused in guidelines by the language check). */
const SKIP = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'footnoteDefinition', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'thematicBreak']);

const excerptOf = (text: string) => (text.length > 50 ? `"${text.slice(0, 47)}…"` : `"${text}"`);

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
	// A nested list or quotation is its own claim, not part of the text around it.
	if (node.type === 'list' || node.type === 'blockquote' || SKIP.has(node.type)) return;
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

/**
 * Offset of each item of a citation marker inside the scanned text: the marker's "[" for the first
 * item, the item's sigil for later ones. Shared with callers that locate markers in other sources
 * (the frontmatter bottom line).
 */
export function citeItemOffsets(text: string, marker: Extract<Marker, { kind: 'cite' }>): number[] {
	let from = marker.start + 2;
	return marker.items.map((item, i) => {
		if (i === 0) return marker.start;
		const written = text.slice(from, marker.end).search(new RegExp(`[${item.type === 'ref' ? '@' : '!'}]\\s*${item.type === 'ref' ? item.key : item.id}(?![a-z0-9-])`));
		const at = written === -1 ? marker.start : from + written;
		from = at + 1;
		return at;
	});
}

function citePositionsOf(sites: MarkerSite[]): Position[] {
	return sites.flatMap((s) => s.markers.flatMap((m) => (m.kind === 'cite' ? citeItemOffsets(s.node.value, m).map((o) => offsetPosition(s.node, o)) : [])));
}

function idsOf(sites: MarkerSite[]): string[] {
	return sites.flatMap((s) => s.markers.flatMap((m) => (m.kind === 'id' ? [m.id] : [])));
}

function isDirectiveLabel(node: Nodes): boolean {
	const data = (node as { data?: { directiveLabel?: boolean } }).data;
	return node.type === 'paragraph' && data?.directiveLabel === true;
}

function isMarkedNotClaim(sites: MarkerSite[]): boolean {
	return sites.some((s) => s.markers.some((m) => m.kind === 'not-claim'));
}

function notClaimMarkers(sites: MarkerSite[]): { site: MarkerSite; start: number }[] {
	return sites.flatMap((site) => site.markers.flatMap((m) => (m.kind === 'not-claim' ? [{ site, start: m.start }] : [])));
}

export interface AnalyzeOptions {
	/** Whether the page's body is clinical (guidelines) or editorial (claims are not collected). */
	clinical: boolean;
}

/** Analyses a page body. Pure: reads the tree, never changes it. */
export function analyzeTree(root: Root, options: AnalyzeOptions): PageAnalysis {
	const headings: HeadingInfo[] = [];
	const claims: Claim[] = [];
	const nonClaims: NonClaim[] = [];
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
			citeAt: citePositionsOf(c.sites),
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

	/** A block marked [not-a-claim]: recorded, and refused if it cites or states a number. */
	const addNonClaim = (node: Nodes, c: Collected) => {
		const text = stripMarkers(c.text);
		const at = notClaimMarkers(c.sites)[0]!;
		const position = offsetPosition(at.site.node, at.start);
		nonClaims.push({ text, position: pos(node), sites: c.sites });
		const raw = '[not-a-claim]';
		if (citesOf(c.sites).length > 0) {
			problems.push({ start: at.start, raw, rule: 'not-a-claim-invalid', message: 'This block is marked [not-a-claim] but cites a reference: it is a claim, so remove [not-a-claim].', position });
		} else if (/\d/.test(text)) {
			problems.push({
				start: at.start,
				raw,
				rule: 'not-a-claim-invalid',
				message: `This block is marked [not-a-claim] but states a number (${excerptOf(text)}): a number is a clinical statement, so cite it and remove [not-a-claim].`,
				position,
			});
		}
	};
	/** [not-a-claim] where it cannot apply (headings, table rows). */
	const misplacedNotClaim = (c: Collected, where: string) => {
		for (const at of notClaimMarkers(c.sites)) {
			problems.push({ start: at.start, raw: '[not-a-claim]', rule: 'not-a-claim-invalid', message: `[not-a-claim] cannot mark ${where}; it ends a paragraph or list item that states nothing clinical.`, position: offsetPosition(at.site.node, at.start) });
		}
	};

	const visitBlocks = (parent: Parents): void => {
		const children = parent.children as RootContent[];
		children.forEach((node) => {
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
					if (options.clinical) misplacedNotClaim(c, 'a heading');
					if (options.clinical && (PROPORTION.test(text) || citesOf(c.sites).length > 0)) addClaim('heading', node, c, id);
					return;
				}
				case 'paragraph': {
					if (isDirectiveLabel(node)) return;
					const c: Collected = { sites: [], text: '', problems };
					collect(node, c);
					if (!options.clinical) return;
					if (isMarkedNotClaim(c.sites)) {
						addNonClaim(node, c);
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
						if (options.clinical && isMarkedNotClaim(c.sites)) addNonClaim(item, c);
						else if (options.clinical) addClaim('list-item', item, c);
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
						if (options.clinical) misplacedNotClaim(c, 'a table row');
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
	return { headings, claims, nonClaims, problems };
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
	for (const site of c.sites) {
		for (const m of site.markers) {
			if (m.kind === 'not-claim') {
				problems.push({ start: m.start, raw: '[not-a-claim]', rule: 'not-a-claim-invalid', message: 'The bottom line is always a claim: remove [not-a-claim] and cite it.', position: pos(first) });
			}
		}
	}
	return {
		claim: {
			id: ids[0] ?? BOTTOM_LINE_ID,
			explicit: true,
			kind: 'bottom-line',
			text,
			section: null,
			cites: citesOf(c.sites),
			citeAt: citePositionsOf(c.sites),
			position: pos(first),
			node: first,
			sites: c.sites,
		},
		problems,
	};
}
