import { describe, expect, test } from 'vitest';
import { scanMarkers, stripMarkers } from '../../src/lib/claims/markers.ts';
import { generatedClaimId } from '../../src/lib/claims/analyze.ts';
import { numberCitations } from '../../src/lib/claims/numbering.ts';

describe('inline markers', () => {
	test('citations, gaps and ids are found in order', () => {
		const { markers, problems } = scanMarkers('Rest [@a-1; @b] until pain-free [!gap-8; @c] [#rest]');
		expect(problems).toEqual([]);
		expect(markers.map((m) => (m.kind === 'id' ? `#${m.id}` : m.kind === 'not-claim' ? '-' : m.items.map((i) => (i.type === 'ref' ? `@${i.key}` : `!${i.id}`)).join(',')))).toEqual([
			'@a-1,@b',
			'!gap-8,@c',
			'#rest',
		]);
	});

	test('ordinary brackets are left alone', () => {
		expect(scanMarkers('a [link] and [1] and [ @x]').markers).toEqual([]);
	});

	test('malformed markers are reported with a fix', () => {
		expect(scanMarkers('x [@Bad_Key]').problems[0]?.message).toBe(
			'"@Bad_Key" in [@Bad_Key] is not a citation: write @key for a reference or !gap-id for an evidence gap, separated by ";".',
		);
		expect(scanMarkers('x [#Not Ok]').problems[0]?.message).toBe('"Not Ok" is not a usable id: use lower-case words joined by hyphens, e.g. [#rest-until-pain-free].');
		expect(scanMarkers('x [@a').problems[0]?.message).toBe('This marker is never closed with "]".');
	});

	test('stripping leaves what a reader sees', () => {
		expect(stripMarkers('Rest  [@a]  now. [#x]')).toBe('Rest now.');
	});
});

describe('generated claim ids', () => {
	test('come from the first six words and ignore later text', () => {
		expect(generatedClaimId('Start at 30-50% of pre-injury pace today')).toBe('start-at-30-50-of-pre');
		expect(generatedClaimId('Start at 30-50% of pre-injury pace tomorrow')).toBe(generatedClaimId('Start at 30-50% of pre-injury pace today'));
	});
});

describe('numbering', () => {
	test('references are numbered by first appearance; gaps are not numbered', () => {
		const numbers = numberCitations([
			{ cites: [{ type: 'ref', key: 'b' }, { type: 'gap', id: 'g' }] },
			{ cites: [{ type: 'ref', key: 'a' }, { type: 'ref', key: 'b' }] },
		]);
		expect([...numbers]).toEqual([
			['b', 1],
			['a', 2],
		]);
	});
});

describe('the [not-a-claim] marker', () => {
	test('is a marker readers do not see', () => {
		const { markers, problems } = scanMarkers('First, examine the knee: [not-a-claim]');
		expect(problems).toEqual([]);
		expect(markers.map((m) => m.kind)).toEqual(['not-claim']);
		expect(stripMarkers('First, examine the knee: [not-a-claim]')).toBe('First, examine the knee:');
	});

	test('a misspelling is not the marker (the text then stays a claim that must cite)', () => {
		expect(scanMarkers('Examine the knee: [not a claim]').markers).toEqual([]);
	});
});
