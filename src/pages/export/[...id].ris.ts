/** /export/<guideline id>.ris: the page and its references as RIS (src/lib/references/export-formats.ts). */
import type { GetStaticPaths } from 'astro';
import { toRis } from '../../lib/references/export-formats.ts';
import { exportPaths, type ExportContext } from '../../lib/export-paths.ts';

export const getStaticPaths = (({ site }: { site?: URL }) => exportPaths(site)) as unknown as GetStaticPaths;

export function GET({ props }: ExportContext): Response {
	return new Response(toRis(props.items), { headers: { 'content-type': 'application/x-research-info-systems; charset=utf-8' } });
}
