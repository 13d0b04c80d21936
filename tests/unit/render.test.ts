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
	const texts = all(tree as unknown as Any).filter((n) => n.type === 'text').map((n) => n.value ?? '');

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
