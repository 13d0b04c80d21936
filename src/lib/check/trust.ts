/**
 * Checks of the clinical trust model: grades that are honest about the evidence they cite
 * (src/lib/grading.ts) and a review cycle that cannot lapse silently (src/lib/review.ts).
 */
import { ReviewSchema } from '../../schemas/review.ts';
import type { EvidenceKind } from '../../schemas/reference.ts';
import { certaintyCeiling, exceedsEvidence, isDiscordant, pageGrades } from '../grading.ts';
import { describeKind } from '../references/labels.ts';
import { isoDay, reviewCycle } from '../review.ts';
import { finding, type Finding } from '../findings/finding.ts';
import { closest } from '../findings/suggest.ts';
import type { ContentIndex, IndexedPage } from '../content/types.ts';

const kindList = (kinds: readonly EvidenceKind[]) => [...new Set(kinds)].map((k) => describeKind(k).toLowerCase()).join(' and ');

/** Grades: on a statement that exists, resting on a reference, and no stronger than that reference allows. */
export function checkGrades(index: ContentIndex): Finding[] {
	const out: Finding[] = [];
	for (const page of index.pages) {
		if (page.type !== 'guideline') continue;
		const grades = pageGrades(page.frontmatter);
		if (grades.size === 0) continue;
		const statements = page.claims.filter((c) => c.kind !== 'heading');
		const byId = new Map(statements.map((c) => [c.id, c]));
		for (const [id, grade] of grades) {
			const line = page.lines[`grades.${id}`] ?? page.lines.grades ?? 1;
			const at = { page: page.id, claim: id, field: `grades.${id}` };
			const claim = byId.get(id);
			if (!claim) {
				const guess = closest(id, byId.keys());
				out.push(
					finding(
						'grade-unknown-statement',
						page.file,
						line,
						1,
						`grades: "${id}" is not the id of a statement on this page${guess ? `; did you mean "${guess}"?` : '.'} Statements are graded by the [#id] at their end.`,
						at,
					),
				);
				continue;
			}
			const kinds = claim.cites.flatMap((c) => {
				const ref = c.type === 'ref' ? index.references.get(c.key) : undefined;
				return ref ? [ref.data['x-evidence'].kind] : [];
			});
			const citesRefs = claim.cites.some((c) => c.type === 'ref');
			if (!citesRefs) {
				out.push(finding('grade-uncited', page.file, line, 1, `The statement "${id}" is graded but cites no reference: a grade must rest on at least one reference.`, at));
				continue;
			}
			// Citations to missing references are reported by citation-unknown-reference; judge the rest.
			if (kinds.length === 0) continue;
			const label = `${grade.strength} recommendation ${grade.direction}`;
			if (isDiscordant(grade, kinds)) {
				out.push(
					finding(
						'grade-discordant',
						page.file,
						line,
						1,
						`"${id}" is a ${label} resting only on ${kindList(kinds)}: GRADE calls this discordant. Make it conditional, cite stronger evidence, or write grades.${id}.justification saying why it is strong anyway.`,
						at,
					),
				);
			}
			if (exceedsEvidence(grade, kinds)) {
				const ceiling = certaintyCeiling(kinds);
				out.push(
					finding(
						'grade-certainty-unsupported',
						page.file,
						line,
						1,
						`"${id}" is rated ${grade.certainty} certainty, but its references (${kindList(kinds)}) support at most ${ceiling}. Lower the certainty, cite stronger evidence, or write grades.${id}.justification saying why it is rated up.`,
						at,
					),
				);
			}
		}
	}
	return out;
}

/** The review cycle: warn before the next review is due, and once it is past. */
export function checkReviewCycle(index: Pick<ContentIndex, 'settings' | 'now'> & { pages: readonly Pick<IndexedPage, 'id' | 'type' | 'file' | 'frontmatter' | 'lines'>[] }): Finding[] {
	const out: Finding[] = [];
	for (const page of index.pages) {
		if (page.type !== 'guideline') continue;
		const review = ReviewSchema.safeParse(page.frontmatter.review);
		// Drafts are not published and withdrawn pages are not read as guidance: neither is reviewed.
		if (!review.success || review.data.status === 'draft' || review.data.status === 'withdrawn') continue;
		const cycle = reviewCycle(review.data, index.settings.review, index.now);
		const line = page.lines['review.nextReview'] ?? page.lines['review.lastReviewed'] ?? page.lines.review ?? 1;
		const due = cycle.state === 'not-scheduled' ? '' : isoDay(cycle.nextReview);
		const source = review.data.nextReview ? 'review.nextReview' : `review.lastReviewed + ${index.settings.review.intervalYears} years`;
		const at = { page: page.id, field: review.data.nextReview ? 'review.nextReview' : 'review.lastReviewed' };
		const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
		if (cycle.state === 'due-soon') {
			const when = cycle.days === 0 ? 'today' : `in ${days(cycle.days)}`;
			out.push(finding('review-due-soon', page.file, line, 1, `The next clinical review is due on ${due} (${source}), ${when}.`, at));
		} else if (cycle.state === 'overdue') {
			out.push(
				finding(
					'review-overdue',
					page.file,
					line,
					1,
					`The clinical review was due on ${due} (${source}), ${days(cycle.days)} ago: the page shows "Review overdue" until it is reviewed again.`,
					at,
				),
			);
		}
	}
	return out;
}
