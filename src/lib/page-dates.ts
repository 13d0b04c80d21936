/**
 * The dates of a guideline page, decided in one place and read by everything that states them:
 * the "Last updated" line, "Cite this page", the BibTeX/RIS/CSL/JSON exports, the `citation_*`
 * tags, the JSON-LD and the sitemap's `lastmod`.
 *
 * - `modified`: the page's last change. Its file's newest git commit; when git has none (an export
 *   of the repository without .git, a shallow clone, a file not yet committed) the newest explicit
 *   date in its frontmatter (a changelog entry or the last clinical review). Never the build date:
 *   a citation must name the version cited, and rebuilding an unchanged page does not change it.
 *   No date at all leaves it undefined (outputs then say nothing rather than something wrong).
 * - `published`: the oldest changelog entry (first publication), when the changelog has one.
 * - `reviewed`: the last completed clinical review (`review.lastReviewed`), only when one happened.
 */
import { lastCommitDate } from './git.ts';

export interface PageDates {
	modified?: Date;
	/** Where `modified` came from. */
	modifiedFrom?: 'git' | 'frontmatter';
	published?: Date;
	reviewed?: Date;
}

/** The frontmatter fields dates are read from (raw YAML or Zod output: dates or date strings). */
export interface DatedFrontmatter {
	changelog?: readonly { date?: unknown }[] | unknown;
	review?: { lastReviewed?: unknown } | unknown;
}

function asDate(value: unknown): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
		const date = new Date(value);
		return Number.isNaN(date.getTime()) ? undefined : date;
	}
	return undefined;
}

/** Dates of a page from its frontmatter and (when given) the git history of its file. */
export function pageDates(frontmatter: DatedFrontmatter, file?: string, commitDate: (file: string) => Date | undefined = lastCommitDate): PageDates {
	const changes = (Array.isArray(frontmatter.changelog) ? frontmatter.changelog : [])
		.map((entry: { date?: unknown }) => asDate(entry?.date))
		.filter((d): d is Date => d !== undefined)
		.sort((a, b) => a.getTime() - b.getTime());
	const reviewed = asDate((frontmatter.review as { lastReviewed?: unknown } | undefined)?.lastReviewed);
	const explicit = [...changes, ...(reviewed ? [reviewed] : [])].sort((a, b) => a.getTime() - b.getTime()).at(-1);
	const fromGit = file ? commitDate(file) : undefined;
	const dates: PageDates = {};
	if (fromGit) Object.assign(dates, { modified: fromGit, modifiedFrom: 'git' });
	else if (explicit) Object.assign(dates, { modified: explicit, modifiedFrom: 'frontmatter' });
	if (changes[0]) dates.published = changes[0];
	if (reviewed) dates.reviewed = reviewed;
	return dates;
}

/** YYYY-MM-DD in UTC (the form every output uses). */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** A CSL date of the day. */
export function cslDate(date: Date): { 'date-parts': [[number, number, number]] } {
	return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] };
}
