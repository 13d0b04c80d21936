import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseHtml } from '../../src/lib/html/dom.ts';
import { inlineScriptHashes, inlineScripts } from '../../src/lib/csp/policy.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// What a tree-building HTML parser finds (src/lib/html/dom.ts): the reference the tokenizer-only
// scan must agree with on documents whose elements are closed explicitly.
function byParser(html: string): { hash: string; inContent: boolean }[] {
	return parseHtml(html)
		.querySelectorAll('script')
		.filter((s) => !s.hasAttribute('src') && !/\btype\s*=\s*["']?(application\/(ld\+)?json|importmap-never)["']?/i.test(`type="${s.getAttribute('type') ?? ''}"`))
		.map((s) => ({ hash: sha(s.textContent), inContent: s.closest('main') !== null }));
}

const documents = {
	layout: '<!doctype html><html><head><script>theme()</script><script type="module" src="/a.js"></script></head><body><main><p>x</p></main><script>sidebar()</script></body></html>',
	'upper-case tags and attributes': '<HTML><HEAD><SCRIPT TYPE="text/javascript">a()</SCRIPT><Script SRC="/b.js"></Script></HEAD><BODY><MAIN></MAIN></BODY></HTML>',
	'data blocks': '<head><script type="application/ld+json">{"a":"</p>"}</script><script type="application/json">[1]</script><script type="module">m()</script></head>',
	'script text in attributes, comments and other raw text': '<head><meta content="<script>no()</script>"><!-- <script>no()</script> --><style>a::after{content:"<script>"}</style><title><script>no()</script></title><textarea><script>no()</script></textarea><script>yes()</script></head>',
	'markup inside a script': '<head><script>if (a < b) document.write("<p>" + "</div>")</script></head><body><main></main></body>',
	'repeated attributes: the first counts': '<head><script src="/a.js" src=""></script><script type="text/javascript" type="application/json">run()</script></head>',
	'inline script in the content': '<body><main><h1>t</h1><div><script>evil()</script></div></main><script>ok()</script></body>',
	'nested main': '<body><main><main></main><script>inner()</script></main><script>after()</script></body>',
	'unquoted and single-quoted attributes': "<head><script type=module>a()</script><script src='/x.js'>b()</script><script type='application/ld+json'>{}</script></head>",
	'empty script': '<head><script></script></head>',
};

describe('inline scripts of a page (the CSP step)', () => {
	for (const [name, html] of Object.entries(documents)) {
		it(`finds what a tree-building parser finds: ${name}`, () => {
			expect(inlineScripts(html).map(({ hash, inContent }) => ({ hash, inContent }))).toEqual(byParser(html));
		});
	}

	it('hashes the exact text of each executable inline script, in document order', () => {
		expect(inlineScripts(documents.layout).map((s) => s.hash)).toEqual([sha('theme()'), sha('sidebar()')]);
		expect(inlineScripts(documents['script text in attributes, comments and other raw text']).map((s) => s.hash)).toEqual([sha('yes()')]);
		expect(inlineScripts(documents['data blocks']).map((s) => s.hash)).toEqual([sha('m()')]);
	});

	it('refuses a script inside <main>, naming the page and where the script starts', () => {
		const html = documents['inline script in the content'];
		expect(() => inlineScriptHashes(html, 'dist/x/index.html')).toThrow(`dist/x/index.html: 1 inline <script> element(s) inside the page content (first at character ${html.indexOf('<script>evil')})`);
		expect(() => inlineScriptHashes(documents['nested main'])).toThrow(/1 inline <script> element\(s\) inside the page content/);
	});

	it('counts a self-closed <script/> as opened, as HTML does (its text runs to </script>)', () => {
		expect(inlineScripts('<head><script/>x()</script></head>').map((s) => s.hash)).toEqual([sha('x()')]);
		expect(() => inlineScriptHashes('<body><main><script/>x()</script></main></body>')).toThrow(/inside the page content/);
	});

	it('closes a script left open at the end of the document', () => {
		expect(inlineScripts('<head><script>x()').map((s) => s.hash)).toEqual([sha('x()')]);
	});
});
