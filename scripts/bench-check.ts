/**
 * `npm run bench:check [-- --pages 1000 --claims 20 --references 2000]`: generates a corpus and
 * times the claim check over it: in-process (index + checks) and as the whole command a developer
 * runs (Node start-up included). Reported as figures and against the 2 s target; never a test.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Cold: nothing cached, every page parsed. Then the same command again, warm: unchanged pages come
// from the content-addressed cache, as on an editor's second run. Then the editor's loop: one
// statement of one guideline edited, and the check run again.
const time = () => {
	const t = performance.now();
	const cmd = spawnSync(process.execPath, ['--import', './scripts/lib/report-cpu.ts', 'scripts/check-claims.ts', '--root', root], { encoding: 'utf8' });
	const cpu = Number(/^cpu-seconds ([\d.]+)$/m.exec(cmd.stderr)?.[1] ?? Number.NaN);
	return { seconds: (performance.now() - t) / 1000, cpu, status: cmd.status };
};
const cold = time();
const warm = time();
const edited = editOneGuideline(join(root, 'content', 'guidelines'));
const edit = time();
const t0 = performance.now();
const result = await runCheck({ root });
const inProcess = (performance.now() - t0) / 1000;

rmSync(root, { recursive: true, force: true });
const errors = result.findings.filter((f) => f.severity === 'error');
console.log(`Corpus: ${stats.guidelines} guidelines, ${stats.claims} claims, ${stats.citations} citations, ${stats.references} references, ${stats.topics} topics`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
const figure = (r: ReturnType<typeof time>) => `${r.seconds.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s, exit ${r.status})`;
console.log(`npm run check, cold (whole command, every page parsed): ${figure(cold)}`);
console.log(`npm run check, warm (nothing changed): ${figure(warm)}`);
console.log(`npm run check after editing one statement of ${edited}: ${figure(edit)}  — target ≤ 2 s: ${edit.seconds <= 2 ? 'met' : 'NOT met'}`);
console.log(`Check in-process, warm (index + checks): ${inProcess.toFixed(2)} s`);
if (edit.status !== 0) fail(`The check after the edit should pass but exited ${edit.status}.`);
if (errors.length) fail(`The generated corpus should pass but has ${errors.length} errors, e.g. ${errors[0]?.rule}: ${errors[0]?.message}`);

/** Edits the first statement of the first guideline (a few words more), as an editor would. */
function editOneGuideline(dir: string): string {
	const topic = readdirSync(dir).sort()[0]!;
	const name = readdirSync(join(dir, topic)).sort()[0]!;
	const file = join(dir, topic, name);
	const text = readFileSync(file, 'utf8');
	const edited = text.replace(/^(- )(.)/m, '$1Edited for the benchmark: $2');
	if (edited === text) fail(`${file} has no statement to edit.`);
	writeFileSync(file, edited);
	return `guidelines/${topic}/${name}`;
}
