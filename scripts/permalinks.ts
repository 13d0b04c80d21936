/**
 * `npm run permalinks:check`: fails when a published page or anchor (permalinks/manifest.json)
 * would no longer land: no redirect, alias or withdrawal notice covers it.
 * `npm run permalinks:update`: adds the pages and anchors published now to the manifest. It never
 * removes one: what was published once stays protected. Then it checks, like permalinks:check.
 * Findings are rules of the catalogue (src/lib/findings/rules.ts), located at file:line:column and
 * reported like the claim check's: text, --json, and GitHub annotations in GitHub Actions.
 * Exit 0 clean, 1 broken links, 2 bad usage.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildIndex } from '../src/lib/content/load.ts';
import { pagePath } from '../src/lib/content/ids.ts';
import { withdrawnPaths } from '../src/lib/content/publication.ts';
import { parseDocument, LineCounter } from 'yaml';
import { comparePermalinks, currentPermalinks, mergeManifests, type Manifest, type Place, type SourceFile } from '../src/lib/permalinks.ts';
import { finding, type Finding } from '../src/lib/findings/finding.ts';
import { exitCode, formatGithub, formatJson, formatText, plural } from '../src/lib/findings/report.ts';
import { locate } from '../src/lib/references/load.ts';
import { loadRedirects, redirectsFile } from '../src/lib/redirects.ts';
import { AnchorAliasesSchema } from '../src/schemas/anchor-aliases.ts';
import { cli, usageError } from './lib/cli.ts';
import { contentDir as contentFolder } from '../src/lib/paths.ts';

const usage = 'node scripts/permalinks.ts check|update [--json] [--root <dir>]';
const { values, positionals } = cli(usage, { options: { root: { type: 'string' }, json: { type: 'boolean', default: false } }, allowPositionals: true });
const mode = positionals[0];
if (mode !== 'check' && mode !== 'update') usageError(`Say what to do: check or update (got "${mode ?? ''}").`, usage);
const root = resolve(values.root ?? process.cwd());
const contentDir = contentFolder(root);
const manifestFile = join(root, 'permalinks', 'manifest.json');

const index = await buildIndex({ root, contentDir });
const current = currentPermalinks(index);
const recorded: Manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : { pages: {} };

const findings: Finding[] = [];
const loaded = loadRedirects(redirectsFile(contentDir));
for (const p of loaded.problems) findings.push(finding('permalink-redirect-broken', relative(root, p.file), p.line, p.column, `${p.field}: ${p.message}`, { field: p.field }));
const aliases: Record<string, Record<string, string>> = {};
const files: Record<string, SourceFile> = {};
const withdrawn = withdrawnPaths(index);
const replacements: Record<string, string> = {};
for (const page of index.pages) {
	const path = pagePath(page.id);
	files[path] = { file: page.file, lines: page.lines, columns: page.columns };
	const a = AnchorAliasesSchema.safeParse(page.frontmatter.anchorAliases);
	if (a.success) aliases[path] = a.data;
	const replacement = (page.frontmatter.review as { withdrawal?: { replacement?: unknown } } | undefined)?.withdrawal?.replacement;
	if (withdrawn.has(path) && typeof replacement === 'string') replacements[path] = replacement;
}

const manifest = mode === 'update' ? mergeManifests(recorded, current) : recorded;
if (mode === 'update') {
	const body = {
		$comment: 'Generated: every page and anchor ever published. It only grows: run `npm run permalinks:update` after a reviewed change; `npm run permalinks:check` fails when one no longer lands.',
		...manifest,
	};
	writeFileSync(manifestFile, `${JSON.stringify(body, null, '\t')}\n`);
	const newPages = Object.keys(manifest.pages).filter((path) => !recorded.pages[path]).length;
	const newAnchors = Object.entries(manifest.pages).reduce((n, [path, a]) => n + a.filter((x) => !recorded.pages[path]?.includes(x)).length, 0);
	const anchors = Object.values(manifest.pages).reduce((n, a) => n + a.length, 0);
	console.log(`✔ Recorded ${Object.keys(manifest.pages).length} pages and ${anchors} anchors in permalinks/manifest.json (${newPages} new pages, ${newAnchors} new anchors; nothing recorded before is removed).`);
}

// Where each recorded page is written in the manifest, for findings about it.
const manifestAt: Record<string, Place> = {};
if (existsSync(manifestFile)) {
	const counter = new LineCounter();
	const doc = parseDocument(readFileSync(manifestFile, 'utf8'), { lineCounter: counter });
	for (const path of Object.keys(manifest.pages)) manifestAt[path] = locate(doc, counter, ['pages', path]);
}
findings.push(...comparePermalinks({ recorded: manifest, current, redirects: loaded.redirects, aliases, withdrawn, files, replacements, redirectsAt: loaded.at, manifestAt }));

const anchors = Object.values(manifest.pages).reduce((n, a) => n + a.length, 0);
const report = { title: 'Permalink check', findings, checked: `${plural(Object.keys(manifest.pages).length, 'published page')} and ${plural(anchors, 'anchor')}`, rerun: 'npm run permalinks:check' };
if (values.json) console.log(formatJson(report, false));
else console.log(formatText(report, { strict: false, color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
if (process.env.GITHUB_ACTIONS === 'true') console.log(formatGithub(report, false));
process.exit(exitCode(findings, false));
