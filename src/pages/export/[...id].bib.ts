/** /export/<guideline id>.bib: the page and its references as BibTeX (src/lib/references/export-formats.ts). */
import type { GetStaticPaths } from 'astro';
import { toBibtex } from '../../lib/references/export-formats.ts';
import { exportPaths, type ExportContext } from '../../lib/export-paths.ts';

export const getStaticPaths = (({ site }: { site?: URL }) => exportPaths(site)) as unknown as GetStaticPaths;

export function GET({ props }: ExportContext): Response {
	return new Response(toBibtex(props.items), { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });
}
