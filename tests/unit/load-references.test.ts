/**
 * loadReferencesByKey reads each reference a page cites once per process while the file is
 * unchanged, and again as soon as it changes (astro dev: an editor fixes a reference while the
 * site is served); a key without a file is left out, and a file that appears later is found.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadReferencesByKey } from '../../src/lib/references/load.ts';

const fixture = new URL('../fixtures/check/base/references/jones-2019.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'eh-refs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadReferencesByKey', () => {
	test('an unchanged file is the same reference; a changed one is read again; a missing one is left out until it exists', () => {
		const file = join(dir, 'jones-2019.yaml');
		copyFileSync(fixture, file);
		const first = loadReferencesByKey(dir, ['jones-2019', 'nobody-2020']);
		expect([...first.keys()]).toEqual(['jones-2019']);
		expect(loadReferencesByKey(dir, ['jones-2019']).get('jones-2019')).toBe(first.get('jones-2019'));

		writeFileSync(file, readFileSync(fixture, 'utf8').replace('Knee pain guideline.', 'Knee pain guideline, revised.'));
		const later = new Date(Date.now() + 5000);
		utimesSync(file, later, later);
		expect(loadReferencesByKey(dir, ['jones-2019']).get('jones-2019')?.data.title).toBe('Knee pain guideline, revised.');

		writeFileSync(join(dir, 'nobody-2020.yml'), readFileSync(fixture, 'utf8').replace('id: jones-2019', 'id: nobody-2020'));
		expect([...loadReferencesByKey(dir, ['jones-2019', 'nobody-2020']).keys()]).toEqual(['jones-2019', 'nobody-2020']);
	});
});
