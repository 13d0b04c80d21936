/**
 * Schema for a page's clinical review record (`review:` in guideline frontmatter).
 *
 * Workflow: draft → submitted → under-review → approved. Drafts are left out of production builds;
 * every status but `approved` shows a "pending review" banner.
 */
import { z } from 'zod';

export const reviewStatuses = ['draft', 'submitted', 'under-review', 'approved'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** ISO dates in YAML (2026-02-02) arrive as Date; strings are accepted too. */
export const IsoDate = z.coerce.date({ error: 'Write dates as YYYY-MM-DD, e.g. 2026-02-02.' });

export const ReviewerSchema = z.strictObject({
	/** Reviewer's full name as it should appear on the page. */
	name: z.string().trim().min(2).describe('Reviewer name as shown on the page, e.g. "Dr Jane Smith".'),
	/** Role or qualification, e.g. `Sports physician`. */
	role: z.string().trim().min(2).optional().describe('Role or qualification, e.g. "Sports physician".'),
});

export const ReviewSchema = z
	.strictObject({
		/** Where the page is in the workflow. */
		status: z
			.enum(reviewStatuses, {
				error: `review.status must be one of: ${reviewStatuses.join(', ')}.`,
			})
			.describe('draft (not published), submitted, under-review, or approved (needs a reviewer and a review date).'),
		/** When the page was submitted for review. */
		submitted: IsoDate.optional().describe('Date the page was submitted for clinical review (YYYY-MM-DD).'),
		/** Who reviewed it; required for `approved`. */
		reviewers: z.array(ReviewerSchema).default([]).describe('Named clinical reviewers. At least one is required for approved pages.'),
		/** Date of the last completed clinical review; required for `approved`. */
		lastReviewed: IsoDate.optional().describe('Date of the last completed clinical review (YYYY-MM-DD); required when approved.'),
	})
	.superRefine((review, ctx) => {
		if (review.status !== 'approved') return;
		if (review.reviewers.length === 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['reviewers'],
				message: 'An approved page needs at least one named reviewer: add `reviewers: [{ name: "…" }]`, or set status to under-review.',
			});
		}
		if (!review.lastReviewed) {
			ctx.addIssue({
				code: 'custom',
				path: ['lastReviewed'],
				message: 'An approved page needs `lastReviewed: YYYY-MM-DD` (the date the review was completed).',
			});
		} else if (review.lastReviewed.getTime() > Date.now()) {
			ctx.addIssue({
				code: 'custom',
				path: ['lastReviewed'],
				message: `lastReviewed (${review.lastReviewed.toISOString().slice(0, 10)}) is in the future: use the date the review was completed.`,
			});
		}
	});

export type Review = z.output<typeof ReviewSchema>;
