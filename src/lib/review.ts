/** Reader-facing wording for review status and dates. */
import type { ReviewStatus } from '../schemas/review.ts';

const LABELS: Record<ReviewStatus, string> = {
	draft: 'Draft',
	submitted: 'Submitted, awaiting clinical review',
	'under-review': 'Under clinical review',
	approved: 'Approved',
	withdrawn: 'Withdrawn',
};

export function reviewStatusLabel(status: ReviewStatus): string {
	return LABELS[status];
}

/** Dates as "2 February 2026", always in UTC so a build anywhere prints the same day. */
export function formatDate(date: Date): string {
	return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Dates as YYYY-MM-DD (UTC). */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

const DAY = 24 * 60 * 60 * 1000;

/** The next review date: the page's own, or lastReviewed plus the editorial interval. */
export function nextReviewDate(review: { lastReviewed?: Date | undefined; nextReview?: Date | undefined }, intervalYears: number): Date | undefined {
	if (review.nextReview) return review.nextReview;
	if (!review.lastReviewed) return undefined;
	const next = new Date(review.lastReviewed);
	next.setUTCFullYear(next.getUTCFullYear() + intervalYears);
	return next;
}

export type ReviewCycle =
	| { state: 'not-scheduled' }
	| { state: 'current' | 'due-soon'; nextReview: Date; days: number }
	| { state: 'overdue'; nextReview: Date; days: number };

/** Midnight UTC of the day `date` falls on (review dates are whole days, in UTC). */
const dayStart = (date: Date): number => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/**
 * Where a page is in its review cycle on the (UTC) day of `now`, counted in whole days: not
 * scheduled (never reviewed, no date), current, due soon (due today or within `warnDaysBefore`
 * days; `days` until due, 0 on the day itself) or overdue (from the day after the due date; `days`
 * since due). The browser check in ReviewDue.astro uses the same boundary.
 */
export function reviewCycle(
	review: { lastReviewed?: Date | undefined; nextReview?: Date | undefined },
	settings: { intervalYears: number; warnDaysBefore: number },
	now: Date,
): ReviewCycle {
	const nextReview = nextReviewDate(review, settings.intervalYears);
	if (!nextReview) return { state: 'not-scheduled' };
	const days = Math.round((dayStart(nextReview) - dayStart(now)) / DAY);
	if (days < 0) return { state: 'overdue', nextReview, days: -days };
	return { state: days <= settings.warnDaysBefore ? 'due-soon' : 'current', nextReview, days };
}

/** The review cycle of a page as readers see it (build time; the page re-checks in the browser). */
export function describeCycle(cycle: ReviewCycle): string {
	switch (cycle.state) {
		case 'not-scheduled':
			return 'Not scheduled: set when the page is first approved.';
		case 'overdue':
			return `Review overdue: it was due on ${formatDate(cycle.nextReview)}.`;
		default:
			return formatDate(cycle.nextReview);
	}
}
