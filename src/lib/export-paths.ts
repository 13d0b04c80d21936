/** Shared by the export endpoints: one entry per published guideline with its data. */
import type { APIContext } from 'astro';
import { siteIndex } from './content/site-index.ts';
import { guidelineExport } from './export.ts';
import { siteWideShare } from './build/shards.ts';

export async function exportPaths(site: URL | undefined) {
	const index = await siteIndex();
	// getStaticPaths is not given the site; the configured one is import.meta.env.SITE.
	const origin = site?.href ?? import.meta.env.SITE ?? 'http://localhost:4321/';
	// The site index holds only published pages (content/publication.ts).
	// In a sharded build, this shard's share of the guidelines (src/lib/build/shards.ts).
	return siteWideShare(index.pages.filter((p) => p.type === 'guideline'))
		.map((page) => {
			const data = guidelineExport(index, page, origin);
			// What the citation downloads hold: the page first, then the references it cites.
			return { params: { id: page.id }, props: { data, items: [data.citation, ...data.references] } };
		});
}

export type ExportProps = Awaited<ReturnType<typeof exportPaths>>[number]['props'];
export type ExportContext = APIContext<ExportProps>;
