/**
 * `astro dev` only (injected by src/lib/export-integration.ts): serves the export files a build
 * writes (src/lib/export-files.ts), the same list with the same content, at the same addresses.
 */
import type { APIContext, GetStaticPaths } from 'astro';
import { siteIndex } from '../lib/content/site-index.ts';
import { exportFiles, exportSite, type ExportFile } from '../lib/export-files.ts';

export const getStaticPaths = (async () => {
	const index = await siteIndex();
	// getStaticPaths is not given the site; the configured one is import.meta.env.SITE.
	const files = exportFiles(index, exportSite(import.meta.env.SITE), { guidelines: index.pages, schema: true });
	return [...files].map((file) => ({ params: { file: file.path.slice('/export/'.length) }, props: file }));
}) satisfies GetStaticPaths;

export function GET({ props }: APIContext<ExportFile>): Response {
	return new Response(props.body, { headers: { 'content-type': props.type } });
}
