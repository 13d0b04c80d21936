/** Redirect data, the move helpers and the CSP step on pages without a <head> (issue 18). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { injectPolicyMeta } from '../../src/lib/csp/policy.ts';
import { recordMove, rewriteLinks, setMainTopic, sitePathOf } from '../../src/lib/move.ts';
import { hostRedirectsFile, incomingAnchors, landing, loadRedirects, type Redirect } from '../../src/lib/redirects.ts';

const split: Redirect = { from: '/a/', to: '/b/', anchors: { gone: '/c/#gone', renamed: '/b/#new-name' } };

describe('redirect data', () => {
	test('an anchor lands where the redirect says, otherwise at the same id on the new page', () => {
		expect(landing(split, 'gone')).toEqual({ path: '/c/', anchor: 'gone' });
		expect(landing(split, 'kept')).toEqual({ path: '/b/', anchor: 'kept' });
	});

	test('the new page forwards anchors that arrive by a host 301', () => {
		expect(incomingAnchors([split], '/b/')).toEqual({ gone: '/c/#gone', renamed: 'new-name' });
		expect(incomingAnchors([split], '/c/')).toEqual({});
	});

	test('_redirects has a 301 for each old address, with and without the slash', () => {
		expect(hostRedirectsFile([split]).split('\n').slice(1)).toEqual(['/a/ /b/ 301', '/a /b/ 301', '']);
	});

	test('an invalid redirects file is reported with line and field', () => {
		const dir = mkdtempSync(join(tmpdir(), 'eh-redirects-'));
		writeFileSync(join(dir, 'redirects.json'), '{\n  "/old/": "new-page"\n}\n');
		const { problems } = loadRedirects(join(dir, 'redirects.json'));
		rmSync(dir, { recursive: true, force: true });
		expect(problems.length).toBeGreaterThan(0);
		expect(problems[0]).toMatchObject({ line: 2, field: '/old/' });
	});
});

describe('move helpers', () => {
	const from = { path: '/guidelines/knee/old/', id: 'guidelines/knee/old' };
	const to = { path: '/guidelines/hip/new/', id: 'guidelines/hip/new' };

	test('links to the old address are rewritten, longer addresses are not', () => {
		const text = 'See [x](/guidelines/knee/old/#gate) and [y](/guidelines/knee/old) but not [z](/guidelines/knee/older/).\nhref: /guidelines/knee/old/\nguideline: guidelines/knee/old\n';
		expect(rewriteLinks(text, from, to)).toEqual({
			text: 'See [x](/guidelines/hip/new/#gate) and [y](/guidelines/hip/new) but not [z](/guidelines/knee/older/).\nhref: /guidelines/hip/new/\nguideline: guidelines/hip/new\n',
			count: 4,
		});
	});

	test('the main topic changes in inline and block lists, nothing else does', () => {
		expect(setMainTopic('---\ntitle: T\ntopics: [knee, sport]\n---\nBody topics: [knee]', 'hip')).toBe('---\ntitle: T\ntopics: [hip, sport]\n---\nBody topics: [knee]');
		expect(setMainTopic('---\ntopics:\n  - knee\n  - sport\n---\n', 'hip')).toBe('---\ntopics:\n  - hip\n  - sport\n---\n');
	});

	test('moving again leaves no chain, and moving back drops the redirect from the new address', () => {
		const once = recordMove([], '/a/', '/b/');
		const twice = recordMove(once, '/b/', '/c/');
		expect(twice.map((r) => [r.from, r.to])).toEqual([['/a/', '/c/'], ['/b/', '/c/']]);
		expect(recordMove(twice, '/c/', '/a/').map((r) => [r.from, r.to])).toEqual([['/b/', '/a/'], ['/c/', '/a/']]);
		expect(sitePathOf('guidelines/knee/x.mdx')).toBe('/guidelines/knee/x/');
	});
});

describe('CSP step', () => {
	test('a page whose <head> is implied gets the policy first', () => {
		expect(injectPolicyMeta('<!doctype html><title>Moved</title>', "default-src 'self'")).toBe(`<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><title>Moved</title>`);
	});

	test('a file that is not an HTML document stops the step, naming it, without a stack trace or a half-written site', () => {
		const out = mkdtempSync(join(tmpdir(), 'eh-csp-'));
		writeFileSync(join(out, 'index.html'), '<!doctype html><html><head><title>ok</title></head><body></body></html>');
		writeFileSync(join(out, 'fragment.html'), '<p>not a page</p>');
		const r = spawnSync(process.execPath, ['scripts/csp.ts', out], { encoding: 'utf8' });
		const untouched = readFileSync(join(out, 'index.html'), 'utf8');
		rmSync(out, { recursive: true, force: true });
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/✘ CSP: .*fragment\.html: it is not a complete HTML document/);
		expect(r.stderr).not.toMatch(/\n\s+at /);
		expect(untouched).not.toContain('Content-Security-Policy');
	});
});
