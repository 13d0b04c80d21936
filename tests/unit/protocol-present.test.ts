/** The calculators' presentation (src/lib/protocol/present.ts): wording, units, ids; pure, no DOM. */
import { describe, expect, test } from 'vitest';
import { loadProtocol } from '../../src/lib/protocol/load.ts';
import { buildPlan } from '../../src/lib/protocol/plan.ts';
import { evaluatePhase, type PhaseInput } from '../../src/lib/protocol/phase.ts';
import { formatDistance, formatPaceIn, islandIds, phaseView, planView, VERDICT_TEXT } from '../../src/lib/protocol/present.ts';
import { validatePain } from '../../src/lib/protocol/validate.ts';
import { MAX_REST_DAYS } from '../../src/lib/protocol/limits.ts';
import { islandPrefix, reservedReason } from '../../src/lib/content/anchors.ts';

// Any valid protocol: the assertions below hold for whatever values it has.
const protocol = loadProtocol(new URL('../../content/protocols/return-to-running.yaml', import.meta.url));

describe('units', () => {
	test('distances in km or miles (1 mile = 1.609344 km)', () => {
		expect(formatDistance(1609.344, 'mi')).toBe('1.00 mi');
		expect(formatDistance(1609.344, 'km')).toBe('1.61 km');
	});
	test('paces per km or per mile', () => {
		expect(formatPaceIn(300, 'km')).toBe('5:00 min/km');
		expect(formatPaceIn(300, 'mi')).toBe('8:03 min/mi');
	});
});

describe('the plan as shown', () => {
	const plan = buildPlan(protocol, { paceSecondsPerKm: 300, distanceKm: 8, startDate: '2026-01-05', pain: [{ session: 3 }] });

	test('one row per session and milestone, in the chosen unit, every verdict worded', () => {
		const km = planView(protocol, plan, 'km');
		const mi = planView(protocol, plan, 'mi');
		expect(km.sessions).toHaveLength(plan.sessions.length);
		expect(km.milestones).toHaveLength(plan.milestones.length);
		expect(km.sessions.every((s) => s.distance.endsWith(' km'))).toBe(true);
		expect(mi.sessions.every((s) => s.distance.endsWith(' mi'))).toBe(true);
		expect(km.milestones.map((m) => m.verdict)).toEqual(plan.milestones.map((m) => VERDICT_TEXT[m.verdict]));
		expect(km.sessions.filter((s) => s.pain)).toHaveLength(1);
		expect(JSON.stringify(km)).not.toMatch(/NaN|Infinity|undefined/);
	});

	test('the pace and progression lines cite their statements', () => {
		const [pace, progression] = planView(protocol, plan, 'km').summary;
		expect(pace!.claims).toEqual(protocol.intensity.claims);
		expect(progression!.claims).toEqual([...protocol.scheduling.claims, ...protocol.progression.claims]);
	});
});

describe('the phase result as shown', () => {
	const input: PhaseInput = {
		painFreeWalkingDays: 0,
		tendernessResolved: false,
		continuousWalkingMinutes: 0,
		strengthSymmetry: 0,
		painAtRestOrNight: false,
		tenderness: 'unknown',
		painLastSession: false,
		stage: 'resting',
		distancePercent: 0,
	};

	test('only non-empty lists, red flags first', () => {
		const view = phaseView(evaluatePhase(protocol, { ...input, painAtRestOrNight: true }));
		expect(view.sections[0]!.title).toBe('Red flags: imaging or referral');
		expect(view.sections.every((s) => s.items.length > 0)).toBe(true);
	});

	test('each red flag of the protocol is raised by its own input', () => {
		const focal = evaluatePhase(protocol, { ...input, tenderness: 'focal' }).redFlags;
		const night = evaluatePhase(protocol, { ...input, painAtRestOrNight: true }).redFlags;
		expect(focal.map((f) => f.claims)).toEqual(protocol.redFlags.filter((f) => f.id === 'focalTenderness').map((f) => f.claims));
		expect(night.map((f) => f.claims)).toEqual(protocol.redFlags.filter((f) => f.id === 'painAtRestOrNight').map((f) => f.claims));
	});
});

describe('pain reports', () => {
	test('a session within the plan and an optional rest', () => {
		expect(validatePain({ session: '3', rest: '' }, 10)).toEqual({ ok: true, value: { session: 3, restDays: undefined } });
		expect(validatePain({ session: '3', rest: '2' }, 10)).toEqual({ ok: true, value: { session: 3, restDays: 2 } });
		expect(validatePain({ session: '11', rest: '' }, 10)).toEqual({ ok: false, error: 'The session number cannot be more than 10 sessions; check the value.' });
		expect(validatePain({ session: '1', rest: String(MAX_REST_DAYS + 1) }, 10).ok).toBe(false);
	});
});

describe('per-instance ids', () => {
	test('two instances never share an id, and every id is reserved from statements', () => {
		const fields = ['pace', 'unit'] as const;
		const one = Object.values(islandIds(islandPrefix(1, 'calc'), fields));
		const two = Object.values(islandIds(islandPrefix(2, 'calc'), fields));
		expect(new Set([...one, ...two]).size).toBe(one.length + two.length);
		for (const id of [...one, ...two]) expect(reservedReason(id)).toBeDefined();
	});
});
