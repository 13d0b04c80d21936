import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { loadProtocol } from '../../src/lib/protocol/load.ts';
import { buildPlan } from '../../src/lib/protocol/plan.ts';
import { evaluatePhase, type PhaseInput } from '../../src/lib/protocol/phase.ts';
import { validatePlan, validatePhase } from '../../src/lib/protocol/validate.ts';
import { decodeScenario, encodeScenario, planCsv, planIcs } from '../../src/lib/protocol/share.ts';
import { formatPace, parsePace } from '../../src/lib/protocol/pace.ts';

const protocol = loadProtocol(new URL('../../content/protocols/return-to-running.yaml', import.meta.url));

describe('worked example: 5:00 min/km, 8 km, no injury date', () => {
	const plan = buildPlan(protocol, { paceSecondsPerKm: 300, distanceKm: 8, startDate: '2026-01-05' });

	test('starts at 10% distance on alternate days with the interpreted pace band', () => {
		expect(plan.sessions[0]).toMatchObject({ n: 1, date: '2026-01-05', distanceM: 800, speedAllowed: false });
		expect(plan.sessions[1]).toMatchObject({ date: '2026-01-07', distanceM: 880 });
		expect(plan.sessions[0]!.paceBand.map(formatPace)).toEqual(['16:40', '10:00']);
	});

	test('milestones against the guideline timeline', () => {
		expect(plan.startWeekAssumed).toBe(true);
		expect(plan.milestones.map((m) => [m.id, m.planWeek, m.guidelineWeeks, m.verdict])).toEqual([
			['running', 3, [3, 4], 'within'],
			['halfDistance', 7.9, [6, 8], 'within'],
			['fullReturn', 10.1, [10, 14], 'within'],
		]);
	});

	test('a pain report stops, rests and resumes two steps lower', () => {
		const withPain = buildPlan(protocol, { paceSecondsPerKm: 300, distanceKm: 8, startDate: '2026-01-05', pain: [{ session: 10 }] });
		const s10 = withPain.sessions[9]!;
		expect(s10.pain).toBe(true);
		expect(s10.note).toMatch(/^Pain reported: stop, rest 2 days until symptoms resolve, resume at 1\.56 km\.$/);
		expect(withPain.sessions[10]!.distanceM).toBe(withPain.sessions[7]!.distanceM);
		// Two full rest days (19 and 20 days after the first run), then the next run on day 21.
		expect(withPain.sessions[10]!.day - s10.day).toBe(3);
		expect(withPain.milestones.at(-1)!.planWeek!).toBeGreaterThan(plan.milestones.at(-1)!.planWeek!);
	});

	test('changing a threshold in the protocol data changes the plan, with no code change', () => {
		const faster = buildPlan({ ...protocol, progression: { ...protocol.progression, maxIncrease: 0.2 } }, { paceSecondsPerKm: 300, distanceKm: 8, startDate: '2026-01-05' });
		expect(faster.sessions.length).toBeLessThan(plan.sessions.length);
	});
});

const planInput = fc.record({
	paceSecondsPerKm: fc.integer({ min: 150, max: 900 }),
	distanceKm: fc.double({ min: 1, max: 100, noNaN: true }),
	startDate: fc.constant('2026-03-01'),
	pain: fc.array(fc.record({ session: fc.integer({ min: 1, max: 60 }), restDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }) }), { maxLength: 3 }),
});

describe('plan properties, for every valid input', () => {
	test('never runs on consecutive days', () => {
		fc.assert(fc.property(planInput, (input) => buildPlan(protocol, input).sessions.every((s, i, all) => i === 0 || s.day - all[i - 1]!.day >= 2)));
	});
	test('never lets distance jump more than 10%', () => {
		fc.assert(fc.property(planInput, (input) => buildPlan(protocol, input).sessions.every((s, i, all) => i === 0 || s.distanceM <= all[i - 1]!.distanceM * 1.1)));
	});
	// Distances are whole metres, so "50%" is half of the pre-injury distance rounded to the metre.
	test('never allows speed work before 50% of pre-injury distance', () => {
		fc.assert(fc.property(planInput, (input) => buildPlan(protocol, input).sessions.every((s) => !s.speedAllowed || s.distanceM >= Math.round(input.distanceKm * 1000) * 0.5)));
	});
	test('ends at the pre-injury distance, with finite numbers only', () => {
		fc.assert(
			fc.property(planInput, (input) => {
				const plan = buildPlan(protocol, input);
				const last = plan.sessions.at(-1)!;
				return last.distanceM === Math.round(input.distanceKm * 1000) && plan.sessions.every((s) => Number.isFinite(s.distanceM) && Number.isFinite(s.percent) && s.paceBand.every(Number.isFinite));
			}),
		);
	});
});

