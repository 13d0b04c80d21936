/**
 * Field validation for the calculators: every field gets a clear message or a clean value; never
 * NaN or Infinity. Messages are shown next to the field.
 */
import type { Protocol } from '../../schemas/protocol.ts';
import { formatPace, fromSecondsPerKm, parsePace, toSecondsPerKm, type PaceUnit, KM_PER_MILE } from './pace.ts';
import type { PhaseInput, Stage } from './phase.ts';
import type { PainReport } from './plan.ts';
import { MAX_REST_DAYS, MAX_SESSIONS } from './limits.ts';

export type Validated<T> = { ok: true; value: T; errors: Record<string, never> } | { ok: false; errors: Partial<Record<string, string>> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A finite number from a text field, or a message. */
export function number(text: string, { min, max, integer, label, unit }: { min: number; max: number; integer?: boolean; label: string; unit: string }): number | string {
	// A percentage typed with its sign ("85%") is the number the reader meant.
	const trimmed = unit.startsWith('%') ? text.trim().replace(/\s*%$/, '') : text.trim();
	if (trimmed === '') return `Enter ${label}.`;
	// The accepted range, not an example value: an example such as "1" reads as a suggestion (an
	// odd one for a percentage), and any fixed example could be mistaken for a clinical target.
	if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return `Enter ${label} as a number${integer ? ' of whole ' + unit : ''} from ${min} to ${max}${unit.startsWith('%') ? '' : ' '}${unit}.`;
	const n = Number(trimmed);
	if (!Number.isFinite(n)) return `Enter ${label} as a number.`;
	if (integer && !Number.isInteger(n)) return `Enter whole ${unit}.`;
	if (n < min) return `${label[0]!.toUpperCase()}${label.slice(1)} cannot be less than ${min} ${unit}.`;
	if (n > max) return `${label[0]!.toUpperCase()}${label.slice(1)} cannot be more than ${max} ${unit}; check the value.`;
	return n;
}

export interface PlanFields {
	pace: string;
	unit: string;
	distance: string;
	start: string;
	injury: string;
}

export interface PlanValues {
	paceSecondsPerKm: number;
	distanceKm: number;
	unit: PaceUnit;
	startDate: string;
	injuryDate: string | undefined;
}

export function validatePlan(p: Protocol, f: PlanFields): Validated<PlanValues> {
	const errors: Partial<Record<keyof PlanFields, string>> = {};
	const unit: PaceUnit = f.unit === 'mi' ? 'mi' : 'km';
	const [fastest, slowest] = p.limits.paceSecondsPerKm;
	const perUnit = parsePace(f.pace);
	let paceSecondsPerKm = 0;
	if (f.pace.trim() === '') errors.pace = `Enter the pre-injury pace as minutes:seconds per ${unit}, e.g. 5:30.`;
	else if (perUnit === undefined) errors.pace = `Write the pace as minutes:seconds per ${unit}, e.g. 5:30.`;
	else {
		paceSecondsPerKm = toSecondsPerKm(perUnit, unit);
		if (paceSecondsPerKm < fastest || paceSecondsPerKm > slowest) {
			errors.pace = `${f.pace.trim()} min/${unit} is not a plausible running pace; enter one between ${formatPace(fromSecondsPerKm(fastest, unit))} and ${formatPace(fromSecondsPerKm(slowest, unit))} min/${unit}.`;
		}
	}
	const [minKm, maxKm] = p.limits.distanceKm;
	const factor = unit === 'km' ? 1 : KM_PER_MILE;
	const d = number(f.distance, { min: Math.round((minKm / factor) * 10) / 10, max: Math.round(maxKm / factor), label: 'the pre-injury run distance', unit });
	if (typeof d === 'string') errors.distance = d;
	if (!validDate(f.start)) errors.start = 'Enter the date of the first run (YYYY-MM-DD).';
	const injury = f.injury.trim();
	if (injury && !validDate(injury)) errors.injury = 'Enter the injury date as YYYY-MM-DD, or leave it empty.';
	else if (injury && validDate(f.start) && injury > f.start) errors.injury = 'The injury date must be on or before the first run.';
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, errors: {}, value: { paceSecondsPerKm, distanceKm: (d as number) * factor, unit, startDate: f.start, injuryDate: injury || undefined } };
}

export interface PhaseFields {
	walkingDays: string;
	walkingMinutes: string;
	symmetry: string;
	tendernessResolved: boolean;
	painAtRestOrNight: boolean;
	tenderness: string;
	painLastSession: boolean;
	stage: string;
	distancePercent: string;
}

const STAGES: readonly Stage[] = ['resting', 'walk-run', 'distance', 'speed', 'full'];

export function validatePhase(f: PhaseFields): Validated<PhaseInput> {
	const errors: Partial<Record<keyof PhaseFields, string>> = {};
	const days = number(f.walkingDays, { min: 0, max: 365, integer: true, label: 'the consecutive pain-free walking days', unit: 'days' });
	const minutes = number(f.walkingMinutes, { min: 0, max: 600, label: 'the minutes of continuous pain-free walking', unit: 'minutes' });
	const symmetry = number(f.symmetry, { min: 0, max: 150, label: 'the strength symmetry', unit: '%' });
	const stage = (STAGES as readonly string[]).includes(f.stage) ? (f.stage as Stage) : 'resting';
	let percent: number | string = 0;
	if (stage !== 'resting' && stage !== 'walk-run') percent = number(f.distancePercent, { min: 0, max: 200, label: 'the current distance', unit: '% of pre-injury' });
	if (typeof days === 'string') errors.walkingDays = days;
	if (typeof minutes === 'string') errors.walkingMinutes = minutes;
	if (typeof symmetry === 'string') errors.symmetry = symmetry;
	if (typeof percent === 'string') errors.distancePercent = percent;
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		errors: {},
		value: {
			painFreeWalkingDays: days as number,
			continuousWalkingMinutes: minutes as number,
			strengthSymmetry: symmetry as number,
			tendernessResolved: f.tendernessResolved && f.tenderness === 'none',
			painAtRestOrNight: f.painAtRestOrNight,
			// Anything but an explicit finding is "not yet assessed": never assume it resolved.
			tenderness: f.tenderness === 'focal' || f.tenderness === 'diffuse' || f.tenderness === 'none' ? f.tenderness : 'unknown',
			painLastSession: f.painLastSession,
			stage,
			distancePercent: percent as number,
		},
	};
}

/** A pain report from the form: the session it followed (within the plan) and, optionally, the days until symptoms resolved. */
export function validatePain(f: { session: string; rest: string }, sessions: number = MAX_SESSIONS): { ok: true; value: PainReport } | { ok: false; error: string } {
	const session = number(f.session, { min: 1, max: sessions, integer: true, label: 'the session number', unit: 'sessions' });
	if (typeof session === 'string') return { ok: false, error: session };
	const restText = f.rest.trim();
	if (!restText) return { ok: true, value: { session, restDays: undefined } };
	const rest = number(restText, { min: 0, max: MAX_REST_DAYS, integer: true, label: 'the days until symptoms resolved', unit: 'days' });
	return typeof rest === 'string' ? { ok: false, error: rest } : { ok: true, value: { session, restDays: rest } };
}
