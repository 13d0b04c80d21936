/** /export/<guideline id>.json: statements, anchors, references and gaps for teaching tools. */
import type { GetStaticPaths } from 'astro';
import { exportPaths, type ExportContext } from '../../lib/export-paths.ts';

export const getStaticPaths = (({ site }: { site?: URL }) => exportPaths(site)) as unknown as GetStaticPaths;

export function GET({ props }: ExportContext): Response {
	return new Response(`${JSON.stringify(props.data, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
}
