/**
 * Keeps each page's sidebar short at any corpus size. Starlight renders every sidebar entry into
 * every page, even in collapsed groups, so 1,000 guidelines would repeat 1,000 links per page.
 * A topic group (all links under /guidelines/<topic>/) that does not hold the current page is
 * reduced to one link to that topic's list on the home page; the current topic stays complete.
 * Pure function over Starlight's sidebar entries (used by route-middleware.ts).
 */
export interface SidebarLink {
	type: 'link';
	label: string;
	href: string;
	isCurrent: boolean;
	badge: unknown;
	attrs: Record<string, unknown>;
}
export interface SidebarGroup {
	type: 'group';
	label: string;
	entries: SidebarEntry[];
	collapsed: boolean;
	badge: unknown;
}
export type SidebarEntry = SidebarLink | SidebarGroup;

function links(entry: SidebarEntry): SidebarLink[] {
	return entry.type === 'link' ? [entry] : entry.entries.flatMap(links);
}

const TOPIC_LINK = /^\/guidelines\/([^/]+)\//;

export function pruneSidebar<T extends SidebarEntry>(sidebar: T[]): T[] {
	return sidebar.map((entry) => {
		if (entry.type !== 'group') return entry;
		const all = links(entry);
		const topics = new Set(all.map((l) => TOPIC_LINK.exec(l.href)?.[1]));
		const topic = [...topics][0];
		if (all.length === 0 || topics.size !== 1 || !topic || all.some((l) => l.isCurrent)) return entry;
		const summary: SidebarLink = { type: 'link', label: `All ${all.length} guideline${all.length === 1 ? '' : 's'}`, href: `/#topic-${topic}`, isCurrent: false, badge: undefined, attrs: {} };
		return { ...entry, entries: [summary] };
	});
}
