/**
 * Schema for a page's clinical review record (`review:` in guideline frontmatter).
 *
 * Workflow: draft → submitted → under-review → approved; any published page can later be
 * `withdrawn` (with a `withdrawal` record: the address then shows a notice). Drafts are left out of
 * production builds; every status but `approved` and `withdrawn` shows a "pending review" banner.
 */
import { z } from 'zod';
import { PersonSchema } from './person.ts';
import { WithdrawalSchema } from './withdrawal.ts';
import { IsoDate } from './iso-date.ts';

export const reviewStatuses = ['draft', 'submitted', 'under-review', 'approved', 'withdrawn'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** ISO dates in YAML (2026-02-02): a real calendar date (src/schemas/iso-date.ts). */
export { IsoDate };

/** A clinical reviewer: name, role and declared interests (src/schemas/person.ts). */
export const ReviewerSchema = PersonSchema;

export const ReviewSchema = z
	.strictObject({
		/** Where the page is in the workflow. */
		status: z
			.enum(reviewStatuses)
			.describe(
				'draft (not published), submitted, under-review, approved (needs a reviewer and a review date), or withdrawn (needs a withdrawal record: the address then shows a withdrawal notice instead of the guidance).',
			),
		/** When the page was submitted for review. */
		submitted: IsoDate.optional().describe('Date the page was submitted for clinical review (YYYY-MM-DD).'),
		/** Who reviewed it; required for `approved`. */
		reviewers: z.array(ReviewerSchema).default([]).describe('Named clinical reviewers. At least one is required for approved pages.'),
		/** Date of the last completed clinical review; required for `approved`. */
		lastReviewed: IsoDate.optional().describe('Date of the last completed clinical review (YYYY-MM-DD); required when approved.'),
		/** When the next review is due; by default lastReviewed + review.intervalYears of content/settings.yaml. */
		nextReview: IsoDate.optional().describe(
			'Date the next clinical review is due (YYYY-MM-DD). Leave out to use lastReviewed plus the interval in content/settings.yaml (review.intervalYears). The page shows "Review overdue" once it passes.',
		),
		/** The end date of the literature search the review rests on ("literature searched through"). */
		literatureSearchedThrough: IsoDate.optional().describe(
			'Last date covered by the literature search behind this review (YYYY-MM-DD), shown as "Literature searched through". Leave out if no search was recorded.',
		),
		/** Why and when the guideline was withdrawn; only with status withdrawn. */
		withdrawal: WithdrawalSchema.optional(),
	})
	.superRefine((review, ctx) => {
		if (review.status === 'withdrawn' && !review.withdrawal) {
			ctx.addIssue({
				code: 'custom',
				path: ['withdrawal'],
				message: 'A withdrawn guideline needs `withdrawal: { date: YYYY-MM-DD, reason: "…", replacement: /new/page/ }` under review: readers who follow an old link are told when, why and what to read instead.',
			});
		}
		if (review.status !== 'withdrawn' && review.withdrawal) {
			ctx.addIssue({
				code: 'custom',
				path: ['withdrawal'],
				message: `review.withdrawal is only for withdrawn guidelines: set status: withdrawn, or remove the withdrawal record (status is ${review.status}).`,
			});
		}
		if (review.nextReview && review.lastReviewed && review.nextReview.getTime() <= review.lastReviewed.getTime()) {
			ctx.addIssue({
				code: 'custom',
				path: ['nextReview'],
				message: `nextReview (${review.nextReview.toISOString().slice(0, 10)}) must be after lastReviewed (${review.lastReviewed.toISOString().slice(0, 10)}); leave it out to use the editorial default interval.`,
			});
		}
		if (review.status !== 'approved') return;
		if (review.reviewers.length === 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['reviewers'],
				message: 'An approved page needs at least one named reviewer: add `reviewers: [{ name: "…", interests: "none declared" }]`, or set status to under-review.',
			});
		}
		if (!review.lastReviewed) {
			ctx.addIssue({
				code: 'custom',
				path: ['lastReviewed'],
				message: 'An approved page needs `lastReviewed: YYYY-MM-DD` (the date the review was completed).',
			});
		}
		// A review date in the future: the claim check's date-in-future rule, against an injectable today.
	});

export type Review = z.output<typeof ReviewSchema>;
