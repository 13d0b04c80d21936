/**
 * Turns an analysed guideline tree into what readers see: permanent ids on headings and claims,
 * numbered citation links with previews, flags on evidence gaps, the bottom line first, and the
 * reference list and evidence-gap list at the end. Decides the changes and hands them to a
 * `TreeEditor` (editor.ts), so the same code serves Sätteri's read-only tree and plain mdast.
 * HTML parts are mdast nodes carrying `data.hName`/`hProperties`/`hChildren`.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { ElementContent, Element } from 'hast';
import { h } from 'hastscript';
import type { Claim, HeadingInfo, MarkerSite, NonClaim } from './analyze.ts';
import { scanMarkers, type CiteItem } from './markers.ts';
import type { EvidenceGap } from '../../schemas/evidence-gap.ts';
import type { EditorialNote } from '../../schemas/editorial-note.ts';
import type { LoadedReference } from '../references/load.ts';
import { formatReferenceHtml, referenceHast } from '../references/csl.ts';
import { numberCitations } from './numbering.ts';
import { describeKind } from '../references/labels.ts';
import { memoryEditor, textNodes, type TreeEditor } from './editor.ts';
import { GUIDELINE_ANCHORS as A, gapAnchor, noteAnchor, referenceAnchor } from '../content/anchors.ts';
import type { Grade } from '../../schemas/grade.ts';
import { gradeAttributes, gradeBadge, gradeExplanation } from './grade-view.ts';
import { splitHeadingAside } from './heading-aside.ts';

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

const NOTE_TITLES: Record<EditorialNote['kind'], string> = {
	'scope-mismatch': 'Scope mismatch',
	'source-inconsistency': 'Source inconsistency',
};

const GAP_TITLES: Record<EvidenceGap['kind'], string> = {
	'unresolved-citation': 'Unresolved citation',
	'unsupported-statement': 'Unsupported statement',
};

/** A node that becomes the given HTML element (a paragraph carrying hName/hProperties/hChildren). */
function hastNode(element: Element): RootContent {
	return {
		type: 'paragraph',
		data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
		children: [],
	} as unknown as RootContent;
}

/**
 * Like hastNode, for block content inside a list item: a tight list unwraps its items' paragraphs
 * (and would drop this element), so the carrier is a blockquote node, which it keeps.
 */
function blockHast(element: Element): RootContent {
	return { ...hastNode(element), type: 'blockquote' } as unknown as RootContent;
}

function inlineHast(element: Element): PhrasingContent {
	return hastNode(element) as unknown as PhrasingContent;
}

function srOnly(text: string): Element {
	return h('span', { class: 'sr-only' }, text);
}

