import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { comparePermalinks, type Manifest } from '../../src/lib/permalinks.ts';

const page = '/guidelines/knee/sample/';
const recorded: Manifest = { pages: { [page]: ['assessment', 'rest-two-weeks'], '/old/': [] } };

describe('permalink comparison', () => {
	test('a removed anchor without an alias fails, saying how to fix it', () => {
		const findings = comparePermalinks({ recorded, current: { pages: { [page]: ['assessment'], '/old/': [] } }, redirects: [], aliases: {}, files: { [page]: 'content/guidelines/knee/sample.mdx' } });
		expect(findings).toEqual([
			{
				rule: 'permalink-anchor-removed',
				severity: 'error',
				file: 'content/guidelines/knee/sample.mdx',
				message:
					'The published link /guidelines/knee/sample/#rest-two-weeks no longer lands anywhere. Give the statement or heading back its id with [#rest-two-weeks], or add "anchorAliases: { rest-two-weeks: <new-id> }" to content/guidelines/knee/sample.mdx\'s frontmatter (for a removed statement, the id of the section that now covers it).',
			},
		]);
	});

	test('an alias to an existing id keeps the old link working', () => {
		const current = { pages: { [page]: ['assessment', 'rest-first'], '/old/': [] } };
		expect(comparePermalinks({ recorded, current, redirects: [], aliases: { [page]: { 'rest-two-weeks': 'rest-first' } }, files: {} }).filter((f) => f.severity === 'error')).toEqual([]);
		expect(comparePermalinks({ recorded, current, redirects: [], aliases: { [page]: { 'rest-two-weeks': 'nowhere' } }, files: {} }).map((f) => f.rule)).toContain('permalink-alias-broken');
	});

	test('a removed page needs a redirect to an existing page', () => {
		const current = { pages: { [page]: ['assessment', 'rest-two-weeks'] } };
		expect(comparePermalinks({ recorded, current, redirects: [], aliases: {}, files: {} }).map((f) => f.rule)).toEqual(['permalink-page-removed']);
		expect(comparePermalinks({ recorded, current, redirects: [{ from: '/old/', to: page, anchors: {} }], aliases: {}, files: {} })).toEqual([]);
	});

	test('new anchors are a warning until recorded', () => {
		const current = { pages: { [page]: ['assessment', 'rest-two-weeks', 'new-claim'], '/old/': [] } };
		expect(comparePermalinks({ recorded, current, redirects: [], aliases: {}, files: {} }).map((f) => [f.rule, f.severity])).toEqual([['permalink-unrecorded', 'warning']]);
	});
});

describe('the real site', () => {
	// Only what holds for any valid content: nothing published has disappeared. (A page or anchor not
	// yet recorded is the permalink-unrecorded warning, as in the build: it never fails a test.)
	test('every published page and anchor still resolves', () => {
		const r = spawnSync(process.execPath, ['scripts/permalinks.ts', 'check'], { encoding: 'utf8' });
		expect(r.status, r.stdout).toBe(0);
		expect(r.stdout).toMatch(/^✔ Permalink check passed: \d+ published pages and \d+ anchors still resolve\.$/m);
	});
});

describe('editing a recorded guideline (fixture content, in a copy)', () => {
	const fixture = new URL('../fixtures/check/base', import.meta.url).pathname;
	const page = 'content/guidelines/knee/sample.mdx';
	const check = (root: string, mode = 'check') => spawnSync(process.execPath, ['scripts/permalinks.ts', mode, '--root', root], { encoding: 'utf8', env: { ...process.env, EH_CHECK_CACHE: '0' } });
	/** The fixture with its permalinks recorded, then edited. */
	function editedCopy(edit: (text: string) => string): string {
		const root = mkdtempSync(join(tmpdir(), 'eh-permalinks-'));
		cpSync(fixture, join(root, 'content'), { recursive: true });
		mkdirSync(join(root, 'permalinks'));
		writeFileSync(join(root, 'permalinks/redirects.json'), '{}\n');
		expect(check(root, 'update').status).toBe(0);
		writeFileSync(join(root, page), edit(readFileSync(join(root, page), 'utf8')));
		return root;
	}

	test('renaming a heading keeps every link: ids come from [#id], not from the text', () => {
		const root = editedCopy((t) => t.replace('## Management [#management]', '## Treatment [#management]'));
		const r = check(root);
		rmSync(root, { recursive: true, force: true });
		expect(r.status, r.stdout).toBe(0);
	});

	test('removing a published anchor without an alias fails and says how to fix it', () => {
		const root = editedCopy((t) => t.replace(' [#rest-two-weeks]', ''));
		const r = check(root);
		rmSync(root, { recursive: true, force: true });
		expect(r.status).toBe(1);
		expect(r.stdout).toContain(
			'✘ content/guidelines/knee/sample.mdx  The published link /guidelines/knee/sample/#rest-two-weeks no longer lands anywhere. Give the statement or heading back its id with [#rest-two-weeks], or add "anchorAliases: { rest-two-weeks: <new-id> }"',
		);
	});

	test('an alias makes the old anchor land again', () => {
		const root = editedCopy((t) => t.replace(' [#rest-two-weeks]', ' [#rest-first]').replace('disclaimer: professional\n---', 'anchorAliases:\n  rest-two-weeks: rest-first\ndisclaimer: professional\n---'));
		const r = check(root);
		rmSync(root, { recursive: true, force: true });
		expect(r.status, r.stdout).toBe(0);
	});

	test('a new statement is a warning until recorded, never an error', () => {
		const root = editedCopy((t) => t.replace('Rest for two weeks. [@jones-2019] [#rest-two-weeks]', 'Rest for two weeks. [@jones-2019] [#rest-two-weeks]\n\nIce helps. [@jones-2019] [#ice]'));
		const r = check(root);
		rmSync(root, { recursive: true, force: true });
		expect(r.status, r.stdout).toBe(0);
		expect(r.stdout).toContain('[permalink-unrecorded]');
	});
});
