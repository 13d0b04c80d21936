/**
 * The renderer's builders (src/lib/claims/render/), each on hand-made claims, gaps and references:
 * what a reader sees of a statement, a citation, the reference list and the evidence-gap list.
 */
import type { Element, ElementContent, Nodes } from 'hast';
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import type { Claim } from '../../src/lib/claims/analyze.ts';
import { scanMarkers, type CiteItem } from '../../src/lib/claims/markers.ts';
import { backLinks, citationGroup, evidenceKinds, statementEvidenceMeta } from '../../src/lib/claims/render/citations.ts';
import { evidenceFlag, headingSources, rewriteMarkers, statementPermalink, statementProps } from '../../src/lib/claims/render/statement.ts';
import { citedByList, referenceItem, referenceList } from '../../src/lib/claims/render/reference-list.ts';
import { gapList, noteFlag, noteList } from '../../src/lib/claims/render/notes-and-gaps.ts';
import { referenceLinks } from '../../src/lib/references/links.ts';
import type { LoadedReference } from '../../src/lib/references/load.ts';
import type { EvidenceGap } from '../../src/schemas/evidence-gap.ts';
import type { EditorialNote } from '../../src/schemas/editorial-note.ts';
import type { Reference } from '../../src/schemas/reference.ts';

const position = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
function claim(id: string, text: string, cites: CiteItem[], more: Partial<Claim> = {}): Claim {
	return { id, explicit: true, kind: 'paragraph', text, section: null, cites, position, node: { type: 'paragraph', children: [] }, sites: [], ...more } as Claim;
}
const ref = (key: string) => ({ type: 'ref', key }) as const;
const gapCite = (id: string) => ({ type: 'gap', id }) as const;

function reference(id: string, more: Partial<Reference> = {}, kind = 'rct'): LoadedReference {
	const data = { id, type: 'article-journal', title: `Title of ${id}.`, issued: { 'date-parts': [[2020]] }, 'x-evidence': { kind, tier: 'primary', publisher: 'P' }, ...more } as unknown as Reference;
	return { file: `${id}.yaml`, data, lines: {} };
}

const gap: EvidenceGap = { id: 'source-ref-8', kind: 'unresolved-citation', label: '8', reason: 'The source cites reference 8 but does not list it.' };
const note: EditorialNote = { id: 'scope', kind: 'scope-mismatch', summary: 'The references address shin pain, not the knee.', detail: 'All three references study the shin.', references: ['smith'] } as EditorialNote;

/** Every element in a hast tree (including itself). */
const elements = (node: Nodes | ElementContent): Element[] => (node.type === 'element' ? [node, ...node.children.flatMap(elements)] : 'children' in node ? node.children.flatMap(elements) : []);
const links = (node: Element) => elements(node).filter((e) => e.tagName === 'a').map((a) => ({ href: a.properties.href, text: toString(a) }));
/** The hast element an inline carrier node (hName/hChildren) stands for. */
const carried = (node: PhrasingContent): Element => {
	const data = node.data as { hName: string; hProperties: Element['properties']; hChildren: ElementContent[] };
	return { type: 'element', tagName: data.hName, properties: data.hProperties, children: data.hChildren };
};

describe('back-links are computed from the claims, before rendering', () => {
	test('each reference and gap lists the statements citing it, in reading order, each once', () => {
		const a = claim('a', 'A.', [ref('smith'), ref('smith'), gapCite('g')]);
		const b = claim('b', 'B.', [ref('jones'), ref('smith')]);
		const links = backLinks([a, b]);
		expect([...links.byReference].map(([key, cs]) => [key, cs.map((c) => c.id)])).toEqual([
			['smith', ['a', 'b']],
			['jones', ['b']],
		]);
		expect(links.byGap.get('g')?.map((c) => c.id)).toEqual(['a']);
	});
});

