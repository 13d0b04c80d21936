/**
 * What the calculators show, as plain data: the wording, units and claim links of a plan or a
 * phase result. Pure (no DOM), so it is unit-tested; the islands' scripts only turn it into
 * elements. Every record keyed by an id from the schema is exhaustive, so a new id fails the
 * type check instead of being shown as something else.
 */
import type { Protocol } from '../../schemas/protocol.ts';
import { formatPace, fromSecondsPerKm, KM_PER_MILE, type PaceUnit } from './pace.ts';
import type { PhaseInput, PhaseResult, Statement } from './phase.ts';
import type { Milestone, Plan } from './plan.ts';

/** A line of result text and the statements it comes from. */
export type { Statement } from './phase.ts';

/** How each milestone verdict reads in the table. */
export const VERDICT_TEXT: Record<Milestone['verdict'], string> = {
	within: 'agrees',
	earlier: 'earlier than the guideline',
	later: 'later than the guideline',
	'not reached': 'not reached',
};

/** 1234 m → "1.23 km" or "0.77 mi". */
export function formatDistance(meters: number, unit: PaceUnit): string {
	return unit === 'km' ? `${(meters / 1000).toFixed(2)} km` : `${(meters / 1000 / KM_PER_MILE).toFixed(2)} mi`;
}

/** 300 s/km → "5:00 min/km", or per mile. */
export function formatPaceIn(secondsPerKm: number, unit: PaceUnit): string {
	return `${formatPace(fromSecondsPerKm(secondsPerKm, unit))} min/${unit}`;
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

export interface PlanView {
	/** Summary paragraphs above the tables. */
	summary: Statement[];
	milestones: { label: string; guideline: string; plan: string; verdict: string; claims: string[] }[];
	sessions: { n: string; date: string; distance: string; percent: string; todo: string; pain: boolean }[];
}

/** The progression calculator's result, worded in the reader's unit. */
export function planView(p: Protocol, plan: Plan, unit: PaceUnit): PlanView {
	const first = plan.sessions[0];
	const [low, high] = p.intensity.fractionOfPreInjury;
	const summary: Statement[] = first
		? [
				{ text: `Running pace at ${percent(low)}–${percent(high)} intensity: ${formatPaceIn(first.paceBand[0], unit)} to ${formatPaceIn(first.paceBand[1], unit)}.`, claims: p.intensity.claims },
				{
					text: `${plan.sessions.length} sessions on alternate days, running distance +${percent(p.progression.maxIncrease)} per pain-free session, from ${formatDistance(first.distanceM, unit)}.`,
					claims: [...p.scheduling.claims, ...p.progression.claims],
				},
			]
		: [];
	summary.push({ text: plan.startWeekAssumed ? `No injury date given: ${p.assumptions.runningStartWeek.reason}` : `The first run is ${plan.startWeek.toFixed(1)} weeks after the injury.`, claims: [] });
	const walkRun = `Walk-run: ${p.intervals.runSeconds[0]}–${p.intervals.runSeconds[1]} s run / ${p.intervals.walkSeconds} s walk`;
	return {
		summary,
		milestones: plan.milestones.map((m) => ({
			label: m.label,
			guideline: `${m.guidelineWeeks[0]}–${m.guidelineWeeks[1]}`,
			plan: m.planWeek === undefined ? '—' : String(m.planWeek),
			verdict: VERDICT_TEXT[m.verdict],
			claims: m.claims,
		})),
		sessions: plan.sessions.map((s) => ({
			n: String(s.n),
			date: s.date,
			distance: formatDistance(s.distanceM, unit),
			percent: `${s.percent}%`,
			todo: s.note ?? (s.speedAllowed ? 'Speed work may be introduced' : walkRun),
			pain: s.pain === true,
		})),
	};
}

/** The table headings of the plan, in column order. */
export const MILESTONE_COLUMNS = ['Milestone', 'Guideline', 'Plan', 'Verdict'] as const;
export const SESSION_COLUMNS = ['#', 'Date', 'Running distance', 'Of pre-injury', 'What to do'] as const;

/** The phase checker's result: the phase, then the non-empty lists in reading order. */
export function phaseView(r: PhaseResult): { phase: string; sections: { title: string; items: Statement[] }[] } {
	const sections = [
		{ title: 'Red flags: imaging or referral', items: r.redFlags },
		{ title: 'What comes next', items: r.next },
		{ title: 'Criteria not met', items: r.unmet },
		{ title: 'Criteria met', items: r.met },
	];
	return { phase: r.phaseLabel, sections: sections.filter((s) => s.items.length > 0) };
}

/**
 * Element ids of one calculator instance: every id is prefixed with the instance's own prefix
 * (content/anchors.ts islandPrefix), so two calculators on a page never share an id.
 */
export function islandIds<const F extends readonly string[]>(prefix: string, fields: F): { title: string } & Record<F[number], string> & Record<`${F[number]}Error`, string> {
	const ids: Record<string, string> = { title: `${prefix}-title` };
	for (const f of fields) {
		ids[f] = `${prefix}-${f}`;
		ids[`${f}Error`] = `${prefix}-${f}-error`;
	}
	return ids as { title: string } & Record<F[number], string> & Record<`${F[number]}Error`, string>;
}

/** The values a plan was computed from, in words: printed with the plan, so the paper says what it is for. */
export function planInputsText(v: { paceSecondsPerKm: number; distanceKm: number; unit: PaceUnit; startDate: string; injuryDate?: string | undefined }): string {
	const distance = formatDistance(Math.round(v.distanceKm * 1000), v.unit);
	return `Computed from: pre-injury pace ${formatPaceIn(v.paceSecondsPerKm, v.unit)}, pre-injury run ${distance}, first run ${v.startDate}, injury date ${v.injuryDate ?? 'not given'}.`;
}

const STAGE_TEXT: Record<PhaseInput['stage'], string> = {
	resting: 'resting from running',
	'walk-run': 'walk-run intervals',
	distance: 'continuous running, building distance',
	speed: 'including speed work',
	full: 'full training',
};
const TENDERNESS_TEXT: Record<PhaseInput['tenderness'], string> = { unknown: 'not yet assessed', none: 'none', diffuse: 'diffuse (>5 cm)', focal: 'focal (<5 cm)' };

/** The findings a phase was computed from, in words. */
export function phaseInputsText(i: PhaseInput): string {
	const parts = [
		`${i.painFreeWalkingDays} days of pain-free walking`,
		`${i.continuousWalkingMinutes} minutes of continuous walking`,
		`strength symmetry ${i.strengthSymmetry}%`,
		`tenderness ${TENDERNESS_TEXT[i.tenderness]}`,
		i.painAtRestOrNight ? 'pain at rest or at night' : 'no pain at rest or at night',
		`stage: ${STAGE_TEXT[i.stage]}`,
	];
	if (i.stage !== 'resting' && i.stage !== 'walk-run') parts.push(`distance ${i.distancePercent}% of pre-injury`);
	if (i.stage !== 'resting') parts.push(i.painLastSession ? 'pain during or after the last session' : 'last session pain-free');
	return `Computed from: ${parts.join(', ')}.`;
}
