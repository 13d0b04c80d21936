/**
 * What the calculators show around their results (src/lib/protocol/statements.ts, feedback.ts,
 * chart.ts, present.ts): statement link labels, when errors show, the plan chart. Pure, no DOM;
 * rules tested on fixtures and on whatever the real protocol holds.
 */
import { describe, expect, test } from 'vitest';
import { loadProtocol } from '../../src/lib/protocol/load.ts';
import { buildPlan, type Plan } from '../../src/lib/protocol/plan.ts';
import { LABEL_MAX, protocolClaimIds, refLabel, statementLabel, statementRefs } from '../../src/lib/protocol/statements.ts';
import { errorSummary, shownErrors } from '../../src/lib/protocol/feedback.ts';
import { planChart, type SvgNode } from '../../src/lib/protocol/chart.ts';
import { phaseInputsText, planInputsText } from '../../src/lib/protocol/present.ts';

const protocol = loadProtocol(new URL('../../content/protocols/return-to-running.yaml', import.meta.url));

describe('statement links', () => {
	test('a short statement is its own label; a long one is cut between words, with an ellipsis', () => {
		expect(statementLabel('Avoid hard surfaces.')).toBe('Avoid hard surfaces');
		const long = 'Begin with 30-60 second running intervals interspersed with 60-second walking periods';
		const label = statementLabel(long);
		expect(label.length).toBeLessThanOrEqual(LABEL_MAX);
		expect(label.endsWith('…')).toBe(true);
		expect(long.startsWith(label.slice(0, -1))).toBe(true);
		// Never cut mid-word: what precedes the ellipsis is a whole word of the statement.
		expect(long.split(/[\s-]+/)).toContain(label.slice(0, -1).split(/[\s-]+/).at(-1));
	});

	test('a single very long word is still cut to the limit', () => {
		expect(statementLabel('x'.repeat(200)).length).toBe(LABEL_MAX);
	});

	test('each cited statement: label and "section › text" (the heading without its source aside)', () => {
		const page = {
			claims: [
				{ id: 'rest-first', text: 'Rest from running until   walking is pain-free for ten days in a row.', section: 'management' },
				{ id: 'top', text: 'See a clinician.', section: null },
			],
			headings: [{ id: 'management', text: 'Management (74% of studies identified this as critical)' }],
		};
		const refs = statementRefs(page, ['rest-first', 'top', 'gone']);
		expect(refs['rest-first']).toEqual({ label: 'Rest from running until walking is pain-free…', text: 'Management › Rest from running until walking is pain-free for ten days in a row.' });
		expect(refs.top).toEqual({ label: 'See a clinician', text: 'See a clinician.' });
		expect(refs.gone).toBeUndefined();
		// A missing statement is never named by its id.
		expect(JSON.stringify(refLabel(refs, 'gone'))).not.toContain('gone');
	});

	test('every claim id the protocol cites is collected, wherever it sits', () => {
		expect(protocolClaimIds({ a: { claims: ['x', 'y'] }, b: [{ claims: ['y', 'z'], nested: { claims: ['w'] } }] }).sort()).toEqual(['w', 'x', 'y', 'z']);
		const ids = protocolClaimIds(protocol);
		expect(ids).toEqual(expect.arrayContaining([...protocol.intervals.claims, ...protocol.painRule.claims, ...protocol.gates.flatMap((g) => g.claims)]));
	});
});

describe('when errors show', () => {
	const errors = { pace: 'Enter the pace.', distance: 'Enter the distance.', start: undefined };

	test('an untouched form shows nothing, however empty', () => {
		expect(shownErrors(errors, { touched: new Set(), submitted: false })).toEqual({});
	});
	test('a field the reader changed and left shows its own message only', () => {
		expect(shownErrors(errors, { touched: new Set(['pace', 'start']), submitted: false })).toEqual({ pace: 'Enter the pace.' });
	});
	test('after submit every message shows, and the status line counts them', () => {
		expect(shownErrors(errors, { touched: new Set(), submitted: true })).toEqual({ pace: 'Enter the pace.', distance: 'Enter the distance.' });
		expect(errorSummary(errors)).toBe('2 fields need correcting; each message is next to its field.');
		expect(errorSummary({ pace: 'x' })).toBe('One field needs correcting; its message is next to it.');
		expect(errorSummary({ pace: undefined })).toBeUndefined();
	});
});

function walk(n: SvgNode, visit: (n: SvgNode) => void): void {
	visit(n);
	for (const c of n.children) if (typeof c !== 'string') walk(c, visit);
}
const all = (n: SvgNode, tag: SvgNode['tag'], cls?: string) => {
	const out: SvgNode[] = [];
	walk(n, (m) => {
		if (m.tag === tag && (cls === undefined || m.attrs.class === cls)) out.push(m);
	});
	return out;
};
const text = (n: SvgNode): string => n.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

