/**
 * Starlight route middleware. (1) Puts each topic's guidelines, listed once per build, in place of
 * its placeholder (topic-sidebar.ts), shortens the sidebar to the current topic (sidebar.ts), and
 * sets previous/next from the full list, as Starlight would have.
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
import { getCollection, getEntry } from 'astro:content';
import { pagination, topicLinks, withTopics, type TopicEntry } from './topic-sidebar.ts';
import type { SidebarLink } from './sidebar.ts';
import { addGuidelineHead } from './guideline-head.ts';
import { splitHeadingAside } from '../claims/heading-aside.ts';
import { dedupeTitle } from './route-middleware-title.ts';
import { printHeadCss } from '../print-head.ts';
import { pageDates } from '../page-dates.ts';

export function escapeText(text: string): string {
	return text.replace(/&(?![a-z]+;|#\d+;|#x[\da-f]+;)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Each topic's guideline links, once per build. Drafts are listed where Starlight gives them a page (astro dev).
let topics: Promise<Map<string, SidebarLink[]>> | undefined;

export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	topics ??= getCollection('docs').then((entries) => topicLinks(entries as unknown as TopicEntry[], import.meta.env.MODE !== 'production'));
	const full = withTopics(route.sidebar as unknown as SidebarEntry[], await topics, context.url.pathname);
	const { prev, next } = pagination(full, { prev: route.entry.data.prev, next: route.entry.data.next });
	route.pagination = { prev, next } as unknown as typeof route.pagination;
	route.sidebar = pruneSidebar(full) as unknown as typeof route.sidebar;
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
