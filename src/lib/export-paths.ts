/** Shared by the export endpoints: one entry per published guideline with its data. */
import type { APIContext } from 'astro';
import { siteIndex } from './content/site-index.ts';
import { guidelineExport } from './export.ts';
import { siteWideShare } from './build/shards.ts';

// The four export routes list the same pages with the same data: made once per build and site
// (Astro keeps and changes what getStaticPaths returns, so each route gets its own list).
const made = new Map<string, ReturnType<typeof exportData>>();

export async function exportPaths(site: URL | undefined) {
	// getStaticPaths is not given the site; the configured one is import.meta.env.SITE.
	const origin = site?.href ?? import.meta.env.SITE ?? 'http://localhost:4321/';
	let rows = made.get(origin);
	if (!rows) {
		rows = exportData(origin);
		made.set(origin, rows);
	}
	return (await rows).map(({ id, data, items }) => ({ params: { id }, props: { data, items } }));
}

async function exportData(origin: string) {
	const index = await siteIndex();
	// The site index holds only published pages (content/publication.ts).
	// In a sharded build, this shard's share of the guidelines (src/lib/build/shards.ts).
	return siteWideShare(index.pages.filter((p) => p.type === 'guideline'))
		.map((page) => {
			const data = guidelineExport(index, page, origin);
			// What the citation downloads hold: the page first, then the references it cites.
			return { id: page.id, data, items: [data.citation, ...data.references] };
		});
}

export type ExportProps = Awaited<ReturnType<typeof exportPaths>>[number]['props'];
export type ExportContext = APIContext<ExportProps>;
