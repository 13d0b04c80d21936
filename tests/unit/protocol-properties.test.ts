/**
 * For ANY protocol the schema accepts and any input the calculators' validation accepts, the pure
 * maths (src/lib/protocol/) never produces NaN, Infinity, a negative value or an empty plan; and any
 * input it does not accept gets a message, never a number. Protocols are generated from the bounds
 * the schema enforces (PROTOCOL_BOUNDS), edges included, and checked against the schema itself.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { PROTOCOL_BOUNDS, ProtocolSchema, type Bound, type Protocol } from '../../src/schemas/protocol.ts';
import { buildPlan } from '../../src/lib/protocol/plan.ts';
import { evaluatePhase } from '../../src/lib/protocol/phase.ts';
import { validatePain, validatePhase, validatePlan } from '../../src/lib/protocol/validate.ts';
import { phaseView, planView } from '../../src/lib/protocol/present.ts';
import { planCsv, planIcs } from '../../src/lib/protocol/share.ts';
import { MAX_REST_DAYS, MAX_SESSIONS } from '../../src/lib/protocol/limits.ts';
import { formatPace } from '../../src/lib/protocol/pace.ts';

const num = (b: Bound) => (b.integer ? fc.integer({ min: Math.ceil(b.min), max: Math.floor(b.max) }) : fc.double({ min: b.min, max: b.max, noNaN: true, noDefaultInfinity: true }));
const sorted = (b: Bound) => fc.tuple(num(b), num(b)).map(([a, c]): [number, number] => (a <= c ? [a, c] : [c, a]));
const claims = fc.constant(['a-claim']);
const reason = 'Generated for the property test, not clinical advice.';

const NUMERIC_GATES = { painFreeWalkingDays: PROTOCOL_BOUNDS.painFreeWalkingDays, continuousWalkingMinutes: PROTOCOL_BOUNDS.continuousWalkingMinutes, strengthSymmetry: PROTOCOL_BOUNDS.strengthSymmetry } as const;

const numericGate = (id: keyof typeof NUMERIC_GATES) =>
	fc
		.record({ values: fc.tuple(num(NUMERIC_GATES[id]), num(NUMERIC_GATES[id]), num(NUMERIC_GATES[id])), withRange: fc.boolean() })
		.map(({ values, withRange }) => {
			const [lo, min, hi] = [...values].sort((a, b) => a - b) as [number, number, number];
			return { id, label: `Gate ${id}`, min, ...(withRange ? { range: [lo, hi] as [number, number] } : {}), unit: NUMERIC_GATES[id].unit, claims: ['a-claim'] };
		});

const gates = fc
	.uniqueArray(fc.constantFrom('painFreeWalkingDays', 'tendernessResolved', 'continuousWalkingMinutes', 'strengthSymmetry'), { minLength: 1 })
	.chain((ids) => fc.tuple(...ids.map((id) => (id === 'tendernessResolved' ? fc.constant({ id, label: 'Tenderness resolved', claims: ['a-claim'] }) : numericGate(id)))));

const timeline = fc
	.uniqueArray(fc.constantFrom('painFreeWalking', 'running', 'halfDistance', 'fullReturn'), { maxLength: 4 })
	.chain((ids) => fc.tuple(...ids.map((id) => sorted(PROTOCOL_BOUNDS.weeks).map((weeks) => ({ id, label: `Milestone ${id}`, weeks, claims: ['a-claim'] })))));

/** Every protocol the schema's bounds allow (typed as the schema's output once it has parsed). */
const protocols: fc.Arbitrary<Protocol> = fc
	.record({
		guideline: fc.constant('guidelines/x/y'),
		title: fc.constant('Generated protocol'),
		gates,
		redFlags: fc.uniqueArray(fc.constantFrom('painAtRestOrNight', 'focalTenderness'), {}).map((ids) => ids.map((id) => ({ id, label: id, action: 'Refer.', claims: ['a-claim'] }))),
		intervals: fc.record({ runSeconds: sorted(PROTOCOL_BOUNDS.runSeconds), walkSeconds: num(PROTOCOL_BOUNDS.walkSeconds), claims }),
		intensity: fc.record({ fractionOfPreInjury: sorted(PROTOCOL_BOUNDS.fraction), interpretation: fc.constant('Speed as a fraction of pre-injury speed.'), claims }),
		scheduling: fc.record({ daysBetweenSessions: num(PROTOCOL_BOUNDS.daysBetweenSessions), claims }),
		progression: fc.record({ maxIncrease: num(PROTOCOL_BOUNDS.increase), onlyIfPainFree: fc.record({ claims }), claims }),
		speedWork: fc.record({ minFractionOfPreInjuryDistance: num(PROTOCOL_BOUNDS.fraction), claims }),
		painRule: fc.record({
			text: fc.constant('Stop, rest, resume lower.'),
			stepsBack: fc.record({ value: num(PROTOCOL_BOUNDS.stepsBack), reason: fc.constant(reason) }),
			restDays: fc.record({ value: num(PROTOCOL_BOUNDS.restDays), reason: fc.constant(reason) }),
			claims,
		}),
		timeline,
		assumptions: fc.record({
			firstSessionFraction: fc.record({ value: num(PROTOCOL_BOUNDS.fraction), reason: fc.constant(reason) }),
			runningStartWeek: fc.record({ value: num(PROTOCOL_BOUNDS.weeks), reason: fc.constant(reason) }),
		}),
		limits: fc.record({ paceSecondsPerKm: sorted(PROTOCOL_BOUNDS.paceSecondsPerKm), distanceKm: sorted(PROTOCOL_BOUNDS.distanceKm) }),
	})
	.map((candidate) => {
		const parsed = ProtocolSchema.safeParse(candidate);
		// The generator and the schema must agree: a generated protocol the schema rejects is a bug here.
		if (!parsed.success) throw new Error(`generated protocol rejected: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
		return parsed.data;
	});

const isoDay = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));

/** Plan form fields a reader can submit: mostly valid ones across the protocol's limits, sometimes anything at all. */
const planFields = (p: Protocol) => {
	const junk = fc.oneof(fc.string(), fc.constantFrom('', '0', '-3', '0:00', '-5:00', '99:99', 'Infinity', 'NaN', '1e999', '0.0000001', '2026-02-30', 'tomorrow'));
	const sometimes = (valid: fc.Arbitrary<string>) => fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: junk, weight: 1 });
	return fc
		.record({
			unit: fc.constantFrom('km', 'km', 'mi', 'furlong'),
			paceKm: fc.double({ min: p.limits.paceSecondsPerKm[0], max: p.limits.paceSecondsPerKm[1], noNaN: true }),
			distanceKm: fc.double({ min: p.limits.distanceKm[0], max: p.limits.distanceKm[1], noNaN: true }),
			start: isoDay,
			weeksBefore: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
		})
		.chain(({ unit, paceKm, distanceKm, start, weeksBefore }) => {
			const perUnit = unit === 'mi' ? 1.609344 : 1;
			const injury = weeksBefore === undefined ? '' : new Date(Date.parse(`${start}T00:00:00Z`) - weeksBefore * 7 * 86_400_000).toISOString().slice(0, 10);
			return fc.record({
				pace: sometimes(fc.constant(formatPace(paceKm * perUnit))),
				unit: fc.constant(unit),
				distance: sometimes(fc.constant(String(Math.round((distanceKm / perUnit) * 100) / 100))),
				start: sometimes(fc.constant(start)),
				injury: sometimes(fc.constant(injury)),
			});
		});
};

const painReports = fc.array(fc.record({ session: fc.integer({ min: 1, max: MAX_SESSIONS }), restDays: fc.option(fc.integer({ min: 0, max: MAX_REST_DAYS }), { nil: undefined }) }), { maxLength: 4 });

/** Text a reader is shown: never NaN, Infinity, "undefined" or a negative number. */
function readable(text: string): boolean {
	return !/NaN|Infinity|undefined|null/.test(text) && !/(^|[^\w\d])-\d/.test(text);
}

const positive = (n: number) => Number.isFinite(n) && n > 0;

describe('for every schema-valid protocol', () => {
	let accepted = 0;
	test('every accepted plan input gives a non-empty plan of finite, positive numbers; every rejected one a message', () => {
		fc.assert(
			fc.property(
				protocols.chain((p) => fc.tuple(fc.constant(p), planFields(p), painReports)),
				([p, fields, pain]) => {
					const v = validatePlan(p, fields);
					accepted += v.ok ? 1 : 0;
					if (!v.ok) {
						const messages = Object.values(v.errors);
						expect(messages.length).toBeGreaterThan(0);
						for (const m of messages) expect(typeof m === 'string' && m.length > 10 && !/NaN|Infinity|undefined/.test(m), m).toBe(true);
						return;
					}
					const { paceSecondsPerKm, distanceKm } = v.value;
					expect(positive(paceSecondsPerKm) && positive(distanceKm)).toBe(true);
					const plan = buildPlan(p, { ...v.value, pain });
					expect(plan.sessions.length).toBeGreaterThan(0);
					expect(plan.sessions.length).toBeLessThanOrEqual(MAX_SESSIONS);
					for (const s of plan.sessions) {
						expect(positive(s.distanceM) && positive(s.percent) && s.percent <= 100 && s.paceBand.every(positive), JSON.stringify(s)).toBe(true);
						expect(Number.isInteger(s.day) && s.day >= 0 && /^\d{4}-\d{2}-\d{2}$/.test(s.date)).toBe(true);
					}
					expect(Number.isFinite(plan.startWeek) && plan.startWeek >= 0).toBe(true);
					for (const m of plan.milestones) expect(m.planWeek === undefined || (Number.isFinite(m.planWeek) && m.planWeek >= 0)).toBe(true);
					const view = planView(p, plan, v.value.unit);
					const texts = [...view.summary.map((s) => s.text), ...view.milestones.flatMap((m) => [m.guideline, m.plan, m.verdict]), ...view.sessions.flatMap((s) => [s.n, s.distance, s.percent, s.todo])];
					for (const t of texts) expect(readable(t), t).toBe(true);
					expect(/NaN|Infinity|undefined/.test(planCsv(plan) + planIcs(plan))).toBe(false);
				},
			),
			{ numRuns: 300 },
		);
		// The property is about accepted input: a good share of generated cases must reach the plan.
		// Measured 112–140 of 300 over repeated random runs; 100 as the floor failed about once in
		// 250 runs (a flaky test), 60 is far below any run seen and still fails a generator that
		// stopped producing valid input.
		expect(accepted).toBeGreaterThan(60);
	});

	test('every phase input gives a phase, a next step and readable statements; invalid fields get messages', () => {
		const field = (valid: fc.Arbitrary<number>) => fc.oneof(valid.map(String), fc.string(), fc.constantFrom('', '-1', 'NaN', 'Infinity', '1e999'));
		fc.assert(
			fc.property(
				protocols,
				fc.record({
					walkingDays: field(fc.integer({ min: 0, max: 365 })),
					walkingMinutes: field(fc.integer({ min: 0, max: 600 })),
					symmetry: field(fc.integer({ min: 0, max: 150 })),
					tendernessResolved: fc.boolean(),
					painAtRestOrNight: fc.boolean(),
					tenderness: fc.constantFrom('', 'none', 'focal', 'diffuse', 'other'),
					painLastSession: fc.boolean(),
					stage: fc.constantFrom('resting', 'walk-run', 'distance', 'speed', 'full', 'bogus'),
					distancePercent: field(fc.integer({ min: 0, max: 200 })),
				}),
				(p, fields) => {
					const v = validatePhase(fields);
					if (!v.ok) {
						for (const m of Object.values(v.errors)) expect(typeof m === 'string' && m.length > 10 && !/NaN|Infinity|undefined/.test(m), m).toBe(true);
						return;
					}
					const r = evaluatePhase(p, v.value);
					expect(r.next.length).toBeGreaterThan(0);
					const view = phaseView(r);
					expect(view.sections.length).toBeGreaterThan(0);
					for (const item of view.sections.flatMap((s) => s.items)) expect(readable(item.text), item.text).toBe(true);
				},
			),
			{ numRuns: 300 },
		);
	});

	test('a numeric gate is never met by 0 (nothing done is never "ready")', () => {
		fc.assert(
			fc.property(protocols, (p) => {
				const nothing = { painFreeWalkingDays: 0, tendernessResolved: true, continuousWalkingMinutes: 0, strengthSymmetry: 0, painAtRestOrNight: false, tenderness: 'none' as const, painLastSession: false, stage: 'resting' as const, distancePercent: 0 };
				const numeric = p.gates.filter((g) => g.id !== 'tendernessResolved');
				expect(evaluatePhase(p, nothing).unmet.length).toBe(numeric.length);
			}),
			{ numRuns: 200 },
		);
	});

	test('pain reports from the form are accepted only within the plan and the rest limit', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (session, rest) => {
				const r = validatePain({ session, rest });
				if (r.ok) expect(Number.isInteger(r.value.session) && r.value.session >= 1 && (r.value.restDays === undefined || (r.value.restDays >= 0 && r.value.restDays <= MAX_REST_DAYS))).toBe(true);
				else expect(/NaN|Infinity|undefined/.test(r.error)).toBe(false);
			}),
		);
	});
});
