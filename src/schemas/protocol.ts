/**
 * Schema for a protocol file (`content/protocols/<id>.yaml`): the thresholds and steps the
 * calculators compute from. Every rule cites the claim ids of its guideline (`claims:`), and the
 * claim check verifies they exist, so each number a calculator uses is traceable to a cited
 * statement. Where the guideline is silent the value is an `assumption` with its reason, shown to
 * users as an assumption, never as evidence.
 *
 * Every number is physiologically bounded (PROTOCOL_BOUNDS): a fraction is between 1% and 100%, a
 * count of days at least 1, a range is [low, high], paces and distances are ones a human runs. A
 * protocol that passes this schema cannot make the calculators show NaN, Infinity, a negative
 * value or an empty plan (tests/unit/protocol-properties.test.ts proves it for every such protocol).
 */
import { z } from 'zod';
import { SLUG } from './slug.ts';

/** One bounded quantity: the values a protocol may give it, and how an editor reads it. */
export interface Bound {
	min: number;
	max: number;
	/** Whole numbers only. */
	integer?: boolean;
	/** Unit written after the number in messages ("days"); fractions say "(a fraction: 0.3 is 30%)". */
	unit: string;
	/** A valid example, given in the fix. */
	example: string;
}

/**
 * The bounds of every protocol number, in one place: the schema enforces them and the property test
 * generates protocols from them. They are plausibility limits for human runners, not clinical advice.
 */
export const PROTOCOL_BOUNDS = {
	/** A fraction of something (pre-injury pace, distance): more than nothing, at most all of it. */
	fraction: { min: 0.01, max: 1, unit: '(a fraction: 0.3 is 30%)', example: '0.3' },
	/** A distance step per progression: a gradual return means at least 1% and at most half again. */
	increase: { min: 0.01, max: 0.5, unit: '(a fraction: 0.1 is 10%)', example: '0.1' },
	/** Days from one session to the next: "alternate days" is 2; at most two weeks. */
	daysBetweenSessions: { min: 2, max: 14, integer: true, unit: 'days', example: '2' },
	runSeconds: { min: 5, max: 3600, unit: 'seconds', example: '30' },
	walkSeconds: { min: 5, max: 3600, unit: 'seconds', example: '60' },
	/** Weeks after injury. */
	weeks: { min: 0, max: 104, unit: 'weeks', example: '3' },
	stepsBack: { min: 1, max: 20, integer: true, unit: 'progression steps', example: '2' },
	restDays: { min: 0, max: 90, integer: true, unit: 'days', example: '2' },
	/** Pre-injury pace per km: faster than 1:40 min/km is faster than any human has run 1 km; slower than 30:00 is walking. */
	paceSecondsPerKm: { min: 100, max: 1800, unit: 'seconds per km', example: '300' },
	/** Pre-injury run distance: from 100 m to 300 km (the longest ultramarathons). */
	distanceKm: { min: 0.1, max: 300, unit: 'km', example: '10' },
	/** Gates, by the input they read (the phase checker's fields accept the same values). */
	painFreeWalkingDays: { min: 1, max: 365, integer: true, unit: 'days', example: '10' },
	continuousWalkingMinutes: { min: 1, max: 600, unit: 'minutes', example: '30' },
	strengthSymmetry: { min: 1, max: 100, unit: '%', example: '75' },
} as const satisfies Record<string, Bound>;

const unitAfter = (b: Bound) => (b.unit === '%' ? '%' : ` ${b.unit}`);

/** The message for a number outside its bound, in the editor's terms, with the fix. */
export function outOfBounds(b: Bound, value: unknown): string {
	const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
	if (b.integer && typeof value === 'number' && Number.isInteger(value) === false && value >= b.min && value <= b.max) {
		return `should be a whole number of ${b.unit}, not ${shown}; write e.g. ${b.example}.`;
	}
	// A percentage written where a fraction belongs (30 for 0.3) is the likeliest slip.
	const guess = b.max === 1 || b.max === 0.5 ? (typeof value === 'number' && value > 1 && value / 100 >= b.min && value / 100 <= b.max ? ` Did you mean ${value / 100} (${value}%)?` : '') : '';
	return `${shown} is not a plausible value: write a ${b.integer ? 'whole number' : 'number'} from ${b.min} to ${b.max}${unitAfter(b)}, e.g. ${b.example}.${guess}`;
}

const inBound = (b: Bound, v: number) => v >= b.min && v <= b.max && (!b.integer || Number.isInteger(v));

