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
 * Astro's per-page listing ("├─ /path/index.html (+12ms)", after a shard's "[shard i/n] " prefix):
 * one line per page, so it grows with the site (≈ 5 MB at 12,000 guidelines) and says nothing the
 * figures use; it is not kept.
 */
const PAGE_LINE = /^(?:\[shard \d+\/\d+\] )?\s*(?:\x1b\[[0-9;]*m)*\s*[├└]─/;
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
 * is left out; for shards that ran at once, a sum of CPU-parallel time, not wall time) and each
 * shard's own (`perShard`, in shard order; one entry for an unsharded build). Read line by line
 * from the headers Astro prints before each "Completed in": "Collecting build info..." (content
 * and build info), "Building static entrypoints..." (bundle: Vite's "built in" lines) and
 * "generating static routes" (render: its "Completed in" has no "[build]" prefix; the "[build]" one
 * after it is the whole build step, not a phase). A shard's lines start with "[shard i/n] "
 * (scripts/lib/astro-build.ts: shards running at once interleave); lines without it belong to
 * the shard started last by "▶ Shard i/n" (a log of shards run one after the other). So a log with
 * a shard's lines missing still attributes every figure it has to the right phase and shard.
 * `cpuSeconds`: the CPU time (user + system) the processes of a sharded build report (0 otherwise).
 */
export function astroPhases(log: string): { phases: Record<string, number>; perShard: ShardPhases[]; cpuSeconds: number } {
	const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1);
	const duration = (m: RegExpExecArray) => Number(m[1] ?? 0) * 60 + seconds(m[2]!, m[3]!);
	const shards: ShardPhases[] = [];
	const byName = new Map<string, { phases: ShardPhases; header?: 'info' | 'bundle' | 'render' }>();
	let current: { phases: ShardPhases; header?: 'info' | 'bundle' | 'render' } | undefined;
	const state = (name: string) => {
		let s = byName.get(name);
		if (!s) {
			s = { phases: {} };
			byName.set(name, s);
			shards.push(s.phases);
		}
		return s;
	};
	const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	const anyPrefixed = lines.some((line) => line.startsWith('[shard '));
	for (const raw of lines) {
		if (raw.startsWith('[prepare]')) continue;
		const prefixed = /^\[shard (\d+)\/\d+\] (.*)$/.exec(raw);
		const started = /▶ Shard (\d+)\/\d+/.exec(raw);
		if (started && !prefixed) {
			// Shards whose lines are prefixed are told apart by their prefix.
			if (anyPrefixed) continue;
			// Shards run one after the other (an older log): a new shard, whose lines carry no prefix.
			current = { phases: {} };
			shards.push(current.phases);
			byName.set(`#${shards.length}`, current);
			continue;
		}
		const line = prefixed ? prefixed[2]! : raw;
		let s = prefixed ? state(prefixed[1]!) : current;
		if (line.includes('Collecting build info...')) (s ??= current = state('whole')).header = 'info';
		else if (line.includes('Building static entrypoints...')) (s ??= current = state('whole')).header = 'bundle';
		else if (line.includes('generating static routes')) (s ??= current = state('whole')).header = 'render';
		else {
			const completed = /✓ Completed in (?:(\d+)m )?([\d.]+)(ms|s)\./.exec(line);
			const built = /\[vite\] ✓ built in (?:(\d+)m )?([\d.]+)(ms|s)/.exec(line);
			if (!completed && !built) continue;
			const at = (s ??= current = state('whole'));
			const add = (key: keyof ShardPhases, value: number) => (at.phases[key] = (at.phases[key] ?? 0) + value);
			if (completed && at.header === 'info') add('content and build info', duration(completed));
			else if (completed && at.header === 'render' && !line.includes('[build]')) add('render', duration(completed));
			else if (built) add('bundle', duration(built));
		}
	}
	// Shards by their number (prefixed lines), in shard order.
	const numbered = [...byName].filter(([name]) => /^\d+$/.test(name)).sort(([a], [b]) => Number(a) - Number(b));
	if (numbered.length) {
		const order = new Map(numbered.map(([, s], i) => [s.phases, i]));
		shards.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
	}
	const phases: Record<string, number> = {};
	for (const [key, name] of Object.entries(PHASE_NAMES) as [keyof ShardPhases, string][]) {
		const values = shards.flatMap((s) => (s[key] === undefined ? [] : [s[key]]));
		if (values.length) phases[name] = values.reduce((a, b) => a + b, 0);
	}
	const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
	const pagefind = /Finished building search index in ([\d.]+)(ms|s)/.exec(plain);
	const merge = /✔ Merged \d+ shards .* in ([\d.]+) s/.exec(plain);
	const prepared = /✔ Prepared in ([\d.]+) s/.exec(plain);
	if (prepared) phases['shard prepare'] = Number(prepared[1]);
	if (merge) phases['shard merge'] = Number(merge[1]);
	if (pagefind) phases.pagefind = seconds(pagefind[1]!, pagefind[2]!);
	// The export files, written after each shard's pages (src/lib/export-integration.ts): summed over shards.
	const exportsWritten = [...plain.matchAll(/export files written in (\d+)ms/g)];
	if (exportsWritten.length) phases['astro: export files'] = exportsWritten.reduce((sum, m) => sum + Number(m[1]), 0) / 1000;
	// The CPU time each process of a sharded build reports when it ends (scripts/lib/astro-shard.ts, prepare-references.ts).
	const cpuSeconds = [...plain.matchAll(/CPU: ([\d.]+) s user \+ ([\d.]+) s system/g)].reduce((sum, m) => sum + Number(m[1]) + Number(m[2]), 0);
	return { phases, perShard: shards, cpuSeconds };
}
