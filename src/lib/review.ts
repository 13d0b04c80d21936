/** Reader-facing wording for review status and dates. */
import type { ReviewStatus } from '../schemas/review.ts';

const LABELS: Record<ReviewStatus, string> = {
	draft: 'Draft',
	submitted: 'Submitted, awaiting clinical review',
	'under-review': 'Under clinical review',
	approved: 'Approved',
};

export function reviewStatusLabel(status: ReviewStatus): string {
	return LABELS[status];
}

/** Dates as "2 February 2026", always in UTC so a build anywhere prints the same day. */
export function formatDate(date: Date): string {
	return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