/** A number within `b`, with the message an editor needs when it is not. */
function bounded(b: Bound): z.ZodNumber {
	return z.number().superRefine((value, ctx) => {
		if (!inBound(b, value)) ctx.addIssue({ code: 'custom', message: outOfBounds(b, value), input: value });
	});
}

/** A range the guideline states, [low, high], each end within `b`. */
function range(b: Bound) {
	return z
		.tuple([bounded(b), bounded(b)])
		// The order is judged only once both ends are plausible (else the bound's message says it all).
		.refine(([lo, hi]) => lo <= hi || !inBound(b, lo) || !inBound(b, hi), {
			error: (issue) => {
				const [lo, hi] = issue.input as [number, number];
				return `is written [high, low]: ${lo} is more than ${hi}. Write the range as [low, high]: [${hi}, ${lo}].`;
			},
		});
}

const claims = z
	.array(z.string().regex(SLUG))
	.min(1)
	.describe('Claim ids on the guideline this rule comes from ([#id] markers); the claim check verifies them.');

/** A value the guideline does not give: the calculators need it, so it is stated and explained. */
const assumption = (b: Bound) =>
	z.strictObject({
		value: bounded(b).describe(`The value used: ${b.min} to ${b.max}${unitAfter(b)}.`),
		reason: z.string().min(20).describe('Why this value, and that the guideline does not state it. Shown to users.'),
	});

type GateId = 'painFreeWalkingDays' | 'tendernessResolved' | 'continuousWalkingMinutes' | 'strengthSymmetry';
/** The bound of each numeric gate; a yes/no gate has none. */
const GATE_BOUNDS: Record<GateId, Bound | undefined> = {
	painFreeWalkingDays: PROTOCOL_BOUNDS.painFreeWalkingDays,
	tendernessResolved: undefined,
	continuousWalkingMinutes: PROTOCOL_BOUNDS.continuousWalkingMinutes,
	strengthSymmetry: PROTOCOL_BOUNDS.strengthSymmetry,
};

const gate = z
	.strictObject({
		id: z.enum(['painFreeWalkingDays', 'tendernessResolved', 'continuousWalkingMinutes', 'strengthSymmetry']).describe('Which input the gate reads.'),
		label: z.string().describe('Criterion as shown to the clinician.'),
		min: z.number().optional().describe('Smallest value that meets the gate; required for numeric gates (days at least 1, minutes at least 1, strength symmetry 1–100%), not allowed for tendernessResolved (yes/no).'),
		range: z.tuple([z.number(), z.number()]).optional().describe('The range the guideline states, [low, high]; min lies within it.'),
		unit: z.string().optional().describe('Unit shown after the value, e.g. "days".'),
		claims,
	})
	.superRefine((g, ctx) => {
		const b = GATE_BOUNDS[g.id];
		const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
		if (!b) {
			if (g.min !== undefined) issue(['min'], `${g.id} is a yes/no criterion: delete min (there is no number to reach).`);
			if (g.range !== undefined) issue(['range'], `${g.id} is a yes/no criterion: delete range.`);
			return;
		}
		const within = (v: number) => inBound(b, v);
		if (g.min === undefined) issue(['min'], `is missing: ${g.id} is a numeric criterion and needs the smallest value that meets it, e.g. min: ${b.example} (without it any value, even 0, would meet it).`);
		else if (!within(g.min)) issue(['min'], outOfBounds(b, g.min));
		if (g.range) {
			g.range.forEach((v, i) => {
				if (!within(v)) issue(['range', i], outOfBounds(b, v));
			});
			const [lo, hi] = g.range;
			if (lo > hi) issue(['range'], `is written [high, low]: ${lo} is more than ${hi}. Write the range as [low, high]: [${hi}, ${lo}].`);
			else if (g.min !== undefined && within(g.min) && (g.min < lo || g.min > hi)) issue(['min'], `${g.min} is outside the range [${lo}, ${hi}] the guideline states: set min to ${lo} (the low end), or correct the range.`);
		}
	});

/** Ids that may appear once only in a list (two gates reading one input would contradict each other). */
function uniqueIds<T extends { id: string }>(what: string) {
	return (items: T[], ctx: z.RefinementCtx) => {
		const seen = new Map<string, number>();
		items.forEach((item, i) => {
			const first = seen.get(item.id);
			if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${item.id}" is already the ${what} at position ${first + 1}: give each ${what} once (merge the two entries).` });
			else seen.set(item.id, i);
		});
	};
}

