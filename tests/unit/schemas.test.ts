import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ReferenceSchema } from '../../src/schemas/reference.ts';
import { GuidelineFrontmatterSchema } from '../../src/schemas/guideline.ts';
import { ReviewSchema } from '../../src/schemas/review.ts';
import { PersonSchema } from '../../src/schemas/person.ts';
import { GradeSchema } from '../../src/schemas/grade.ts';
import { SettingsSchema } from '../../src/schemas/settings.ts';
import { EvidenceGapSchema } from '../../src/schemas/evidence-gap.ts';
import { TopicSchema } from '../../src/schemas/topic.ts';
import { DisclaimerSchema } from '../../src/schemas/disclaimer.ts';
import { missingRequiredFields } from '../../src/lib/references/fields.ts';
import { editorErrorMap } from '../../src/lib/zod-messages.ts';
import type { z } from 'zod';

const refsDir = new URL('../../content/references/', import.meta.url);
const guideline = new URL('../../content/guidelines/running-injuries/runner-medial-thigh-knee-pain.mdx', import.meta.url);

function frontmatter(file: URL): Record<string, unknown> {
	const text = readFileSync(file, 'utf8');
	return parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;
}

/** The messages Zod gives for `value`, as "path: message". */
function problems(schema: z.ZodType, value: unknown): string[] {
	const result = schema.safeParse(value, { error: editorErrorMap(schema) });
	return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const goodRef = {
	id: 'smith-2020',
	type: 'article-journal',
	title: 'A trial.',
	author: [{ family: 'Smith', given: 'J' }],
	'container-title': 'J Test',
	issued: { 'date-parts': [[2020]] },
	DOI: '10.1000/xyz123',
	PMID: '12345678',
	'x-evidence': { kind: 'rct', tier: 'primary', publisher: 'J Test' },
};

describe('reference schema', () => {
	test.each(readdirSync(refsDir).filter((f) => f.endsWith('.yaml')))('real reference %s is valid and complete', (name) => {
		const data = parseYaml(readFileSync(new URL(name, refsDir), 'utf8'));
		expect(problems(ReferenceSchema, data)).toEqual([]);
		expect(data.id).toBe(name.replace('.yaml', ''));
		expect(missingRequiredFields(ReferenceSchema.parse(data))).toEqual([]);
	});

	test('a well-formed reference passes', () => {
		expect(problems(ReferenceSchema, goodRef)).toEqual([]);
	});

	test('malformed DOI, PMID and URL are rejected with how to write them', () => {
		expect(problems(ReferenceSchema, { ...goodRef, DOI: 'https://doi.org/10.1000/x', PMID: 'PMID: 123', URL: 'javascript:alert(1)' })).toEqual([
			'DOI: A DOI looks like 10.1234/abcd — no "https://doi.org/" prefix, no spaces.',
			'PMID: A PMID is digits only, e.g. "1508994" — no "PMID:" prefix.',
			'URL: URL must be a full http(s) address, e.g. https://example.org/guideline.',
		]);
	});

	test('an unknown type, evidence kind or extra field is rejected', () => {
		const msgs = problems(ReferenceSchema, { ...goodRef, type: 'journal', 'x-evidence': { ...goodRef['x-evidence'], kind: 'meta' }, doi: 'x' });
		expect(msgs).toContain(
			'type: the text "journal" is not allowed: did you mean "article-journal"? Use one of "article-journal", "report", "book", "chapter", "webpage", "document". The CSL type: "article-journal" for papers, "report" for guidelines, "webpage" for online-only material.',
		);
		expect(msgs.some((m) => m.startsWith('x-evidence.kind: the text "meta" is not allowed: use one of "clinical-guideline"'))).toBe(true);
		expect(msgs.some((m) => m.includes('doi'))).toBe(true);
	});

	test('required fields missing without an x-missing entry are reported; declared ones are not', () => {
		const { author: _author, ...noAuthor } = goodRef;
		expect(missingRequiredFields(ReferenceSchema.parse(noAuthor))).toEqual(['author']);
		const declared = { ...noAuthor, 'x-missing': { fields: ['author'], reason: 'The source lists no authors for this paper.' } };
		expect(missingRequiredFields(ReferenceSchema.parse(declared))).toEqual([]);
	});
});

describe('guideline frontmatter schema', () => {
	const real = frontmatter(guideline);

	test('the real guideline is valid', () => {
		expect(problems(GuidelineFrontmatterSchema, real)).toEqual([]);
	});

	test('a title that is not a question is rejected with a hint', () => {
		expect(problems(GuidelineFrontmatterSchema, { ...real, title: 'Knee pain in runners' })).toEqual([
			'title: The title is the clinical question the page answers: end it with "?".',
		]);
	});

	test('unknown fields, bad audience and bad review status are rejected', () => {
		const msgs = problems(GuidelineFrontmatterSchema, { ...real, audiance: ['clinicians'], audience: ['doctors'], review: { status: 'done' } });
		expect(msgs).toContain('audience.0: the text "doctors" is not allowed: use one of "clinicians", "educators", "students", "patients". Who the page is written for: clinicians, educators, students, patients.');
		expect(msgs.some((m) => m.startsWith('review.status: the text "done" is not allowed: use one of "draft", "submitted", "under-review", "approved", "withdrawn". draft (not published)'))).toBe(true);
		expect(msgs.some((m) => m.includes('audiance'))).toBe(true);
	});

	test('an evidence gap needs a reason', () => {
		expect(problems(EvidenceGapSchema, { id: 'source-ref-8', kind: 'unresolved-citation', label: '8' })).toEqual([
			'reason: Every evidence gap needs a `reason`: say what is missing and how to resolve it.',
		]);
	});
});

describe('review schema', () => {
	test('approved needs a named reviewer and a review date', () => {
		expect(problems(ReviewSchema, { status: 'approved' })).toEqual([
			'reviewers: An approved page needs at least one named reviewer: add `reviewers: [{ name: "…", interests: "none declared" }]`, or set status to under-review.',
			'lastReviewed: An approved page needs `lastReviewed: YYYY-MM-DD` (the date the review was completed).',
		]);
	});

	// A review date in the future is the claim check's rule (date-in-future, against an injected today: check-rules.test.ts).
	test('a review date that is not on the calendar is rejected with the nearest real one', () => {
		expect(problems(ReviewSchema, { status: 'approved', reviewers: [{ name: 'Dr A Reviewer', interests: 'none declared' }], lastReviewed: '2026-02-30' })).toEqual([
			'lastReviewed: 2026-02-30 is not a date on the calendar: February 2026 has 28 days. Did you mean 2026-02-28?',
		]);
	});

	test('an approved review with reviewer and past date passes', () => {
		expect(problems(ReviewSchema, { status: 'approved', reviewers: [{ name: 'Dr A Reviewer', interests: 'none declared' }], lastReviewed: '2026-01-10' })).toEqual([]);
	});
});

describe('declared interests', () => {
	test('"none declared" is a value; a missing, blank or vague declaration is not', () => {
		expect(problems(PersonSchema, { name: 'Dr A Reviewer', interests: 'none declared' })).toEqual([]);
		expect(problems(PersonSchema, { name: 'Dr A Reviewer', interests: 'Speaker fees from Acme Ltd (2025)' })).toEqual([]);
		expect(problems(PersonSchema, { name: 'Dr A Reviewer' })).toEqual([
			'interests: Declare competing interests: write "none declared" if there are none, or describe them, e.g. "Consultant to Acme Orthotics Ltd (2024–2025)".',
		]);
		expect(problems(PersonSchema, { name: 'Dr A Reviewer', interests: ' ' })).toEqual([
			'interests: Declare competing interests: write "none declared" if there are none; a blank is not a declaration.',
		]);
		for (const vague of ['none', 'N/A', '-', 'nil'])
			expect(problems(PersonSchema, { name: 'Dr A Reviewer', interests: vague })).toEqual([
				'interests: Write exactly "none declared" when there are no competing interests (a bare "none" or "n/a" is ambiguous).',
			]);
	});

	test('an approved page names reviewers with their interests', () => {
		expect(problems(ReviewSchema, { status: 'approved', reviewers: [{ name: 'Dr A Reviewer' }], lastReviewed: '2026-01-10' })).toEqual([
			'reviewers.0.interests: Declare competing interests: write "none declared" if there are none, or describe them, e.g. "Consultant to Acme Orthotics Ltd (2024–2025)".',
		]);
	});
});

describe('review cycle fields', () => {
	test('nextReview must come after lastReviewed', () => {
		expect(problems(ReviewSchema, { status: 'under-review', lastReviewed: '2026-01-10', nextReview: '2025-01-10' })).toEqual([
			'nextReview: nextReview (2025-01-10) must be after lastReviewed (2026-01-10); leave it out to use the editorial default interval.',
		]);
	});

	test('settings default to a 2-year interval with a 90-day warning', () => {
		expect(SettingsSchema.parse({}).review).toEqual({ intervalYears: 2, warnDaysBefore: 90 });
	});
});

describe('grade schema', () => {
	const grade = { strength: 'conditional', direction: 'for', certainty: 'low', rationale: 'Most runners tolerate it and it costs little.' };
	test('a complete grade passes', () => {
		expect(problems(GradeSchema, grade)).toEqual([]);
	});
	test('GRADE terms only, with a rationale', () => {
		expect(problems(GradeSchema, { ...grade, strength: 'weak', certainty: 'very low', rationale: undefined })).toEqual([
			'strength: the text "weak" is not allowed: use one of "strong", "conditional". strong: almost everyone should receive the recommended course; conditional: the right choice differs between patients (GRADE "weak"/"discretionary").',
			'certainty: the text "very low" is not allowed: did you mean "very-low"? Use one of "high", "moderate", "low", "very-low". How confident we are in the estimate of effect: high, moderate, low or very-low (GRADE).',
			'rationale: A grade needs a `rationale`: say why the recommendation has this strength (benefits, harms, patients’ values).',
		]);
	});
	test('grades are keyed by statement id in guideline frontmatter', () => {
		const fm = frontmatter(guideline);
		expect(problems(GuidelineFrontmatterSchema, { ...fm, grades: { 'Bottom Line': grade } })).toEqual([
			'grades.Bottom Line: Grade a statement by its [#id]: lower-case words joined by hyphens, e.g. "rest-two-weeks".',
		]);
	});
});

describe('topics and disclaimers', () => {
	test('real topics and disclaimer are valid', () => {
		for (const t of parseYaml(readFileSync(new URL('../../content/topics.yaml', import.meta.url), 'utf8'))) expect(problems(TopicSchema, t)).toEqual([]);
		expect(problems(DisclaimerSchema, parseYaml(readFileSync(new URL('../../content/disclaimers/professional.yaml', import.meta.url), 'utf8')))).toEqual([]);
	});
});
