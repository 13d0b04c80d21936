import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { comparePermalinks, type Manifest } from '../../src/lib/permalinks.ts';

const page = '/guidelines/knee/sample/';
const recorded: Manifest = { pages: { [page]: ['assessment', 'rest-two-weeks'], '/old/': [] } };

describe('permalink comparison', () => {
	test('a removed anchor without an alias fails, saying how to fix it', () => {
		const findings = comparePermalinks({ recorded, current: { pages: { [page]: ['assessment'], '/old/': [] } }, redirects: {}, aliases: {}, files: { [page]: 'content/guidelines/knee/sample.mdx' } });
		expect(findings).toEqual([
			{
				rule: 'permalink-anchor-removed',
				severity: 'error',
				file: 'content/guidelines/knee/sample.mdx',
				message:
					'The published link /guidelines/knee/sample/#rest-two-weeks no longer lands anywhere. Give the statement or heading back its id with [#rest-two-weeks], or add "anchorAliases: { rest-two-weeks: <new-id> }" to content/guidelines/knee/sample.mdx\'s frontmatter. If removing it was reviewed and intended, run npm run permalinks:update.',
			},
		]);
	});

	test('an alias to an existing id keeps the old link working', () => {
		const current = { pages: { [page]: ['assessment', 'rest-first'], '/old/': [] } };
		expect(comparePermalinks({ recorded, current, redirects: {}, aliases: { [page]: { 'rest-two-weeks': 'rest-first' } }, files: {} }).filter((f) => f.severity === 'error')).toEqual([]);
		expect(comparePermalinks({ recorded, current, redirects: {}, aliases: { [page]: { 'rest-two-weeks': 'nowhere' } }, files: {} }).map((f) => f.rule)).toContain('permalink-alias-broken');
	});

	test('a removed page needs a redirect to an existing page', () => {
		const current = { pages: { [page]: ['assessment', 'rest-two-weeks'] } };
		expect(comparePermalinks({ recorded, current, redirects: {}, aliases: {}, files: {} }).map((f) => f.rule)).toEqual(['permalink-page-removed']);
		expect(comparePermalinks({ recorded, current, redirects: { '/old/': page }, aliases: {}, files: {} })).toEqual([]);
	});

	test('new anchors are a warning until recorded', () => {
		const current = { pages: { [page]: ['assessment', 'rest-two-weeks', 'new-claim'], '/old/': [] } };
		expect(comparePermalinks({ recorded, current, redirects: {}, aliases: {}, files: {} }).map((f) => [f.rule, f.severity])).toEqual([['permalink-unrecorded', 'warning']]);
	});
});

describe('the real site', () => {
	test('every published page and anchor still resolves, and the manifest is up to date', () => {
		const r = spawnSync(process.execPath, ['scripts/permalinks.ts', 'check'], { encoding: 'utf8' });
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^✔ Permalink check passed: \d+ published pages and \d+ anchors still resolve\.$/m);
		expect(r.stdout).not.toContain('permalink-unrecorded');
	});

	test('renaming a heading keeps its link: ids come from [#id], not from the text', () => {
		const manifest = JSON.parse(readFileSync(new URL('../../permalinks/manifest.json', import.meta.url), 'utf8')) as Manifest;
		expect(manifest.pages['/guidelines/running-injuries/runner-medial-thigh-knee-pain/']).toContain('immediate-management');
	});
});

describe('editing the real guideline (in a copy)', () => {
	const page = 'content/guidelines/running-injuries/runner-medial-thigh-knee-pain.mdx';
	function editedCopy(edit: (text: string) => string): string {
		const root = mkdtempSync(join(tmpdir(), 'eh-permalinks-'));
		cpSync('content', join(root, 'content'), { recursive: true });
		cpSync('permalinks', join(root, 'permalinks'), { recursive: true });
		writeFileSync(join(root, page), edit(readFileSync(page, 'utf8')));
		return root;
	}
	const check = (root: string) => spawnSync(process.execPath, ['scripts/permalinks.ts', 'check', '--root', root], { encoding: 'utf8', env: { ...process.env, EH_CHECK_CACHE: '0' } });

	test('renaming a heading keeps every link', () => {
		const root = editedCopy((t) => t.replace('## Therapies to Avoid [#therapies-to-avoid]', '## Treatments Not Recommended [#therapies-to-avoid]'));
		const r = check(root);
		rmSync(root, { recursive: true, force: true });
		expect(r.status).toBe(0);
	});

	test('removing a published anchor without an alias fails and says how to fix it', () => {
		const root = editedCopy((t) => t.replace(' [#avoid-lipus]', ''));
		const r = check(root);
		rmSync(root, { recursive: true, force: true });
		expect(r.status).toBe(1);
		expect(r.stdout).toContain(
			'✘ content/guidelines/running-injuries/runner-medial-thigh-knee-pain.mdx  The published link /guidelines/running-injuries/runner-medial-thigh-knee-pain/#avoid-lipus no longer lands anywhere. Give the statement or heading back its id with [#avoid-lipus], or add "anchorAliases: { avoid-lipus: <new-id> }"',
		);
	});

	test('an alias makes the old anchor land again', () => {
		const root = editedCopy((t) => t.replace(' [#avoid-lipus]', ' [#no-lipus]').replace('disclaimer: professional\n---', 'anchorAliases:\n  avoid-lipus: no-lipus\ndisclaimer: professional\n---'));
		const r = check(root);
		rmSync(root, { recursive: true, force: true });
		expect(r.status).toBe(0);
	});
});
