/** Number extraction and normalisation (src/lib/content/numbers.ts): rules compared with statements. */
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { numbersInText, protocolRuleNumbers, statedValues, textStates, textStatesRange } from '../../src/lib/content/numbers.ts';

describe('numbers in text', () => {
	test('ranges, percentages as fractions, decimals and number words', () => {
		expect(numbersInText('Rest 10-14 days at 30–50% pace, 2.5 km').map((n) => n.values)).toEqual([[10], [14], [30, 0.3], [50, 0.5], [2.5]]);
		expect(textStates('Increase by approximately 10% per progression', 0.1)).toBe(true);
		expect(textStates('Increase by approximately 10% per progression', 10)).toBe(true);
		expect(textStates('Start at 30-50% of pre-injury pace', 0.3)).toBe(true);
		expect(textStates('Start at 30-50% of pre-injury pace', 0.4)).toBe(false);
		expect(textStates('on alternate days only', 2)).toBe(true);
		expect(textStates('Build to half of pre-injury distance', 0.5)).toBe(true);
		expect(textStates('Rest for two weeks', 2)).toBe(true);
		expect(textStates('Rest until achieving 7-9 consecutive days', 10)).toBe(false);
		expect(textStates('walk 10 to 14 days', 14)).toBe(true);
	});

	test('a range is stated only as a range, with the same ends', () => {
		expect(textStatesRange('Rest until achieving 10-14 consecutive days of pain-free walking', 10, 14)).toBe(true);
		expect(textStatesRange('walk 10–14 days', 10, 14)).toBe(true);
		expect(textStatesRange('walk 10 to 14 days', 10, 14)).toBe(true);
		expect(textStatesRange('Start at 30-50% of pre-injury pace', 0.3, 0.5)).toBe(true);
		expect(textStatesRange('Start at 30-50% of pre-injury pace', 30, 50)).toBe(true);
		// Both numbers present, but not as this range: fails.
		expect(textStatesRange('Add 10% a step; walk pain-free for 14 days', 10, 14)).toBe(false);
		expect(textStatesRange('Rest until achieving 7-9 consecutive days', 10, 14)).toBe(false);
		expect(textStatesRange('walk 10-15 days', 10, 14)).toBe(false);
		expect(textStatesRange('walk 14-10 days', 10, 14)).toBe(false);
		// Equal ends: the number alone states it.
		expect(textStatesRange('60 s walking', 60, 60)).toBe(true);
	});

	test('the bottom line’s numbers as written', () => {
		expect(statedValues('Rest 10-14 days, then run at 30-50% on alternate days.').map((n) => n.value)).toEqual([10, 14, 30, 50]);
	});
});

describe('numbers of protocol rules', () => {
	test('each number with its path, line and the claims of its rule; assumptions and limits are not rules', () => {
		const text = [
			'gates:',
			'  - id: days',
			'    min: 10',
			'    range: [10, 14]',
			'    claims: [gate]',
			'progression:',
			'  maxIncrease: 0.1',
			'  onlyIfPainFree:',
			'    claims: [pain-free]',
			'  claims: [step]',
			'painRule:',
			'  stepsBack: { value: 2, reason: not from the guideline }',
			'  claims: [pain]',
			'assumptions:',
			'  start: { value: 3, reason: not from the guideline }',
			'limits:',
			'  distanceKm: [1, 100]',
		].join('\n');
		const counter = new LineCounter();
		const doc = parseDocument(text, { lineCounter: counter });
		expect(protocolRuleNumbers(doc.contents, counter).map((n) => `${n.path}=${n.range ? n.range.join('–') : n.value}@${n.line} ${n.claims.join(',')}`)).toEqual([
			'gates.0.min=10@3 gate',
			'gates.0.range=10–14@4 gate',
			'progression.maxIncrease=0.1@7 step',
		]);
	});
});
