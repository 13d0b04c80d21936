/**
 * Phase checker: from what the clinician knows, the current phase, the criteria met and unmet,
 * what comes next and red flags. Every statement carries the claim ids it comes from.
 */
import type { Protocol } from '../../schemas/protocol.ts';

export type Stage = 'resting' | 'walk-run' | 'distance' | 'speed' | 'full';
export type Phase = 'immediate-management' | 'ready-for-walk-run' | 'initial-running' | 'distance-progression' | 'speed-work-allowed' | 'full-return';

export interface PhaseInput {
	painFreeWalkingDays: number;
	tendernessResolved: boolean;
	continuousWalkingMinutes: number;
	strengthSymmetry: number;
	painAtRestOrNight: boolean;
	/** Tenderness on palpation; `unknown` until assessed, which never counts as resolved. */
	tenderness: 'unknown' | 'none' | 'focal' | 'diffuse';
	painLastSession: boolean;
	stage: Stage;
	/** Current running distance as % of pre-injury distance (stages after walk-run). */
	distancePercent: number;
}

export interface Statement {
	text: string;
	claims: string[];
}

export interface PhaseResult {
	phase: Phase;
	phaseLabel: string;
	met: Statement[];
	unmet: Statement[];
	redFlags: Statement[];
	next: Statement[];
}

export const PHASE_LABELS: Record<Phase, string> = {
	'immediate-management': 'Immediate management: no running',
	'ready-for-walk-run': 'Ready to start the walk-run progression',
	'initial-running': 'Initial running phase (walk-run intervals)',
	'distance-progression': 'Distance progression',
	'speed-work-allowed': 'Speed work may be introduced',
	'full-return': 'Full return to running',
};

type GateId = Protocol['gates'][number]['id'];
type RedFlagId = Protocol['redFlags'][number]['id'];

/** The input each gate reads (exhaustive: a new gate id in the schema must be given one here). */
const GATE_VALUE: Record<GateId, (input: PhaseInput) => number | boolean> = {
	painFreeWalkingDays: (i) => i.painFreeWalkingDays,
	tendernessResolved: (i) => i.tendernessResolved,
	continuousWalkingMinutes: (i) => i.continuousWalkingMinutes,
	strengthSymmetry: (i) => i.strengthSymmetry,
};

/** When each red flag is raised (exhaustive: a new flag id must say when it applies). */
const RED_FLAG_RAISED: Record<RedFlagId, (input: PhaseInput) => boolean> = {
	painAtRestOrNight: (i) => i.painAtRestOrNight,
	focalTenderness: (i) => i.tenderness === 'focal',
};

export function evaluatePhase(p: Protocol, input: PhaseInput): PhaseResult {
	const met: Statement[] = [];
	const unmet: Statement[] = [];
	for (const gate of p.gates) {
		const value = GATE_VALUE[gate.id](input);
		const ok = typeof value === 'boolean' ? value : value >= (gate.min ?? 0);
		const detail =
			gate.id === 'tendernessResolved' && input.tenderness === 'unknown'
				? 'not yet assessed'
				: typeof value === 'boolean'
					? value ? 'yes' : 'no'
					: `${value}${gate.unit === '%' ? '%' : ` ${gate.unit ?? ''}`.trimEnd()}`;
		const need = gate.range ? ` (needs ${gate.range[0]}–${gate.range[1]}${gate.unit === '%' ? '%' : ` ${gate.unit ?? ''}`.trimEnd()})` : '';
		(ok ? met : unmet).push({ text: `${gate.label}: ${detail}${ok ? '' : need}`, claims: gate.claims });
	}
	const redFlags = p.redFlags
		.filter((f) => RED_FLAG_RAISED[f.id](input))
		.map((f) => ({ text: `${f.label}. ${f.action}`, claims: f.claims }));

	const next: Statement[] = [];
	let phase: Phase;
	if (redFlags.length) {
		phase = 'immediate-management';
		next.push({ text: 'Investigate the red flags before any progression.', claims: redFlags.flatMap((f) => f.claims) });
	} else if (input.stage !== 'resting' && input.painLastSession) {
		phase = input.stage === 'walk-run' ? 'initial-running' : input.stage === 'speed' ? 'speed-work-allowed' : input.stage === 'full' ? 'full-return' : 'distance-progression';
		next.push({ text: p.painRule.text, claims: p.painRule.claims });
		next.push({ text: 'Do not progress until a session is pain-free during and after.', claims: p.progression.onlyIfPainFree.claims });
	} else if (unmet.length) {
		phase = 'immediate-management';
		next.push({ text: 'Keep resting from running until every criterion below is met.', claims: unmet.flatMap((u) => u.claims) });
	} else if (input.stage === 'resting') {
		phase = 'ready-for-walk-run';
		next.push({
			text: `Start walk-run intervals: ${p.intervals.runSeconds[0]}–${p.intervals.runSeconds[1]} s running, ${p.intervals.walkSeconds} s walking, at ${pct(p.intensity.fractionOfPreInjury[0])}–${pct(p.intensity.fractionOfPreInjury[1])} of pre-injury pace, on alternate days only.`,
			claims: [...p.intervals.claims, ...p.intensity.claims, ...p.scheduling.claims],
		});
	} else {
		const half = p.speedWork.minFractionOfPreInjuryDistance * 100;
		if (input.stage === 'full' || input.distancePercent >= 100) {
			phase = 'full-return';
			next.push({ text: 'Keep sessions pain-free; any pain: stop and step back.', claims: p.painRule.claims });
		} else if (input.distancePercent >= half) {
			phase = 'speed-work-allowed';
			next.push({ text: `Distance is at least ${half}% of pre-injury: speed work may now be introduced; keep increasing distance by at most ${pct(p.progression.maxIncrease)} per progression.`, claims: [...p.speedWork.claims, ...p.progression.claims] });
		} else {
			phase = input.stage === 'walk-run' ? 'initial-running' : 'distance-progression';
			next.push({ text: `Increase distance by at most ${pct(p.progression.maxIncrease)} per progression, only after a pain-free session; no speed work before ${half}% of pre-injury distance.`, claims: [...p.progression.claims, ...p.progression.onlyIfPainFree.claims, ...p.speedWork.claims] });
		}
	}
	return { phase, phaseLabel: PHASE_LABELS[phase], met, unmet, redFlags, next };
}

const pct = (f: number) => `${Math.round(f * 100)}%`;
