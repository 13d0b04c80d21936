/**
 * Pages that move keep their addresses (issue 18), on the moves fixture changed the documented way
 * (tests/setup/moves-site.ts): npm run move, a split sent on by the redirect's anchors, then
 * npm run permalinks:update and the production build. Nothing here depends on the real content.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { parseHtml } from '../../src/lib/html/dom.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyFixture, edit, fixture, movedSite, run, type MovedSite } from '../setup/moves-site.ts';
import { htmlValidateConfig } from './html-validate.config.ts';

let site: MovedSite;
let build: ReturnType<typeof buildSite>;
beforeAll(() => {
	site = movedSite();
	build = buildSite(site.root);
});
afterAll(() => rmSync(site.root, { recursive: true, force: true }));

const html = (path: string) => readFileSync(join(build.out, path, 'index.html'), 'utf8');

describe('npm run move', () => {
	test('moves the file, sets the topic, rewrites links and records the redirect', () => {
		expect(site.steps.moveTopic.status).toBe(0);
		expect(site.steps.moveTopic.stdout).toContain('✔ Moved content/guidelines/knee/traveller.mdx → content/guidelines/hip/travelled-far.mdx');
		expect(site.steps.moveTopic.stdout).toContain('✔ Main topic set to hip');
		expect(readFileSync(join(site.root, 'content/guidelines/hip/travelled-far.mdx'), 'utf8')).toMatch(/^topics: \[hip\]$/m);
		expect(readFileSync(join(site.root, 'content/index.mdx'), 'utf8')).toContain('](/guidelines/hip/travelled-far/#gate-walking)');
		expect(readFileSync(join(site.root, 'content/guidelines/hip/travelled-far.mdx'), 'utf8')).toContain('href: /guidelines/knee/new-name/');
		expect(existsSync(join(site.root, 'content/guidelines/knee/traveller.mdx'))).toBe(false);
		expect(site.steps.moveName.status).toBe(0);
		const redirects = JSON.parse(readFileSync(join(site.root, 'permalinks/redirects.json'), 'utf8'));
		expect(redirects['/guidelines/knee/traveller/']).toBe('/guidelines/hip/travelled-far/');
		expect(redirects['/guidelines/knee/renamed/']).toBe('/guidelines/knee/new-name/');
	});

	test('refuses an unknown topic and changes nothing', () => {
		const root = copyFixture();
		const r = run('move.ts', ['--root', root, 'content/guidelines/knee/retired.mdx', 'content/guidelines/shoulder/retired.mdx']);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('There is no topic "shoulder" in content/topics.yaml (topics: knee, hip)');
		expect(r.stderr).toContain('Nothing was changed.');
		expect(existsSync(join(root, 'content/guidelines/knee/retired.mdx'))).toBe(true);
		rmSync(root, { recursive: true, force: true });
	});
});

describe('the manifest only grows', () => {
	test('a split whose anchors are not sent anywhere fails, naming the link and the likely fix', () => {
		expect(site.steps.splitUncovered.status).toBe(1);
		// At the redirect itself in permalinks/redirects.json (line:column of its old address).
		expect(site.steps.splitUncovered.stdout).toMatch(/✘ permalinks\/redirects\.json:[1-9]\d*:[1-9]\d*  The published link/);
		expect(site.steps.splitUncovered.stdout).toContain(
			'The published link /guidelines/knee/whole/#treatment-statement now goes to /guidelines/knee/diagnosis/#treatment-statement, which does not exist. Say where that statement lives now: make the redirect { "to": "/guidelines/knee/diagnosis/", "anchors": { "treatment-statement": "/guidelines/knee/treatment/#treatment-statement" } }',
		);
		expect(site.steps.checkAfterSplit.status).toBe(0);
	});

	test('permalinks:update keeps every old address and anchor, and adds the new ones', () => {
		expect(site.steps.update.status).toBe(0);
		const after = JSON.parse(readFileSync(join(site.root, 'permalinks/manifest.json'), 'utf8')).pages as Record<string, string[]>;
		const before = JSON.parse(readFileSync(join(fixture, 'permalinks/manifest.json'), 'utf8')).pages as Record<string, string[]>;
		for (const [path, anchors] of Object.entries(before)) expect(after[path], path).toEqual(expect.arrayContaining(anchors));
		expect(after['/guidelines/knee/traveller/']).toContain('gate-walking');
		expect(after['/guidelines/hip/travelled-far/']).toContain('gate-walking');
		expect(after['/guidelines/knee/treatment/']).toContain('treatment-statement');
	});

	test('a page deleted without a redirect or withdrawal fails with the file, the address and the fix', () => {
		const root = copyFixture();
		rmSync(join(root, 'content/guidelines/knee/retired.mdx'));
		const r = run('permalinks.ts', ['check', '--root', root]);
		rmSync(root, { recursive: true, force: true });
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('✘ content/guidelines/knee/retired.mdx:1:1  The published page /guidelines/knee/retired/ no longer exists');
		expect(r.stdout).toContain('npm run move -- <old file> <new file>');
		expect(r.stdout).toContain('review.status: withdrawn');
		expect(r.stdout).toContain('[permalink-page-removed]');
	});

	test('a topic without guidelines keeps its list and evidence map', () => {
		const root = copyFixture();
		const r = run('move.ts', ['--root', root, 'content/guidelines/knee/retired.mdx', 'content/guidelines/hip/retired.mdx']);
		expect(r.status, r.stdout).toBe(0);
		for (const p of ['traveller', 'renamed', 'whole']) expect(run('move.ts', ['--root', root, `content/guidelines/knee/${p}.mdx`, `content/guidelines/hip/${p}.mdx`]).status).toBe(0);
		const check = run('permalinks.ts', ['check', '--root', root]);
		rmSync(root, { recursive: true, force: true });
		expect(check.status, check.stdout).toBe(0);
		expect(check.stdout).not.toContain('/evidence-map/knee/');
		expect(check.stdout).not.toContain('topic-knee');
	});
});

describe('the built site', () => {
	test('builds', () => {
		expect(build.status, build.log).toBe(0);
	});

	test('each old address is a redirect page with a real head and a fallback link', async () => {
		for (const [from, to] of [
			['guidelines/knee/traveller/', '/guidelines/hip/travelled-far/'],
			['guidelines/knee/renamed/', '/guidelines/knee/new-name/'],
			['guidelines/knee/whole/', '/guidelines/knee/diagnosis/'],
		] as const) {
			const text = html(from);
			const doc = parseHtml(text);
			const head = doc.querySelector('head')!;
			expect(head.firstChild?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
			expect(head.querySelector('title')?.textContent).toMatch(/^Moved: Is this the fixture question .*\? \| Evidence Handbook$/);
			expect(head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://evidence-handbook.example${to}`);
			expect(head.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
			expect(doc.querySelector('main a')?.getAttribute('href')).toBe(to);
			const report = await new HtmlValidate(new StaticConfigLoader(htmlValidateConfig)).validateString(text, from);
			expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
		}
	});

	test('_redirects sends each old address to the new one with a 301', () => {
		const lines = readFileSync(join(build.out, '_redirects'), 'utf8').split('\n');
		expect(lines).toContain('/guidelines/knee/traveller/ /guidelines/hip/travelled-far/ 301');
		expect(lines).toContain('/guidelines/knee/whole/ /guidelines/knee/diagnosis/ 301');
	});

	test('the sitemap lists the new addresses, not the redirects', () => {
		const sitemap = readFileSync(join(build.out, 'sitemap-0.xml'), 'utf8');
		expect(sitemap).toContain('/guidelines/hip/travelled-far/</loc>');
		expect(sitemap).not.toContain('/guidelines/knee/traveller/</loc>');
	});

	test('the page a split sent statements to forwards them after a host 301 too', () => {
		const aliases = parseHtml(html('guidelines/knee/diagnosis/')).querySelector('eh-anchor-aliases')?.getAttribute('data-aliases');
		expect(JSON.parse(aliases ?? '{}')).toEqual({ treatment: '/guidelines/knee/treatment/#treatment', 'treatment-statement': '/guidelines/knee/treatment/#treatment-statement' });
	});

	test('a withdrawn guideline keeps its address with the notice only, and leaves search, the sitemap and the home page', () => {
		expect(site.steps.withdraw.status, site.steps.withdraw.stdout).toBe(0);
		const doc = parseHtml(html('guidelines/knee/retired/'));
		const notice = doc.querySelector('#withdrawn');
		expect(notice?.querySelector('h2')?.textContent).toBe('This guideline has been withdrawn');
		expect(notice?.textContent).toContain('It was withdrawn on 1 March 2026. Superseded by the renamed fixture guideline');
		expect(notice?.querySelector('a')?.getAttribute('href')).toBe('/guidelines/knee/new-name/');
		expect(doc.querySelector('#retired-advice')).toBeNull();
		expect(doc.querySelector('[data-pagefind-body]')).toBeNull();
		expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		expect(readFileSync(join(build.out, 'sitemap-0.xml'), 'utf8')).not.toContain('/guidelines/knee/retired/');
		expect(html('')).not.toContain('/guidelines/knee/retired/');
		const manifest = JSON.parse(readFileSync(join(site.root, 'permalinks/manifest.json'), 'utf8')).pages as Record<string, string[]>;
		expect(manifest['/guidelines/knee/retired/']).toEqual(expect.arrayContaining(['retired-advice', 'withdrawn']));
	});

	test("a withdrawn guideline's metadata says it was withdrawn, never its former bottom line", () => {
		const doc = parseHtml(html('guidelines/knee/retired/'));
		const head = doc.querySelector('head')!.toString();
		expect(head).not.toContain('Fixture bottom line of the page that is withdrawn');
		expect(doc.querySelector('meta[name="citation_title"]')).toBeNull();
		expect(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '').not.toContain('MedicalWebPage');
		for (const selector of ['meta[name="description"]', 'meta[property="og:description"]']) {
			expect(doc.querySelector(selector)?.getAttribute('content')).toBe(
				'Withdrawn on 1 March 2026. Superseded by the renamed fixture guideline, which covers the same question. Read instead: Is this the fixture question that is renamed?.',
			);
		}
	});

	test('a related question answered by a withdrawn guideline says so and links to its replacement', () => {
		const item = parseHtml(html('guidelines/hip/travelled-far/'))
			.querySelectorAll('.related-questions li')
			.find((li) => li.textContent.includes('whose guideline is withdrawn'));
		expect(item?.textContent.replace(/\s+/g, ' ')).toContain('(its guideline was withdrawn; read its replacement)');
		expect(item?.querySelector('a')?.getAttribute('href')).toBe('/guidelines/knee/new-name/');
	});
});

describe('withdrawal records', () => {
	test('a withdrawn guideline without a record, or with a replacement that is not published, fails with the fix', () => {
		const root = copyFixture();
		edit(root, 'content/guidelines/knee/retired.mdx', (t) => t.replace('  status: submitted\n', '  status: withdrawn\n'));
		const check = run('check-claims.ts', ['--root', root]);
		expect(check.status).toBe(1);
		expect(check.stdout).toContain('A withdrawn guideline needs `withdrawal: { date: YYYY-MM-DD, reason: "…", replacement: /new/page/ }` under review');
		edit(root, 'content/guidelines/knee/retired.mdx', (t) =>
			t.replace('  status: withdrawn\n', '  status: withdrawn\n  withdrawal:\n    date: 2026-03-01\n    reason: Superseded by a guideline that does not exist yet.\n    replacement: /guidelines/knee/nowhere/\n'),
		);
		const permalinks = run('permalinks.ts', ['check', '--root', root]);
		// Reported at the field to fix: review.withdrawal.replacement.
		const line = readFileSync(join(root, 'content/guidelines/knee/retired.mdx'), 'utf8').split('\n').findIndex((l) => l.includes('replacement: /guidelines/knee/nowhere/')) + 1;
		rmSync(root, { recursive: true, force: true });
		expect(permalinks.status).toBe(1);
		expect(permalinks.stdout).toContain(
			`✘ content/guidelines/knee/retired.mdx:${line}:5  The withdrawal notice of /guidelines/knee/retired/ sends readers to /guidelines/knee/nowhere/, which is not a published page.`,
		);
	});
});

