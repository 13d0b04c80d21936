/** /export/<guideline id>.csl.json: the page and its references as CSL-JSON. */
import type { GetStaticPaths } from 'astro';
import { exportReferences } from '../../lib/references/csl.ts';
import { exportPaths, type ExportContext } from '../../lib/export-paths.ts';

export const getStaticPaths = (({ site }: { site?: URL }) => exportPaths(site)) as unknown as GetStaticPaths;

export function GET({ props }: ExportContext): Response {
	return new Response(exportReferences([props.citation, ...props.data.references], 'csl-json'), { headers: { 'content-type': 'application/json' } });
}
