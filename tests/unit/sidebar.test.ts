import { describe, expect, test } from 'vitest';
import { pruneSidebar, type SidebarEntry, type SidebarGroup, type SidebarLink } from '../../src/lib/starlight/sidebar.ts';

const link = (href: string, isCurrent = false): SidebarLink => ({ type: 'link', label: href, href, isCurrent, badge: undefined, attrs: {} });
const group = (label: string, entries: SidebarEntry[]): SidebarGroup => ({ type: 'group', label, entries, collapsed: true, badge: undefined });
const hrefs = (g: SidebarEntry | undefined) => (g?.type === 'group' ? g.entries.map((e) => (e.type === 'link' ? e.href : '')) : []);
const topic = (id: string, n: number, current = -1) => group(id, Array.from({ length: n }, (_, i) => link(`/guidelines/${id}/g${i}/`, i === current)));
const size = (sidebar: SidebarEntry[]): number => sidebar.reduce((n, e) => n + (e.type === 'link' ? 1 : 1 + size(e.entries)), 0);

describe('pruneSidebar', () => {
	const sidebar = [
		group('Knee', [link('/guidelines/knee/a/'), link('/guidelines/knee/b/', true)]),
		group('Hip', [link('/guidelines/hip/c/'), link('/guidelines/hip/d/'), link('/guidelines/hip/e/')]),
		group('About', [link('/editorial-policy/'), link('/evidence-map/')]),
	];
	test('keeps a small current topic whole and reduces other topics to one link to their list', () => {
		const pruned = pruneSidebar(sidebar) as SidebarGroup[];
		expect(pruned[0]).toEqual(sidebar[0]);
		expect(pruned[1]!.entries).toEqual([{ type: 'link', label: 'All 3 guidelines', href: '/#topic-hip', isCurrent: false, badge: undefined, attrs: {} }]);
		expect(pruned[2]).toEqual(sidebar[2]);
	});
	test('on a page outside any topic every topic is reduced', () => {
		expect(hrefs(pruneSidebar([group('Knee', [link('/guidelines/knee/a/')])])[0])).toEqual(['/#topic-knee']);
	});
	test('a large current topic shows its first guidelines, the current page with its neighbours, and a link to the whole list', () => {
		const pruned = pruneSidebar([topic('knee', 500, 250)]);
		const shown = hrefs(pruned[0]);
		expect(shown).toContain('/guidelines/knee/g250/');
		expect(shown).toContain('/guidelines/knee/g249/');
		expect(shown).toContain('/guidelines/knee/g251/');
		expect(shown).toContain('/guidelines/knee/g0/');
		expect(shown.at(-1)).toBe('/#topic-knee');
		expect(shown.length).toBeLessThanOrEqual(17);
		// Reading order is kept.
		const numbers = shown.slice(0, -1).map((h) => Number(/g(\d+)/.exec(h)![1]));
		expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
	});
	test('the current page at either end of a large topic is always shown', () => {
		for (const at of [0, 499]) expect(hrefs(pruneSidebar([topic('knee', 500, at)])[0])).toContain(`/guidelines/knee/g${at}/`);
	});
	test('the sidebar has the same bounded size whatever the number of topics and guidelines', () => {
		const site = (topics: number, perTopic: number) => [...Array.from({ length: topics }, (_, t) => topic(`t${t}`, perTopic, t === 3 ? perTopic >> 1 : -1)), group('About', [link('/editorial-policy/')])];
		const small = size(pruneSidebar(site(20, 50)));
		const large = size(pruneSidebar(site(240, 50)));
		const huge = size(pruneSidebar(site(240, 1000)));
		expect(large).toBeLessThanOrEqual(small);
		expect(huge).toBe(large);
		const other = pruneSidebar(site(240, 50)).find((e) => e.type === 'group' && e.label === 'Other topics');
		expect(hrefs(other)).toEqual(['/#topics']);
	});
});
