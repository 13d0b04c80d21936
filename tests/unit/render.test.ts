/**
 * The renderer on a plain syntax tree (memory editor): the same decisions the Sätteri plugin
 * applies to the real pages, checked without a build.
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parsePage } from '../../src/lib/content/parse.ts';
import { analyzePage } from '../../src/lib/claims/page.ts';
import { renderGuideline } from '../../src/lib/claims/render.ts';
import { loadReferences } from '../../src/lib/references/load.ts';
import { EvidenceGapSchema } from '../../src/schemas/evidence-gap.ts';
import { GradeSchema } from '../../src/schemas/grade.ts';

const base = new URL('../fixtures/check/base/', import.meta.url).pathname;
const file = `${base}guidelines/knee/sample.mdx`;

function rendered(): Root {
	const text = readFileSync(file, 'utf8');
	const tree = parsePage(text, file);
	const frontmatter = parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;
	const analysis = analyzePage(tree, frontmatter);
	const gaps = (frontmatter.evidenceGaps as unknown[]).map((g) => EvidenceGapSchema.parse(g));
	renderGuideline(tree, { headings: analysis.headings, claims: analysis.claims, nonClaims: analysis.nonClaims, bottomLine: analysis.bottomLine, gaps, refs: loadReferences(`${base}references`).refs });
	return tree;
}

type Any = { type: string; value?: string; children?: Any[]; properties?: Record<string, unknown>; data?: { hName?: string; hProperties?: Record<string, unknown>; hChildren?: Any[] } };
const all = (node: Any): Any[] => [node, ...(node.children ?? []).flatMap(all), ...(node.data?.hChildren ?? []).flatMap(all)];
const withProp = (tree: Root, key: string) => all(tree as unknown as Any).filter((n) => n.data?.hProperties?.[key] !== undefined || n.properties?.[key] !== undefined);

describe('renderGuideline', () => {
	const tree = rendered();
	// The page's own text; the reference list quotes statements as plain text (code included).
	const isReferenceList = (n: Root['children'][number]) => String((n.data as { hProperties?: { className?: string[] } } | undefined)?.hProperties?.className ?? '').includes('reference-list');
	const body = { ...tree, children: tree.children.filter((n) => !isReferenceList(n)) };
	const texts = all(body as unknown as Any).filter((n) => n.type === 'text').map((n) => n.value ?? '');

	test('the bottom line comes first, in its own section; markers leave the text, quotations and [not-a-claim] lines included', () => {
		expect(tree.children[0]).toMatchObject({ data: { hName: 'section', hProperties: { class: 'bottom-line' } } });
		expect(texts.filter((t) => /\[[@!#]|\[not-a-claim\]/.test(t))).toEqual([]);
		expect(texts).toContain('Examine the knee for:');
	});

	test('claims carry their permanent ids; citations are numbered by first appearance', () => {
		const ids = withProp(tree, 'data-claim').map((n) => n.data?.hProperties?.id);
		expect(ids).toEqual(expect.arrayContaining(['bottom-line', 'effusion', 'rest-two-weeks']));
		const cites = all(tree as unknown as Any).filter((n) => n.properties?.dataCite);
		const numbers = cites.map((n) => `${String(n.properties?.dataCite)}=${all(n).filter((c) => c.type === 'text').at(-1)?.value}`);
		expect([...new Set(numbers)]).toEqual(['jones-2019=1', 'smith-2020=2']);
	});

	test('the reference list and the evidence gaps close the page', () => {
		const headings = tree.children.filter((n) => n.type === 'heading').map((n) => (n.data as { hProperties?: { id?: string } } | undefined)?.hProperties?.id);
		expect(headings.slice(-2)).toEqual(['references', 'evidence-gaps']);
	});
});

describe('citations in headings', () => {
	test('are shown under the heading, as the check counts them (a link to the reference)', () => {
		const text = readFileSync(file, 'utf8').replace('### Strength (50% of studies) [!gap-one] [#strength]', '### Strength (50% of studies) [@jones-2019; !gap-one] [#strength]');
		const tree = parsePage(text, file);
		const frontmatter = parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;
		const analysis = analyzePage(tree, frontmatter);
		const heading = analysis.claims.find((c) => c.kind === 'heading')!;
		expect(heading.cites).toEqual([{ type: 'ref', key: 'jones-2019' }, { type: 'gap', id: 'gap-one' }]);
		const gaps = (frontmatter.evidenceGaps as unknown[]).map((g) => EvidenceGapSchema.parse(g));
		renderGuideline(tree, { headings: analysis.headings, claims: analysis.claims, nonClaims: analysis.nonClaims, bottomLine: analysis.bottomLine, gaps, refs: loadReferences(`${base}references`).refs });
		const index = tree.children.indexOf(heading.node as never);
		const sources = tree.children[index + 1] as unknown as Any;
		expect(sources.data?.hProperties).toMatchObject({ class: 'heading-sources', 'data-heading': 'strength' });
		expect(all(sources).some((n) => n.properties?.href === '#ref-jones-2019')).toBe(true);
		expect((tree.children[index + 2] as unknown as Any).data?.hProperties).toMatchObject({ dataEvidenceGap: 'gap-one' });
	});
});

describe('graded statements', () => {
	const cases = new URL('../fixtures/check/cases/grades/', import.meta.url).pathname;
	const gradedFile = `${cases}guidelines/knee/sample.mdx`;
	const text = readFileSync(gradedFile, 'utf8');
	const tree = parsePage(text, gradedFile);
	const frontmatter = parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;
	const analysis = analyzePage(tree, frontmatter);
	const grades = new Map(Object.entries(frontmatter.grades as Record<string, unknown>).map(([id, g]) => [id, GradeSchema.parse(g)]));
	const refs = new Map([...loadReferences(`${base}references`).refs, ...loadReferences(`${cases}references`).refs]);
	renderGuideline(tree, { headings: analysis.headings, claims: analysis.claims, nonClaims: analysis.nonClaims, bottomLine: analysis.bottomLine, gaps: [], refs, grades });
	const nodes = all(tree as unknown as Any);
	const textOf = (n: Any) => all(n).filter((c) => c.type === 'text').map((c) => c.value).join('');
	const props = (n: Any) => ({ ...n.properties, ...n.data?.hProperties });
	const claim = (id: string) => nodes.find((n) => props(n).id === id)!;
	const isBadge = (n: Any) => String(props(n).className ?? props(n).class ?? '').includes('grade-badge');

	test('a graded statement carries its grade as attributes and a badge with words, not colour alone', () => {
		expect(claim('avoid-stretching').data?.hProperties).toMatchObject({ 'data-grade-strength': 'strong', 'data-grade-direction': 'against', 'data-grade-certainty': 'very-low' });
		const badge = all(claim('avoid-stretching')).find(isBadge)!;
		expect(textOf(badge)).toBe('Grade: Strong recommendation against, very low certainty of evidence. Strong against · Very low certainty');
	});

	test('the explanation follows the statement: meaning for the patient, rationale, justification', () => {
		const explanation = claim('ice-after-running-grade');
		const words = textOf(explanation);
		expect(words).toContain('Strong recommendation for: almost every well-informed patient would choose this');
		expect(words).toContain('Very low certainty: the true effect is likely to be substantially different');
		expect(words).toContain('Rationale: Ice is cheap, safe and relieves pain for most runners.');
		expect(words).toContain('Why the grade goes beyond the cited evidence: No trials exist');
	});

	test('ungraded statements get no badge and no grade attributes', () => {
		expect(all(claim('effusion')).some(isBadge)).toBe(false);
		expect(claim('effusion').data?.hProperties?.['data-grade-strength']).toBeUndefined();
		expect(nodes.filter(isBadge)).toHaveLength(grades.size - 1);
	});
});
