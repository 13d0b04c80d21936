import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GuidelineExportSchema } from '../../src/schemas/guideline-export.ts';
import { builtPage, distDir, GUIDELINE_PATH } from './dist.ts';

const base = join(distDir, 'export', GUIDELINE_PATH.replace(/\/$/, ''));

describe('guideline exports', () => {
	test('the JSON export validates against its schema and matches the page', () => {
		const data = GuidelineExportSchema.parse(JSON.parse(readFileSync(`${base}.json`, 'utf8')));
		const page = builtPage(GUIDELINE_PATH);
		expect(data.claims).toHaveLength(45);
		for (const claim of data.claims) {
			expect(claim.url).toBe(`https://evidence-handbook.example/${GUIDELINE_PATH}#${claim.id}`);
			expect(page.getElementById(claim.id)).not.toBeNull();
		}
		expect(data.claims.find((c) => c.id === 'excessive-pronation')).toMatchObject({ references: ['runner-injuries-1992'], evidenceGaps: ['source-ref-8'] });
		expect(data.references.map((r) => r.id)).toHaveLength(7);
	});

	test('BibTeX, RIS and CSL-JSON downloads hold the page and its seven references, keyed by citation key', () => {
		const bib = readFileSync(`${base}.bib`, 'utf8');
		expect(bib.match(/^@\w+\{/gm)).toHaveLength(8);
		expect(bib).toContain('@article{kneepaininrunners1979,'); // the citation key without the hyphens BibTeX forbids
		expect(readFileSync(`${base}.ris`, 'utf8').match(/^TY {2}- /gm)).toHaveLength(8);
		const csl = JSON.parse(readFileSync(`${base}.csl.json`, 'utf8')) as { id: string }[];
		expect(csl.map((c) => c.id)).toContain('runner-injuries-1992');
	});

	test('"Cite this page" shows a formatted citation and links to the downloads', () => {
		const page = builtPage(GUIDELINE_PATH);
		const heading = page.getElementById('cite-this-page')!;
		expect(heading.textContent).toBe('Cite this page');
		const text = page.querySelector('main')!.textContent;
		expect(text).toContain('Evidence Handbook editors. Evidence Handbook [Internet].');
		const links = page.querySelectorAll('a[download]').map((a) => a.getAttribute('href'));
		expect(links).toEqual([`/export/${GUIDELINE_PATH.replace(/\/$/, '')}.bib`, `/export/${GUIDELINE_PATH.replace(/\/$/, '')}.ris`, `/export/${GUIDELINE_PATH.replace(/\/$/, '')}.csl.json`]);
	});
});
