/**
 * Runs a command and measures it: wall time, and peak memory sampled from /proc (the resident set
 * of the whole process tree, and of its largest process). Used by the benchmarks; figures only.
 * On systems without /proc the memory figures are 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measured {
	seconds: number;
	/** Peak summed RSS of the process and all its descendants, bytes. */
	peakTreeBytes: number;
	/** Peak RSS of the largest single process in the tree, bytes. */
	peakProcessBytes: number;
	stdout: string;
	stderr: string;
	status: number | null;
}

const PAGE = 4096;

/** RSS in bytes of every process below (and including) `root`, by pid. */
export function treeRss(root: number): Map<number, number> {
	const parent = new Map<number, number>();
	const rss = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the command name (which may hold spaces) start after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parent.set(Number(name), Number(fields[1]));
			rss.set(Number(name), Number(fields[21]) * PAGE);
		} catch {
			// the process ended while we looked
		}
	}
	const out = new Map<number, number>();
	for (const [pid, bytes] of rss) {
		for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
			if (p === root) {
				out.set(pid, bytes);
				break;
			}
		}
	}
	return out;
}

export function runMeasured(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number }): Promise<Measured> {
	const started = performance.now();
	const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout = (stdout + d).slice(-(1 << 22))));
	child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-(1 << 22))));
	let peakTreeBytes = 0;
	let peakProcessBytes = 0;
	const canSample = existsSync('/proc/self/stat');
	const sample = () => {
		if (!canSample || child.pid === undefined) return;
		const tree = treeRss(child.pid);
		let sum = 0;
		for (const bytes of tree.values()) {
			sum += bytes;
			peakProcessBytes = Math.max(peakProcessBytes, bytes);
		}
		peakTreeBytes = Math.max(peakTreeBytes, sum);
	};
	const timer = setInterval(sample, options.sampleMs ?? 250);
	return new Promise((resolve, reject) => {
		child.once('error', (error) => {
			clearInterval(timer);
			reject(error);
		});
		child.once('close', (status) => {
			clearInterval(timer);
			resolve({ seconds: (performance.now() - started) / 1000, peakTreeBytes, peakProcessBytes, stdout, stderr, status });
		});
	});
}

/** Phases Astro reports in its build log, in seconds (what is missing is left out). */
export function astroPhases(log: string): Record<string, number> {
	const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
	const phases: Record<string, number> = {};
	const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1);
	const completed = [...plain.matchAll(/✓ Completed in (?:(\d+)m )?([\d.]+)(ms|s)\./g)].map((m) => Number(m[1] ?? 0) * 60 + seconds(m[2]!, m[3]!));
	// Astro prints "Completed in" after collecting build info, after generating static routes and
	// for the whole build step, in that order; a sharded build, once per shard (summed).
	if (completed.length >= 3) {
		const sum = (offset: number) => completed.filter((_, i) => i % 3 === offset).reduce((a, b) => a + b, 0);
		phases['astro: content and build info'] = sum(0);
		phases['astro: render pages'] = sum(1);
	}
	const bundles = [...plain.matchAll(/\[vite\] ✓ built in (?:(\d+)m )?([\d.]+)(ms|s)/g)].reduce((s, m) => s + Number(m[1] ?? 0) * 60 + seconds(m[2]!, m[3]!), 0);
	if (bundles > 0) phases['astro: bundle (vite)'] = bundles;
	const pagefind = /Finished building search index in ([\d.]+)(ms|s)/.exec(plain);
	const merge = /✔ Merged \d+ shards .* in ([\d.]+) s/.exec(plain);
	if (merge) phases['shard merge'] = Number(merge[1]);
	if (pagefind) phases.pagefind = seconds(pagefind[1]!, pagefind[2]!);
	return phases;
}
