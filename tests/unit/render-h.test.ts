/**
 * The builders' `h` (src/lib/claims/render/h.ts) makes exactly hastscript's elements: every kind of
 * property (plain, space-separated, numeric, boolean, overloaded boolean, `data-*`, `aria-*`, comma-
 * separated, style) with every kind of value, every kind of child, and the selectors it hands over.
 */
import { describe, expect, test } from 'vitest';
import { h as hastscript } from 'hastscript';
import { h } from '../../src/lib/claims/render/h.ts';

const KEYS = ['class', 'className', 'id', 'href', 'value', 'data-cite', 'data-pagefind-ignore', 'dataPagefindFilter', 'aria-hidden', 'aria-labelledby', 'hidden', 'download', 'colspan', 'open', 'title', 'rel', 'start', 'reversed', 'checked', 'accept', 'coords', 'style'];
const VALUES: unknown[] = ['', 'x y', ' a  b ', 'hidden', 'download', '3', '0', 'true', 3, 0, Number.NaN, true, false, null, undefined, ['a', 'b'], ['1', 2], { color: 'red' }];
const CHILDREN: unknown[] = ['text', 5, null, undefined, ['a', ['b', hastscript('i', 'x')]], { type: 'root', children: [{ type: 'text', value: 'r' }] }, hastscript('b', 'y'), { type: 'text', value: 'raw' }];

const both = (...args: unknown[]) => [(h as (...a: unknown[]) => unknown)(...args), (hastscript as (...a: unknown[]) => unknown)(...args)];

describe('the builders\' h', () => {
	test.each(KEYS)('property %s: every kind of value gives hastscript\'s element', (key) => {
		for (const value of VALUES) {
			const [ours, theirs] = both('span', { [key]: value }, 'text');
			expect(ours, `${key}=${JSON.stringify(value)}`).toEqual(theirs);
		}
	});

	test('several properties keep their order; children of every kind, with and without properties', () => {
		expect(both('li', { id: 'ref-a', value: 2, 'data-reference': 'a', class: 'x y' }, ['one', hastscript('b', 'two')])).toSatisfy(([a, b]) => JSON.stringify(a) === JSON.stringify(b));
		for (const child of CHILDREN) {
			const [a, b] = both('p', child);
			expect(a).toEqual(b);
			const [c, d] = both('p', { class: 'note' }, child, 'after');
			expect(c).toEqual(d);
		}
	});

	test('selectors with an id or classes, other cases and template are hastscript\'s', () => {
		for (const tag of ['a.cite', 'div#x.y', 'SPAN', 'template']) {
			const [a, b] = both(tag, { class: 'q' }, 'x');
			expect(a).toEqual(b);
		}
	});

	test('a value that is not a node, text or list is refused as hastscript refuses it', () => {
		expect(() => h('p', { class: 'a' }, (() => 1) as unknown as string)).toThrow(/Expected node, nodes, or string/);
	});
});
