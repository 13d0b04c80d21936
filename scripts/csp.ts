/**
 * Post-build step: computes the Content-Security-Policy from the built HTML (sha256 of every
 * inline script, see src/lib/csp/policy.ts), writes it into every page as the first `<head>`
 * element and writes `_headers` for static hosts. Runs after `astro build` in scripts/build.ts.
 * Usage: node scripts/csp.ts [outDir]   (default: $EH_OUT_DIR or dist)
 *
 * Reading and scanning every page is most of the work and each page is independent, so a large
 * site's pages are shared out between worker threads, one per core (at most 4; src/lib/csp/pages.ts).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildPolicy, headersFile } from '../src/lib/csp/policy.ts';
import { scanPages, split, writePolicy, type ScanResult } from '../src/lib/csp/pages.ts';
import { outDir as builtSite } from '../src/lib/paths.ts';
import { cli, fail } from './lib/cli.ts';

const { positionals } = cli('node scripts/csp.ts [outDir]', { allowPositionals: true });
const outDir = positionals[0] ? resolve(positionals[0]) : builtSite();
const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.html'))
	.map((f) => join(outDir, f));
if (pages.length === 0) fail(`CSP: no .html files in ${outDir}. Run the Astro build first.`);

// Below a few hundred pages starting threads costs more than it saves.
const PAGES_PER_WORKER = 250;
const shares = split(pages, Math.min(availableParallelism(), 4, Math.floor(pages.length / PAGES_PER_WORKER)));

/** Pass 1 everywhere, then pass 2 with the policy from every share's hashes (or none if any page failed). */
async function run(): Promise<{ hashes: Set<string>; problems: string[] }> {
	const hashes = new Set<string>();
	const problems: ScanResult['problems'] = [];
	const collect = (result: ScanResult) => {
		for (const h of result.hashes) hashes.add(h);
		problems.push(...result.problems);
	};
	const policyOf = () => (problems.length ? null : buildPolicy(hashes));
	if (shares.length <= 1) {
		collect(scanPages(pages, process.cwd()));
		const policy = policyOf();
		if (policy !== null) writePolicy(pages, policy);
	} else {
		const workers = shares.map((share) => new Worker(new URL('./lib/csp-worker.ts', import.meta.url), { workerData: { files: share.items, cwd: process.cwd(), first: share.first } }));
		const next = (worker: Worker) =>
			new Promise<unknown>((done, failed) => {
				worker.once('message', done);
				worker.once('error', failed);
			});
		try {
			for (const result of await Promise.all(workers.map(next))) collect(result as ScanResult);
			const policy = policyOf();
			const finished = workers.map(next);
			for (const worker of workers) worker.postMessage(policy);
			await Promise.all(finished);
		} finally {
			await Promise.all(workers.map((worker) => worker.terminate()));
		}
	}
	// Every page is checked before any is written, so a page the policy cannot be placed in stops the
	// step with its name and no page is left half-processed.
	return { hashes, problems: problems.sort((a, b) => a.index - b.index).map((p) => p.message) };
}

const { hashes, problems } = await run();
if (problems.length) {
	for (const p of problems.slice(0, -1)) console.error(`✘ CSP: ${p}`);
	fail(`CSP: ${problems.at(-1)}\n✘ CSP: ${problems.length} page(s) cannot be given the Content-Security-Policy; no page was changed.`);
}
writeFileSync(join(outDir, '_headers'), headersFile(buildPolicy(hashes, { forHeader: true })));
console.log(`CSP: ${hashes.size} inline script hashes, meta tag in ${pages.length} pages, ${join(outDir, '_headers')} written.`);