describe('the plan chart', () => {
	const plan = buildPlan(protocol, { paceSecondsPerKm: 300, distanceKm: 8, startDate: '2026-01-05', injuryDate: '2025-12-08', pain: [{ session: 4 }] });

	test('an image with a title and a description naming every milestone and the pain report', () => {
		const { svg, title, description } = planChart(plan, { width: 640, idPrefix: 'island-1-calc' });
		expect(svg.attrs.role).toBe('img');
		const [t] = all(svg, 'title');
		const [d] = all(svg, 'desc');
		expect(svg.attrs['aria-labelledby']).toBe(t!.attrs.id);
		expect(svg.attrs['aria-describedby']).toBe(d!.attrs.id);
		expect(text(t!)).toBe(title);
		expect(text(d!)).toBe(description);
		for (const m of plan.milestones) expect(description).toContain(`${m.label}: guideline weeks ${m.guidelineWeeks[0]}–${m.guidelineWeeks[1]}`);
		expect(description).toContain(`${plan.sessions.length} sessions`);
		expect(description).toContain('Pain reported after session 4.');
	});

	test('one mark per session (a cross where pain was reported) and one band per milestone, inside the picture', () => {
		const { svg } = planChart(plan, { width: 640, idPrefix: 'p' });
		expect(all(svg, 'circle', 'chart-session')).toHaveLength(plan.sessions.length - 1);
		expect(all(svg, 'path', 'chart-pain')).toHaveLength(1);
		expect(all(svg, 'g', 'chart-band')).toHaveLength(plan.milestones.length);
		const [, , w, h] = svg.attrs.viewBox!.split(' ').map(Number);
		for (const c of all(svg, 'circle')) {
			expect(Number(c.attrs.cx)).toBeGreaterThanOrEqual(0);
			expect(Number(c.attrs.cx)).toBeLessThanOrEqual(w!);
			expect(Number(c.attrs.cy)).toBeGreaterThanOrEqual(0);
			expect(Number(c.attrs.cy)).toBeLessThanOrEqual(h!);
		}
		expect(JSON.stringify(svg)).not.toMatch(/NaN|Infinity|undefined/);
	});

	test('later sessions sit further right and never lower (no pain): the x axis is weeks, the y axis distance', () => {
		const clean = buildPlan(protocol, { paceSecondsPerKm: 300, distanceKm: 8, startDate: '2026-01-05' });
		const dots = all(planChart(clean, { width: 500, idPrefix: 'p' }).svg, 'circle', 'chart-session');
		for (let i = 1; i < dots.length; i++) {
			expect(Number(dots[i]!.attrs.cx)).toBeGreaterThan(Number(dots[i - 1]!.attrs.cx));
			expect(Number(dots[i]!.attrs.cy)).toBeLessThanOrEqual(Number(dots[i - 1]!.attrs.cy));
		}
	});

	test('sized for its width (phone to desktop) and labelled on a fixture plan of one session', () => {
		const one: Plan = { sessions: [{ n: 1, date: '2026-01-01', day: 0, distanceM: 800, percent: 100, speedAllowed: true, paceBand: [600, 1000] }], milestones: [], startWeek: 3, startWeekAssumed: true };
		for (const width of [200, 318, 1200]) {
			const { svg, description } = planChart(one, { width, idPrefix: 'p' });
			const vw = Number(svg.attrs.viewBox!.split(' ')[2]);
			expect(vw).toBeGreaterThanOrEqual(280);
			expect(vw).toBeLessThanOrEqual(800);
			expect(description).toBe('1 session, running distance from 100% of pre-injury in week 3 to 100% in week 3 after the injury.');
		}
		const ticks = all(planChart(plan, { width: 318, idPrefix: 'p' }).svg, 'text', 'chart-tick');
		expect(ticks.map(text)).toEqual(expect.arrayContaining(['0%', '50%', '100%', '0']));
	});
});

describe('what a result was computed from', () => {
	test('the plan names pace, distance and dates in the reader\'s unit', () => {
		expect(planInputsText({ paceSecondsPerKm: 300, distanceKm: 8, unit: 'km', startDate: '2026-01-05' })).toBe(
			'Computed from: pre-injury pace 5:00 min/km, pre-injury run 8.00 km, first run 2026-01-05, injury date not given.',
		);
		expect(planInputsText({ paceSecondsPerKm: 300, distanceKm: 8.04672, unit: 'mi', startDate: '2026-01-05', injuryDate: '2025-12-01' })).toBe(
			'Computed from: pre-injury pace 8:03 min/mi, pre-injury run 5.00 mi, first run 2026-01-05, injury date 2025-12-01.',
		);
	});
	test('the phase names every finding; distance and last session only where the stage has them', () => {
		const base = { painFreeWalkingDays: 12, tendernessResolved: false, continuousWalkingMinutes: 40, strengthSymmetry: 78, painAtRestOrNight: false, tenderness: 'unknown', painLastSession: false, stage: 'resting', distancePercent: 0 } as const;
		expect(phaseInputsText(base)).toBe(
			'Computed from: 12 days of pain-free walking, 40 minutes of continuous walking, strength symmetry 78%, tenderness not yet assessed, no pain at rest or at night, stage: resting from running.',
		);
		expect(phaseInputsText({ ...base, stage: 'distance', distancePercent: 60, painLastSession: true })).toContain('stage: continuous running, building distance, distance 60% of pre-injury, pain during or after the last session.');
	});
});
