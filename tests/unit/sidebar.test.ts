import { describe, expect, test } from 'vitest';
import { pruneSidebar, type SidebarEntry, type SidebarGroup } from '../../src/lib/starlight/sidebar.ts';

const link = (href: string, isCurrent = false): SidebarEntry => ({ type: 'link', label: href, href, isCurrent, badge: undefined, attrs: {} });
const group = (label: string, entries: SidebarEntry[]): SidebarGroup => ({ type: 'group', label, entries, collapsed: true, badge: undefined });

describe('pruneSidebar', () => {
	const sidebar = [
		group('Knee', [link('/guidelines/knee/a/'), link('/guidelines/knee/b/', true)]),
		group('Hip', [link('/guidelines/hip/c/'), link('/guidelines/hip/d/'), link('/guidelines/hip/e/')]),
		group('About', [link('/editorial-policy/'), link('/evidence-map/')]),
	];
	test('keeps the current topic whole and reduces other topics to one link to their list', () => {
		const pruned = pruneSidebar(sidebar) as SidebarGroup[];
		expect(pruned[0]).toEqual(sidebar[0]);
		expect(pruned[1]!.entries).toEqual([{ type: 'link', label: 'All 3 guidelines', href: '/#topic-hip', isCurrent: false, badge: undefined, attrs: {} }]);
		expect(pruned[2]).toEqual(sidebar[2]);
	});
	test('on a page outside any topic every topic is reduced', () => {
		const pruned = pruneSidebar([group('Knee', [link('/guidelines/knee/a/')])]) as SidebarGroup[];
		expect(pruned[0]!.entries.map((e) => (e.type === 'link' ? e.href : ''))).toEqual(['/#topic-knee']);
	});
});
