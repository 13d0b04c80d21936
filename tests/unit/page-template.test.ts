import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { addAttribute } from 'astro/runtime/server/render/util.js';
import { CHECK_KEY, SENTINEL, STUB_TAG, TEMPLATE_KEY, checkFilled, fillTemplate, isPlainText, isTemplatePage, parseStub, parseTemplate, referencePath } from '../../src/lib/references/page-template.ts';
import { escapeText } from '../../src/lib/starlight/route-middleware.ts';
import { dedupeTitle } from '../../src/lib/starlight/route-middleware-title.ts';
import { cssString } from '../../src/lib/print-head.ts';

describe('isPlainText', () => {
	test.each(['Knee pain in runners.', 'Shin Splints Diagnosis: a cohort (n = 40) — 1980;1:100–10. doi:10.5555/bench.1', 'Étude über Läufer 跑步'])('%j is plain', (text) => {
		expect(isPlainText(text)).toBe(true);
	});

	test.each(['', 'Tom & Jerry', 'a <b>', 'x > y', 'say "hi"', "it's", 'back\\slash', 'tab\there', 'two\nlines', 'two  spaces', ' leading', 'trailing ', 'no\u00a0break', `a ${SENTINEL.title}`, `${SENTINEL.body}`])('%j is not plain', (text) => {
		expect(isPlainText(text)).toBe(false);
	});

	// The rule is what makes a filled page equal to a rendered one: every escaping a title or
	// description meets on the way (Astro's text and attribute escaping, the <title> escaping of the
	// route middleware, the print CSS string) leaves plain text as it is.
	test('every escaping on the way leaves plain text as it is', () => {
		let plain = 0;
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme-ascii', maxLength: 30 })), (text) => {
				if (!isPlainText(text)) return;
				plain++;
				expect(escapeHTML(text)).toBe(text);
				expect(String(addAttribute(text, 'content'))).toBe(` content="${text}"`);
				expect(escapeText(text)).toBe(text);
				expect(cssString(text)).toBe(`"${text}"`);
				expect(dedupeTitle(`${text} | Site`)).toBe(text === 'Site' ? 'Site' : `${text} | Site`);
			}),
			{ numRuns: 1000 },
		);
		expect(plain).toBeGreaterThan(100);
	});
});

const TEMPLATE = `<!DOCTYPE html><html><head><title>${SENTINEL.title} | Site</title><link rel="canonical" href="https://x.example${referencePath(TEMPLATE_KEY)}"><meta content="${SENTINEL.description}"><style>:root{--t:"${SENTINEL.title}";--u:"https://x.example${referencePath(TEMPLATE_KEY)}"}</style></head><body><h1>${SENTINEL.title}</h1><div>${SENTINEL.body}</div></body></html>`;

describe('the template', () => {
	test('a page is the template with its title, description, address and body in place', () => {
		const page = fillTemplate(parseTemplate(TEMPLATE), { key: 'smith-2020', title: 'A study', description: 'Reference: Smith. A study.', body: '<p>Body</p>' });
		expect(page).toBe(
			'<!DOCTYPE html><html><head><title>A study | Site</title><link rel="canonical" href="https://x.example/references/smith-2020/"><meta content="Reference: Smith. A study."><style>:root{--t:"A study";--u:"https://x.example/references/smith-2020/"}</style></head><body><h1>A study</h1><div><p>Body</p></div></body></html>',
		);
	});

	test.each([
		['no body', TEMPLATE.replace(SENTINEL.body, '')],
		['the body twice', TEMPLATE.replace(SENTINEL.body, SENTINEL.body + SENTINEL.body)],
		['no title', TEMPLATE.replaceAll(SENTINEL.title, 'x')],
		['no description', TEMPLATE.replace(SENTINEL.description, 'x')],
		['its key outside its address', TEMPLATE.replace('<body>', `<body data-k="${TEMPLATE_KEY}">`)],
	])('a template with %s is refused, with the way out', (_, html) => {
		expect(() => parseTemplate(html)).toThrow(/is not one the build can fill.*EH_REFERENCE_PAGES=starlight/s);
	});
});

describe('stubs', () => {
	const stub = `<!DOCTYPE html><${STUB_TAG} data-key="smith-2020" data-title="A study" data-description="Reference: A study."><p>Body</p><ul><li>x</li></ul></${STUB_TAG}>`;

	test('a stub gives its values and its body as rendered', () => {
		expect(parseStub(stub)).toEqual({ key: 'smith-2020', title: 'A study', description: 'Reference: A study.', body: '<p>Body</p><ul><li>x</li></ul>' });
		// Head tags Astro puts before the first element of a page without <head> are not the body.
		expect(parseStub(stub.replace('<!DOCTYPE html>', '<!DOCTYPE html><link rel="stylesheet" href="/a.css">'))?.body).toBe('<p>Body</p><ul><li>x</li></ul>');
	});

	test('a page rendered through Starlight is not a stub, whatever its body says', () => {
		expect(parseStub(TEMPLATE)).toBeUndefined();
		expect(parseStub(`<!DOCTYPE html><html><body>${stub}</body></html>`)).toBeUndefined();
	});
});

describe('checkFilled', () => {
	test('equal pages pass; a difference is named with where it is and what to do', () => {
		expect(checkFilled('<p>same</p>', '<p>same</p>', 'smith-2020')).toBeUndefined();
		const message = checkFilled('<p>filled</p>', '<p>rendered</p>', 'smith-2020');
		expect(message).toMatch(/\/references\/smith-2020\/ filled from the template differs .* at character 3/);
		expect(message).toMatch(/EH_REFERENCE_PAGES=starlight/);
	});
});

test('the helper pages are recognised by address; reference pages are not', () => {
	expect(isTemplatePage(`https://x.example${referencePath(TEMPLATE_KEY)}`)).toBe(true);
	expect(isTemplatePage(`https://x.example${referencePath(CHECK_KEY)}`)).toBe(true);
	expect(isTemplatePage('https://x.example/references/smith-2020/')).toBe(false);
});
