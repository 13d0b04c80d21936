/**
 * Starlight route middleware. (1) Shortens the sidebar to the current topic (src/lib/starlight/sidebar.ts).
 * (2) Adds the sections the guideline layout renders after the body to "On this page" (toc.ts).
 * (3) Escapes the text of `<title>` (and reads a title equal to the site's once). Starlight renders head entries with
 * `set:html`, so a page title such as `Is </title><script>…` would otherwise become live markup in
 * `<head>` (found by tests/site/content-inert.test.ts). Titles are data: shown as text, never HTML.
 * (4) Adds a guideline's citation metadata to `<head>` (guideline-head.ts).
 * (5) Adds what every printed sheet repeats in its margins: title, address, review status, version (print-head.ts).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { pruneSidebar, type SidebarEntry } from './sidebar.ts';
import { guidelineTocTail } from './toc.ts';
import { getEntry } from 'astro:content';
import { addGuidelineHead } from './guideline-head.ts';
import { splitHeadingAside } from '../claims/heading-aside.ts';
import { dedupeTitle } from './route-middleware-title.ts';
import { printHeadCss } from '../print-head.ts';
import { pageDates } from '../page-dates.ts';

export function escapeText(text: string): string {
	return text.replace(/&(?![a-z]+;|#\d+;|#x[\da-f]+;)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	route.sidebar = pruneSidebar(route.sidebar as unknown as SidebarEntry[]) as unknown as typeof route.sidebar;
	const data = route.entry.data;
	if (data.type === 'guideline' && route.toc) {
		route.toc.items.push(
			...guidelineTocTail({
				relatedQuestions: data.relatedQuestions.length,
				changes: data.changelog?.length ?? 0,
				source: data.source !== undefined,
				disclaimer: (await getEntry(data.disclaimer))?.data.title,
			}),
		);
	}
	await addGuidelineHead(route, context.site);
	// "On this page" lists a heading without its source artefact ("(74% of studies …)").
	const shorten = (items: { text: string; children: { text: string; children: unknown[] }[] }[]): void => {
		for (const item of items) {
			item.text = splitHeadingAside(item.text)?.main ?? item.text;
			shorten(item.children as typeof items);
		}
	};
	if (route.toc) shorten(route.toc.items);
	const canonical = route.head.find((e) => e.tag === 'link' && e.attrs?.rel === 'canonical')?.attrs?.href;
	if (typeof canonical === 'string') {
		const guideline = data.type === 'guideline' ? data : undefined;
		route.head.push({
			tag: 'style',
			content: printHeadCss({
				title: guideline?.shortTitle ?? data.title,
				url: canonical,
				status: guideline?.review.status,
				version: guideline ? pageDates(guideline, route.entry.filePath).modified : undefined,
			}),
		});
	}
	for (const entry of context.locals.starlightRoute.head) {
		if (entry.tag === 'title' && typeof entry.content === 'string') entry.content = escapeText(dedupeTitle(entry.content));
	}
});
