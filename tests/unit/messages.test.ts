/** Messages an editor can act on: "did you mean" by edit distance, and Zod's messages reworded. */
import { describe, expect, test } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/lib/findings/suggest.ts';
import { editorMessages } from '../../src/lib/zod-messages.ts';
import { ReferenceSchema } from '../../src/schemas/reference.ts';

describe('did you mean', () => {
	test('edit distance counts a swapped pair of letters as one edit', () => {
		expect(editDistance('jones', 'jonse')).toBe(1);
		expect(editDistance('knee', 'knees')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
	});

	test('suggests the closest known value only when it is close', () => {
		expect(closest('praxis-tibialis-strain-2052', ['praxis-tibialis-strain-2025', 'praxis-shin-splints-2026'])).toBe('praxis-tibialis-strain-2025');
		expect(closest('smith-2020', ['jones-2019', 'runner-injuries-1992'])).toBeUndefined();
		expect(didYouMean('runing-injuries', ['running-injuries'])).toBe(' Did you mean "running-injuries"?');
		expect(didYouMean('zzz', ['running-injuries'])).toBe('');
	});
});

describe('Zod messages, reworded for editors', () => {
	const base = { id: 'smith-2020', type: 'article-journal', title: 'T', 'x-evidence': { kind: 'rct', tier: 'primary', publisher: 'J' } };
	const messages = (data: unknown) => {
		const r = ReferenceSchema.safeParse(data, { error: editorMessages });
		return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
	};

	test('an empty list says what to do, not "Too small: expected array to have >=1 items"', () => {
		const [m] = messages({ ...base, 'x-missing': { fields: [], reason: 'The source gives the title only.' } });
		expect(m).toBe('x-missing.fields: is empty: give at least one entry, or leave the field out.');
	});

	test('a mistyped value suggests the intended one', () => {
		const [m] = messages({ ...base, 'x-evidence': { ...base['x-evidence'], tier: 'primery' } });
		expect(m).toMatch(/^x-evidence\.tier: the text "primery" is not allowed: did you mean "primary"\? Use one of "primary", "secondary", "unknown"\./);
	});

	test('a mistyped field name suggests the intended one', () => {
		const [m] = messages({ ...base, volumn: 12 });
		expect(m).toMatch(/^: unknown field "volumn": did you mean "volume"\? The fields allowed here are id, type, title/);
	});

	test('no raw Zod wording reaches an editor for common mistakes', () => {
		const all = [
			...messages({ ...base, issued: 2020 }),
			...messages({ ...base, author: [] }),
			...messages({ ...base, title: '' }),
			...messages({ ...base, issued: { 'date-parts': [[1700]] } }),
		];
		expect(all.length).toBe(4);
		for (const m of all) expect(m).not.toMatch(/Too small|Too big|Invalid input|expected (array|string|number)/);
	});
});
