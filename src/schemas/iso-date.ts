/**
 * A calendar date as editors write it in YAML: YYYY-MM-DD, and a day that exists (2026-02-30 is
 * rejected with the nearest real date, not silently read as 2 March). YAML parsers that already
 * turned the text into a Date (Astro's) pass it through; the claim check reads the text itself, so
 * every build is guarded. Whether a date may lie in the future is the claim check's rule
 * (date-in-future), judged against an injectable "today".
 */
import { z } from 'zod';

const FORM = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month (1-based) of a year. */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Why `text` is not a real YYYY-MM-DD date, with the likely intended one; undefined when it is. */
export function calendarDateProblem(text: string): string | undefined {
	const m = FORM.exec(text.trim());
	if (!m) return `the text "${text}" is not a date: write it as YYYY-MM-DD, e.g. 2026-02-02.`;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (month < 1 || month > 12) return `${text} is not a date on the calendar: the month must be 01 to 12 (YYYY-MM-DD).${month > 12 && day <= 12 ? ` Did you mean ${m[1]}-${m[3]}-${m[2]} (day and month swapped)?` : ''}`;
	const last = daysInMonth(year, month);
	if (day < 1 || day > last) return `${text} is not a date on the calendar: ${MONTHS[month - 1]} ${year} has ${last} days. Did you mean ${m[1]}-${m[2]}-${String(Math.min(Math.max(day, 1), last)).padStart(2, '0')}?`;
	return undefined;
}

/** ISO dates in YAML (2026-02-02) arrive as Date or as text; text must be a real calendar date. */
export const IsoDate = z.preprocess(
	(value, ctx) => {
		if (typeof value !== 'string') return value;
		const problem = calendarDateProblem(value);
		if (problem) {
			ctx.addIssue({ code: 'custom', message: problem, input: value });
			return undefined;
		}
		return value;
	},
	z.coerce.date({ error: 'Write dates as YYYY-MM-DD, e.g. 2026-02-02.' }),
);
