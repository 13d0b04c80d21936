/**
 * The JSON export of a guideline carries the trust model (grades per statement, the review cycle,
 * authors and reviewers with their declared interests) as optional fields of version 2, and every
 * export validates against the published JSON Schema: on the trust fixture, on files written
 * before those fields existed, and (property test) for any valid grades, people and review dates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildIndex } from '../../src/lib/content/load.ts';
import { guidelineExport } from '../../src/lib/export.ts';
import { GuidelineExportSchema, guidelineExportJsonSchema, type GuidelineExport } from '../../src/schemas/guideline-export.ts';
import { certainties, directions, strengths } from '../../src/schemas/grade.ts';
import { NONE_DECLARED } from '../../src/schemas/person.ts';
import { SettingsSchema } from '../../src/schemas/settings.ts';
import type { ContentIndex, IndexedPage } from '../../src/lib/content/types.ts';
import { GRADED_PAGE, writeTrustFixture } from '../fixtures/trust/generate.ts';
import { jsonSchema2020Validator } from '../helpers/citation-readers.ts';

const SITE = 'https://handbook.example/';
const validate = jsonSchema2020Validator(guidelineExportJsonSchema(new URL('/export/guideline-export.v2.schema.json', SITE).href));
/** Valid against the published JSON Schema and the Zod schema it is generated from. */
function expectValid(data: unknown): void {
	expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
	GuidelineExportSchema.parse(data);
}