describe('citation group', () => {
	const context = { numbers: new Map([['smith', 1], ['jones', 2]]), gaps: new Map([[gap.id, gap]]) };

	test('numbers link to the reference list, with words for screen readers, outside the search index', () => {
		const group = citationGroup([ref('jones'), ref('smith')], context);
		expect(group.tagName).toBe('sup');
		expect(group.properties).toMatchObject({ dataPagefindIgnore: '' });
		expect(links(group)).toEqual([
			{ href: '#ref-jones', text: 'Reference 2' },
			{ href: '#ref-smith', text: 'Reference 1' },
		]);
		expect(toString(group)).toBe('Reference 2,Reference 1');
	});

	test('a gap shows the source’s label with a question mark, an undeclared gap "!" (never a number)', () => {
		const group = citationGroup([gapCite(gap.id), gapCite('nowhere'), ref('unnumbered')], context);
		expect(links(group)).toEqual([
			{ href: '#gap-source-ref-8', text: 'Unresolved citation 8?' },
			{ href: '#gap-nowhere', text: 'Unknown evidence gap !' },
			{ href: '#ref-unnumbered', text: 'Reference ?' },
		]);
	});
});

describe('statement text', () => {
	const cite = (items: CiteItem[]) => citationGroup(items, { numbers: new Map([['smith', 1]]), gaps: new Map() });
	const rewrite = (value: string, options = {}) => rewriteMarkers(value, scanMarkers(value).markers, options);

	test('markers leave the text; a citation becomes a group in its place, without the space before it', () => {
		const parts = rewrite('Rest for two weeks [@smith] before running. [#rest]', { cite });
		expect(parts.map((p) => (p.type === 'text' ? p.value : `<${carried(p).tagName}>`))).toEqual(['Rest for two weeks', '<sup>', ' before running.']);
	});

	test('without a citation builder (headings, [not-a-claim] blocks) citation markers just disappear', () => {
		expect(rewrite('Examine the knee for: [not-a-claim]')).toEqual([{ type: 'text', value: 'Examine the knee for:' }]);
		expect(rewrite('Strength [@smith] [#strength]')).toEqual([{ type: 'text', value: 'Strength' }]);
	});

	test('a heading claim keeps its source artefact, set apart', () => {
		const parts = rewrite('Strength (74% of studies) [@smith] [#strength]', { headingClaim: true });
		expect(parts[0]).toEqual({ type: 'text', value: 'Strength ' });
		expect(carried(parts[1]!)).toMatchObject({ tagName: 'span', properties: { className: ['heading-aside'] } });
		expect(toString(carried(parts[1]!))).toBe('(74% of studies)');
	});

	test('attributes: permanent id, kind, evidence kinds, gaps, grade; no search title (the index holds the text once)', () => {
		const long = 'x'.repeat(100);
		const props = statementProps(claim('ice', long, [ref('smith'), gapCite('g1'), gapCite('g2')]), ['Trial', 'Guideline'], { strength: 'strong', direction: 'for', certainty: 'low' } as never);
		expect(props).toMatchObject({ id: 'ice', 'data-claim': 'paragraph', 'data-evidence': 'Trial/Guideline', 'data-evidence-gap': 'g1 g2', 'data-grade-strength': 'strong' });
		expect(statementProps(claim('plain', 'Short.', []), [])).toEqual({ id: 'plain', 'data-claim': 'paragraph' });
	});

	test('the permalink links to the statement and says so to screen readers', () => {
		expect(links(statementPermalink('ice'))).toEqual([{ href: '#ice', text: 'Link to this statement#' }]);
	});

	test('a heading’s sources and gap flags are notes under it', () => {
		const sources = headingSources('strength', 2, cite([ref('smith')])) as Paragraph;
		expect(sources.children[0]).toEqual({ type: 'text', value: 'Sources for this heading: ' });
		expect((headingSources('strength', 1, cite([ref('smith')])) as Paragraph).children[0]).toEqual({ type: 'text', value: 'Source for this heading: ' });
		const flag = evidenceFlag(gap.id, gap);
		expect(toString(flag)).toBe(`Unresolved citation: ${gap.reason} See evidence gaps`);
		expect(links(flag)).toEqual([{ href: '#gap-source-ref-8', text: 'See evidence gaps' }]);
		expect(toString(evidenceFlag('nowhere', undefined))).toBe('Unknown evidence gap:  See evidence gaps');
	});
});