describe('input validation', () => {
	const fields = { pace: '5:00', unit: 'km', distance: '8', start: '2026-01-05', injury: '' };
	test.each([
		[{ pace: '' }, 'pace', 'Enter the pre-injury pace as minutes:seconds per km, e.g. 5:30.'],
		[{ pace: 'fast' }, 'pace', 'Write the pace as minutes:seconds per km, e.g. 5:30.'],
		[{ pace: '0:30' }, 'pace', '0:30 min/km is not a plausible running pace; enter one between 2:30 and 15:00 min/km.'],
		[{ pace: '40:00' }, 'pace', '40:00 min/km is not a plausible running pace; enter one between 2:30 and 15:00 min/km.'],
		[{ distance: '0' }, 'distance', 'The pre-injury run distance cannot be less than 1 km.'],
		[{ distance: '500' }, 'distance', 'The pre-injury run distance cannot be more than 100 km; check the value.'],
		[{ distance: '-3' }, 'distance', 'The pre-injury run distance cannot be less than 1 km.'],
		[{ distance: 'ten' }, 'distance', 'Enter the pre-injury run distance as a number from 1 to 100 km.'],
		[{ start: '2026-02-30' }, 'start', 'Enter the date of the first run (YYYY-MM-DD).'],
		[{ injury: '2026-02-01' }, 'injury', 'The injury date must be on or before the first run.'],
	])('%j → %s: %s', (change, field, message) => {
		const result = validatePlan(protocol, { ...fields, ...change });
		expect(result.ok).toBe(false);
		expect(result.errors[field]).toBe(message);
	});

	test('miles are converted', () => {
		const result = validatePlan(protocol, { ...fields, unit: 'mi', pace: '8:03', distance: '5' });
		expect(result.ok && Math.round(result.value.paceSecondsPerKm)).toBe(300);
		expect(result.ok && result.value.distanceKm).toBeCloseTo(8.05, 2);
	});

	test('random text never produces NaN or an exception', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (pace, distance) => {
				const r = validatePlan(protocol, { ...fields, pace, distance });
				return !r.ok || (Number.isFinite(r.value.paceSecondsPerKm) && Number.isFinite(r.value.distanceKm));
			}),
		);
	});

	test('phase fields', () => {
		const r = validatePhase({ walkingDays: '-1', walkingMinutes: 'x', symmetry: '80', tendernessResolved: true, painAtRestOrNight: false, tenderness: 'none', painLastSession: false, stage: 'resting', distancePercent: '' });
		expect(r.errors).toEqual({ walkingDays: 'The consecutive pain-free walking days cannot be less than 0 days.', walkingMinutes: 'Enter the minutes of continuous pain-free walking as a number from 0 to 600 minutes.' });
	});

	test('a percentage typed with its sign is accepted as the number', () => {
		const r = validatePhase({ walkingDays: '3', walkingMinutes: '30', symmetry: '85 %', tendernessResolved: true, painAtRestOrNight: false, tenderness: 'none', painLastSession: false, stage: 'resting', distancePercent: '' });
		expect(r.ok).toBe(true);
		expect(r.ok && r.value.strengthSymmetry).toBe(85);
	});

	test('a percentage field that is not a number names its range, not an example value', () => {
		const r = validatePhase({ walkingDays: '3', walkingMinutes: '30', symmetry: 'most', tendernessResolved: true, painAtRestOrNight: false, tenderness: 'none', painLastSession: false, stage: 'resting', distancePercent: '' });
		expect(r.errors).toEqual({ symmetry: 'Enter the strength symmetry as a number from 0 to 150%.' });
	});
});