const DAY = 86_400_000;
const now = new Date('2031-06-15T12:00:00Z');
const temp = mkdtempSync(join(tmpdir(), 'eh-export-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let index: ContentIndex;
const exportOf = (id: string) => guidelineExport(index, index.pages.find((p) => p.id === id)!, SITE, {});

beforeAll(async () => {
	writeTrustFixture(join(temp, 'content'), new Date());
	index = await buildIndex({ root: temp, now });
});

describe('the trust fixture', () => {
	test('graded statements carry their grade; ungraded ones and headings carry none', () => {
		const data = exportOf(GRADED_PAGE);
		expectValid(data);
		const byId = new Map(data.claims.map((c) => [c.id, c]));
		expect(byId.get('conditional-statement')?.grade).toEqual({
			strength: 'conditional',
			direction: 'against',
			certainty: 'low',
			rationale: 'Fixture rationale for a conditional recommendation against.',
		});
		expect(byId.get('justified-statement')?.grade).toMatchObject({ strength: 'strong', certainty: 'very-low', justification: expect.stringContaining('severe and irreversible') });
		expect(byId.get('bottom-line')?.grade).toMatchObject({ strength: 'strong', direction: 'for', certainty: 'high' });
		expect(byId.get('ungraded-statement')).toBeDefined();
		expect(byId.get('ungraded-statement')).not.toHaveProperty('grade');
		for (const claim of data.claims.filter((c) => c.kind === 'heading')) expect(claim).not.toHaveProperty('grade');
	});

	test('the review cycle and the people, with their declared interests', () => {
		const page = index.pages.find((p) => p.id === GRADED_PAGE)!;
		const review = page.frontmatter.review as Record<'nextReview' | 'literatureSearchedThrough', string | Date>;
		const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10);
		const data = exportOf(GRADED_PAGE);
		expect(data.dates.nextReview).toBe(day(review.nextReview));
		expect(data.dates.literatureSearchedThrough).toBe(day(review.literatureSearchedThrough));
		expect(data.authors).toEqual([{ name: 'Dr Ann Author', role: 'Sports physician', interests: NONE_DECLARED }]);
		expect(data.reviewers).toEqual([{ name: 'Dr Rita Reviewer', role: 'Orthopaedic surgeon', interests: 'Speaker fees from Acme Orthotics Ltd (2025)' }]);
	});

	test('a page nobody graded, authored or reviewed: empty lists, no review dates, no grades', () => {
		for (const page of index.pages.filter((p) => p.type === 'guideline' && p.id !== GRADED_PAGE && !p.frontmatter.grades)) {
			const data = exportOf(page.id);
			expectValid(data);
			expect(data.claims.filter((c) => c.grade)).toEqual([]);
			if (!(page.frontmatter.review as { lastReviewed?: unknown }).lastReviewed) expect(data.dates).not.toHaveProperty('nextReview');
		}
		const published = exportOf('guidelines/knee/published');
		expect(published.authors).toEqual([]);
		expect(published.reviewers).toEqual([]);
		expect(published.dates).not.toHaveProperty('literatureSearchedThrough');
	});

	test('a file written before the trust fields existed still validates (they are optional)', () => {
		const { authors: _a, reviewers: _r, ...older } = exportOf(GRADED_PAGE);
		const { nextReview: _n, literatureSearchedThrough: _l, ...dates } = older.dates;
		expectValid({ ...older, dates, claims: older.claims.map(({ grade: _g, ...claim }) => claim) });
	});

	test('what the schema refuses: an unknown strength, a blank declaration', () => {
		const data = exportOf(GRADED_PAGE);
		const graded = data.claims.findIndex((c) => c.grade);
		const badGrade = structuredClone(data) as GuidelineExport;
		(badGrade.claims[graded]!.grade as { strength: string }).strength = 'weak';
		expect(validate(badGrade)).toBe(false);
		const blank = structuredClone(data) as GuidelineExport;
		blank.reviewers![0]!.interests = '';
		expect(validate(blank)).toBe(false);
	});
});

describe('any valid content', () => {
	const text = (min: number) => fc.string({ minLength: min, maxLength: 60 }).filter((s) => s.trim().length >= min);
	const grade = fc.record(
		{
			strength: fc.constantFrom(...strengths),
			direction: fc.constantFrom(...directions),
			certainty: fc.constantFrom(...certainties),
			rationale: text(20),
			justification: text(20),
		},
		{ requiredKeys: ['strength', 'direction', 'certainty', 'rationale'] },
	);
	const person = fc.record(
		{ name: text(2), role: text(2), interests: fc.oneof(fc.constant(NONE_DECLARED), text(12).map((s) => `Fees: ${s}`)) },
		{ requiredKeys: ['name', 'interests'] },
	);
	// Review dates in the past (a review cannot be dated in the future).
	const date = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2025, 0, 1) }).map((t) => new Date(Math.floor(t / DAY) * DAY));

	test('grades, people and review dates in any valid combination export to a file the published schema accepts', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(grade, { nil: undefined }), { minLength: 1, maxLength: 6 }),
				fc.array(person, { maxLength: 3 }),
				fc.array(person, { maxLength: 3 }),
				fc.option(date, { nil: undefined }),
				fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
				fc.option(date, { nil: undefined }),
				(grades, authors, reviewers, lastReviewed, nextAfter, searched) => {
					const claims = grades.map((_, i) => ({
						id: `statement-${i}`,
						explicit: true,
						kind: 'paragraph' as const,
						text: `Statement ${i}.`,
						section: null,
						cites: [{ type: 'ref' as const, key: 'any-ref' }],
						position: { line: i + 1, column: 1 },
					}));
					const review = {
						status: reviewers.length && lastReviewed ? 'approved' : 'submitted',
						reviewers,
						...(lastReviewed && { lastReviewed }),
						...(lastReviewed && nextAfter && { nextReview: new Date(lastReviewed.getTime() + nextAfter * DAY) }),
						...(searched && { literatureSearchedThrough: searched }),
					};
					const page = {
						id: 'guidelines/any/page',
						file: 'content/guidelines/any/page.mdx',
						type: 'guideline',
						frontmatter: {
							title: 'Any question?',
							authors,
							review,
							grades: Object.fromEntries(grades.flatMap((g, i) => (g ? [[`statement-${i}`, g]] : []))),
						},
						lines: {},
						headings: [],
						claims,
						problems: [],
						gaps: [],
						findings: [],
					} as unknown as IndexedPage;
					const content = { ...index, pages: [page], settings: SettingsSchema.parse({}) } as ContentIndex;
					const data = guidelineExport(content, page, SITE, {});
					expectValid(data);
					expect(data.claims.map((c) => Boolean(c.grade))).toEqual(grades.map(Boolean));
					expect(data.authors).toHaveLength(authors.length);
					expect(Boolean(data.dates.nextReview)).toBe(Boolean(lastReviewed));
				},
			),
			{ numRuns: 200 },
		);
	});
});
