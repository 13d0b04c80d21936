/**
 * A content change needs no code change. In a scratch copy of the project, a generated second
 * guideline (new topic, new references, a list, a table, a callout, an evidence gap), a draft and
 * a reference nothing cites are added as files, the way CONTRIBUTING.md says; then the claim check,
 * the permalink update, the production build and site-level assertions (the page and its
 * citations, the draft leaving no trace, valid HTML, every internal link and anchor resolving)
 * must all pass with the project's code untouched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { parseHtml } from '../../src/lib/html/dom.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv } from '../setup/env.ts';
import { addGeneratedGuideline, type Generated } from '../support/generated-content.ts';
import { htmlValidateConfig } from './html-validate.config.ts';
import { brokenLinks } from './links.ts';

const project = resolve(new URL('../..', import.meta.url).pathname);
const temp = mkdtempSync(join(tmpdir(), 'eh-second-'));
const repo = join(temp, 'repo');
const dist = join(repo, 'dist');
let generated: Generated;
const logs: Record<string, { status: number | null; stdout: string; stderr: string }> = {};

function run(name: string, args: string[]) {
	const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: buildEnv({ NO_COLOR: '1', GITHUB_ACTIONS: '', EH_CACHE_DIR: join(temp, 'cache'), EH_OUT_DIR: dist }) });
	logs[name] = { status: r.status, stdout: r.stdout, stderr: r.stderr };
	return logs[name]!;
}

/** Files of a project folder that is not a git checkout, without installed or generated folders. */
function projectFiles(dir: string, prefix = ''): string[] {
	const skip = new Set(['node_modules', 'dist', '.git', '.astro', 'test-results', '.preview-content', 'bench/out']);
	return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
		const path = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) return skip.has(entry.name) || skip.has(path) ? [] : projectFiles(dir, path);
		return entry.isFile() ? [path] : [];
	});
}

beforeAll(() => {
	// The project as a fresh clone has it: tracked and new (not ignored) files, node_modules linked.
	// Outside a git checkout (a copy of the project, e.g. an editor's scratch copy), every file but
	// the installed and generated folders.
	const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: project, encoding: 'utf8' });
	const files = listed.status === 0 ? listed.stdout.split('\0').filter(Boolean) : projectFiles(project);
	for (const file of files) {
		if (!existsSync(join(project, file))) continue;
		mkdirSync(dirname(join(repo, file)), { recursive: true });
		cpSync(join(project, file), join(repo, file));
	}
	symlinkSync(join(project, 'node_modules'), join(repo, 'node_modules'));
	generated = addGeneratedGuideline(join(repo, 'content'));
	run('check', ['scripts/check-claims.ts']);
	run('permalinks', ['scripts/permalinks.ts', 'update']);
	run('build', ['scripts/build.ts']);
}, 300_000);
// EH_KEEP_SCRATCH=1 keeps the scratch project for a look after a failure.
afterAll(() => (process.env.EH_KEEP_SCRATCH ? console.log(`kept: ${temp}`) : rmSync(temp, { recursive: true, force: true })));

const page = () => parseHtml(readFileSync(join(dist, generated.published, 'index.html'), 'utf8'));

describe('a generated second guideline, a draft and an unused reference', () => {
	test('npm run check passes; the unused reference is a warning', () => {
		expect(logs.check!.status, logs.check!.stdout).toBe(0);
		expect(logs.check!.stdout).toContain(`The reference "${generated.unusedReference}" is not cited by any page.  [reference-unused]`);
	});

	test('npm run permalinks:update records the new page, and the build passes', () => {
		expect(logs.permalinks!.status, logs.permalinks!.stderr).toBe(0);
		expect(JSON.parse(readFileSync(join(repo, 'permalinks/manifest.json'), 'utf8')).pages[`/${generated.published}/`]).toEqual(expect.arrayContaining(generated.claimIds));
		expect(logs.build!.status, `${logs.build!.stdout}\n${logs.build!.stderr}`).toBe(0);
	});

	test('the guideline is published with every statement, its citations and its references', () => {
		const doc = page();
		for (const id of generated.claimIds) expect(doc.getElementById(id)?.hasAttribute('data-claim'), id).toBe(true);
		for (const key of generated.references) {
			expect(doc.getElementById(`ref-${key}`), key).not.toBeNull();
			expect(doc.querySelectorAll(`a[data-cite][href="#ref-${key}"]`).length, key).toBeGreaterThan(0);
		}
		expect(doc.querySelector(`[data-evidence-gap], a[data-gap]`)).not.toBeNull();
		expect(existsSync(join(dist, 'export', `${generated.published}.json`))).toBe(true);
		// The site-wide disclaimer, and no other source's notice (it names no source).
		expect(doc.querySelector('aside.disclaimer')).not.toBeNull();
		expect(doc.querySelector('.source-notice')).toBeNull();
	});

	test('the draft leaves no trace in the build', () => {
		const leaks = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => {
			if (!/\.(html|json|xml|txt|bib|ris)$/.test(f)) return false;
			const text = readFileSync(join(dist, f), 'utf8');
			return text.includes(generated.draft) || text.includes(generated.draftMarker) || text.includes('Does a generated draft stay unpublished?');
		});
		expect(leaks).toEqual([]);
	});

	test('the new page is valid HTML', async () => {
		const report = await new HtmlValidate(new StaticConfigLoader(htmlValidateConfig)).validateString(readFileSync(join(dist, generated.published, 'index.html'), 'utf8'), generated.published);
		expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`))).toEqual([]);
	});

	test('every internal link and anchor in the build resolves', async () => {
		const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
		const { broken } = await brokenLinks(dist, pages);
		expect(broken).toEqual([]);
	}, 240_000);
});
