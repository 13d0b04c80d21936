/**
 * `npm run permalinks:check`: fails when a published page or anchor (permalinks/manifest.json)
 * disappears without a redirect or alias. `npm run permalinks:update`: records the current pages
 * and anchors (after a reviewed change). Exit 0 clean, 1 broken links, 2 bad usage.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIndex } from '../src/lib/content/load.ts';
import { comparePermalinks, currentPermalinks, type Manifest } from '../src/lib/permalinks.ts';
import { pagePath } from '../src/lib/content/ids.ts';
import { cli, usageError } from './lib/cli.ts';

const usage = 'node scripts/permalinks.ts check|update [--root <dir>]';
const { values, positionals } = cli(usage, { options: { root: { type: 'string' } }, allowPositionals: true });
const mode = positionals[0];
if (mode !== 'check' && mode !== 'update') usageError(`Say what to do: check or update (got "${mode ?? ''}").`, usage);
const root = resolve(values.root ?? process.cwd());
const manifestFile = join(root, 'permalinks', 'manifest.json');
const redirectsFile = join(root, 'permalinks', 'redirects.json');

const index = await buildIndex({ root });
const current = currentPermalinks(index);

if (mode === 'update') {
	const body = { $comment: 'Generated: every published page and anchor. Run `npm run permalinks:update` after a reviewed change; `npm run permalinks:check` fails when one disappears.', ...current };
	writeFileSync(manifestFile, `${JSON.stringify(body, null, '\t')}\n`);
	const anchors = Object.values(current.pages).reduce((n, a) => n + a.length, 0);
	console.log(`✔ Recorded ${Object.keys(current.pages).length} pages and ${anchors} anchors in permalinks/manifest.json.`);
	process.exit(0);
}

const recorded: Manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : { pages: {} };
const redirects: Record<string, string> = existsSync(redirectsFile) ? JSON.parse(readFileSync(redirectsFile, 'utf8')) : {};
const aliases: Record<string, Record<string, string>> = {};
const files: Record<string, string> = {};
for (const page of index.pages) {
	files[pagePath(page.id)] = page.file;
	const a = page.frontmatter.anchorAliases;
	if (a && typeof a === 'object') aliases[pagePath(page.id)] = a as Record<string, string>;
}
const findings = comparePermalinks({ recorded, current, redirects, aliases, files });
for (const f of findings) console.log(`${f.severity === 'error' ? '✘' : '⚠'} ${f.file}  ${f.message}  [${f.rule}]`);
const errors = findings.filter((f) => f.severity === 'error');
if (errors.length) {
	console.log(`✘ Permalink check failed: ${errors.length} published link(s) would break.`);
	process.exit(1);
}
const anchors = Object.values(recorded.pages).reduce((n, a) => n + a.length, 0);
console.log(`✔ Permalink check passed: ${Object.keys(recorded.pages).length} published pages and ${anchors} anchors still resolve.`);
