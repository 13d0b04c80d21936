/**
 * Return-to-running plan: sessions on alternate days, running distance growing by at most the
 * protocol's step per session, walk-run intervals at the starting intensity, no speed work before
 * the protocol's share of pre-injury distance, and the pain rule applied where pain is reported.
 * Distances are whole metres so that "at most +10%" holds exactly.
 */
import type { Protocol } from '../../schemas/protocol.ts';
import { MAX_SESSIONS } from './limits.ts';

export interface PainReport {
	/** Session number (1-based) after which pain was reported. */
	session: number;
	/** Days until symptoms resolved, if known (else the protocol's assumption). */
	restDays?: number | undefined;
}

export interface PlanInput {
	paceSecondsPerKm: number;
	distanceKm: number;
	/** Date of the first run, YYYY-MM-DD. */
	startDate: string;
	/** Date of injury, YYYY-MM-DD, if known: milestones are counted from it. */
	injuryDate?: string | undefined;
	pain?: PainReport[] | undefined;
}

export interface Session {
	n: number;
	date: string;
	/** Days since the first run. */
	day: number;
	distanceM: number;
	/** Share of pre-injury distance, 0–100. */
	percent: number;
	speedAllowed: boolean;
	/** Running pace band at the starting intensity, seconds per km [slower, faster]. */
	paceBand: [number, number];
	/** Set where the pain rule changed the plan. */
	note?: string;
	pain?: boolean;
}

export interface Milestone {
	id: 'running' | 'halfDistance' | 'fullReturn';
	label: string;
	guidelineWeeks: [number, number];
	/** Weeks after injury at which the plan reaches it. */
	planWeek: number | undefined;
	verdict: 'within' | 'earlier' | 'later' | 'not reached';
	claims: string[];
}

export interface Plan {
	sessions: Session[];
	milestones: Milestone[];
	/** Weeks after injury of the first run, and whether that was assumed. */
	startWeek: number;
	startWeekAssumed: boolean;
}

const DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function buildPlan(p: Protocol, input: PlanInput): Plan {
	const target = Math.round(input.distanceKm * 1000);
	const first = Math.max(100, Math.round(target * p.assumptions.firstSessionFraction.value));
	const half = target * p.speedWork.minFractionOfPreInjuryDistance;
	const [fLow, fHigh] = p.intensity.fractionOfPreInjury;
	const paceBand: [number, number] = [input.paceSecondsPerKm / fLow, input.paceSecondsPerKm / fHigh];
	const painBySession = new Map((input.pain ?? []).map((r) => [r.session, r]));

	const sessions: Session[] = [];
	let distance = Math.min(first, target);
	let day = 0;
	for (let n = 1; n <= MAX_SESSIONS; n++) {
		const session: Session = {
			n,
			date: addDays(input.startDate, day),
			day,
			distanceM: distance,
			percent: Math.round((distance / target) * 1000) / 10,
			speedAllowed: distance >= half,
			paceBand,
		};
		const pain = painBySession.get(n);
		if (pain) {
			session.pain = true;
			// `rest` full days without running, then the next run (never sooner than the usual gap).
			const rest = pain.restDays ?? p.painRule.restDays.value;
			const back = sessions.at(-p.painRule.stepsBack.value) ?? sessions[0] ?? session;
			const resumeAt = Math.min(back.distanceM, distance);
			session.note = `Pain reported: stop, rest ${rest} days until symptoms resolve, resume at ${(resumeAt / 1000).toFixed(2)} km.`;
			sessions.push(session);
			distance = resumeAt;
			day += Math.max(p.scheduling.daysBetweenSessions, rest + 1);
			continue;
		}
		sessions.push(session);
		if (distance >= target) break;
		distance = Math.min(target, Math.floor(distance * (1 + p.progression.maxIncrease)));
		day += p.scheduling.daysBetweenSessions;
	}

	const startWeekAssumed = !input.injuryDate;
	const startWeek = input.injuryDate ? daysBetween(input.injuryDate, input.startDate) / 7 : p.assumptions.runningStartWeek.value;
	const weekOf = (s: Session | undefined) => (s ? Math.round((startWeek + s.day / 7) * 10) / 10 : undefined);
	const reached: Record<Milestone['id'], Session | undefined> = {
		running: sessions[0],
		halfDistance: sessions.find((s) => !s.pain && s.distanceM >= half),
		fullReturn: sessions.find((s) => !s.pain && s.distanceM >= target),
	};
	const milestones = p.timeline.flatMap((t): Milestone[] => {
		if (t.id === 'painFreeWalking') return [];
		const planWeek = weekOf(reached[t.id]);
		const verdict = planWeek === undefined ? 'not reached' : planWeek < t.weeks[0] ? 'earlier' : planWeek > t.weeks[1] ? 'later' : 'within';
		return [{ id: t.id, label: t.label, guidelineWeeks: t.weeks, planWeek, verdict, claims: t.claims }];
	});
	return { sessions, milestones, startWeek, startWeekAssumed };
}
