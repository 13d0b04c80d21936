/**
 * The built guideline page against its source (tests/fixtures/seed): every section, statement,
 * number and citation of the source appears on the page, in the source's order, with the same
 * reference numbers. The source's defects stay visible: its citations 8 and 9 (no such
 * references) are flagged gaps, and its uncited "74%/62% of studies" headings are flagged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { HtmlElement } from '../../src/lib/html/dom.ts';
import { builtPage, GUIDELINE_PATH } from './dist.ts';

const source = readFileSync(new URL('../fixtures/seed/000_cdd8e4d13538c941.txt', import.meta.url), 'utf8');
const page = builtPage(GUIDELINE_PATH);
const main = page.querySelector('main')!;

/** The source's answer body: from its heading to its reference list. */
const body = source.slice(source.indexOf('Management of Sudden Medial Thigh/Knee Pain in a Runner'), source.indexOf('\nReferences\n'));
const lines = body
	.split('\n')
	.map((l) => l.trim().replace(/^•\s*/, ''))
	.filter(Boolean)
	.slice(1);

/** A source line: its text and the reference numbers at its end ("… walking 1, 2, 3"). */
function splitCitations(line: string): { text: string; numbers: number[] } {
	const m = /^(.*?)\s+(\d+(?:,\s*\d+)*)$/.exec(line);
	if (!m) return { text: line, numbers: [] };
	return { text: m[1]!, numbers: m[2]!.split(',').map((n) => Number(n.trim())) };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();

/** Reader-visible text of an element, without tooltips and permalinks. */
function visibleText(el: HtmlElement): string {
	const clone = el.cloneNode();
	for (const hidden of clone.querySelectorAll('[role="tooltip"], sup, a[href^="#"]:not([data-cite]):not([data-gap])')) hidden.remove();
	return norm(clone.textContent);
}

/** The reference numbers a claim element shows, in order; gaps show as their source label. */
function shownNumbers(el: HtmlElement): number[] {
	return el
		.querySelectorAll('a[data-cite], a[data-gap]')
		.filter((a) => a.closest('[data-claim]') === el || a.closest('[data-claim]') === null)
		.map((a) => Number(norm(a.textContent).replace(/^(Reference|Unresolved citation|Unsupported statement)\s*/, '').replace('?', '')));
}

const claims = main.querySelectorAll('[data-claim]');
const headings = main.querySelectorAll('h2, h3');

describe('the guideline page is faithful to its source', () => {
	test('the source body was found', () => {
		expect(lines.length).toBeGreaterThan(40);
	});

	test('the source heading is the visible title and the source question is stated once', () => {
		expect(norm(page.querySelector('h1')!.textContent)).toBe('Management of Sudden Medial Thigh/Knee Pain in a Runner');
		const question = norm(source.split('\n')[0]!);
		expect(norm(main.querySelector('.guideline-question')!.textContent)).toBe(`Clinical question: ${question}`);
	});

	const headingTexts = headings.map((h) => norm(h.textContent));
	const sectionLines = lines.filter((l) => headingTexts.includes(norm(l)));

	test('every section heading of the source is a heading on the page, in order', () => {
		const expected = [
			'Initial Assessment and Diagnosis',
			'Immediate Management Phase (Weeks 1-3)',
			'Structured Return-to-Running Protocol (Weeks 4-14)',
			'Initial Running Phase',
			'Surface Progression',
			'Distance and Speed Progression',
			'Concurrent Rehabilitation (Throughout Recovery)',
			'Strength Training (74% of studies identified this as critical)',
			'Flexibility Work',
			'Biomechanical Correction (62% of studies emphasized this)',
			'Timeline Expectations',
			'Critical Pitfalls to Avoid',
			'Therapies to Avoid',
		];
		expect(sectionLines).toEqual(expected);
		const positions = expected.map((t) => headingTexts.indexOf(t));
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
	});

	const statements = lines.filter((l) => !headingTexts.includes(norm(l))).map(splitCitations);

	test.each(statements.map((s) => [s.text, s]))('"%s" is on the page with the source\'s citations', (_, s) => {
		// Callout labels in the source ("Critical pitfall: …", "If pain occurs: …") are callout titles here.
		const text = norm(s.text.replace(/^(Critical pitfall|If pain occurs):\s*/, ''));
		if (s.numbers.length === 0) {
			// An uncited list introduction ("… by examining pain characteristics:") is text, not a claim.
			expect(text.endsWith(':')).toBe(true);
			expect(norm(main.textContent)).toContain(text);
			return;
		}
		const bottomLine = text.startsWith('Immediately stop running');
		const host = bottomLine ? page.getElementById('bottom-line') : claims.find((c) => visibleText(c) === text || visibleText(c).startsWith(text));
		expect(host, `no claim on the page reads: ${text}`).toBeTruthy();
		expect(shownNumbers(host!)).toEqual(s.numbers);
	});

	test('statements appear in the source order', () => {
		const order = statements
			.map((s) => norm(s.text.replace(/^(Critical pitfall|If pain occurs):\s*/, '')))
			.filter((t) => !t.startsWith('Immediately stop running'))
			.map((t) => main.textContent.replace(/\s+/g, ' ').indexOf(t.slice(0, 40)));
		expect(order.every((p) => p >= 0)).toBe(true);
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});
});

describe('citations and the reference list', () => {
	const list = main.querySelector('#references')?.parentNode?.nextElementSibling;
	const entries = main.querySelectorAll('li[id^="ref-"]');

	test('the seven source references are listed, numbered 1–7 in the source order', () => {
		expect(list).toBeTruthy();
		const refs = source.slice(source.indexOf('\nReferences\n'), source.indexOf('Related Questions'));
		const titles = [...refs.matchAll(/\n(Guideline|Research)\n\n(.+)\n/g)].map((m) => m[2]!.trim());
		expect(titles).toHaveLength(7);
		expect(entries).toHaveLength(7);
		entries.forEach((entry, i) => {
			expect(entry.getAttribute('value')).toBe(String(i + 1));
			expect(norm(entry.textContent)).toContain(titles[i]);
		});
	});

	test('every citation link resolves to an entry of the reference list', () => {
		const links = main.querySelectorAll('a[data-cite]');
		// As many citation links as the source has citations, less its two to missing references.
		const sourceCitations = lines.map(splitCitations).flatMap((l) => l.numbers).filter((n) => n <= 7);
		expect(links.length).toBe(sourceCitations.length);
		const ids = new Set(entries.map((e) => `#${e.id}`));
		for (const a of links) expect(ids.has(a.getAttribute('href')!)).toBe(true);
	});

	test('numbers follow first appearance on the page', () => {
		const seen: number[] = [];
		for (const a of main.querySelectorAll('a[data-cite]')) {
			const n = Number(norm(a.textContent).replace('Reference', ''));
			if (!seen.includes(n)) seen.push(n);
		}
		expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	test("each citation's preview text is its reference entry (filled in the browser from [data-preview])", () => {
		for (const a of main.querySelectorAll('a[data-cite]')) {
			const entry = page.getElementById(a.getAttribute('href')!.slice(1))!;
			expect(norm(entry.querySelector('[data-preview]')?.textContent ?? '').length).toBeGreaterThan(10);
		}
	});

	test('each reference lists the statements citing it, with their text', () => {
		for (const entry of entries) {
			const back = entry.querySelectorAll('details.ref-cited-by a[href^="#"]');
			expect(back.length).toBeGreaterThan(0);
			expect(norm(entry.querySelector('details.ref-cited-by summary')!.textContent)).toMatch(/^Cited by \d+ statements?$/);
			for (const a of back) {
				expect(page.getElementById(a.getAttribute('href')!.slice(1))?.hasAttribute('data-claim')).toBe(true);
				expect(norm(a.textContent).length).toBeGreaterThan(10);
			}
		}
	});

	test('references say which details the source did not give', () => {
		const southern = page.getElementById('ref-knee-pain-in-runners-1979')!;
		expect(norm(southern.textContent)).toContain('Southern medical journal');
		expect(norm(southern.textContent)).toMatch(/not given by the source: author, volume, page, DOI, PMID/);
	});
});

describe('the source defects are visible, not fixed', () => {
	test('citations 8 and 9 are flagged as unresolved and explained', () => {
		for (const [claim, label] of [
			['excessive-pronation', '8'],
			['training-errors', '9'],
		] as const) {
			const el = page.getElementById(claim)!;
			const gap = el.querySelector('a[data-gap]')!;
			expect(norm(gap.textContent)).toBe(`Unresolved citation ${label}?`);
			const target = page.getElementById(gap.getAttribute('href')!.slice(1))!;
			expect(norm(target.textContent)).toContain(`Unresolved citation [${label}]`);
			expect(norm(target.textContent)).toContain('its reference list ends at 7');
		}
	});

	test('"74% of studies" and "62% of studies" are flagged as unsupported', () => {
		for (const id of ['strength-training', 'biomechanical-correction']) {
			const heading = page.getElementById(id)!;
			const flag = heading.parentNode!.nextElementSibling!;
			expect(flag.getAttribute('data-evidence-gap')).toMatch(/studies-\d\d-percent/);
			expect(norm(flag.textContent)).toMatch(/^Unsupported statement: The source states "\d\d% of studies/);
		}
	});
});

describe('page furniture', () => {
	test('the bottom line comes first, before the first section', () => {
		const text = main.textContent;
		expect(text.indexOf('Bottom line')).toBeLessThan(text.indexOf('Initial Assessment and Diagnosis'));
	});

	test('a pending-review banner, the review status and the source date are shown', () => {
		expect(norm(page.querySelector('[role="note"]')!.textContent)).toMatch(/Pending clinical review/);
		expect(norm(main.textContent)).toContain('Review status: Submitted, awaiting clinical review');
		expect(norm(main.textContent)).toContain('source last updated 2 February 2026');
	});

	test("the professional disclaimer is shown; related questions are the ones editors chose, not the source's list", () => {
		expect(page.getElementById('disclaimer')?.textContent).toBe('Professional medical disclaimer');
		expect(main.textContent).toContain('This information is intended for healthcare professionals.');
		const related = norm(main.querySelectorAll('h2#related-questions ~ ul.related-questions li').map((li) => li.textContent).join(' '));
		expect(related).not.toMatch(/catheter|pneumonia|difficile|anti-CCP/);
	});

	test('the question/reference scope mismatch is flagged under the bottom line and on the references it concerns', () => {
		const flag = main.querySelector('.bottom-line ~ .editorial-flag')!;
		expect(norm(flag.textContent)).toMatch(/^Editorial note · Scope mismatch:/);
		const note = page.getElementById(flag.querySelector('a')!.getAttribute('href')!.slice(1))!;
		expect(note.getAttribute('data-editorial-note')).toBe('scope-mismatch');
		expect(main.querySelectorAll('li[id^="ref-"] .ref-note a').length).toBeGreaterThan(0);
	});

	test("the source's own liability notice is attributed to the source, apart from the site-wide disclaimer", () => {
		const notice = main.querySelector('.source-notice');
		expect(norm(notice?.textContent ?? '')).toContain('The source of this guideline states: “Dr.Oracle assumes no liability for clinical decisions based on this content.”');
		expect(main.querySelector('aside.disclaimer')?.textContent ?? '').not.toContain('Dr.Oracle');
		expect(main.querySelector('aside.disclaimer')?.textContent).toContain('Evidence Handbook assumes no liability');
	});

	test('every section heading has its explicit id', () => {
		const ids = headings.map((h) => h.id);
		for (const id of ['initial-assessment', 'immediate-management', 'return-to-running-protocol', 'strength-training', 'timeline', 'therapies-to-avoid', 'references', 'evidence-gaps']) {
			expect(ids).toContain(id);
		}
	});
});
