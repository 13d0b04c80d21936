/**
 * The plan as a picture: running distance (share of pre-injury) by week after the injury, one
 * point per session, over the guideline's milestone windows. A pure builder: it returns the SVG
 * as plain nodes (the island turns them into elements, text always as text) with its title and a
 * description that says in words what the picture shows; the tables below it are the full text
 * equivalent. Sized for the width it will be shown at, so its text stays readable on a phone.
 */
import type { Plan } from './plan.ts';
import { VERDICT_TEXT } from './present.ts';

export interface SvgNode {
	tag: 'svg' | 'title' | 'desc' | 'g' | 'rect' | 'line' | 'polyline' | 'circle' | 'path' | 'text';
	attrs: Record<string, string>;
	children: (SvgNode | string)[];
}

export interface PlanChart {
	svg: SvgNode;
	title: string;
	description: string;
}

const node = (tag: SvgNode['tag'], attrs: Record<string, string | number>, ...children: (SvgNode | string)[]): SvgNode => ({
	tag,
	attrs: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, typeof v === 'number' ? String(Math.round(v * 10) / 10) : v])),
	children,
});

/** Approximate width of `text` at the chart's label size, for placing labels inside the plot. */
const textWidth = (text: string) => text.length * 6.2;

const weeks = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function planChart(plan: Plan, { width, idPrefix }: { width: number; idPrefix: string }): PlanChart {
	const W = Math.round(Math.min(800, Math.max(280, width)));
	const bands = plan.milestones;
	const top = 8 + bands.length * 16;
	const margin = { top, right: 12, bottom: 38, left: 42 };
	const H = top + 170 + margin.bottom;
	const plotW = W - margin.left - margin.right;
	const plotH = H - margin.top - margin.bottom;
	const weekOf = (day: number) => plan.startWeek + day / 7;
	const last = plan.sessions.at(-1);
	const maxWeek = Math.max(1, Math.ceil(Math.max(last ? weekOf(last.day) : 0, ...bands.map((m) => m.guidelineWeeks[1]))));
	const x = (week: number) => margin.left + (Math.max(0, week) / maxWeek) * plotW;
	const y = (percent: number) => margin.top + plotH - (Math.min(100, percent) / 100) * plotH;

	const title = "The plan against the guideline's milestones";
	const sessionsText = last
		? `${plan.sessions.length} ${plan.sessions.length === 1 ? 'session' : 'sessions'}, running distance from ${plan.sessions[0]!.percent}% of pre-injury in week ${weeks(Math.round(weekOf(0) * 10) / 10)} to ${last.percent}% in week ${weeks(Math.round(weekOf(last.day) * 10) / 10)} after the injury`
		: 'No sessions';
	const pain = plan.sessions.filter((s) => s.pain).map((s) => s.n);
	const description = [
		`${sessionsText}.`,
		...bands.map((m) => `${m.label}: guideline weeks ${m.guidelineWeeks[0]}–${m.guidelineWeeks[1]}, plan ${m.planWeek === undefined ? 'does not reach it' : `week ${weeks(m.planWeek)}`} (${VERDICT_TEXT[m.verdict]}).`),
		pain.length ? `Pain reported after session${pain.length > 1 ? 's' : ''} ${pain.join(', ')}.` : '',
	]
		.filter(Boolean)
		.join(' ');

	const children: SvgNode[] = [node('title', { id: `${idPrefix}-chart-title` }, title), node('desc', { id: `${idPrefix}-chart-desc` }, description)];

	// Guideline windows: a shaded band per milestone, its label on its own row above the plot.
	bands.forEach((m, i) => {
		const x0 = x(m.guidelineWeeks[0]);
		const x1 = x(m.guidelineWeeks[1]);
		const label = `${m.label} (wk ${m.guidelineWeeks[0]}–${m.guidelineWeeks[1]})`;
		const rowY = 8 + i * 16 + 11;
		// Start the label at its window, moved left as far as needed to stay inside the picture.
		const labelX = Math.max(2, Math.min(x0, W - margin.right - textWidth(label)));
		children.push(
			node('g', { class: 'chart-band' }, node('rect', { x: x0, y: margin.top, width: Math.max(2, x1 - x0), height: plotH }), node('line', { x1: x0, x2: x0, y1: rowY + 4, y2: margin.top + plotH })),
			node('text', { class: 'chart-band-label', x: labelX, y: rowY }, label),
		);
	});

	// Axes: % of pre-injury distance (0, 50, 100) and weeks after injury.
	const axis: SvgNode[] = [];
	for (const p of [0, 50, 100]) {
		axis.push(node('line', { class: p === 0 ? 'chart-axis' : 'chart-grid', x1: margin.left, x2: W - margin.right, y1: y(p), y2: y(p) }));
		axis.push(node('text', { class: 'chart-tick', x: margin.left - 6, y: y(p) + 4, 'text-anchor': 'end' }, `${p}%`));
	}
	const step = Math.max(1, Math.ceil(maxWeek / Math.max(1, Math.floor(plotW / 34))));
	for (let w = 0; w <= maxWeek; w += step) {
		axis.push(node('line', { class: 'chart-axis', x1: x(w), x2: x(w), y1: y(0), y2: y(0) + 4 }));
		axis.push(node('text', { class: 'chart-tick', x: x(w), y: y(0) + 16, 'text-anchor': 'middle' }, String(w)));
	}
	axis.push(node('text', { class: 'chart-axis-title', x: margin.left + plotW / 2, y: H - 4, 'text-anchor': 'middle' }, 'Weeks after injury'));
	children.push(node('g', { 'aria-hidden': 'true' }, ...axis));

	// The plan: a line through the sessions, a dot per session, a cross where pain was reported.
	if (plan.sessions.length) {
		const points = plan.sessions.map((s) => `${Math.round(x(weekOf(s.day)) * 10) / 10},${Math.round(y(s.percent) * 10) / 10}`).join(' ');
		const marks = plan.sessions.map((s) => {
			const cx = x(weekOf(s.day));
			const cy = y(s.percent);
			return s.pain
				? node('path', { class: 'chart-pain', d: `M${Math.round((cx - 5) * 10) / 10} ${Math.round((cy - 5) * 10) / 10}l10 10m0 -10l-10 10` })
				: node('circle', { class: 'chart-session', cx, cy, r: 3 });
		});
		children.push(node('g', { class: 'chart-plan' }, node('polyline', { points }), ...marks));
	}

	const svg = node(
		'svg',
		{ role: 'img', 'aria-labelledby': `${idPrefix}-chart-title`, 'aria-describedby': `${idPrefix}-chart-desc`, viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'plan-chart' },
		...children,
	);
	return { svg, title, description };
}
