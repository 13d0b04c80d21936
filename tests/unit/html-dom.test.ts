/** The one reader of built HTML (src/lib/html/dom.ts): DOM-like answers on a small fixture page. */
import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../src/lib/html/dom.ts';

const page = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="a"><title>A &amp; B</title>
<script>if (a < b && c) go()</script></head>
<body><main><section id="s"><h2 id="h">Heading</h2><p data-claim id="c1">One &lt;two&gt; <a href="#r" data-cite>1</a></p>
<ul><li>First</li><li>Second <b>item</b></li></ul><table><tr><td id="x">cell</td><td>last</td></tr></table></section></main></body></html>`;

describe('parseHtml', () => {
	const doc = parseHtml(page);

	test('selectors, ids and attributes', () => {
		expect(doc.querySelector('main a[data-cite]')?.getAttribute('href')).toBe('#r');
		expect(doc.querySelectorAll('li').map((li) => li.textContent)).toEqual(['First', 'Second item']);
		expect(doc.getElementById('c1')?.hasAttribute('data-claim')).toBe(true);
		expect(doc.getElementById('c1')?.getAttribute('missing')).toBeNull();
		expect(doc.querySelector('#nothing')).toBeNull();
		expect(doc.getElementById('h')?.tagName).toBe('H2');
		expect(doc.getElementById('h')?.id).toBe('h');
	});

	test('the same node is the same object, so elements compare with toBe', () => {
		const cell = doc.getElementById('x')!;
		expect(cell.parentNode!.querySelectorAll('td').at(0)).toBe(cell);
		expect(cell.closest('section')).toBe(doc.getElementById('s'));
		expect(cell.closest('td')).toBe(cell);
		expect(cell.closest('aside')).toBeNull();
		expect(doc.getElementById('h')!.nextElementSibling).toBe(doc.getElementById('c1'));
	});

	test('text: entities decoded, script content as written, blocks apart in readableText', () => {
		expect(doc.querySelector('title')?.textContent).toBe('A & B');
		expect(doc.getElementById('c1')?.textContent).toBe('One <two> 1');
		expect(doc.querySelector('script')?.textContent).toBe('if (a < b && c) go()');
		expect(doc.querySelector('ul')!.textContent).toBe('FirstSecond item');
		expect(doc.querySelector('ul')!.readableText).toBe('First\nSecond item');
		expect(doc.querySelector('section')!.readableText).toBe('Heading\nOne <two> 1\nFirst\nSecond item\ncell\nlast');
	});

	test('firstChild is the first node only when it is an element', () => {
		expect(doc.querySelector('head')!.firstChild?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
		expect(doc.querySelector('body')!.firstChild?.tagName).toBe('MAIN');
		expect(parseHtml('<div> <p>x</p></div>').querySelector('div')!.firstChild).toBeNull();
	});

	test('a clone can be changed without changing the page; remove takes an element out', () => {
		const claim = doc.getElementById('c1')!;
		const clone = claim.cloneNode();
		for (const a of clone.querySelectorAll('a')) a.remove();
		expect(clone.textContent).toBe('One <two> ');
		expect(claim.textContent).toBe('One <two> 1');
		const fragment = parseHtml('<p>a<span>b</span></p>');
		fragment.querySelector('span')!.remove();
		expect(fragment.outerHTML).toBe('<p>a</p>');
		expect(String(fragment.querySelector('p'))).toBe('<p>a</p>');
	});
});
