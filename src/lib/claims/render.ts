/**
 * Turns an analysed guideline tree into what readers see: permanent ids on headings and claims,
 * numbered citation links, flags on evidence gaps, the bottom line first, and the reference list,
 * editorial notes and evidence-gap list at the end.
 *
 * Everything is computed from the claims first (citation numbers, back-links), then each part is
 * built by a small pure builder in ./render/ (hast elements) and placed by a `TreeEditor`
 * (editor.ts), so the same code serves Sätteri's read-only tree and plain mdast:
 * - render/statement.ts: marker text rewritten, statement attributes, permalinks, heading notes;
 * - render/citations.ts: back-links, citation groups, evidence kinds;
 * - render/reference-list.ts, render/notes-and-gaps.ts: the lists at the end;
 * - render/hast.ts: how hast elements ride in the mdast tree.
 */
import type { Paragraph, Root, RootContent, Text } from 'mdast';
import type { Element } from 'hast';
import { h } from './render/h.ts';
import type { Claim, HeadingInfo, MarkerSite, NonClaim } from './analyze.ts';
import { scanMarkers, type CiteItem } from './markers.ts';
import type { EvidenceGap } from '../../schemas/evidence-gap.ts';
import type { EditorialNote } from '../../schemas/editorial-note.ts';
import type { LoadedReference } from '../references/load.ts';
import type { Grade } from '../../schemas/grade.ts';
import { numberCitations } from './numbering.ts';
import { memoryEditor, textNodes, type TreeEditor } from './editor.ts';
import { GUIDELINE_ANCHORS as A } from '../content/anchors.ts';
import { gradeBadge, gradeExplanation } from './grade-view.ts';
import { splitHeadingAside } from './heading-aside.ts';
import { blockHast, hastNode, inlineHast, sectionHeading } from './render/hast.ts';
import { backLinks, citationGroup, evidenceKinds, statementEvidenceMeta, type CitationContext } from './render/citations.ts';
import { evidenceFlag, headingSources, rewriteMarkers, statementPermalink, statementProps } from './render/statement.ts';
import { referenceItem, referenceList } from './render/reference-list.ts';
import { GAPS_INTRO, NOTES_INTRO, gapList, noteFlag, noteList } from './render/notes-and-gaps.ts';

export interface RenderInput {
	headings: HeadingInfo[];
	claims: Claim[];
	/** The bottom-line claim and its paragraph (from frontmatter), shown first. */
	bottomLine?: Claim | undefined;
	gaps: readonly EvidenceGap[];
	/** Editorial notes on the source's flaws beyond gaps (frontmatter `editorialNotes`). */
	notes?: readonly EditorialNote[];
	refs: ReadonlyMap<string, LoadedReference>;
	/** Blocks marked [not-a-claim]: the marker leaves the text. */
	nonClaims?: readonly NonClaim[] | undefined;
	/** Grades of statements by claim id (frontmatter `grades:`); ungraded statements get nothing. */
	grades?: ReadonlyMap<string, Grade>;
}

export function renderGuideline(root: Root, input: RenderInput, editor: TreeEditor = memoryEditor(root)): void {
	// The bottom line comes from frontmatter: its tree is not part of the page until inserted, so it
	// is edited in memory and then placed first.
	const bottomRoot = input.bottomLine ? ({ type: 'root', children: [input.bottomLine.node] } as Root) : undefined;
	const bottomEditor = bottomRoot ? memoryEditor(bottomRoot) : undefined;
	const claims = input.bottomLine ? [input.bottomLine, ...input.claims] : input.claims;
	const notes = input.notes ?? [];

	// Computed from the claims before anything changes.
	const context: CitationContext = { numbers: numberCitations(claims), gaps: new Map(input.gaps.map((g) => [g.id, g])) };
	const links = backLinks(claims);
	const cite = (items: CiteItem[]) => citationGroup(items, context);

	rewriteStatements(input, claims, editor, bottomEditor, cite);
	for (const claim of claims) {
		if (claim.kind === 'heading') continue;
		decorateStatement(claim, claim === input.bottomLine ? bottomEditor! : editor, input);
	}

	// A heading's citations are shown right under it (a note, so the heading and the table of
	// contents keep plain text): the references it cites, then a flag for each evidence gap.
	for (const claim of input.claims.filter((c) => c.kind === 'heading')) {
		const gaps = claim.cites.filter((c): c is Extract<CiteItem, { type: 'gap' }> => c.type === 'gap');
		const refs = claim.cites.filter((c) => c.type === 'ref');
		const sources = refs.length ? [headingSources(claim.id, refs.length, cite(refs))] : [];
		const flags = gaps.map((g) => hastNode(evidenceFlag(g.id, context.gaps.get(g.id))));
		if (sources.length || flags.length) editor.insertAfter(claim.node, [...sources, ...flags]);
	}

	// Bottom line first, with a flag for each editorial note under it.
	const flags = notes.map((n) => hastNode(noteFlag(n)));
	if (input.bottomLine) {
		const section = {
			type: 'paragraph',
			data: { hName: 'section', hProperties: { class: 'bottom-line', 'aria-labelledby': A.bottomLine } },
			children: [{ type: 'heading', depth: 2, data: { hProperties: { id: A.bottomLine } }, children: [{ type: 'text', value: 'Bottom line' }] }, ...bottomRoot!.children],
		} as unknown as RootContent;
		editor.prepend([section, ...flags]);
	} else if (flags.length) {
		editor.prepend(flags);
	}

	// References, in citation order, each with the statements citing it (section › statement).
	const headingText = new Map(input.headings.map((hd) => [hd.id, splitHeadingAside(hd.text)?.main ?? hd.text]));
	const sectionName = (claim: Claim) => (claim === input.bottomLine ? 'Bottom line' : claim.section ? (headingText.get(claim.section) ?? '') : '');
	const items = [...context.numbers.entries()]
		.sort((a, b) => a[1] - b[1])
		.map(([key, n]) => referenceItem({ key, n, ref: input.refs.get(key), citing: links.byReference.get(key) ?? [], notes, sectionName }));
	// Each evidence kind once as the page's search filter value: Pagefind keeps every repeat.
	const filterKinds = new Set<unknown>();
	for (const item of items) {
		const kind = item.properties['dataPagefindFilter'];
		if (kind === undefined) continue;
		if (filterKinds.has(kind)) delete item.properties['dataPagefindFilter'];
		filterKinds.add(kind);
	}
	const end: RootContent[] = [sectionHeading(A.references, 'References'), hastNode(referenceList(items, statementEvidenceMeta(claims, input.refs)))];
	if (notes.length) {
		end.push(sectionHeading(A.editorialNotes, 'Editorial notes'), hastNode(intro(NOTES_INTRO)), hastNode(noteList(notes)));
	}
	if (input.gaps.length) {
		end.push(sectionHeading(A.evidenceGaps, 'Evidence gaps'), hastNode(intro(GAPS_INTRO)), hastNode(gapList(input.gaps, links.byGap)));
	}
	editor.append(root, end);
}

