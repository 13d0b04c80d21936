/**
 * `npm run bench:check [-- --pages 1000 --claims 20 --references 2000]`: generates a corpus and
 * times the claim check over it: in-process (index + checks) and as the whole command a developer
 * runs (Node start-up included). Reported as figures and against the 2 s target; never a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateCorpus } from './lib/generate-corpus.ts';
import { runCheck } from '../src/lib/check/run.ts';
import { cli, fail, integerOption } from './lib/cli.ts';

const usage = 'npm run bench:check -- [--pages 1000] [--claims 20] [--references 2000]';
const { values } = cli(usage, {
	options: { pages: { type: 'string', default: '1000' }, claims: { type: 'string', default: '20' }, references: { type: 'string', default: '2000' } },
});
const root = mkdtempSync(join(tmpdir(), 'eh-bench-check-'));
const stats = generateCorpus({
	dir: join(root, 'content'),
	guidelines: integerOption('pages', values.pages, 1, usage),
	claimsPerGuideline: integerOption('claims', values.claims, 1, usage),
	references: integerOption('references', values.references, 1, usage),
});

// Cold: nothing cached, every page parsed. Then the same command again, warm:
// unchanged pages come from the content-addressed cache, as on an editor's second run.
const time = () => {
	const t = performance.now();
	const cmd = spawnSync(process.execPath, ['scripts/check-claims.ts', '--root', root], { encoding: 'utf8' });
	return { seconds: (performance.now() - t) / 1000, status: cmd.status };
};
const cold = time();
const warm = time();
const t0 = performance.now();
const result = await runCheck({ root });
const inProcess = (performance.now() - t0) / 1000;

rmSync(root, { recursive: true, force: true });
const errors = result.findings.filter((f) => f.severity === 'error');
console.log(`Corpus: ${stats.guidelines} guidelines, ${stats.claims} claims, ${stats.citations} citations, ${stats.references} references, ${stats.topics} topics`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(`npm run check, cold (whole command, every page parsed, exit ${cold.status}): ${cold.seconds.toFixed(2)} s  — target < 2 s: ${cold.seconds < 2 ? 'met' : 'NOT met'}`);
console.log(`npm run check, warm (unchanged pages from cache, exit ${warm.status}): ${warm.seconds.toFixed(2)} s`);
console.log(`Check in-process, warm (index + checks): ${inProcess.toFixed(2)} s`);
if (errors.length) fail(`The generated corpus should pass but has ${errors.length} errors, e.g. ${errors[0]?.rule}: ${errors[0]?.message}`);
