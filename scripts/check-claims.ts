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
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck } from '../src/lib/check/run.ts';
import { exitCode, formatGithub, formatJson, formatText } from '../src/lib/check/report.ts';

let values;
try {
	({ values } = parseArgs({
		options: {
			strict: { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
			content: { type: 'string' },
			root: { type: 'string' },
		},
	}));
} catch (error) {
	console.error(`${(error as Error).message}\nUsage: npm run check -- [--strict] [--json] [--content <dir>]`);
	process.exit(2);
}

const root = resolve(values.root ?? process.cwd());
const contentDir = resolve(values.content ?? join(root, 'content'));
if (!existsSync(join(contentDir, 'guidelines'))) {
	console.error(`✘ ${contentDir} is not a content folder (it has no guidelines/ folder). Run from the project root, or pass --content <dir>.`);
	process.exit(2);
}
const result = await runCheck({ root, contentDir });
if (values.json) console.log(formatJson(result, values.strict));
else console.log(formatText(result, { strict: values.strict, color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
if (process.env.GITHUB_ACTIONS === 'true') {
	const annotations = formatGithub(result, values.strict);
	if (annotations) console.log(annotations);
}
process.exit(exitCode(result, values.strict));
