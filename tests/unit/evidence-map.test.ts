import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildIndex } from '../../src/lib/content/load.ts';
import { buildEvidenceMap } from '../../src/lib/evidence-map.ts';

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
});
