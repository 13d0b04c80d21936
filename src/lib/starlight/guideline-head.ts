/**
 * The guideline's machine-readable `<head>` metadata (src/lib/page-metadata.ts), added by the route
 * middleware: `citation_*` tags, MedicalWebPage JSON-LD, Open Graph dates; and the social card type.
 */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { siteIndex } from '../content/site-index.ts';
import type { ContentIndex, IndexedPage } from '../content/types.ts';
import { pageReferences, pageUrl } from '../export.ts';
import { pageDates } from '../page-dates.ts';
import { guidelineHead, socialDescription, withdrawalDescription } from '../page-metadata.ts';
import { getEntry } from 'astro:content';
import { stripMarkers } from '../claims/markers.ts';
import type { GuidelineFrontmatter } from '../../schemas/guideline.ts';

const byId = new WeakMap<ContentIndex, Map<string, IndexedPage>>();

function indexedPage(index: ContentIndex, id: string): IndexedPage | undefined {
	let pages = byId.get(index);
	if (!pages) byId.set(index, (pages = new Map(index.pages.map((p) => [p.id, p]))));
	return pages.get(id);
}

export async function addGuidelineHead(route: StarlightRouteData, site: URL | undefined): Promise<void> {
	const { entry } = route;
	const data = entry.data as unknown as GuidelineFrontmatter;
	if (data.type !== 'guideline') return;
	if ((entry.data as { publication?: string }).publication === 'withdrawn') {
		// No citation tags or JSON-LD (it is no longer a guideline to cite), and a description that
		// says it was withdrawn instead of repeating its former bottom line.
		const withdrawal = data.review.withdrawal;
		const replacement = withdrawal?.replacement ? await getEntry('docs', withdrawal.replacement.replace(/^\/|\/$/g, '') || 'index') : undefined;
		const description = withdrawalDescription(withdrawal, replacement?.data.title);
		for (const e of route.head) {
			if (e.tag !== 'meta' || !e.attrs) continue;
			if (e.attrs.name === 'description' || e.attrs.property === 'og:description') e.attrs.content = description;
			if (e.attrs.name === 'twitter:card') e.attrs.content = 'summary';
		}
		if (!route.head.some((e) => e.tag === 'meta' && e.attrs?.name === 'description')) route.head.push({ tag: 'meta', attrs: { name: 'description', content: description } });
		return;
	}
	const origin = site?.href ?? 'http://localhost:4321/';
	const index = await siteIndex();
	const page = indexedPage(index, entry.id);
	const head = guidelineHead({
		url: pageUrl(origin, entry.id),
		site: origin,
		title: data.title,
		shortTitle: data.shortTitle,
		description: data.description,
		abstract: page?.claims.find((c) => c.kind === 'bottom-line')?.text ?? stripMarkers(data.bottomLine),
		dates: pageDates(data, entry.filePath),
		review: data.review,
		audience: data.audience,
		references: page ? pageReferences(index, page) : [],
	});
	route.head.push(...(head as typeof route.head));
	// The social card. Starlight announces a large-image card, and the page has no image: a
	// per-guideline PNG was measured at 0.24-0.44 s a card with the only renderer that installs
	// everywhere from npm (@resvg/resvg-wasm; 1200x630, DejaVu fonts), i.e. 4-7 more minutes per
	// 1,000 guidelines on a 2-core machine against a build of about a minute. So a summary card:
	// title (og:title) and, first in its description, the clinical review status, so a link shared
	// in a chat says whether the page has been reviewed.
	const image = head.some((e) => e.attrs?.property === 'og:image');
	for (const e of route.head) {
		if (e.tag !== 'meta' || !e.attrs) continue;
		if (e.attrs.name === 'twitter:card') e.attrs.content = image ? 'summary_large_image' : 'summary';
		if (e.attrs.property === 'og:description') e.attrs.content = socialDescription(data.review.status, typeof e.attrs.content === 'string' ? e.attrs.content : undefined);
	}
}
