/** Pace parsing and formatting: "m:ss" per km or per mile, stored as seconds per km. */

export type PaceUnit = 'km' | 'mi';
export const KM_PER_MILE = 1.609344;

/** Parses "5:00", "5:0", "05:30" or "5" (minutes) into seconds per unit; undefined if not a pace. */
export function parsePace(text: string): number | undefined {
	const m = /^\s*(\d{1,2})(?::([0-5]?\d))?\s*$/.exec(text);
	if (!m) return undefined;
	const seconds = Number(m[1]) * 60 + Number(m[2] ?? 0);
	return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

export function toSecondsPerKm(secondsPerUnit: number, unit: PaceUnit): number {
	return unit === 'km' ? secondsPerUnit : secondsPerUnit / KM_PER_MILE;
}

export function fromSecondsPerKm(secondsPerKm: number, unit: PaceUnit): number {
	return unit === 'km' ? secondsPerKm : secondsPerKm * KM_PER_MILE;
}

/** 605 → "10:05". */
export function formatPace(seconds: number): string {
	const total = Math.round(seconds);
	return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