describe('phase checker', () => {
	const ready: PhaseInput = { painFreeWalkingDays: 12, tendernessResolved: true, continuousWalkingMinutes: 40, strengthSymmetry: 80, painAtRestOrNight: false, tenderness: 'none', painLastSession: false, stage: 'resting', distancePercent: 0 };

	test('all gates met while resting: ready for walk-run, with the next step cited', () => {
		const r = evaluatePhase(protocol, ready);
		expect(r.phase).toBe('ready-for-walk-run');
		expect(r.unmet).toEqual([]);
		expect(r.next[0]!.text).toBe('Start walk-run intervals: 30–60 s running, 60 s walking, at 30%–50% of pre-injury pace, on alternate days only.');
		expect(r.next[0]!.claims).toContain('walk-run-intervals');
	});

	test('an unmet gate keeps the runner in immediate management and says which', () => {
		const r = evaluatePhase(protocol, { ...ready, painFreeWalkingDays: 6 });
		expect(r.phase).toBe('immediate-management');
		expect(r.unmet).toEqual([{ text: 'Consecutive days of pain-free walking: 6 days (needs 10–14 days)', claims: ['gate-pain-free-walking-days'] }]);
	});

	test('tenderness not yet assessed never counts as resolved, whatever else is met', () => {
		const r = evaluatePhase(protocol, { ...ready, tendernessResolved: false, tenderness: 'unknown' });
		expect(r.phase).toBe('immediate-management');
		expect(r.unmet).toEqual([{ text: 'Localized tenderness on palpation completely resolved: not yet assessed', claims: ['gate-tenderness-resolved'] }]);
		const fields = { walkingDays: '12', walkingMinutes: '40', symmetry: '80', tendernessResolved: true, painAtRestOrNight: false, tenderness: '', painLastSession: false, stage: 'resting', distancePercent: '' };
		const validated = validatePhase(fields);
		expect(validated.ok && validated.value).toMatchObject({ tenderness: 'unknown', tendernessResolved: false });
	});

	test('red flags: pain at rest or night, focal tenderness', () => {
		const r = evaluatePhase(protocol, { ...ready, painAtRestOrNight: true, tenderness: 'focal' });
		expect(r.phase).toBe('immediate-management');
		expect(r.redFlags.map((f) => f.claims[0])).toEqual(['pain-at-rest-or-night', 'focal-tenderness-stress-fracture']);
	});

	test('distance at half of pre-injury allows speed work; pain in the last session applies the pain rule', () => {
		expect(evaluatePhase(protocol, { ...ready, stage: 'distance', distancePercent: 50 }).phase).toBe('speed-work-allowed');
		expect(evaluatePhase(protocol, { ...ready, stage: 'distance', distancePercent: 40 }).phase).toBe('distance-progression');
		const pain = evaluatePhase(protocol, { ...ready, stage: 'distance', distancePercent: 40, painLastSession: true });
		expect(pain.next[0]!.text).toBe('Stop immediately, rest until symptoms completely resolve, then resume at a lower level.');
	});

	test('a changed threshold in the data changes the verdict', () => {
		const stricter = { ...protocol, gates: protocol.gates.map((g) => (g.id === 'painFreeWalkingDays' ? { ...g, min: 14 } : g)) };
		expect(evaluatePhase(stricter, ready).phase).toBe('immediate-management');
	});
});

describe('sharing and export', () => {
	test('scenario URL round-trips', () => {
		fc.assert(
			fc.property(
				fc.record({ pace: fc.constantFrom('5:00', '4:45', '12:30'), unit: fc.constantFrom('km', 'mi'), distance: fc.constantFrom('8', '12.5'), start: fc.constant('2026-01-05'), injury: fc.constantFrom('', '2025-12-10') }),
				fc.array(fc.record({ session: fc.integer({ min: 1, max: 300 }), restDays: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }) }), { maxLength: 4 }),
				(fields, pain) => {
					const decoded = decodeScenario(encodeScenario({ ...fields, pain }));
					expect({ injury: '', pain: [], ...decoded }).toEqual({ ...fields, pain });
				},
			),
		);
	});

	test('malformed query parts are dropped, not thrown', () => {
		expect(decodeScenario('pace=5:00&pain=x,0,3:abc,4:2&unit=furlong')).toEqual({ pace: '5:00', pain: [{ session: 4, restDays: 2 }] });
	});

	test('CSV and ICS exports have one row or event per session', () => {
		const plan = buildPlan(protocol, { paceSecondsPerKm: 300, distanceKm: 8, startDate: '2026-01-05' });
		expect(planCsv(plan).trim().split('\r\n')).toHaveLength(plan.sessions.length + 1);
		const ics = planIcs(plan);
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(plan.sessions.length);
		expect(ics).toContain('DTSTART;VALUE=DATE:20260105');
	});

	test('pace parsing', () => {
		expect([parsePace('5:00'), parsePace('5'), parsePace('5:75'), parsePace('abc'), parsePace('0:00')]).toEqual([300, 300, undefined, undefined, undefined]);
	});
});
