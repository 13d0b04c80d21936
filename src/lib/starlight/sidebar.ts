/**
 * Keeps each page's sidebar to a bounded size at any corpus size. Starlight renders every sidebar
 * entry into every page, even in collapsed groups, so 12,000 guidelines in 240 topics would repeat
 * thousands of links per page and make every page grow with the site.
 *
 * - The current topic (the group holding the current page) shows at most `topicLinks` links: its
 *   first guidelines, the current page's neighbours, and a link to the topic's full list.
 * - Every other topic is one link to its list on the home page, while there are few topics
 *   (≤ `otherTopics`); with more, they are replaced by one link to the list of all topics.
 * - Groups that are not topics (About) are left as they are.
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

export interface SidebarLimits {
	/** Links shown for the current topic, its "all guidelines" link included. */
	topicLinks: number;
	/** Other topics shown as one link each; above this, one link to every topic replaces them. */
	otherTopics: number;
	/** Neighbours of the current page kept on each side. */
	neighbours: number;
}

export const SIDEBAR_LIMITS: SidebarLimits = { topicLinks: 16, otherTopics: 12, neighbours: 3 };

// By entries array: the topic lists are shared by every page of a build (topic-sidebar.ts), so each
// is read once, not once per page.
const linksOf = new WeakMap<readonly SidebarEntry[], SidebarLink[]>();
const topicsOf = new WeakMap<readonly SidebarEntry[], string | undefined>();

function links(entry: SidebarEntry): SidebarLink[] {
	if (entry.type === 'link') return [entry];
	let all = linksOf.get(entry.entries);
	if (!all) {
		all = entry.entries.flatMap(links);
		linksOf.set(entry.entries, all);
	}
	return all;
}

const TOPIC_LINK = /^\/guidelines\/([^/]+)\//;

/** The topic id of a group whose links are all guidelines of one topic, else undefined. */
function topicOf(group: SidebarGroup): string | undefined {
	if (topicsOf.has(group.entries)) return topicsOf.get(group.entries);
	const all = links(group);
	const topics = new Set(all.map((l) => TOPIC_LINK.exec(l.href)?.[1]));
	const [topic] = topics;
	const found = all.length > 0 && topics.size === 1 && topic ? topic : undefined;
	topicsOf.set(group.entries, found);
	return found;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

function link(label: string, href: string): SidebarLink {
	return { type: 'link', label, href, isCurrent: false, badge: undefined, attrs: {} };
}

/** The current topic's links, cut to its first ones and the current page's neighbours. */
function neighbourhood(all: SidebarLink[], topic: string, limits: SidebarLimits): SidebarEntry[] {
	if (all.length <= limits.topicLinks) return all;
	const current = all.findIndex((l) => l.isCurrent);
	const window = limits.neighbours * 2 + 1;
	const first = Math.max(0, limits.topicLinks - 1 - window);
	const from = Math.max(first, Math.min(current - limits.neighbours, all.length - window));
	const kept = new Set<number>();
	for (let i = 0; i < first; i++) kept.add(i);
	for (let i = from; i < from + window && i < all.length; i++) kept.add(i);
	return [...[...kept].sort((a, b) => a - b).map((i) => all[i]!), link(`All ${plural(all.length, 'guideline')}`, `/#topic-${topic}`)];
}

export function pruneSidebar<T extends SidebarEntry>(sidebar: T[], limits: SidebarLimits = SIDEBAR_LIMITS): T[] {
	const topicCount = sidebar.filter((e) => e.type === 'group' && topicOf(e)).length;
	const out: T[] = [];
	let allTopicsAdded = false;
	for (const entry of sidebar) {
		const topic = entry.type === 'group' ? topicOf(entry) : undefined;
		if (entry.type !== 'group' || !topic) {
			out.push(entry);
			continue;
		}
		const all = links(entry);
		if (all.some((l) => l.isCurrent)) {
			out.push({ ...entry, entries: neighbourhood(all, topic, limits) });
		} else if (topicCount - 1 <= limits.otherTopics) {
			out.push({ ...entry, entries: [link(`All ${plural(all.length, 'guideline')}`, `/#topic-${topic}`)] });
		} else if (!allTopicsAdded) {
			allTopicsAdded = true;
			out.push({ ...entry, label: 'Other topics', collapsed: true, entries: [link(`All ${plural(topicCount, 'topic')}`, '/#topics')] } as T);
		}
	}
	return out;
}
