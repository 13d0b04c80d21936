/**
 * The trust model in a built site: a guideline with graded statements (written by
 * tests/fixtures/trust/generate.ts, review dates relative to today) shows badges and explanations,
 * "Review overdue" on the page and on the home page, authors and reviewers with declared
 * interests, and the reference's verification date. The real content is checked only for what any
 * valid content shows: every guideline says whether it is graded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseHtml, type HtmlElement } from '../../src/lib/html/dom.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv } from '../setup/env.ts';
import { GRADED_PAGE, writeTrustFixture } from '../fixtures/trust/generate.ts';
import { builtPage } from './dist.ts';
import { EXPORT_SCHEMA_PATH } from '../../src/lib/export.ts';
import type { GuidelineExport } from '../../src/schemas/guideline-export.ts';
import { jsonSchema2020Validator } from '../helpers/citation-readers.ts';
import { allBuiltPages } from './pages.ts';

const temp = mkdtempSync(join(tmpdir(), 'eh-trust-'));
const out = join(temp, 'dist');
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const text = (el: HtmlElement | null | undefined) => (el?.readableText ?? '').replace(/\s+/g, ' ').trim();
const page = (path: string) => parseHtml(readFileSync(join(out, path, 'index.html'), 'utf8'));

beforeAll(() => {
	writeTrustFixture(join(temp, 'content'), new Date());
	const r = spawnSync('npx', ['astro', 'build'], {
		encoding: 'utf8',
		env: buildEnv({ EH_CONTENT_DIR: join(temp, 'content'), EH_OUT_DIR: out, EH_CACHE_DIR: join(temp, 'cache') }),
	});
	expect(r.status, r.stderr).toBe(0);
});

describe('a graded guideline', () => {
	test('graded statements carry a badge in words and an explanation; ungraded ones carry none', () => {
		const html = page(GRADED_PAGE);
		const conditional = html.getElementById('conditional-statement')!;
		expect(conditional.getAttribute('data-grade-strength')).toBe('conditional');
		expect(conditional.getAttribute('data-grade-certainty')).toBe('low');
		expect(text(conditional.querySelector('.grade-badge'))).toBe('Grade: Conditional recommendation against, low certainty of evidence. Conditional against · Low certainty');
		const explanation = html.getElementById('conditional-statement-grade')!;
		expect(explanation.tagName).toBe('DETAILS');
		expect(text(explanation)).toContain('Conditional recommendation against: most patients would not choose this but some would');
		expect(text(explanation)).toContain('Low certainty: the true effect may be substantially different from the estimate.');
		expect(text(html.getElementById('justified-statement-grade'))).toContain('Why the grade goes beyond the cited evidence: Fixture justification, as harms');
		expect(html.querySelector('.bottom-line .grade-badge')).not.toBeNull();
		expect(html.getElementById('ungraded-statement')!.querySelector('.grade-badge')).toBeNull();
		expect(text(html.querySelector('.grading-note'))).toContain('Graded statements show the strength of the recommendation');
	});

	test('a graded table row: badge and explanation in its last cell, the grade on its anchor; an ungraded row has neither', () => {
		const html = page(GRADED_PAGE);
		const anchor = html.getElementById('graded-row')!;
		expect(anchor.getAttribute('data-grade-strength')).toBe('conditional');
		expect(anchor.getAttribute('data-grade-certainty')).toBe('moderate');
		const cell = anchor.closest('td')!;
		expect(cell.parentNode!.querySelectorAll('td').at(-1)).toBe(cell);
		expect(text(cell.querySelector('.grade-badge'))).toBe('Grade: Conditional recommendation for, moderate certainty of evidence. Conditional for · Moderate certainty');
		expect(cell.querySelector('details.grade-explanation')?.getAttribute('id')).toBe('graded-row-grade');
		expect(text(cell.querySelector('details.grade-explanation'))).toContain('Rationale: Fixture rationale for a graded row of a table.');
		const ungraded = html.getElementById('ungraded-row')!.closest('td')!;
		expect(ungraded.querySelector('.grade-badge')).toBeNull();
		expect(ungraded.querySelector('.grade-explanation')).toBeNull();
	});

	test('"Review overdue" once nextReview has passed, on the page and on the home page', () => {
		const html = page(GRADED_PAGE);
		expect(text(html.querySelector('.guideline-status [data-review-overdue]'))).toBe('Review overdue');
		const home = page('');
		const list = home.querySelector('section[aria-labelledby="overdue-for-review"]');
		expect(list).not.toBeNull();
		expect(list!.querySelector(`a[href="/${GRADED_PAGE}/"]`)).not.toBeNull();
		expect(list!.querySelector('a[href="/guidelines/knee/published/"]')).toBeNull();
	});

	test('provenance names authors and reviewers with declared interests', () => {
		const section = text(page(GRADED_PAGE).querySelector('.provenance'));
		expect(section).toContain('Dr Ann Author, Sports physician. Declared interests: none declared.');
		expect(section).toContain('Dr Rita Reviewer, Orthopaedic surgeon. Declared interests: Speaker fees from Acme Orthotics Ltd (2025).');
		expect(section).toContain('Review overdue: it was due on');
	});

	test('a page nobody reviewed says so instead of leaving blanks', () => {
		const section = text(page('guidelines/knee/published').querySelector('.provenance'));
		expect(section).toContain('Authors None named.');
		expect(section).toContain('Clinical reviewers None yet: no clinician has reviewed this page.');
		expect(section).toContain('Literature searched through Not recorded.');
		expect(text(page('guidelines/knee/published').querySelector('.grading-note'))).toContain('This page does not grade its recommendations.');
	});

	test('the JSON export carries grades, the review cycle and the people, valid against the schema the build publishes', () => {
		const schema = JSON.parse(readFileSync(join(out, EXPORT_SCHEMA_PATH), 'utf8')) as object;
		const validate = jsonSchema2020Validator(schema);
		const json = JSON.parse(readFileSync(join(out, 'export', `${GRADED_PAGE}.json`), 'utf8')) as GuidelineExport;
		expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
		const grades = Object.fromEntries(json.claims.flatMap((c) => (c.grade ? [[c.id, `${c.grade.strength} ${c.grade.direction} ${c.grade.certainty}`]] : [])));
		expect(grades).toEqual({
			'bottom-line': 'strong for high',
			'conditional-statement': 'conditional against low',
			'justified-statement': 'strong for very-low',
			'graded-row': 'conditional for moderate',
		});
		expect(json.dates.nextReview).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(json.dates.literatureSearchedThrough).toBe(json.dates.lastReviewed);
		expect(json.reviewers?.map((r) => r.interests)).toEqual(['Speaker fees from Acme Orthotics Ltd (2025)']);
		expect(json.authors?.map((a) => a.interests)).toEqual(['none declared']);
		// The badge on the page and the grade in the export say the same thing.
		const html = page(GRADED_PAGE);
		const onPage = html.querySelectorAll('[data-grade-certainty]').map((el) => `${el.getAttribute('data-grade-strength')} ${el.getAttribute('data-grade-certainty')}`);
		expect(onPage.sort()).toEqual(json.claims.flatMap((c) => (c.grade ? [`${c.grade.strength} ${c.grade.certainty}`] : [])).sort());
	});

	test('reference pages say when the reference was last verified', () => {
		expect(text(page('references/trial-2021').querySelector('[data-verified]'))).toMatch(/^\d{1,2} \w+ \d{4} by Fixture Editor$/);
		expect(text(page('references/opinion-2021').querySelector('[data-verified]'))).toBe('Not yet verified: these details are as the source gave them.');
	});
});

describe('the real content', () => {
	test('every guideline says whether it is graded; badges appear only on graded statements', () => {
		const guidelines = allBuiltPages().filter((f) => f.startsWith('guidelines/')).map((f) => builtPage(f));
		for (const html of guidelines) {
			const note = html.querySelector('.grading-note');
			expect(note).not.toBeNull();
			const graded = html.querySelectorAll('[data-grade-strength]').length;
			expect(html.querySelectorAll('.grade-badge').length).toBe(graded);
			if (note?.getAttribute('data-graded') === 'none') expect(graded).toBe(0);
		}
	});
});
