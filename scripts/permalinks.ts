/**
 * `npm run permalinks:check`: fails when a published page or anchor (permalinks/manifest.json)
 * would no longer land: no redirect, alias or withdrawal notice covers it.
 * `npm run permalinks:update`: adds the pages and anchors published now to the manifest. It never
 * removes one: what was published once stays protected. Then it checks, like permalinks:check.
 * Exit 0 clean, 1 broken links, 2 bad usage.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildIndex } from '../src/lib/content/load.ts';
import { pagePath } from '../src/lib/content/ids.ts';
import { withdrawnPaths } from '../src/lib/content/publication.ts';
import { comparePermalinks, currentPermalinks, mergeManifests, type Manifest, type PermalinkFinding } from '../src/lib/permalinks.ts';
import { loadRedirects, redirectsFile } from '../src/lib/redirects.ts';
import { AnchorAliasesSchema } from '../src/schemas/anchor-aliases.ts';
import { cli, usageError } from './lib/cli.ts';

const usage = 'node scripts/permalinks.ts check|update [--root <dir>]';
const { values, positionals } = cli(usage, { options: { root: { type: 'string' } }, allowPositionals: true });
const mode = positionals[0];
if (mode !== 'check' && mode !== 'update') usageError(`Say what to do: check or update (got "${mode ?? ''}").`, usage);
const root = resolve(values.root ?? process.cwd());
const contentDir = join(root, 'content');
const manifestFile = join(root, 'permalinks', 'manifest.json');

const index = await buildIndex({ root, contentDir });
const current = currentPermalinks(index);
const recorded: Manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : { pages: {} };

const findings: PermalinkFinding[] = [];
const loaded = loadRedirects(redirectsFile(contentDir));
for (const p of loaded.problems) {
	findings.push({ rule: 'permalink-redirect-broken', severity: 'error', file: `${relative(root, p.file)}:${p.line}:${p.column}`, message: `${p.field}: ${p.message}` });
}
const aliases: Record<string, Record<string, string>> = {};
const files: Record<string, string> = {};
const withdrawn = withdrawnPaths(index);
const replacements: Record<string, string> = {};
for (const page of index.pages) {
	const path = pagePath(page.id);
	files[path] = page.file;
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

findings.push(...comparePermalinks({ recorded: manifest, current, redirects: loaded.redirects, aliases, withdrawn, files, replacements }));
for (const f of findings) console.log(`${f.severity === 'error' ? '✘' : '⚠'} ${f.file}  ${f.message}  [${f.rule}]`);
const errors = findings.filter((f) => f.severity === 'error');
if (errors.length) {
	console.log(`✘ Permalink check failed: ${errors.length} published link(s) would break.`);
	process.exit(1);
}
const anchors = Object.values(manifest.pages).reduce((n, a) => n + a.length, 0);
console.log(`✔ Permalink check passed: ${Object.keys(manifest.pages).length} published pages and ${anchors} anchors still resolve.`);
