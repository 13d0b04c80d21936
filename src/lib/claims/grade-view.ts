/**
 * How a graded statement looks: a small badge after the statement (text, not colour alone) and,
 * below it, what the grade means for the patient in front of you, with the rationale. hast
 * elements, inserted by the renderer (render.ts). Wording: src/lib/grading.ts.
 */
import type { Element } from 'hast';
import { h } from './render/h.ts';
import type { Grade } from '../../schemas/grade.ts';
import { gradeAnchor } from '../content/anchors.ts';
import { badgeText, certaintyLabel, certaintyMeaning, strengthLabel, strengthMeaning } from '../grading.ts';

/** Attributes on the statement itself, for search results and scripts (see README: search hooks). */
export function gradeAttributes(grade: Grade): Record<string, string> {
	return { 'data-grade-strength': grade.strength, 'data-grade-direction': grade.direction, 'data-grade-certainty': grade.certainty };
}

/** The inline badge: "Strong for · Low certainty", read aloud as "Grade: Strong recommendation for, low certainty of evidence." */
export function gradeBadge(grade: Grade): Element {
	return h('span', { class: 'grade-badge', 'data-strength': grade.strength, 'data-direction': grade.direction, 'data-certainty': grade.certainty }, [
		h('span', { class: 'sr-only', 'data-pagefind-ignore': '' }, `Grade: ${strengthLabel(grade)}, ${certaintyLabel(grade.certainty).toLowerCase()} of evidence. `),
		h('span', { 'aria-hidden': 'true' }, badgeText(grade)),
	]);
}

/** The explanation under the statement: meaning of the strength and certainty, rationale, justification. */
export function gradeExplanation(grade: Grade, claimId: string): Element {
	return h('details', { class: 'grade-explanation', id: gradeAnchor(claimId), 'data-pagefind-ignore': '' }, [
		h('summary', [`What “${badgeText(grade)}” means`]),
		h('p', [h('strong', `${strengthLabel(grade)}: `), strengthMeaning(grade)]),
		h('p', [h('strong', `${certaintyLabel(grade.certainty)}: `), certaintyMeaning(grade.certainty)]),
		h('p', [h('strong', 'Rationale: '), grade.rationale]),
		grade.justification ? h('p', [h('strong', 'Why the grade goes beyond the cited evidence: '), grade.justification]) : '',
		h('p', { class: 'grade-source' }, [h('a', { href: '/editorial-policy/#grading' }, 'How statements are graded')]),
	]);
}
