/**
 * Schema for a protocol file (`content/protocols/<id>.yaml`): the thresholds and steps the
 * calculators compute from. Every rule cites the claim ids of its guideline (`claims:`), and the
 * claim check verifies they exist, so each number a calculator uses is traceable to a cited
 * statement. Where the guideline is silent the value is an `assumption` with its reason, shown to
 * users as an assumption, never as evidence.
 */
import { z } from 'zod';

const claims = z
	.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/))
	.min(1)
	.describe('Claim ids on the guideline this rule comes from ([#id] markers); the claim check verifies them.');

const range = z
	.tuple([z.number(), z.number()])
	.refine(([lo, hi]) => lo <= hi, 'Write a range as [low, high].')
	.describe('The range the guideline states, [low, high].');

/** A value the guideline does not give: the calculators need it, so it is stated and explained. */
const assumption = z.strictObject({
	value: z.number().describe('The value used.'),
	reason: z.string().min(20).describe('Why this value, and that the guideline does not state it. Shown to users.'),
});

export const ProtocolSchema = z.strictObject({
	guideline: z.string().describe('Entry id of the guideline this protocol applies, e.g. guidelines/running-injuries/runner-medial-thigh-knee-pain.'),
	title: z.string().min(5).describe('Name shown above the calculators.'),
	gates: z
		.array(
			z.strictObject({
				id: z.enum(['painFreeWalkingDays', 'tendernessResolved', 'continuousWalkingMinutes', 'strengthSymmetry']).describe('Which input the gate reads.'),
				label: z.string().describe('Criterion as shown to the clinician.'),
				min: z.number().optional().describe('Smallest value that meets the gate (numeric gates).'),
				range: range.optional(),
				unit: z.string().optional().describe('Unit shown after the value, e.g. "days".'),
				claims,
			}),
		)
		.min(1)
		.describe('Criteria that must all be met before any running (ready for walk-run).'),
	redFlags: z
		.array(
			z.strictObject({
				id: z.enum(['painAtRestOrNight', 'focalTenderness']).describe('Which input raises the flag.'),
				label: z.string().describe('What was found.'),
				action: z.string().describe('What to do: imaging or referral.'),
				claims,
			}),
		)
		.describe('Findings that call for imaging or referral before any progression.'),
	intervals: z
		.strictObject({ runSeconds: range, walkSeconds: z.number().positive().describe('Seconds of walking between running intervals, e.g. 60.'), claims })
		.describe('Walk-run intervals of the initial running phase.'),
	intensity: z
		.strictObject({
			fractionOfPreInjury: range.describe('Fraction of pre-injury intensity, e.g. [0.3, 0.5].'),
			interpretation: z.string().min(20).describe('Exactly how the fraction is applied to pace, shown to users.'),
			claims,
		})
		.describe('Starting intensity.'),
	scheduling: z.strictObject({ daysBetweenSessions: z.number().int().min(2).describe('Days from one running session to the next; 2 means alternate days.'), claims }).describe('Sessions on alternate days only.'),
	progression: z
		.strictObject({
			maxIncrease: z.number().positive().max(1).describe('Largest step in running distance per progression, e.g. 0.10.'),
			onlyIfPainFree: z.strictObject({ claims }).describe('Progress only when the previous session was pain-free during and after.'),
			claims,
		})
		.describe('Distance progression.'),
	speedWork: z
		.strictObject({ minFractionOfPreInjuryDistance: z.number().min(0).max(1).describe('Share of the pre-injury running distance (0 to 1) that must be reached before speed work, e.g. 0.5.'), claims })
		.describe('Speed work only after this share of pre-injury distance.'),
	painRule: z
		.strictObject({
			text: z.string().describe('The rule as the guideline states it.'),
			stepsBack: assumption.describe('How many progression steps "a lower level" means.'),
			restDays: assumption.describe('Rest days assumed before resuming when no date is known.'),
			claims,
		})
		.describe('What to do when pain occurs.'),
	timeline: z
		.array(
			z.strictObject({
				id: z.enum(['painFreeWalking', 'running', 'halfDistance', 'fullReturn']).describe('Which milestone of the plan this row is compared with.'),
				label: z.string().describe('The milestone as shown to the clinician, e.g. "Initiation of running".'),
				weeks: range.describe('Weeks after injury, [earliest, latest].'),
				claims,
			}),
		)
		.describe('The guideline’s timeline, compared with each plan.'),
	assumptions: z
		.strictObject({
			firstSessionFraction: assumption.describe('Running distance of the first session as a share of pre-injury distance.'),
			runningStartWeek: assumption.describe('Week after injury the first run is taken to be, when no injury date is given.'),
		})
		.describe('Values the calculators need that the guideline does not give.'),
	limits: z
		.strictObject({
			paceSecondsPerKm: range.describe('Plausible pre-injury pace in seconds per km; inputs outside are rejected.'),
			distanceKm: range.describe('Plausible pre-injury run distance in km.'),
		})
		.describe('Input plausibility limits (not clinical thresholds).'),
});

export type Protocol = z.output<typeof ProtocolSchema>;
