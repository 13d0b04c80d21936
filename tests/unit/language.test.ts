/**
 * Pages are a closed language (src/lib/content/language.ts): every way a page could run code or
 * publish markup the check cannot see is refused, by the check with file:line and by the renderer.
 * The security fixture (tests/fixtures/security/rejected) holds one line per path.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { afterAll, describe, expect, test } from 'vitest';
import { isMdxComment, isScriptCapableUrl, languageProblems } from '../../src/lib/content/language.ts';
import { parsePage } from '../../src/lib/content/parse.ts';
import { runCheck } from '../../src/lib/check/run.ts';
import { ALLOWED_COMPONENTS } from '../../src/lib/markdown/components.ts';
import { evidence } from '../../src/lib/markdown/evidence-plugin.ts';
import { componentsUsed, provideCode } from '../../src/lib/markdown/provide-components.ts';

const security = new URL('../fixtures/security/', import.meta.url).pathname;
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

const problems = (text: string, file = 'page.mdx') => languageProblems(parsePage(text, file)).map((p) => `${p.rule} ${p.line}`);

describe('the closed language', () => {
	test('Markdown, markers, comments and the allowed components with literal props pass', () => {
		const page = [
			'## Section [#section]',
			'',
			'A claim with **bold**, a [link](https://example.org) and a [page link](/guidelines/x/). [@a] [#claim]',
			'',
			'{/* A note for other editors. */}',
			'',
			'<Aside type="caution" title="If pain occurs">Stop. [@a]</Aside>',
			'',
			'<Islands protocol="return-to-running" />',
		].join('\n');
		expect(problems(page)).toEqual([]);
	});

	test('each construct outside it is named at its line', () => {
		const page = ['import x from "y";', '', '{1 + 1}', '', '<div>Text</div>', '', '<Aside type="warn" hidden>T [@a]</Aside>', '', '[x](javascript:alert(1)) [@a]'].join('\n');
		expect(problems(page)).toEqual(['mdx-import 1', 'mdx-expression 3', 'mdx-element-forbidden 5', 'mdx-prop-forbidden 7', 'mdx-prop-forbidden 7', 'url-unsafe 9']);
	});

	test('messages say what to write instead', () => {
		const messages = languageProblems(parsePage('<aside>x</aside>\n\n<Aside type="Caution">x</Aside>\n\n<Islands />\n\n<Aside tilte="x">y</Aside>', 'p.mdx')).map((p) => p.message);
		expect(messages).toEqual([
			'<aside> is not allowed in a page: did you mean <Aside>? (component names start with a capital letter).',
			'type="Caution" on <Aside> is not one of "note", "tip", "caution", "danger": did you mean "caution"?',
			'<Islands> needs protocol="…": File name (without .yaml) of a protocol in content/protocols/.',
			'<Aside> has no prop "tilte" (its props: type, title).',
		]);
	});

	test('script-capable URLs are recognised however they are spelled', () => {
		for (const url of ['javascript:x', ' JavaScript:x', 'java\tscript:x', 'java&#9;script:x', 'java&#x09;script:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) {
			expect(isScriptCapableUrl(url), url).toBe(true);
		}
		for (const url of ['https://example.org/javascript:x', '/guidelines/x/', '#anchor', 'mailto:a@b.c']) expect(isScriptCapableUrl(url), url).toBe(false);
	});

	test('only a whole block comment is a comment', () => {
		expect(isMdxComment('/* note */')).toBe(true);
		expect(isMdxComment('/* a */ evil() /* b */')).toBe(false);
		expect(isMdxComment('evil()')).toBe(false);
	});
});

