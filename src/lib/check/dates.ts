/**
 * Dates that record something that happened cannot lie in the future: a submission, a completed
 * review, a literature search, a withdrawal, a published change, a source's last update, a
 * publication date given in full, a verification. (review.nextReview is meant to be in the future and
 * is not judged here.) "Today" is the index's `now`, injected by tests, so no test depends on the day
 * it runs. That a date exists on the calendar at all is the schemas' part (src/schemas/iso-date.ts).
 */
import { fieldAt } from '../content/pages.ts';
import { isoDay } from '../review.ts';
import { finding, type Finding } from '../findings/finding.ts';
import type { ContentIndex } from '../content/types.ts';
import type { SiteData } from '../content/load.ts';

/** Frontmatter dates of a guideline that record past events, with what each records. */
const PAST_FIELDS: readonly [path: string, what: string][] = [
	['review.submitted', 'the date the page was submitted for review'],
	['review.lastReviewed', 'the date the last review was completed'],
	['review.literatureSearchedThrough', 'the last date the literature search covered'],
	['review.withdrawal.date', 'the date the guideline was withdrawn'],
	['source.lastUpdated', 'the date the source was last updated'],
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The YYYY-MM-DD of a frontmatter value (text or Date); undefined when it is not one (the schema says why). */
function dayOf(value: unknown): string | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime())) return isoDay(value);
	return typeof value === 'string' && DAY.test(value.trim()) ? value.trim() : undefined;
}

function get(object: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), object);
}

const message = (path: string, day: string, today: string, what: string) =>
	`${path}: ${day} is in the future (today is ${today}): it is ${what}, so it cannot be later than today. Write the date it happened; a date still to come belongs nowhere here${path === 'review.lastReviewed' ? ' (the next review date is review.nextReview)' : ''}.`;

/** Guideline frontmatter dates after today (a page check: it reads only the page and today). */
export function checkPageDates(index: Pick<ContentIndex, 'pages' | 'now'>): Finding[] {
	const today = isoDay(index.now);
	const out: Finding[] = [];
	for (const page of index.pages) {
		if (page.type !== 'guideline') continue;
		const fields: [string, string][] = [...PAST_FIELDS];
		const changelog = page.frontmatter.changelog;
		if (Array.isArray(changelog)) changelog.forEach((_, i) => fields.push([`changelog.${i}.date`, 'the date a change was published']));
		for (const [path, what] of fields) {
			const day = dayOf(get(page.frontmatter, path));
			if (day === undefined || day <= today) continue;
			const { line, column } = fieldAt(page, path);
			out.push(finding('date-in-future', page.file, line, column, message(path, day, today, what), { page: page.id, field: path }));
		}
	}
	return out;
}

/** Reference dates after today: a publication date given in full, a verification, an access date. */
export function checkReferenceDates(site: Pick<SiteData, 'references' | 'now' | 'root'>): Finding[] {
	const today = isoDay(site.now);
	const out: Finding[] = [];
	for (const [key, ref] of site.references) {
		const file = ref.file.startsWith(site.root) ? ref.file.slice(site.root.length + 1) : ref.file;
		const dates: [string, string | undefined, string][] = [];
		const data = ref.data as { issued?: { 'date-parts': number[][] }; accessed?: { 'date-parts': number[][] } };
		for (const field of ['issued', 'accessed'] as const) {
			const parts = data[field]?.['date-parts'][0];
			// Only a full date can be judged against today (a year alone may be this year).
			if (parts && parts.length === 3) dates.push([field, `${parts[0]}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}`, field === 'issued' ? 'the date it was published' : 'the date it was last accessed']);
		}
		const verified = ref.data['x-verified']?.date;
		if (verified) dates.push(['x-verified.date', isoDay(verified), 'the date an editor checked it']);
		for (const [path, day, what] of dates) {
			if (day === undefined || day <= today) continue;
			out.push(finding('date-in-future', file.replace(/\\/g, '/'), ref.lines[path.split('.')[0]!] ?? 1, 1, message(path, day, today, what), { reference: key, field: path }));
		}
	}
	return out;
}
