/** /export/<guideline id>.csl.json: the page and its references as CSL-JSON (our data under `custom`). */
import type { GetStaticPaths } from 'astro';
import { toCslJson } from '../../lib/references/export-formats.ts';
import { exportPaths, type ExportContext } from '../../lib/export-paths.ts';

export const getStaticPaths = (({ site }: { site?: URL }) => exportPaths(site)) as unknown as GetStaticPaths;

export function GET({ props }: ExportContext): Response {
	return new Response(toCslJson(props.items), { headers: { 'content-type': 'application/vnd.citationstyles.csl+json' } });
}
