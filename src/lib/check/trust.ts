/**
 * Checks of the clinical trust model: grades that are honest about the evidence they cite
 * (src/lib/grading.ts) and a review cycle that cannot lapse silently (src/lib/review.ts).
 */
import { GradeSchema, type Grade } from '../../schemas/grade.ts';
import { ReviewSchema } from '../../schemas/review.ts';
import type { EvidenceKind } from '../../schemas/reference.ts';
import { certaintyCeiling, exceedsEvidence, isDiscordant } from '../grading.ts';
import { describeKind } from '../references/labels.ts';
import { isoDay, reviewCycle } from '../review.ts';
import { RULES, type RuleId } from '../findings/rules.ts';
import type { Finding } from '../findings/finding.ts';
import type { ContentIndex, IndexedPage } from '../content/types.ts';

function finding(rule: RuleId, file: string, line: number, message: string): Finding {
	return { rule, severity: RULES.get(rule)!.severity, file, line, column: 1, message };
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const cur = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = cur;
		}
	}
	return row[b.length]!;
}

function closest(id: string, ids: readonly string[]): string | undefined {
	let best: string | undefined;
	let score = Infinity;
	for (const candidate of ids) {
		const d = distance(id, candidate);
		if (d < score) [best, score] = [candidate, d];
	}
	return best !== undefined && score <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}

/** The grades on a page that match the schema (invalid ones are reported by frontmatter-invalid). */
export function pageGrades(page: IndexedPage): Map<string, Grade> {
	const raw = page.frontmatter.grades;
	const out = new Map<string, Grade>();
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
	for (const [id, value] of Object.entries(raw)) {
		const parsed = GradeSchema.safeParse(value);
		if (parsed.success) out.set(id, parsed.data);
	}
	return out;
}

const kindList = (kinds: readonly EvidenceKind[]) => [...new Set(kinds)].map((k) => describeKind(k).toLowerCase()).join(' and ');

/** Grades: on a statement that exists, resting on a reference, and no stronger than that reference allows. */
export function checkGrades(index: ContentIndex): Finding[] {
	const out: Finding[] = [];
	for (const page of index.pages) {
		if (page.type !== 'guideline') continue;
		const grades = pageGrades(page);
		if (grades.size === 0) continue;
		const statements = page.claims.filter((c) => c.kind !== 'heading');
		const byId = new Map(statements.map((c) => [c.id, c]));
		for (const [id, grade] of grades) {
			const line = page.lines[`grades.${id}`] ?? page.lines.grades ?? 1;
			const claim = byId.get(id);
			if (!claim) {
				const guess = closest(id, [...byId.keys()]);
				out.push(
					finding(
						'grade-unknown-statement',
						page.file,
						line,
						`grades: "${id}" is not the id of a statement on this page${guess ? `; did you mean "${guess}"?` : '.'} Statements are graded by the [#id] at their end.`,
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
				out.push(finding('grade-uncited', page.file, line, `The statement "${id}" is graded but cites no reference: a grade must rest on at least one reference.`));
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
						`"${id}" is a ${label} resting only on ${kindList(kinds)}: GRADE calls this discordant. Make it conditional, cite stronger evidence, or write grades.${id}.justification saying why it is strong anyway.`,
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
						`"${id}" is rated ${grade.certainty} certainty, but its references (${kindList(kinds)}) support at most ${ceiling}. Lower the certainty, cite stronger evidence, or write grades.${id}.justification saying why it is rated up.`,
					),
				);
			}
		}
	}
	return out;
}

/** The review cycle: warn before the next review is due, and once it is past. */
export function checkReviewCycle(index: ContentIndex): Finding[] {
	const out: Finding[] = [];
	for (const page of index.pages) {
		if (page.type !== 'guideline') continue;
		const review = ReviewSchema.safeParse(page.frontmatter.review);
		if (!review.success || review.data.status === 'draft') continue;
		const cycle = reviewCycle(review.data, index.settings.review, index.now);
		const line = page.lines['review.nextReview'] ?? page.lines['review.lastReviewed'] ?? page.lines.review ?? 1;
		const due = cycle.state === 'not-scheduled' ? '' : isoDay(cycle.nextReview);
		const source = review.data.nextReview ? 'review.nextReview' : `review.lastReviewed + ${index.settings.review.intervalYears} years`;
		if (cycle.state === 'due-soon') {
			out.push(finding('review-due-soon', page.file, line, `The next clinical review is due on ${due} (${source}), in ${cycle.days} day${cycle.days === 1 ? '' : 's'}.`));
		} else if (cycle.state === 'overdue') {
			out.push(
				finding(
					'review-overdue',
					page.file,
					line,
					`The clinical review was due on ${due} (${source}), ${cycle.days} day${cycle.days === 1 ? '' : 's'} ago: the page shows "Review overdue" until it is reviewed again.`,
				),
			);
		}
	}
	return out;
}