/** The sentence under a section heading the page adds. */
function intro(text: string): Element {
	return h('p', { 'data-pagefind-ignore': '' }, text);
}

/**
 * Marker text nodes are rewritten: markers become citation links (in statements) or disappear
 * (ids, [not-a-claim], citations in headings, which are shown under the heading); every heading
 * gets its permanent id.
 */
function rewriteStatements(input: RenderInput, claims: readonly Claim[], editor: TreeEditor, bottomEditor: TreeEditor | undefined, cite: (items: CiteItem[]) => Element): void {
	const bottomTexts = new Set<Text>(input.bottomLine ? input.bottomLine.sites.map((s) => s.node) : []);
	const siteOwner = new Map<Text, { claim?: Claim; site: MarkerSite }>();
	for (const claim of claims) for (const site of claim.sites) siteOwner.set(site.node, { claim, site });
	for (const nonClaim of input.nonClaims ?? []) for (const site of nonClaim.sites) siteOwner.set(site.node, { site });
	for (const heading of input.headings) {
		editor.setProps(heading.node, { id: heading.id });
		for (const node of textNodes(heading.node)) {
			if (!siteOwner.has(node)) siteOwner.set(node, { site: { node, markers: scanMarkers(node.value).markers } });
		}
	}
	for (const [node, { claim, site }] of siteOwner) {
		if (site.markers.length === 0) continue;
		const content = rewriteMarkers(node.value, site.markers, { cite: claim && claim.kind !== 'heading' ? cite : undefined, headingClaim: claim?.kind === 'heading' });
		(bottomEditor && bottomTexts.has(node) ? bottomEditor : editor).replace(node, content);
	}
}

/** A statement's attributes, its grade badge and permalink after it, its grade explanation under it. */
function decorateStatement(claim: Claim, target: TreeEditor, input: RenderInput): void {
	const grade = input.grades?.get(claim.id);
	const props = statementProps(claim, evidenceKinds(claim, input.refs), grade);
	// Sätteri renders table rows natively and drops properties set on them: a row's claim id and
	// data sit on a span in its last cell (the row's permalink is right after it).
	const tableRow = claim.node.type === 'tableRow';
	if (!tableRow) target.setProps(claim.node, props);
	const host = (claim.node.type === 'listItem' ? claim.node.children.find((c) => c.type === 'paragraph') : tableRow ? claim.node.children.at(-1) : claim.node) as Paragraph | undefined;
	const anchor = tableRow ? [inlineHast(h('span', props as Record<string, string>))] : [];
	const badge = grade ? [{ type: 'text', value: ' ' }, inlineHast(gradeBadge(grade))] : [];
	if (host) target.append(host, [...anchor, ...badge, { type: 'text', value: ' ' }, inlineHast(statementPermalink(claim.id))] as RootContent[]);
	if (grade) {
		// The explanation goes under the statement: after its paragraph, inside its list item, or in its row's last cell.
		const explanation = blockHast(gradeExplanation(grade, claim.id));
		if (claim.node.type === 'listItem' || tableRow) target.append((tableRow ? host : claim.node) as Paragraph, [explanation]);
		else target.insertAfter(claim.node, [explanation]);
	}
}