export function renderGuideline(root: Root, input: RenderInput, editor: TreeEditor = memoryEditor(root)): void {
	// The bottom line comes from frontmatter: its tree is not part of the page until inserted, so it
	// is edited in memory and then placed first.
	const bottomRoot = input.bottomLine ? ({ type: 'root', children: [input.bottomLine.node] } as Root) : undefined;
	const bottomEditor = bottomRoot ? memoryEditor(bottomRoot) : undefined;
	const bottomTexts = new Set<Text>(input.bottomLine ? input.bottomLine.sites.map((s) => s.node) : []);
	const owns = (node: Text) => (bottomEditor && bottomTexts.has(node) ? bottomEditor : editor);
	const claims = input.bottomLine ? [input.bottomLine, ...input.claims] : input.claims;
	const numbers = numberCitations(claims);
	const gapById = new Map(input.gaps.map((g) => [g.id, g]));
	const citedBy = new Map<string, Claim[]>();
	const note = (key: string, claim: Claim) => {
		const list = citedBy.get(key) ?? [];
		if (!list.includes(claim)) list.push(claim);
		citedBy.set(key, list);
	};
	/** Reader-facing kinds of the references a statement cites (the per-statement "evidence" search filter). */
	const evidenceKinds = (claim: Claim): string[] => [
		...new Set(claim.cites.flatMap((c) => (c.type === 'ref' && input.refs.has(c.key) ? [describeKind(input.refs.get(c.key)!.data['x-evidence'].kind)] : []))),
	];

	// Citations carry no preview of their own: one shared preview (src/components/CitePreviews.astro)
	// is filled on demand from the reference list entry the link points to ([data-preview]).
	const citeGroup = (claim: Claim, items: CiteItem[]): PhrasingContent => {
		const parts: ElementContent[] = [];
		items.forEach((item, i) => {
			if (i > 0) parts.push({ type: 'text', value: ',' });
			if (item.type === 'ref') {
				note(item.key, claim);
				const n = numbers.get(item.key);
				parts.push(h('a', { class: 'cite', href: `#${referenceAnchor(item.key)}`, 'data-cite': item.key }, [srOnly('Reference '), String(n ?? '?')]));
			} else {
				note(`gap:${item.id}`, claim);
				const gap = gapById.get(item.id);
				const title = gap ? GAP_TITLES[gap.kind] : 'Unknown evidence gap';
				const label = gap?.label ? `${gap.label}?` : '!';
				parts.push(h('a', { class: 'cite cite-gap', href: `#${gapAnchor(item.id)}`, 'data-gap': item.id }, [srOnly(`${title} `), label]));
			}
		});
		// Citation numbers and their screen-reader text are not words of the statement: left out of the
		// search index (otherwise "hills" + "Reference 6" is indexed as "hillsReference").
		return inlineHast(h('sup', { class: 'citations', 'data-pagefind-ignore': '' }, parts));
	};

	// Marker text nodes are rewritten: markers become citation links, ids disappear.
	const siteOwner = new Map<Text, { claim?: Claim; site: MarkerSite }>();
	for (const claim of claims) for (const site of claim.sites) siteOwner.set(site.node, { claim, site });
	for (const nonClaim of input.nonClaims ?? []) for (const site of nonClaim.sites) siteOwner.set(site.node, { site });
	for (const heading of input.headings) {
		editor.setProps(heading.node, { id: heading.id });
		for (const node of textNodes(heading.node)) {
			if (!siteOwner.has(node)) siteOwner.set(node, { site: { node, markers: scanMarkers(node.value).markers } });
		}
	}
	const rewrite = (node: Text, claim: Claim | undefined, site: MarkerSite): PhrasingContent[] => {
		const out: PhrasingContent[] = [];
		let at = 0;
		const push = (value: string) => {
			if (value) out.push({ type: 'text', value });
		};
		for (const m of site.markers) {
			push(node.value.slice(at, m.start));
			at = m.end;
			if (m.kind === 'cite' && claim && claim.kind !== 'heading') out.push(citeGroup(claim, m.items));
			if (m.kind === 'cite' && claim?.kind === 'heading') m.items.forEach((item) => note(item.type === 'ref' ? item.key : `gap:${item.id}`, claim));
		}
		push(node.value.slice(at));
		// Merge neighbouring text and drop the space left where a marker was, before a citation
		// and at the end (the node's own trailing space is kept when it was not a marker's).
		const merged: PhrasingContent[] = [];
		for (const part of out) {
			const prev = merged.at(-1);
			if (part.type === 'text' && prev?.type === 'text') prev.value += part.value;
			else merged.push(part);
		}
		const endsWithMarker = site.markers.length > 0 && site.markers.at(-1)?.end === node.value.trimEnd().length;
		merged.forEach((part, i) => {
			if (part.type !== 'text') return;
			const next = merged[i + 1];
			if ((next && next.type !== 'text') || (!next && endsWithMarker)) part.value = part.value.replace(/\s+$/, '');
		});
		const parts = merged.filter((part) => part.type !== 'text' || part.value !== '');
		// A heading's source artefact ("(74% of studies …)") stays, set apart from the heading proper.
		if (claim?.kind !== 'heading') return parts;
		return parts.flatMap((part): PhrasingContent[] => {
			const split = part.type === 'text' ? splitHeadingAside(part.value) : undefined;
			if (!split) return [part];
			return [{ type: 'text', value: `${split.main} ` }, inlineHast(h('span', { class: 'heading-aside' }, split.aside))];
		});
	};

	for (const [node, owner] of siteOwner) {
		if (owner.site.markers.length === 0) continue;
		owns(node).replace(node, rewrite(node, owner.claim, owner.site));
	}

	// Claims: permanent id, a permalink, and a visible flag on gap-only support.
	for (const claim of claims) {
		// An id plus data-pagefind-title makes the statement its own search result (Pagefind sub-result).
		const title = claim.text.length > 90 ? `${claim.text.slice(0, 87)}…` : claim.text;
		const props: Record<string, unknown> = { id: claim.id, 'data-claim': claim.kind, 'data-pagefind-title': title };
		const kinds = evidenceKinds(claim);
		if (kinds.length) props['data-evidence'] = kinds.join('/');
		const gapsCited = claim.cites.filter((c) => c.type === 'gap');
		if (gapsCited.length) props['data-evidence-gap'] = gapsCited.map((g) => (g.type === 'gap' ? g.id : '')).join(' ');
		if (claim.kind === 'heading') {
			// The heading keeps its own id; the flag goes in a note right after it.
			continue;
		}
		const inBottomLine = claim === input.bottomLine;
		const target = inBottomLine ? bottomEditor! : editor;
		// Sätteri renders table rows natively and drops properties set on them: a row's claim id and
		// data sit on a span in its last cell (the row's permalink is right after it).
		const tableRow = claim.node.type === 'tableRow';
		const grade = input.grades?.get(claim.id);
		if (grade) Object.assign(props, gradeAttributes(grade));
		if (!tableRow) target.setProps(claim.node, props);
		const permalink = inlineHast(
			h('a', { class: 'claim-permalink', href: `#${claim.id}`, 'data-pagefind-ignore': '' }, [srOnly('Link to this statement'), h('span', { 'aria-hidden': 'true' }, '#')]),
		);
		const host = (claim.node.type === 'listItem' ? claim.node.children.find((c) => c.type === 'paragraph') : claim.node.type === 'tableRow' ? claim.node.children.at(-1) : claim.node) as
			| Paragraph
			| undefined;
		const anchor = tableRow ? [inlineHast(h('span', props as Record<string, string>))] : [];
		const badge = grade ? [{ type: 'text', value: ' ' }, inlineHast(gradeBadge(grade))] : [];
		if (host) target.append(host, [...anchor, ...badge, { type: 'text', value: ' ' }, permalink] as RootContent[]);
		if (grade) {
			// The explanation goes under the statement: after its paragraph, inside its list item, or in its row's last cell.
			const explanation = blockHast(gradeExplanation(grade, claim.id));
			if (claim.node.type === 'listItem' || tableRow) target.append((tableRow ? host : claim.node) as Paragraph, [explanation]);
			else target.insertAfter(claim.node, [explanation]);
		}
	}

	// A heading's citations are shown right under it (a note, so the heading and the table of
	// contents keep plain text): the references it cites, then a flag for each evidence gap.
	for (const claim of input.claims.filter((c) => c.kind === 'heading')) {
		const gaps = claim.cites.filter((c): c is Extract<CiteItem, { type: 'gap' }> => c.type === 'gap');
		const refs = claim.cites.filter((c) => c.type === 'ref');
		const sources: RootContent[] = refs.length
			? [
					{
						type: 'paragraph',
						data: { hProperties: { class: 'heading-sources', 'data-heading': claim.id } },
						children: [{ type: 'text', value: refs.length === 1 ? 'Source for this heading: ' : 'Sources for this heading: ' }, citeGroup(claim, refs)],
					} as RootContent,
				]
			: [];
		const flags = gaps.map((g) => {
			const gap = gapById.get(g.id);
			return hastNode(
				h('p', { class: 'evidence-flag', 'data-evidence-gap': g.id, 'data-pagefind-ignore': '' }, [
					h('strong', `${gap ? GAP_TITLES[gap.kind] : 'Unknown evidence gap'}: `),
					gap?.reason ?? '',
					' ',
					h('a', { href: `#${gapAnchor(g.id)}` }, 'See evidence gaps'),
				]),
			);
		});
		if (sources.length || flags.length) editor.insertAfter(claim.node, [...sources, ...flags]);
	}

	// Editorial notes: a flag each under the bottom line, the full text at the end.
	const notes = input.notes ?? [];

	// Bottom line first.
	if (input.bottomLine) {
		const section = {
			type: 'paragraph',
			data: { hName: 'section', hProperties: { class: 'bottom-line', 'aria-labelledby': A.bottomLine } },
			children: [
				{ type: 'heading', depth: 2, data: { hProperties: { id: A.bottomLine } }, children: [{ type: 'text', value: 'Bottom line' }] } satisfies Heading,
				...bottomRoot!.children,
			],
		} as unknown as RootContent;
		editor.prepend([section, ...noteFlags(notes)]);
	} else if (notes.length) {
		editor.prepend(noteFlags(notes));
	}

	// References, in citation order, each with the statements citing it (section › statement).
	const headingText = new Map(input.headings.map((hd) => [hd.id, splitHeadingAside(hd.text)?.main ?? hd.text]));
	const sectionName = (claim: Claim) => (claim === input.bottomLine ? 'Bottom line' : claim.section ? (headingText.get(claim.section) ?? '') : '');
	const ordered = [...numbers.entries()].sort((a, b) => a[1] - b[1]);
	const items = ordered.map(([key, n]) => {
		const ref = input.refs.get(key);
		const citing = citedBy.get(key) ?? [];
		if (!ref) return h('li', { id: referenceAnchor(key), value: n }, [h('strong', 'Missing reference: '), `"${key}" has no file in content/references/.`]);
		const data = ref.data;
		const links: ElementContent[] = [];
		if (data.DOI) links.push(h('a', { href: `https://doi.org/${data.DOI}` }, `DOI ${data.DOI}`));
		if (data.PMID) links.push(h('a', { href: `https://pubmed.ncbi.nlm.nih.gov/${data.PMID}/` }, `PubMed ${data.PMID}`));
		if (data.URL) links.push(h('a', { href: data.URL }, 'Source'));
		const evidence = data['x-evidence'];
		return h('li', { id: referenceAnchor(key), value: n, 'data-reference': key, 'data-pagefind-filter': `evidence:${describeKind(evidence.kind)}` }, [
			h('span', { class: 'ref-text', 'data-preview': '' }, referenceHast(formatReferenceHtml(data)).children as ElementContent[]),
			links.length ? h('span', { class: 'ref-links' }, links.flatMap((l, i) => (i ? [' · ', l] : [l]))) : '',
			h('span', { class: 'ref-meta' }, [
				h('span', { class: 'ref-kind' }, describeKind(evidence.kind)),
				evidence.tier !== 'unknown' ? ` · ${evidence.tier} source` : ' · tier not yet established',
				evidence.sourceLabel ? ` · labelled “${evidence.sourceLabel}” by the source` : '',
			]),
			data['x-missing']
				? h('span', { class: 'ref-missing' }, [h('strong', 'Incomplete: '), `not given by the source: ${data['x-missing'].fields.join(', ')}.`])
				: '',
			...notes
				.filter((n) => n.references.includes(key))
				.map((n) => h('span', { class: 'ref-note' }, [h('strong', 'Editorial note: '), h('a', { href: `#${noteAnchor(n.id)}` }, NOTE_TITLES[n.kind])])),
			citing.length ? citedByList(citing, sectionName) : '',
			h('span', { class: 'ref-backlinks' }, [h('a', { href: `/references/${key}/` }, 'Every statement in the handbook citing this reference')]),
		]);
	});
	// The reference list is searched on each reference's own page, not here (data-pagefind-ignore
	// keeps its filters). Search reads each statement's evidence kinds from this page metadata
	// ("id=Kind/Kind;…"), so the evidence filter applies per statement, not per page.
	const byStatement = claims
		.filter((c) => c.kind !== 'heading')
		.map((c) => `${c.id}=${evidenceKinds(c).join('/')}`)
		.join(';');
	const end: RootContent[] = [
		{ type: 'heading', depth: 2, data: { hProperties: { id: A.references, 'data-pagefind-ignore': '' } }, children: [{ type: 'text', value: 'References' }] } satisfies Heading,
		hastNode(h('ol', { class: 'reference-list', 'data-pagefind-ignore': '', 'data-pagefind-meta': `statement-evidence:${byStatement.replaceAll(',', ' ')}` }, items)),
	];

	if (notes.length) {
		end.push(
			{ type: 'heading', depth: 2, data: { hProperties: { id: A.editorialNotes, 'data-pagefind-ignore': '' } }, children: [{ type: 'text', value: 'Editorial notes' }] } satisfies Heading,
			hastNode(h('p', { 'data-pagefind-ignore': '' }, 'Flaws the editors found in the source beyond missing references. They are shown, not corrected, until clinical review resolves them.')),
			hastNode(
				h(
					'ul',
					{ class: 'gap-list note-list', 'data-pagefind-ignore': '' },
					notes.map((n) => h('li', { id: noteAnchor(n.id), 'data-editorial-note': n.kind }, [h('strong', `${NOTE_TITLES[n.kind]}: `), h('span', { 'data-preview': '' }, n.detail)])),
				),
			),
		);
	}

	if (input.gaps.length) {
		const gapItems = input.gaps.map((gap) => {
			const by = citedBy.get(`gap:${gap.id}`) ?? [];
			return h('li', { id: gapAnchor(gap.id), 'data-evidence-gap': gap.kind }, [
				h('strong', `${GAP_TITLES[gap.kind]}${gap.label ? ` [${gap.label}]` : ''}: `),
				h('span', { 'data-preview': '' }, gap.reason),
				by.length ? h('span', { class: 'ref-backlinks' }, ['Flagged at: ', ...by.flatMap((c, i) => [i ? ' ' : '', h('a', { href: `#${c.id}` }, c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text)])]) : '',
			]);
		});
		end.push(
			{ type: 'heading', depth: 2, data: { hProperties: { id: A.evidenceGaps, 'data-pagefind-ignore': '' } }, children: [{ type: 'text', value: 'Evidence gaps' }] } satisfies Heading,
			hastNode(h('p', { 'data-pagefind-ignore': '' }, 'Statements the source makes without a usable reference. They are published with a visible flag so that readers can weigh them; each needs a reference or removal after clinical review.')),
			hastNode(h('ul', { class: 'gap-list', 'data-pagefind-ignore': '' }, gapItems)),
		);
	}
	editor.append(root, end);
}

