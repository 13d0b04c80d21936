import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { comparePermalinks, type Manifest } from '../../src/lib/permalinks.ts';
import { RULE_LIST, RULES } from '../../src/lib/findings/rules.ts';

const page = '/guidelines/knee/sample/';
const recorded: Manifest = { pages: { [page]: ['assessment', 'rest-two-weeks'], '/old/': [] } };

describe('permalink comparison', () => {
	test('a removed anchor without an alias fails, saying how to fix it, where an alias would go', () => {
		const file = { file: 'content/guidelines/knee/sample.mdx', lines: { anchorAliases: 7 }, columns: { anchorAliases: 1 } };
		const findings = comparePermalinks({ recorded, current: { pages: { [page]: ['assessment'], '/old/': [] } }, redirects: [], aliases: {}, files: { [page]: file } });
		expect(findings).toEqual([
			{
				rule: 'permalink-anchor-removed',
				severity: 'error',
				file: 'content/guidelines/knee/sample.mdx',
				line: 7,
				column: 1,
				message:
					'The published link /guidelines/knee/sample/#rest-two-weeks no longer lands anywhere. Give the statement or heading back its id with [#rest-two-weeks], or add "anchorAliases: { rest-two-weeks: <new-id> }" to content/guidelines/knee/sample.mdx\'s frontmatter (for a removed statement, the id of the section that now covers it).',
				subject: { path: page, anchor: 'rest-two-weeks', field: 'anchorAliases' },
			},
		]);
		// Without anchorAliases in the frontmatter: the top of the file.
		expect(comparePermalinks({ recorded, current: { pages: { [page]: ['assessment'], '/old/': [] } }, redirects: [], aliases: {}, files: { [page]: { file: file.file } } })[0]).toMatchObject({ line: 1, column: 1 });
	});

	test('every permalink rule is a catalogue rule, found at the place to fix it', () => {
		const file = { file: 'content/guidelines/knee/sample.mdx', lines: { 'anchorAliases.rest-two-weeks': 8, 'review.withdrawal.replacement': 12 }, columns: { 'anchorAliases.rest-two-weeks': 3, 'review.withdrawal.replacement': 5 } };
		const redirectsAt = { '/moved/': { line: 2, column: 2 }, '/chain/': { line: 3, column: 2 }, [page]: { line: 4, column: 2 } };
		const found = comparePermalinks({
			recorded: { pages: { [page]: ['rest-two-weeks'], '/moved/': ['lost'], '/chain/': [], '/gone/': [] } },
			current: { pages: { [page]: ['assessment'], '/new/': [], '/fresh/': ['x'] } },
			redirects: [
				{ from: '/moved/', to: '/new/', anchors: {} },
				{ from: '/chain/', to: '/nowhere/', anchors: {} },
				{ from: page, to: '/new/', anchors: {} },
			],
			aliases: { [page]: { 'rest-two-weeks': 'missing' } },
			files: { [page]: file },
			replacements: { [page]: '/nowhere/' },
			redirectsAt,
			manifestAt: { [page]: { line: 5, column: 3 } },
		});
		const places = found.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`);
		expect(places).toEqual([
			'permalink-replacement-broken content/guidelines/knee/sample.mdx:12:5',
			'permalink-redirect-shadowed permalinks/redirects.json:4:2',
			'permalink-alias-broken content/guidelines/knee/sample.mdx:8:3',
			'permalink-redirect-anchor-lost permalinks/redirects.json:2:2',
			'permalink-redirect-broken permalinks/redirects.json:3:2',
			'permalink-page-removed content/gone.mdx:1:1',
			// New anchors on a recorded page: at its entry in the manifest; new pages: the manifest's top.
			'permalink-unrecorded permalinks/manifest.json:5:3',
			'permalink-unrecorded permalinks/manifest.json:1:1',
			'permalink-unrecorded permalinks/manifest.json:1:1',
		]);
		// With the removed anchor of the first test, every permalink rule of the catalogue is produced.
		const all = [...found, ...comparePermalinks({ recorded, current: { pages: { [page]: ['assessment'], '/old/': [] } }, redirects: [], aliases: {}, files: {} })];
		const rules = RULE_LIST.filter((r) => r.id.startsWith('permalink-')).map((r) => r.id);
		expect(rules.filter((id) => !all.some((f) => f.rule === id))).toEqual([]);
		expect(all.every((f) => f.severity === RULES.get(f.rule)!.severity)).toBe(true);
	});

	test('an alias to an existing id keeps the old link working', () => {
		const current = { pages: { [page]: ['assessment', 'rest-first'], '/old/': [] } };
		expect(comparePermalinks({ recorded, current, redirects: [], aliases: { [page]: { 'rest-two-weeks': 'rest-first' } }, files: {} }).filter((f) => f.severity === 'error')).toEqual([]);
		expect(comparePermalinks({ recorded, current, redirects: [], aliases: { [page]: { 'rest-two-weeks': 'nowhere' } }, files: {} }).map((f) => f.rule)).toContain('permalink-alias-broken');
	});

	test('a removed page needs a redirect to an existing page', () => {
		const current = { pages: { [page]: ['assessment', 'rest-two-weeks'] } };
		const removed = comparePermalinks({ recorded, current, redirects: [], aliases: {}, files: {} });
		expect(removed.map((f) => f.rule)).toEqual(['permalink-page-removed']);
		// Both ways out, in the words of the fields an editor writes.
		expect(removed[0]!.message).toContain('npm run move -- <old file> <new file>');
		expect(removed[0]!.message).toContain('review.status: withdrawn and a review.withdrawal record ({ date, reason }');
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
		expect(r.stdout).toMatch(/^✔ Permalink check passed: \d+ published pages and \d+ anchors(; \d+ warnings?)?\.$/m);
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
			'✘ content/guidelines/knee/sample.mdx:1:1  The published link /guidelines/knee/sample/#rest-two-weeks no longer lands anywhere. Give the statement or heading back its id with [#rest-two-weeks], or add "anchorAliases: { rest-two-weeks: <new-id> }"',
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
