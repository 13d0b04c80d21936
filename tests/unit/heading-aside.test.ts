import { describe, expect, test } from 'vitest';
import { splitHeadingAside } from '../../src/lib/claims/heading-aside.ts';
import { dedupeTitle } from '../../src/lib/starlight/route-middleware-title.ts';

describe('splitHeadingAside', () => {
	test.each([
		['Strength Training (74% of studies identified this as critical)', 'Strength Training', '(74% of studies identified this as critical)'],
		['Bracing (in 12.5 % of trials)', 'Bracing', '(in 12.5 % of trials)'],
	])('%s', (text, main, aside) => {
		expect(splitHeadingAside(text)).toEqual({ main, aside });
	});

	test.each(['Immediate Management Phase (Weeks 1-3)', 'Flexibility Work', '74% of runners (all ages) recover'])('%s is left whole', (text) => {
		expect(splitHeadingAside(text)).toBeUndefined();
	});
});

describe('dedupeTitle', () => {
	test('a page titled like the site reads once; others unchanged', () => {
		expect(dedupeTitle('Evidence Handbook | Evidence Handbook')).toBe('Evidence Handbook');
		expect(dedupeTitle('Knee pain? | Evidence Handbook')).toBe('Knee pain? | Evidence Handbook');
	});
});
