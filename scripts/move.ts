/**
 * `npm run move -- <old> <new>`: moves a page and keeps every link to it working.
 *
 *   npm run move -- content/guidelines/knee/old-name.mdx content/guidelines/hip/new-name.mdx
 *   npm run move -- /guidelines/knee/old-name/ /guidelines/hip/new-name/      (site addresses work too)
 *
 * It moves the file (with `git mv` when the file is tracked, so its history follows), sets the main
 * topic to the new folder, records the redirect in permalinks/redirects.json (the build then keeps
 * a redirect page at the old address, #anchors included), rewrites links to the old address in the
 * content (related questions, Markdown links, protocol files) and runs the permalink check. Then
 * `npm run permalinks:update` records the new address (the manifest never forgets the old one).
 * Exit 0 moved, 1 refused (nothing changed), 2 bad usage.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { entryIdOf, recordMove, redirectsJson, rewriteLinks, setMainTopic, sitePathOf } from '../src/lib/move.ts';
import { loadRedirects, redirectsFile } from '../src/lib/redirects.ts';
import { cli, fail, usageError } from './lib/cli.ts';
import { SLUG_SOURCE } from '../src/schemas/slug.ts';

const usage = 'npm run move -- <old file or address> <new file or address>\n  e.g. npm run move -- content/guidelines/knee/old-name.mdx content/guidelines/hip/new-name.mdx';
const { values, positionals } = cli(usage, { allowPositionals: true, options: { root: { type: 'string' } } });
if (positionals.length !== 2) usageError(`Give the page's current file and its new file (got ${positionals.length} argument(s)).`, usage);
const root = resolve(values.root ?? process.cwd());
const contentDir = join(root, 'content');
const refuse = (message: string): never => fail(`${message}\nNothing was changed.`);

/** A content file (relative to content/) from a file path or a site address. */
function toContentFile(arg: string, ext?: string): string {
	if (arg.startsWith('/') && !existsSync(arg)) {
		const id = arg.replace(/^\/|\/$/g, '') || 'index';
		if (ext) return `${id}${ext}`;
		for (const e of ['.mdx', '.md']) if (existsSync(join(contentDir, `${id}${e}`))) return `${id}${e}`;
		return `${id}.mdx`;
	}
	const rel = relative(contentDir, resolve(root, arg)).split('\\').join('/');
	if (rel.startsWith('..')) refuse(`${arg} is not inside content/. Give a file such as content/guidelines/<topic>/<name>.mdx.`);
	return rel;
}

const oldRel = toContentFile(positionals[0]!);
const ext = /\.(mdx|md)$/.exec(oldRel)?.[0] ?? '.mdx';
const newRel = toContentFile(positionals[1]!, ext).replace(/\/$/, '');
const newFileRel = /\.(mdx|md)$/.test(newRel) ? newRel : `${newRel}${ext}`;
const oldFile = join(contentDir, oldRel);
const newFile = join(contentDir, newFileRel);

if (!existsSync(oldFile)) refuse(`content/${oldRel} does not exist. Give the page's current file, e.g. content/guidelines/<topic>/<name>.mdx.`);
if (existsSync(newFile)) refuse(`content/${newFileRel} already exists. Choose a new file name.`);
if (!new RegExp(`^${SLUG_SOURCE}(?:/${SLUG_SOURCE})*\\.(mdx|md)$`).test(newFileRel)) {
	refuse(`content/${newFileRel}: use lower-case words joined by hyphens for folders and file names (they become the address).`);
}
const topicsFile = join(contentDir, 'topics.yaml');
const topicIds: string[] = existsSync(topicsFile) ? ((parseYaml(readFileSync(topicsFile, 'utf8')) ?? []) as { id?: string }[]).flatMap((t) => (t.id ? [t.id] : [])) : [];
const newTopic = /^guidelines\/([^/]+)\//.exec(newFileRel)?.[1];
if (oldRel.startsWith('guidelines/') && (!newTopic || newFileRel.split('/').length !== 3)) {
	refuse(`A guideline lives at content/guidelines/<topic>/<name>${ext}; content/${newFileRel} is not such a place.`);
}
if (newTopic && !topicIds.includes(newTopic)) {
	refuse(`There is no topic "${newTopic}" in content/topics.yaml (topics: ${topicIds.join(', ') || 'none'}). Add it there first, or choose one of these folders.`);
}

const redirectsPath = redirectsFile(contentDir);
const loaded = loadRedirects(redirectsPath);
if (loaded.problems.length) refuse(`permalinks/redirects.json is invalid: ${loaded.problems.map((p) => `line ${p.line}: ${p.field}: ${p.message}`).join('; ')}`);

const from = { path: sitePathOf(oldRel), id: entryIdOf(oldRel) };
const to = { path: sitePathOf(newFileRel), id: entryIdOf(newFileRel) };

// 1. The file (git mv keeps its history, which dates the page).
mkdirSync(dirname(newFile), { recursive: true });
const tracked = spawnSync('git', ['ls-files', '--error-unmatch', oldFile], { cwd: root, stdio: 'ignore' }).status === 0;
if (!tracked || spawnSync('git', ['mv', oldFile, newFile], { cwd: root, stdio: 'ignore' }).status !== 0) renameSync(oldFile, newFile);
console.log(`✔ Moved content/${oldRel} → content/${newFileRel}`);

// 2. Its main topic follows the folder.
if (newTopic) {
	const text = readFileSync(newFile, 'utf8');
	const updated = setMainTopic(text, newTopic);
	if (updated !== undefined && updated !== text) {
		writeFileSync(newFile, updated);
		console.log(`✔ Main topic set to ${newTopic} (first of topics:)`);
	}
}

// 3. Links to the old address in the content.
function contentFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? contentFiles(join(dir, e.name)) : /\.(mdx|md|ya?ml)$/.test(e.name) ? [join(dir, e.name)] : [],
	);
}
for (const file of contentFiles(contentDir)) {
	const text = readFileSync(file, 'utf8');
	const { text: updated, count } = rewriteLinks(text, from, to);
	if (count > 0) {
		writeFileSync(file, updated);
		console.log(`✔ Updated ${count} link(s) in ${relative(root, file)}`);
	}
}

// 4. The redirect.
writeFileSync(redirectsPath, redirectsJson(recordMove(loaded.redirects, from.path, to.path)));
console.log(`✔ Redirect recorded in ${relative(root, redirectsPath)}: ${from.path} → ${to.path} (anchors are kept: ${from.path}#id lands on ${to.path}#id)`);

// 5. Every recorded link must still land (the old address now through the redirect).
const update = spawnSync(process.execPath, [join(import.meta.dirname, 'permalinks.ts'), 'check', '--root', root], { encoding: 'utf8' });
process.stdout.write(update.stdout);
process.stderr.write(update.stderr);
if (update.status !== 0) {
	fail('The move is done but some links would still break (above). Fix them, then run npm run permalinks:check.');
}
console.log('Next: finish your edits, run npm run check and npm run permalinks:update (records the new address; the old one stays), review with git diff, and commit.');
