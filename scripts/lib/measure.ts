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

/**
 * Astro's per-page listing ("├─ /path/index.html (+12ms)"): one line per page, so it grows with the
 * site (≈ 5 MB at 12,000 guidelines) and says nothing the figures use; it is not kept.
 */
const PAGE_LINE = /^\s*(?:\x1b\[[0-9;]*m)*\s*[├└]─/;
/** Output kept per stream at most (its end): enough for every phase line and the last error. */
const KEEP_CHARS = 1 << 24;

/** Collects a stream's text line by line, leaving out Astro's per-page listing. */
function collector(): { add(chunk: string): void; text(): string } {
	let kept = '';
	let partial = '';
	return {
		add(chunk) {
			const lines = (partial + chunk).split('\n');
			partial = lines.pop()!;
			const keep = lines.filter((line) => !PAGE_LINE.test(line));
			if (keep.length) kept = (kept + keep.join('\n') + '\n').slice(-KEEP_CHARS);
		},
		text: () => kept + (PAGE_LINE.test(partial) ? '' : partial),
	};
}

export function runMeasured(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number }): Promise<Measured> {
	const started = performance.now();
	const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
	const stdout = collector();
	const stderr = collector();
	child.stdout.setEncoding('utf8').on('data', (d: string) => stdout.add(d));
	child.stderr.setEncoding('utf8').on('data', (d: string) => stderr.add(d));
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
			resolve({ seconds: (performance.now() - started) / 1000, peakTreeBytes, peakProcessBytes, stdout: stdout.text(), stderr: stderr.text(), status });
		});
	});
}

/** Astro's phases in one `astro build` (one shard of a sharded build), in seconds. */
export interface ShardPhases {
	/** From the start to "Collecting build info … Completed": config, content sync, build info. */
	'content and build info'?: number;
	/** Vite's bundles (server and client), summed. */
	bundle?: number;
	/** "generating static routes … Completed": rendering every page. */
	render?: number;
}

const PHASE_NAMES = { 'content and build info': 'astro: content and build info', render: 'astro: render pages', bundle: 'astro: bundle (vite)' } as const;

/**
 * Phases Astro reports in its build log, in seconds: summed over shards (`phases`; what is missing
 * is left out) and each shard's own (`perShard`, in shard order; one entry for an unsharded build).
 * Read line by line from the headers Astro prints before each "Completed in": "Collecting build
 * info..." (content and build info) and "generating static routes" (render: its "Completed in"
 * has no "[build]" prefix; the "[build]" one after it is the whole build step, not a phase); a
 * shard starts at scripts/lib/astro-build.ts's "▶ Shard i/n". So a log with a shard's lines
 * missing still attributes every figure it has to the right phase and shard.
 */
export function astroPhases(log: string): { phases: Record<string, number>; perShard: ShardPhases[] } {
	const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1);
	const duration = (m: RegExpExecArray) => Number(m[1] ?? 0) * 60 + seconds(m[2]!, m[3]!);
	const shards: ShardPhases[] = [];
	let shard: ShardPhases | undefined;
	let header: 'info' | 'bundle' | 'render' | undefined;
	const add = (key: keyof ShardPhases, value: number) => {
		if (!shard) shards.push((shard = {}));
		shard[key] = (shard[key] ?? 0) + value;
	};
	for (const line of log.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
		if (/▶ Shard \d+\/\d+/.test(line)) {
			shards.push((shard = {}));
			header = undefined;
		} else if (line.includes('Collecting build info...')) header = 'info';
		else if (line.includes('Building static entrypoints...')) header = 'bundle';
		else if (line.includes('generating static routes')) header = 'render';
		else {
			const completed = /✓ Completed in (?:(\d+)m )?([\d.]+)(ms|s)\./.exec(line);
			const built = /\[vite\] ✓ built in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(line);
			if (completed && header === 'info') add('content and build info', duration(completed));
			else if (completed && header === 'render' && !line.includes('[build]')) add('render', duration(completed));
			else if (built) add('bundle', duration(built));
		}
	}
	const phases: Record<string, number> = {};
	for (const [key, name] of Object.entries(PHASE_NAMES) as [keyof ShardPhases, string][]) {
		const values = shards.flatMap((s) => (s[key] === undefined ? [] : [s[key]]));
		if (values.length) phases[name] = values.reduce((a, b) => a + b, 0);
	}
	const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
	const pagefind = /Finished building search index in ([\d.]+)(ms|s)/.exec(plain);
	const merge = /✔ Merged \d+ shards .* in ([\d.]+) s/.exec(plain);
	if (merge) phases['shard merge'] = Number(merge[1]);
	if (pagefind) phases.pagefind = seconds(pagefind[1]!, pagefind[2]!);
	return { phases, perShard: shards };
}
