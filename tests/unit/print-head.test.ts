import { describe, expect, test } from 'vitest';
import { cssString, printHeadCss, printHeadText } from '../../src/lib/print-head.ts';

/** Reads a CSS string literal back the way a CSS parser does (hex escapes, escaped characters). */
function parseCssString(literal: string): string {
	expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
	return literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?|\\(.)/gi, (_, hex: string | undefined, char: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : char!));
}

describe('cssString', () => {
	test.each([
		'Plain title',
		'Quotes "double" and \'single\'',
		'Back\\slash',
		'</style><script>alert(1)</script>',
		'Ampersand & co',
		'Tab\tand control \u0001 chars',
	])('%j survives as text and cannot end the style element', (text) => {
		const literal = cssString(text);
		expect(literal).not.toMatch(/[<>&\u0000-\u001f]/);
		expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
		expect(parseCssString(literal)).toBe(text.replace(/\s+/g, ' '));
	});

	test('line breaks become spaces (a margin line stays one line)', () => {
		expect(parseCssString(cssString('Two\nlines'))).toBe('Two lines');
	});
});

describe('printHeadCss', () => {
	test('a guideline: title, address, review status in words and the version date', () => {
		const text = printHeadText({ title: 'Knee pain', url: 'https://example.org/g/knee/', status: 'submitted', version: new Date('2026-02-03T10:00:00Z') });
		expect(text.status).toMatch(/^Review status: \S/);
		expect(text.status).not.toContain('submitted');
		expect(text.version).toBe('Version of 3 February 2026');
		const css = printHeadCss({ title: 'Knee pain', url: 'https://example.org/g/knee/', status: 'submitted', version: new Date('2026-02-03T10:00:00Z') });
		expect(css).toMatch(/^:root\{.*\}$/);
		expect(css).toContain('--eh-print-title:"Knee pain"');
		expect(css).toContain('--eh-print-url:"https://example.org/g/knee/"');
		expect(css).toContain('--eh-print-version:"Version of 3 February 2026"');
	});

	test('another page: title and address only (no status or version is invented)', () => {
		const css = printHeadCss({ title: 'Editorial policy', url: 'https://example.org/editorial-policy/' });
		expect(css).not.toContain('--eh-print-status');
		expect(css).not.toContain('--eh-print-version');
		expect(css).toContain('--eh-print-title:"Editorial policy"');
	});
});