describe('the security fixture: every path is rejected by npm run check, with file and line', () => {
	test('node import, export, expression, raw div/p, on*, javascript:, iframe srcdoc, object data, computed and spread props, script', async () => {
		const root = mkdtempSync(join(tmpdir(), 'eh-security-'));
		temps.push(root);
		cpSync(join(security, 'content'), join(root, 'content'), { recursive: true });
		cpSync(join(security, 'rejected'), join(root, 'content'), { recursive: true });
		const { findings } = await runCheck({ root });
		const file = 'content/guidelines/knee/hostile-code.mdx';
		const text = readFileSync(join(root, file), 'utf8').split('\n');
		const at = (needle: string) => text.findIndex((l) => l.includes(needle)) + 1;
		const found = (line: number) => findings.filter((f) => f.file === file && f.line === line).map((f) => f.rule);
		expect(found(at("import fs from 'node:fs'"))).toEqual(['mdx-import']);
		expect(found(at('export const secret'))).toEqual(['mdx-import']);
		expect(found(at("{fs.readFileSync('/etc/passwd'"))).toEqual(['mdx-expression']);
		expect(found(at('<div>Take 800 mg'))).toEqual(['mdx-element-forbidden']);
		expect(found(at('<p>Take 800 mg'))).toEqual(['mdx-element-forbidden']);
		expect(found(at('onerror='))).toEqual(['mdx-element-forbidden', 'mdx-prop-forbidden']);
		expect(found(at('onClick='))).toEqual(['mdx-prop-forbidden']);
		expect(found(at('(javascript:'))).toEqual(['url-unsafe']);
		expect(found(at('java&#9;script:'))).toEqual(['url-unsafe']);
		expect(found(at('<iframe srcdoc='))).toEqual(['mdx-element-forbidden', 'mdx-prop-forbidden']);
		expect(found(at('<object data="data:'))).toEqual(['mdx-element-forbidden', 'url-unsafe']);
		expect(found(at('<Islands protocol={'))).toEqual(['mdx-prop-forbidden']);
		expect(found(at('<Aside {...'))).toEqual(['mdx-prop-forbidden']);
		expect(found(at("<script>window.__pwned = 'script'"))).toEqual(['mdx-element-forbidden']);
		expect(found(at('(data:image/svg'))).toEqual(['url-unsafe']);
		expect(found(at('{/* A comment'))).toEqual([]);
		// Raw HTML in a Markdown page is refused too, not only shown as text.
		const md = 'content/guidelines/knee/hostile-markup.md';
		const mdText = readFileSync(join(root, md), 'utf8').split('\n');
		for (const needle of ['<div>Take 800 mg', '<span onclick', '<!--']) {
			const line = mdText.findIndex((l) => l.includes(needle)) + 1;
			expect(findings.filter((f) => f.file === md && f.line === line).map((f) => f.rule), needle).toEqual(['mdx-element-forbidden']);
		}
		// The bottom line (frontmatter Markdown) is held to the same language.
		const bottom = findings.filter((f) => f.file === 'content/guidelines/knee/hostile.mdx' && f.message.startsWith('bottomLine:')).map((f) => f.rule);
		expect(bottom).toEqual(['mdx-element-forbidden', 'url-unsafe']);
	});

	test('the renderer refuses a page with code even when the check is skipped (astro dev, a bare build)', () => {
		const dir = join(security, 'rejected');
		const file = join(dir, 'guidelines/knee/hostile-code.mdx');
		const source = readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
		const compile = () =>
			mdxToJs(source, { fileURL: pathToFileURL(file), mdastPlugins: [evidence({ contentDir: `${dir}/`, referencesDir: `${dir}/references` })] });
		expect(compile).toThrow(/hostile-code\.mdx: this page holds code or markup pages may not use[\s\S]*1:1 "import fs from 'node:fs';"/);
	});
});

describe('components are provided by the site, never imported', () => {
	test('the components a compiled page names are imported for it and nothing else', () => {
		const code = 'if (!Islands) _missingMdxReference("Islands", true);\nif (!Aside) _missingMdxReference("Aside", true);\nif (!Evil) _missingMdxReference("Evil", true);';
		expect(componentsUsed(code)).toEqual(['Islands', 'Aside', 'Evil']);
		const provided = provideCode(componentsUsed(code), '/repo');
		expect(provided).toContain('import __eh_component_0 from "/repo/src/components/islands/Islands.astro";');
		expect(provided).toContain('import { Aside as __eh_component_1 } from "@astrojs/starlight/components";');
		expect(provided).toContain('export const components = { "Islands": __eh_component_0, "Aside": __eh_component_1 };');
		expect(provided).not.toContain('Evil');
		expect(provideCode([], '/repo')).toBe('');
	});

	test('CONTRIBUTING.md documents every allowed component and its props', () => {
		const contributing = readFileSync(new URL('../../CONTRIBUTING.md', import.meta.url), 'utf8');
		const section = contributing.split(/^## /m).find((s) => s.startsWith('Components'));
		expect(section, 'CONTRIBUTING.md has a "## Components" section').toBeDefined();
		for (const c of ALLOWED_COMPONENTS) {
			expect(section).toContain(`\`<${c.name}`);
			for (const prop of Object.keys(c.props)) expect(section, `${c.name} ${prop}`).toContain(`\`${prop}\``);
		}
	});
});
