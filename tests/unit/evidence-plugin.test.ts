/**
 * The evidence plugin inside Sätteri's MDX compile, as the site runs it (Astro's Sätteri MDX
 * processor, static parts optimized): on the fixture guideline, what it inserts is published, and
 * what it hands Sätteri as HTML (render/static-html.ts) leaves headings' text whole.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
// Astro's own processor (not exported by the package's index): the site's compile, plugins and options.
import { createSatteriMdxProcessor } from '../../node_modules/@astrojs/markdown-satteri/dist/mdx/create-processor.js';
import { evidence } from '../../src/lib/markdown/evidence-plugin.ts';
import { inert } from '../../src/lib/markdown/inert.ts';
import { MARKDOWN_FEATURES } from '../../src/lib/markdown/features.ts';

const base = new URL('../fixtures/check/base/', import.meta.url).pathname;
const file = `${base}guidelines/knee/sample.mdx`;

async function compiled(): Promise<string> {
	const processor = createSatteriMdxProcessor({ syntaxHighlight: false }, { optimize: true }, { mdastPlugins: [evidence({ contentDir: base, referencesDir: `${base}references` }), inert()], hastPlugins: [], features: MARKDOWN_FEATURES });
	const source = readFileSync(file, 'utf8');
	const result = (await processor.process(source, file, parseYaml(source.split(/^---$/m)[1]!))) as { code: string };
	return result.code;
}

describe('the evidence plugin in the MDX compile', async () => {
	const code = await compiled();
	const headings = JSON.parse(/getHeadings\(\) \{ return (\[.*?\]); \}/.exec(code)![1]!) as { slug: string; text: string }[];

	test('a heading keeps its whole text (its aside included) for its id and the table of contents', () => {
		expect(headings.find((heading) => heading.slug === 'strength')?.text).toMatch(/^Strength \(50% of studies\)$/);
	});

	test('the reference list, numbered citations and the evidence gaps are in the page', () => {
		expect(headings.map((heading) => heading.slug)).toEqual(expect.arrayContaining(['references', 'evidence-gaps']));
		expect(code).toContain('class=\\"reference-list\\"');
		expect(code).toMatch(/<li id=\\"ref-jones-2019\\" value=\\"\d\\" data-reference=\\"jones-2019\\"/);
		expect(code).toMatch(/<a class=\\"cite\\" href=\\"#ref-smith-2020\\" data-cite=\\"smith-2020\\"><span class=\\"sr-only\\">Reference <\/span>\d<\/a>/);
	});
});