/** An editorial note's flag, shown under the bottom line. */
function noteFlags(notes: readonly EditorialNote[]): RootContent[] {
	return notes.map((n) =>
		hastNode(
			h('p', { class: 'evidence-flag editorial-flag', 'data-editorial-note': n.kind, 'data-pagefind-ignore': '' }, [
				h('strong', `Editorial note · ${NOTE_TITLES[n.kind]}: `),
				n.summary,
				' ',
				h('a', { href: `#${noteAnchor(n.id)}` }, ['More', srOnly(` about the ${NOTE_TITLES[n.kind].toLowerCase()}`)]),
			]),
		),
	);
}

/** "Cited by N statements": a disclosure listing section › statement, each linking to the statement. */
function citedByList(claims: readonly Claim[], sectionName: (claim: Claim) => string): Element {
	const short = (text: string) => (text.length > 140 ? `${text.slice(0, 137).replace(/\s+\S*$/, '')}…` : text);
	return h('details', { class: 'ref-cited-by' }, [
		h('summary', `Cited by ${claims.length} ${claims.length === 1 ? 'statement' : 'statements'}`),
		h(
			'ul',
			claims.map((c) => {
				const section = sectionName(c);
				return h('li', [section ? h('span', { class: 'ref-cited-section' }, `${section} › `) : '', h('a', { href: `#${c.id}` }, short(c.text))]);
			}),
		),
	]);
}
