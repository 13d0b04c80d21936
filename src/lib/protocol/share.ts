/**
 * Scenario ⇄ URL query, so an educator can share a pre-filled case, and CSV / calendar exports.
 */
import type { PlanFields } from './validate.ts';
import type { Plan, PainReport } from './plan.ts';
import { formatPace } from './pace.ts';
import { MAX_REST_DAYS, MAX_SESSIONS } from './limits.ts';

export interface Scenario extends PlanFields {
	pain: PainReport[];
}

export function encodeScenario(s: Scenario): string {
	const q = new URLSearchParams();
	q.set('pace', s.pace.trim());
	q.set('unit', s.unit);
	q.set('dist', s.distance.trim());
	q.set('start', s.start);
	if (s.injury) q.set('injury', s.injury);
	if (s.pain.length) q.set('pain', s.pain.map((p) => (p.restDays === undefined ? `${p.session}` : `${p.session}:${p.restDays}`)).join(','));
	return q.toString();
}

/** Reads a scenario from a query string; absent or malformed parts come back empty, never throw. */
export function decodeScenario(query: string): Partial<Scenario> {
	const q = new URLSearchParams(query);
	const out: Partial<Scenario> = {};
	const str = (k: string) => q.get(k) ?? undefined;
	if (str('pace') !== undefined) out.pace = str('pace')!;
	if (str('unit') === 'km' || str('unit') === 'mi') out.unit = str('unit')!;
	if (str('dist') !== undefined) out.distance = str('dist')!;
	if (str('start') !== undefined) out.start = str('start')!;
	if (str('injury') !== undefined) out.injury = str('injury')!;
	const pain = str('pain');
	if (pain) {
		out.pain = pain.split(',').flatMap((part) => {
			const [s, r] = part.split(':');
			const session = Number(s);
			const restDays = r === undefined ? undefined : Number(r);
			if (!Number.isInteger(session) || session < 1 || session > MAX_SESSIONS) return [];
			if (restDays !== undefined && (!Number.isInteger(restDays) || restDays < 0 || restDays > MAX_REST_DAYS)) return [];
			return [{ session, restDays }];
		});
	}
	return out;
}

const km = (m: number) => (m / 1000).toFixed(2);

export function planCsv(plan: Plan): string {
	const rows = [['session', 'date', 'running distance (km)', '% of pre-injury', 'pace band (min/km)', 'speed work allowed', 'note']];
	for (const s of plan.sessions) {
		rows.push([String(s.n), s.date, km(s.distanceM), String(s.percent), `${formatPace(s.paceBand[0])}-${formatPace(s.paceBand[1])}`, s.speedAllowed ? 'yes' : 'no', s.note ?? '']);
	}
	return `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
}

/** An iCalendar file with one all-day event per session (RFC 5545). */
export function planIcs(plan: Plan): string {
	const stamp = `${(plan.sessions[0]?.date ?? '2000-01-01').replace(/-/g, '')}T000000Z`;
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Evidence Handbook//Return to running//EN', 'CALSCALE:GREGORIAN'];
	for (const s of plan.sessions) {
		const d = s.date.replace(/-/g, '');
		const end = new Date(Date.parse(`${s.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
		lines.push(
			'BEGIN:VEVENT',
			`UID:rtr-${d}-${s.n}@evidence-handbook`,
			`DTSTAMP:${stamp}`,
			`DTSTART;VALUE=DATE:${d}`,
			`DTEND;VALUE=DATE:${end}`,
			`SUMMARY:Run session ${s.n}: ${km(s.distanceM)} km (${s.percent}%)`,
			`DESCRIPTION:${(s.note ?? `Walk-run intervals at ${formatPace(s.paceBand[0])}-${formatPace(s.paceBand[1])} min/km.${s.speedAllowed ? ' Speed work may be introduced.' : ''}`).replace(/[,;]/g, '\\$&')}`,
			'END:VEVENT',
		);
	}
	lines.push('END:VCALENDAR');
	return `${lines.join('\r\n')}\r\n`;
}