describe('reference list', () => {
	const refs = new Map([
		['smith', reference('smith', { DOI: '10.1000/x.1', PMID: '123', URL: 'https://example.org/s' } as Partial<Reference>)],
		['jones', reference('jones', {}, 'clinical-guideline')],
	]);
	const a = claim('a', 'Rest for two weeks.', [ref('smith')], { section: 'treatment' });
	const b = claim('b', 'Ice helps.', [ref('smith'), ref('jones')]);
	const sectionName = (c: Claim) => (c.section === 'treatment' ? 'Treatment' : '');

	test('an entry: its number, the formatted reference, DOI, PubMed and source links, evidence kind, who cites it', () => {
		const item = referenceItem({ key: 'smith', n: 3, ref: refs.get('smith'), citing: [a, b], notes: [note], sectionName });
		expect(item.properties).toMatchObject({ id: 'ref-smith', value: 3, dataReference: 'smith' });
		expect(links(item)).toEqual([
			{ href: 'https://doi.org/10.1000/x.1', text: 'DOI 10.1000/x.1' },
			{ href: 'https://pubmed.ncbi.nlm.nih.gov/123/', text: 'PubMed 123' },
			{ href: 'https://example.org/s', text: 'Source' },
			{ href: '#note-scope', text: 'Scope mismatch' },
			{ href: '#a', text: 'Rest for two weeks.' },
			{ href: '#b', text: 'Ice helps.' },
			{ href: '/references/smith/', text: 'Every statement in the handbook citing this reference' },
		]);
		expect(toString(item)).toContain('Cited by 2 statements');
		expect(toString(item)).toContain('Treatment › Rest for two weeks.');
		expect(toString(item)).toContain('primary source');
	});

	test('a key with no reference file says so instead of failing', () => {
		expect(toString(referenceItem({ key: 'ghost', n: 1, ref: undefined, citing: [a], notes: [], sectionName }))).toBe('Missing reference: "ghost" has no file in content/references/.');
	});

	test('cited-by: one statement in the singular; long statements shortened at a word', () => {
		const long = claim('long', `${'word '.repeat(40)}end.`, [ref('smith')]);
		const list = citedByList([long], () => '');
		expect(toString(elements(list).find((e) => e.tagName === 'summary')!)).toBe('Cited by 1 statement');
		const text = links(list)[0]!.text;
		expect(text.endsWith('word…')).toBe(true);
		expect(text.length).toBeLessThanOrEqual(138);
	});

	test('per-statement evidence kinds ride on the list as search metadata; headings are not statements', () => {
		expect(evidenceKinds(b, refs)).toEqual(['Randomised controlled trial', 'Clinical guideline']);
		const heading = claim('h', 'Heading', [ref('jones')], { kind: 'heading' });
		const meta = statementEvidenceMeta([a, heading, b, claim('c', 'No refs.', [gapCite('g')])], refs);
		expect(meta).toBe('statement-evidence:a=Randomised controlled trial;b=Randomised controlled trial/Clinical guideline;c=');
		expect(referenceList([], meta).properties).toMatchObject({ className: ['reference-list'], dataPagefindIgnore: '', dataPagefindMeta: meta });
	});

	test('DOI, PubMed and URL links come from one place, in that order', () => {
		expect(referenceLinks({ URL: 'https://e.org', PMID: '9', DOI: '10.1/a' }).map((l) => l.href)).toEqual(['https://doi.org/10.1/a', 'https://pubmed.ncbi.nlm.nih.gov/9/', 'https://e.org']);
		expect(referenceLinks({})).toEqual([]);
	});
});

describe('editorial notes and evidence gaps', () => {
	test('a note’s flag names its kind and links to the full note', () => {
		const flag = noteFlag(note);
		expect(toString(flag)).toBe(`Editorial note · Scope mismatch: ${note.summary} More about the scope mismatch`);
		expect(links(flag)[0]!.href).toBe('#note-scope');
		expect(toString(noteList([note]))).toBe(`Scope mismatch: ${note.detail}`);
	});

	test('each gap lists where it is flagged, statements shortened to 60 characters', () => {
		const at = [claim('a', 'y'.repeat(70), [gapCite(gap.id)]), claim('b', 'Short.', [gapCite(gap.id)])];
		const list = gapList([gap, { ...gap, id: 'unused', label: undefined, kind: 'unsupported-statement' }], new Map([[gap.id, at]]));
		const [first, second] = elements(list).filter((e) => e.tagName === 'li');
		expect(first!.properties).toMatchObject({ id: 'gap-source-ref-8', dataEvidenceGap: 'unresolved-citation' });
		expect(toString(first!)).toContain('Unresolved citation [8]: ');
		expect(links(first!)).toEqual([
			{ href: '#a', text: `${'y'.repeat(57)}…` },
			{ href: '#b', text: 'Short.' },
		]);
		expect(toString(second!)).toBe(`Unsupported statement: ${gap.reason}`);
	});
});
