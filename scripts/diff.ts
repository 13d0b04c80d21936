/**
 * `npm run diff -- <git-ref>`: the clinical changes between the content at <git-ref> and the
 * working tree, per guideline: statements added, removed and changed (old and new text, claim id,
 * section, changed numbers), citations, evidence gaps, references field by field, protocol rules,
 * review status and moved permalinks. Markdown by default (also what CI writes to the pull
 * request's summary); --json for tools; --summary appends the Markdown to $GITHUB_STEP_SUMMARY.
 * Exit 0 (whether or not something changed), 2 bad usage or unknown revision.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffSnapshots } from '../src/lib/diff/engine.ts';
import { formatJson, formatMarkdown } from '../src/lib/diff/format.ts';
import { GitRefError, snapshotOfFolder, snapshotOfRef } from '../src/lib/diff/snapshot.ts';
import { cli, usageError } from './lib/cli.ts';

const usage = 'npm run diff -- <git-ref> [--json] [--summary] [--root <dir>]   e.g. npm run diff -- HEAD~1, npm run diff -- origin/main';
const { values, positionals } = cli(usage, { allowPositionals: true, options: { json: { type: 'boolean' }, summary: { type: 'boolean' }, root: { type: 'string' } } });
if (positionals.length !== 1) usageError('Name the revision to compare the working tree with.', usage);
const ref = positionals[0]!;
const root = resolve(values.root ?? process.cwd());
try {
	const [before, after] = await Promise.all([snapshotOfRef(root, ref), snapshotOfFolder(root)]);
	const diff = diffSnapshots(before, after);
	const markdown = formatMarkdown(diff, ref);
	console.log(values.json ? formatJson(diff, ref) : markdown);
	if (values.summary) {
		if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
		else console.error('--summary: GITHUB_STEP_SUMMARY is not set (it is set inside GitHub Actions); nothing appended.');
	}
} catch (error) {
	if (error instanceof GitRefError) usageError(error.message, usage);
	throw error;
}
