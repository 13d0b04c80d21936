/** /export/<guideline id>.bib: the page and its references as BibTeX (made by citation-js). */
import type { GetStaticPaths } from 'astro';
import { exportReferences } from '../../lib/references/csl.ts';
import { exportPaths, type ExportContext } from '../../lib/export-paths.ts';

export const getStaticPaths = (({ site }: { site?: URL }) => exportPaths(site)) as unknown as GetStaticPaths;

export function GET({ props }: ExportContext): Response {
	const text = exportReferences([props.citation, ...props.data.references], 'bibtex');
	return new Response(text, { headers: { 'content-type': 'application/x-bibtex' } });
}
