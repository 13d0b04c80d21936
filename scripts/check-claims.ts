/**
 * `npm run check`: no clinical claim ships without a resolvable reference.
 *
 *   npm run check                      check content/, print findings and a summary
 *   npm run check -- --strict          also fail on exceptions (evidence gaps)
 *   npm run check -- --json            machine-readable result on stdout
 *   npm run check -- --content <dir>   check another content folder (fixtures, benchmarks)
 *
 * Exit code: 0 clean, 1 errors found, 2 bad usage. In GitHub Actions (GITHUB_ACTIONS=true) it
 * also prints annotations so each finding shows on the pull request.
 */
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, contentDir as contentFolder } from '../src/lib/paths.ts';

// Node's start-up (loading and type-stripping our modules) is a third of a check after one edit
// at 12,000 guidelines: the compiled modules are kept between runs, so everything else is imported
// after this.
enableCompileCache(cacheDir('node-compile', fileURLToPath(new URL('..', import.meta.url))));
const { runCheck } = await import('../src/lib/check/run.ts');
const { exitCode, formatGithub, formatJson, formatText } = await import('../src/lib/check/report.ts');
const { cli, usageError } = await import('./lib/cli.ts');

const { values } = cli('npm run check -- [--strict] [--json] [--content <dir>] [--root <dir>]', {
	options: {
		strict: { type: 'boolean', default: false },
		json: { type: 'boolean', default: false },
		content: { type: 'string' },
		root: { type: 'string' },
	},
});

const root = resolve(values.root ?? process.cwd());
const contentDir = values.content ? resolve(values.content) : contentFolder(root);
if (!existsSync(join(contentDir, 'guidelines'))) {
	usageError(`${contentDir} is not a content folder (it has no guidelines/ folder). Run from the project root, or pass --content <dir>.`);
}
const result = await runCheck({ root, contentDir });
if (values.json) console.log(formatJson(result, values.strict));
else console.log(formatText(result, { strict: values.strict, color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
if (process.env.GITHUB_ACTIONS === 'true') {
	const annotations = formatGithub(result, values.strict);
	if (annotations) console.log(annotations);
}
process.exit(exitCode(result, values.strict));
