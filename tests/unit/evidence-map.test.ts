import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildIndex } from '../../src/lib/content/load.ts';
import { buildEvidenceMap, byTopic, CERTAINTY_FILTER, gradeFilterCss, gradeTokens, sectionTokens, STRENGTH_FILTER } from '../../src/lib/evidence-map.ts';

const root = mkdtempSync(join(tmpdir(), 'eh-map-'));
cpSync(new URL('../fixtures/check/base/', import.meta.url).pathname, join(root, 'content'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('evidence map', () => {
	test('lists every claim with its references, kind and year, and links to its anchor', async () => {
		const map = buildEvidenceMap(await buildIndex({ root }), { year: 2026 });
		expect(map.claims).toHaveLength(10);
		const rest = map.claims.find((c) => c.claimId === 'rest-two-weeks')!;
		expect(rest.href).toBe('/guidelines/knee/sample/#rest-two-weeks');
		expect(rest.references).toEqual([{ key: 'jones-2019', title: 'Knee pain guideline.', year: 2019, kind: 'clinical-guideline', tier: 'primary' }]);
		expect(map.byReference.get('smith-2020')?.map((c) => c.claimId)).toEqual(['effusion', 'joint-line-tenderness', 'do-not-return-before-walking-is', 'squats-3-10', 'protocol-numbers']);
	});

	test('restricted to some references, each keeps exactly the claims (same rows, same order) the whole map gives it', async () => {
		const index = await buildIndex({ root });
		const whole = buildEvidenceMap(index, { year: 2026 });
		const keys = [...whole.byReference.keys()];
		expect(keys.length).toBeGreaterThan(1);
		const wanted = keys.slice(0, 1);
		const part = buildEvidenceMap(index, { year: 2026, references: new Set(wanted) });
		expect([...part.byReference.keys()]).toEqual(wanted);
		expect(part.byReference.get(wanted[0]!)).toEqual(whole.byReference.get(wanted[0]!));
		expect(part.claims.length).toBeLessThan(whole.claims.length);
		expect(buildEvidenceMap(index, { year: 2026, references: new Set(['no-such-reference']) }).byReference.size).toBe(0);
	});

	test('flags support only from references older than the age limit', async () => {
		const index = await buildIndex({ root });
		expect(buildEvidenceMap(index, { year: 2026 }).claims.filter((c) => c.onlyOld)).toEqual([]);
		const later = buildEvidenceMap(index, { year: 2035, maxAgeYears: 15 });
		// In 2035 the 2019 guideline is 16 years old (the 2020 trial 15); claims citing only it are flagged, mixed ones are not.
		expect(later.claims.filter((c) => c.onlyOld).map((c) => c.claimId)).toEqual(['bottom-line', 'rest-two-weeks', 'rest-is-best-as-one-trial', 'also-not-a-reference-in-code']);
	});

	test('flags support only from secondary sources', async () => {
		const index = await buildIndex({ root });
		const ref = index.references.get('jones-2019')!;
		ref.data['x-evidence'].tier = 'secondary';
		const map = buildEvidenceMap(index, { year: 2026 });
		expect(map.claims.filter((c) => c.onlySecondary).map((c) => c.claimId)).toEqual(['bottom-line', 'rest-two-weeks', 'rest-is-best-as-one-trial', 'also-not-a-reference-in-code']);
	});

	test('claims with only an evidence gap are listed with it, not flagged as old or secondary', async () => {
		const map = buildEvidenceMap(await buildIndex({ root }), { year: 2026 });
		expect(map.claims.find((c) => c.claimId === 'strength')).toMatchObject({ gaps: ['gap-one'], references: [], onlyOld: false, onlySecondary: false });
	});

	test('graded statements carry strength and certainty; topics count them; invalid grades and headings carry none', async () => {
		const index = await buildIndex({ root });
		const page = index.pages.find((p) => p.type === 'guideline')!;
		page.frontmatter.grades = {
			'rest-two-weeks': { strength: 'conditional', direction: 'against', certainty: 'low', rationale: 'A rationale long enough to pass.' },
			effusion: { strength: 'strong', direction: 'for', certainty: 'loud', rationale: 'An invalid certainty, reported by the check.' },
			assessment: { strength: 'strong', direction: 'for', certainty: 'high', rationale: 'A heading is not a statement to grade.' },
		};
		const map = buildEvidenceMap(index, { year: 2026 });
		expect(map.claims.filter((c) => c.grade)).toEqual([expect.objectContaining({ claimId: 'rest-two-weeks', grade: { strength: 'conditional', direction: 'against', certainty: 'low' } })]);
		expect([...byTopic(map).values()].map((g) => g.summary.graded)).toEqual([1]);
	});
});

describe('grade filter', () => {
	test('a statement matches its own strength and certainty, and "any" in either place', () => {
		expect(gradeTokens({ strength: 'strong', certainty: 'low' }).split(' ').sort()).toEqual(['any/any', 'any/low', 'strong/any', 'strong/low']);
		expect(gradeTokens(undefined).split(' ').sort()).toEqual(['any/any', 'any/none', 'none/any', 'none/none']);
		expect(sectionTokens([{ strength: 'strong', certainty: 'low' }, undefined]).split(' ').sort()).toEqual(['any/any', 'any/low', 'any/none', 'none/any', 'none/none', 'strong/any', 'strong/low']);
	});

	test('the CSS has a rule for every choice but "all/all", hiding what does not match and showing the empty note', () => {
		const css = gradeFilterCss();
		const choices = STRENGTH_FILTER.flatMap((s) => CERTAINTY_FILTER.map((c) => `${s.value}/${c.value}`)).filter((k) => k !== 'any/any');
		for (const key of choices) {
			expect(css).toContain(`[data-grade-tokens]:not([data-grade-tokens~="${key}"]) { display: none; }`);
			expect(css).toContain(`:not(:has(tr[data-grade-tokens~="${key}"])) .grade-filter-empty { display: block; }`);
		}
		expect(css.split('\n')).toHaveLength(choices.length * 2);
		expect(css).not.toContain('"any/any"');
	});
});
