/**
 * `npm run preview:guideline -- content/guidelines/<topic>/<slug>.mdx [--port 4321]`: the live editor preview of
 * one guideline, however large the handbook. `npm run dev` loads every page and reference of the
 * site; this starts the same dev server on a scratch content folder that holds only that guideline
 * (copied again on every save, so edits show live), the references it cites, the protocols that point at it, and the
 * site's topics, settings and disclaimers. Drafts are shown, as in `npm run dev`.
 * Run `npm run check` before a pull request: the preview checks nothing.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, watchFile, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { summarizePage } from '../src/lib/content/page.ts';
import { cli, usageError } from './lib/cli.ts';

const usage = 'npm run preview:guideline -- content/guidelines/<topic>/<slug>.mdx [--port 4321]';
const { positionals, values } = cli(usage, { allowPositionals: true, options: { port: { type: 'string', default: '4321' } } });
const port = values.port;
const root = resolve(import.meta.dirname, '..');
const content = join(root, 'content');
const target = positionals[0] && resolve(positionals[0]);
if (!target || !existsSync(target) || !relative(join(content, 'guidelines'), target).match(/^[^.][^/]*\/[^/]+\.mdx?$/)) {
	usageError(target ? `${relative(root, target)} is not a guideline file under content/guidelines/<topic>/.` : 'Name the guideline file to preview.', usage);
}

const page = summarizePage(root, content, target);
// Inside the project, beside content/ and as deep (a content folder outside the project breaks
// Astro's dev server, and relative imports in the page resolve as they do from content/).
const scratch = join(root, '.preview-content');
// Astro's generated list of content modules names the content folder it last saw: removed before
// and after, so neither this preview nor the next `npm run dev` uses the other's.
const contentModules = join(root, '.astro', 'content-modules.mjs');
rmSync(contentModules, { force: true });
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch);
const link = (from: string, to: string) => {
	mkdirSync(dirname(to), { recursive: true });
	symlinkSync(from, to);
};
// The guideline is copied, not linked (Vite follows links to the real path, which lies outside the
// scratch content folder, and the Markdown plugins then leave the page alone), and copied again on
// every save.
const copy = join(scratch, 'guidelines', relative(join(content, 'guidelines'), target));
mkdirSync(dirname(copy), { recursive: true });
copyFileSync(target, copy);
watchFile(target, { interval: 300 }, () => copyFileSync(target, copy));
for (const name of ['topics.yaml', 'settings.yaml', 'disclaimers']) if (existsSync(join(content, name))) link(join(content, name), join(scratch, name));
const keys = new Set(page.claims.flatMap((c) => c.cites.flatMap((cite) => (cite.type === 'ref' ? [cite.key] : []))));
mkdirSync(join(scratch, 'references'), { recursive: true });
let references = 0;
for (const key of keys) {
	for (const ext of ['yaml', 'yml']) {
		const file = join(content, 'references', `${key}.${ext}`);
		if (existsSync(file)) {
			link(file, join(scratch, 'references', basename(file)));
			references++;
			break;
		}
	}
}
mkdirSync(join(scratch, 'protocols'), { recursive: true });
for (const name of existsSync(join(content, 'protocols')) ? readdirSync(join(content, 'protocols')) : []) {
	const file = join(content, 'protocols', name);
	const data = parseYaml(readFileSync(file, 'utf8')) as { guideline?: unknown } | null;
	if (data?.guideline === page.id.replace(/^guidelines\//, '') || data?.guideline === page.id) link(file, join(scratch, 'protocols', name));
}
const url = `/${page.id}/`;
writeFileSync(join(scratch, 'index.mdx'), `---\ntype: page\ntitle: Preview of one guideline\n---\n\nThis preview holds one guideline: [${String(page.frontmatter.title ?? page.id)}](${url})\n`);

console.log(`Previewing ${relative(root, target)} with ${references} of its references (scratch content: ${scratch}).`);
console.log(`Open http://localhost:${port}${url} once the server is up; edits to the file show live. Ctrl+C stops.`);
const child = spawn('npx', ['astro', 'dev', '--port', port], { cwd: root, stdio: 'inherit', env: { ...process.env, EH_CONTENT_DIR: scratch, EH_CACHE_DIR: join(scratch, '.cache'), EH_PREVIEW: '1', ASTRO_TELEMETRY_DISABLED: '1' } });
const cleanup = () => {
	rmSync(scratch, { recursive: true, force: true });
	rmSync(contentModules, { force: true });
};
process.on('SIGINT', () => child.kill('SIGINT'));
child.on('exit', (code) => {
	cleanup();
	process.exit(code ?? 0);
});
