/**
 * /export/guideline-export.v<N>.schema.json: the published JSON Schema of the guideline export,
 * generated from its Zod schema (src/schemas/guideline-export.ts), so the two cannot drift.
 */
import type { APIContext } from 'astro';
import { GUIDELINE_EXPORT_VERSION, guidelineExportJsonSchema } from '../../schemas/guideline-export.ts';
import { EXPORT_SCHEMA_PATH } from '../../lib/export.ts';

export function getStaticPaths() {
	return [{ params: { version: String(GUIDELINE_EXPORT_VERSION) } }];
}

export function GET({ site }: APIContext): Response {
	const id = new URL(EXPORT_SCHEMA_PATH, site ?? 'http://localhost:4321/').href;
	return new Response(`${JSON.stringify(guidelineExportJsonSchema(id), null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
}
