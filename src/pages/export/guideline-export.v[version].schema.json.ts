/**
 * /export/guideline-export.v<N>.schema.json: the published JSON Schema of the guideline export,
 * generated from its Zod schema (src/schemas/guideline-export.ts), so the two cannot drift.
 */
import type { APIContext } from 'astro';
import { GUIDELINE_EXPORT_VERSION, guidelineExportJsonSchema } from '../../schemas/guideline-export.ts';
import { EXPORT_SCHEMA_PATH } from '../../lib/export.ts';
import { buildsSiteWidePages } from '../../lib/build/shards.ts';

export function getStaticPaths() {
	// Site-wide: rendered by one shard of a sharded build (src/lib/build/shards.ts).
	return buildsSiteWidePages() ? [{ params: { version: String(GUIDELINE_EXPORT_VERSION) } }] : [];
}

export function GET({ site }: APIContext): Response {
	const id = new URL(EXPORT_SCHEMA_PATH, site ?? 'http://localhost:4321/').href;
	return new Response(`${JSON.stringify(guidelineExportJsonSchema(id), null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
}