export const ProtocolSchema = z.strictObject({
	guideline: z.string().describe('Entry id of the guideline this protocol applies, e.g. guidelines/running-injuries/runner-medial-thigh-knee-pain.'),
	title: z.string().min(5).describe('Name shown above the calculators.'),
	gates: z.array(gate).min(1).superRefine(uniqueIds('gate')).describe('Criteria that must all be met before any running (ready for walk-run).'),
	redFlags: z
		.array(
			z.strictObject({
				id: z.enum(['painAtRestOrNight', 'focalTenderness']).describe('Which input raises the flag.'),
				label: z.string().describe('What was found.'),
				action: z.string().describe('What to do: imaging or referral.'),
				claims,
			}),
		)
		.superRefine(uniqueIds('red flag'))
		.describe('Findings that call for imaging or referral before any progression.'),
	intervals: z
		.strictObject({
			runSeconds: range(PROTOCOL_BOUNDS.runSeconds).describe('Seconds of running per interval, [low, high] as the guideline states them (5 to 3600).'),
			walkSeconds: bounded(PROTOCOL_BOUNDS.walkSeconds).describe('Seconds of walking between running intervals, e.g. 60 (5 to 3600).'),
			claims,
		})
		.describe('Walk-run intervals of the initial running phase.'),
	intensity: z
		.strictObject({
			fractionOfPreInjury: range(PROTOCOL_BOUNDS.fraction).describe('Fraction of pre-injury intensity, [low, high], each from 0.01 to 1, e.g. [0.3, 0.5] for 30–50%.'),
			interpretation: z.string().min(20).describe('Exactly how the fraction is applied to pace, shown to users.'),
			claims,
		})
		.describe('Starting intensity.'),
	scheduling: z
		.strictObject({ daysBetweenSessions: bounded(PROTOCOL_BOUNDS.daysBetweenSessions).describe('Days from one running session to the next; 2 means alternate days (whole days, 2 to 14).'), claims })
		.describe('Sessions on alternate days only.'),
	progression: z
		.strictObject({
			maxIncrease: bounded(PROTOCOL_BOUNDS.increase).describe('Largest step in running distance per progression, as a fraction from 0.01 to 0.5, e.g. 0.10 for 10%.'),
			onlyIfPainFree: z.strictObject({ claims }).describe('Progress only when the previous session was pain-free during and after.'),
			claims,
		})
		.describe('Distance progression.'),
	speedWork: z
		.strictObject({
			minFractionOfPreInjuryDistance: bounded(PROTOCOL_BOUNDS.fraction).describe('Share of the pre-injury running distance (0.01 to 1) that must be reached before speed work, e.g. 0.5.'),
			claims,
		})
		.describe('Speed work only after this share of pre-injury distance.'),
	painRule: z
		.strictObject({
			text: z.string().describe('The rule as the guideline states it.'),
			stepsBack: assumption(PROTOCOL_BOUNDS.stepsBack).describe('How many progression steps "a lower level" means (whole steps, at least 1).'),
			restDays: assumption(PROTOCOL_BOUNDS.restDays).describe('Rest days assumed before resuming when no date is known (whole days, 0 to 90).'),
			claims,
		})
		.describe('What to do when pain occurs.'),
	timeline: z
		.array(
			z.strictObject({
				id: z.enum(['painFreeWalking', 'running', 'halfDistance', 'fullReturn']).describe('Which milestone of the plan this row is compared with.'),
				label: z.string().describe('The milestone as shown to the clinician, e.g. "Initiation of running".'),
				weeks: range(PROTOCOL_BOUNDS.weeks).describe('Weeks after injury, [earliest, latest] (0 to 104).'),
				claims,
			}),
		)
		.superRefine(uniqueIds('milestone'))
		.describe('The guideline’s timeline, compared with each plan.'),
	assumptions: z
		.strictObject({
			firstSessionFraction: assumption(PROTOCOL_BOUNDS.fraction).describe('Running distance of the first session as a share of pre-injury distance.'),
			runningStartWeek: assumption(PROTOCOL_BOUNDS.weeks).describe('Week after injury the first run is taken to be, when no injury date is given.'),
		})
		.describe('Values the calculators need that the guideline does not give.'),
	limits: z
		.strictObject({
			paceSecondsPerKm: range(PROTOCOL_BOUNDS.paceSecondsPerKm).describe('Plausible pre-injury pace in seconds per km, [fastest, slowest] (100 to 1800); inputs outside are rejected.'),
			distanceKm: range(PROTOCOL_BOUNDS.distanceKm).describe('Plausible pre-injury run distance in km, [shortest, longest] (0.1 to 300).'),
		})
		.describe('Input plausibility limits (not clinical thresholds).'),
});

export type Protocol = z.output<typeof ProtocolSchema>;
