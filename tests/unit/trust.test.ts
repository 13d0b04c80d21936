/** The trust model's pure rules: certainty ceilings, discordance, wording, and the review cycle against an injected clock. */
import { describe, expect, test } from 'vitest';
import { badgeText, gradeSummary, certaintyCeiling, exceedsEvidence, gradingNote, isDiscordant, strengthLabel } from '../../src/lib/grading.ts';
import { nextReviewDate, reviewCycle } from '../../src/lib/review.ts';
import type { Grade } from '../../src/schemas/grade.ts';

const grade = (over: Partial<Grade>): Grade => ({ strength: 'strong', direction: 'for', certainty: 'low', rationale: 'A rationale of sufficient length.', ...over });
const DAY = 86_400_000;

describe('grading', () => {
	test('the certainty ceiling is the best cited evidence kind', () => {
		expect(certaintyCeiling(['expert-opinion', 'cohort'])).toBe('low');
		expect(certaintyCeiling(['case-series', 'rct'])).toBe('high');
		expect(certaintyCeiling(['unclassified'])).toBe('very-low');
		expect(certaintyCeiling([])).toBe('very-low');
	});

	test('discordant: strong, only expert opinion or narrative review, no justification', () => {
		expect(isDiscordant(grade({}), ['expert-opinion', 'narrative-review'])).toBe(true);
		expect(isDiscordant(grade({ strength: 'conditional' }), ['expert-opinion'])).toBe(false);
		expect(isDiscordant(grade({}), ['expert-opinion', 'rct'])).toBe(false);
		expect(isDiscordant(grade({ justification: 'Severe irreversible harm if not followed.' }), ['expert-opinion'])).toBe(false);
	});

	test('certainty above the ceiling needs a justification', () => {
		expect(exceedsEvidence(grade({ certainty: 'moderate' }), ['cohort'])).toBe(true);
		expect(exceedsEvidence(grade({ certainty: 'low' }), ['cohort'])).toBe(false);
		expect(exceedsEvidence(grade({ certainty: 'moderate', justification: 'Large, consistent effect across cohorts.' }), ['cohort'])).toBe(false);
	});

	test('wording', () => {
		expect(badgeText(grade({ strength: 'conditional', direction: 'against', certainty: 'very-low' }))).toBe('Conditional against · Very low certainty');
		expect(strengthLabel(grade({}))).toBe('Strong recommendation for');
		expect(gradeSummary(grade({ strength: 'conditional', direction: 'against', certainty: 'very-low' }))).toBe('Conditional against, very low certainty');
		expect(gradingNote(0, true)).toBe('The source does not grade its recommendations.');
		expect(gradingNote(0, false)).toBe('This page does not grade its recommendations.');
	});
});

describe('review cycle', () => {
	const settings = { intervalYears: 2, warnDaysBefore: 90 };
	const now = new Date();
	const ago = (days: number) => new Date(now.getTime() - days * DAY);

	test('the next review defaults to lastReviewed plus the interval', () => {
		expect(nextReviewDate({ lastReviewed: new Date('2024-02-29T00:00:00Z') }, 2)?.toISOString().slice(0, 10)).toBe('2026-03-01');
		expect(nextReviewDate({ lastReviewed: new Date('2024-05-01T00:00:00Z'), nextReview: new Date('2025-01-01T00:00:00Z') }, 2)?.toISOString().slice(0, 10)).toBe('2025-01-01');
		expect(nextReviewDate({}, 2)).toBeUndefined();
	});

	test('current, due soon, overdue and not scheduled, relative to now', () => {
		expect(reviewCycle({ lastReviewed: ago(30) }, settings, now).state).toBe('current');
		expect(reviewCycle({ lastReviewed: ago(700) }, settings, now)).toMatchObject({ state: 'due-soon' });
		expect(reviewCycle({ lastReviewed: ago(30), nextReview: new Date(now.getTime() + 10 * DAY) }, settings, now)).toMatchObject({ state: 'due-soon', days: 10 });
		expect(reviewCycle({ lastReviewed: ago(800) }, settings, now)).toMatchObject({ state: 'overdue' });
		expect(reviewCycle({ lastReviewed: ago(30), nextReview: ago(1) }, settings, now)).toMatchObject({ state: 'overdue', days: 1 });
		expect(reviewCycle({}, settings, now)).toEqual({ state: 'not-scheduled' });
	});

	test('whole UTC days: due soon from warnDaysBefore days ahead through the due day, overdue from the day after', () => {
		const due = { nextReview: new Date('2030-01-10T00:00:00Z') };
		const at = (iso: string, warnDaysBefore = 30) => reviewCycle(due, { intervalYears: 2, warnDaysBefore }, new Date(iso));
		expect(at('2029-12-10T23:59:59Z')).toMatchObject({ state: 'current', days: 31 });
		expect(at('2029-12-11T00:00:00Z')).toMatchObject({ state: 'due-soon', days: 30 });
		expect(at('2029-12-11T00:00:00Z', 29)).toMatchObject({ state: 'current', days: 30 });
		expect(at('2030-01-09T23:59:59Z')).toMatchObject({ state: 'due-soon', days: 1 });
		expect(at('2030-01-10T00:00:00Z')).toMatchObject({ state: 'due-soon', days: 0 });
		expect(at('2030-01-10T23:59:59Z')).toMatchObject({ state: 'due-soon', days: 0 });
		expect(at('2030-01-11T00:00:00Z')).toMatchObject({ state: 'overdue', days: 1 });
	});
});
