/**
 * The bench's reading of Astro's build log (scripts/lib/measure.ts): each figure goes to its
 * phase and shard by the header Astro printed before it, whatever else the log holds or lacks.
 */
import { describe, expect, test } from 'vitest';
import { astroPhases, runMeasured } from '../../scripts/lib/measure.ts';

const esc = (code: string) => `\x1b[${code}m`;
/** One `astro build` as Astro 7 logs it (colours included), with the given durations. */
function astroLog(info: string, bundle: string, render: string, whole: string): string {
	return [
		`${esc('2')}23:27:45${esc('22')} ${esc('34')}[content]${esc('39')} Syncing content`,
		'23:27:56 [build] Collecting build info...',
		`23:27:56 [build] ${esc('32')}✓ Completed in ${info}.${esc('39')}`,
		'23:27:56 [build] Building static entrypoints...',
		`23:28:07 [vite] ${esc('32')}✓ built in ${bundle}${esc('39')}`,
		`23:28:07 [vite] ${esc('32')}✓ built in 63ms${esc('39')}`,
		'',
		` ${esc('42')}${esc('30')} generating static routes ${esc('39')}${esc('49')}`,
		'23:28:09 ▶ src/pages/references/[key].astro',
		'23:28:09   ├─ /references/a/index.html (+12ms)',
		'23:28:09   └─ /references/b/index.html (+3ms)',
		`23:28:18 ${esc('32')}✓ Completed in ${render}.${esc('39')}`,
		'',
		`23:28:18 [build] ✓ Completed in ${whole}.`,
		'23:28:18 [build] 602 page(s) built in 33.90s',
	].join('\n');
}

describe('astroPhases', () => {
	test('one build: content and build info, bundle (both of Vite\'s), render; the whole build step is not a phase', () => {
		const { phases, perShard } = astroPhases(astroLog('11.42s', '11.22s', '10.59s', '22.26s'));
		expect(phases['astro: content and build info']).toBeCloseTo(11.42);
		expect(phases['astro: bundle (vite)']).toBeCloseTo(11.283);
		expect(phases['astro: render pages']).toBeCloseTo(10.59);
		expect(perShard).toHaveLength(1);
	});

	test('shards: each shard\'s phases, summed; minutes read', () => {
		const log = ['▶ Shard 1/2: 300 guidelines', astroLog('21.19s', '35.59s', '35.35s', '1m 12s'), '✔ Shard 1/2 (94.0 s)', '▶ Shard 2/2: 300 guidelines', astroLog('1m 7.18s', '19.88s', '18.20s', '39.10s'), '✔ Merged 2 shards (300 files from shards 2–2) in 0.4 s', '[pagefind] Finished building search index in 2.50s.'].join('\n');
		const { phases, perShard } = astroPhases(log);
		expect(perShard.map((s) => s['content and build info'])).toEqual([21.19, 67.18]);
		expect(perShard.map((s) => s.render)).toEqual([35.35, 18.2]);
		expect(phases['astro: render pages']).toBeCloseTo(53.55);
		expect(phases['shard merge']).toBe(0.4);
		expect(phases.pagefind).toBe(2.5);
	});

	test('the export files written after each shard\'s pages: a phase of their own, summed over shards', () => {
		const log = ['▶ Shard 1/2', astroLog('5s', '6s', '7s', '13s'), `23:28:19 ${esc('34')}[evidence-handbook:exports]${esc('39')} 2001 export files written in 812ms (CPU 640ms).`, '▶ Shard 2/2', astroLog('8s', '9s', '10s', '19s'), '23:29:01 [evidence-handbook:exports] 2000 export files written in 790ms (CPU 655ms).'].join('\n');
		const { phases } = astroPhases(log);
		expect(phases['astro: export files']).toBeCloseTo(1.602);
		expect(phases['astro: render pages']).toBe(17);
		expect(astroPhases(astroLog('5s', '6s', '7s', '13s')).phases).not.toHaveProperty('astro: export files');
	});

	test('a log that lost its beginning still puts every figure in its phase (no reading by position)', () => {
		const full = ['▶ Shard 1/2', astroLog('5s', '6s', '7s', '13s'), '▶ Shard 2/2', astroLog('8s', '9s', '10s', '19s')].join('\n');
		// Cut inside the first shard, after its content phase's line.
		const cut = full.slice(full.indexOf('Building static entrypoints'));
		const { phases, perShard } = astroPhases(cut);
		expect(perShard).toEqual([
			{ bundle: 6.063, render: 7 },
			{ 'content and build info': 8, bundle: 9.063, render: 10 },
		]);
		expect(phases['astro: content and build info']).toBe(8);
		expect(phases['astro: render pages']).toBe(17);
	});

	test('shards run at once: interleaved lines told apart by their [shard i/n] prefix, in shard order; the prepare stage read', () => {
		const prefix = (n: string, text: string) => text.split('\n').map((line) => `[shard ${n}] ${line}`);
		const one = prefix('1/2', astroLog('5s', '6s', '7s', '13s'));
		const two = prefix('2/2', astroLog('8s', '9s', '10s', '19s'));
		// Shard 2 starts first; then the lines alternate.
		const interleaved = two.flatMap((line, i) => [line, ...(one[i] === undefined ? [] : [one[i]!])]);
		const log = ['[prepare] 23:27:45 [content] Synced content', '[prepare] CPU: 1.50 s user + 0.25 s system', '✔ Prepared in 3.2 s', '[shard 1/2] CPU: 10.00 s user + 2.00 s system', '▶ Shard 2/2: 300 guidelines', '▶ Shard 1/2: 300 guidelines', ...interleaved, '✔ Shard 1/2 (20.0 s)', '✔ Merged 2 shards (300 files from shards 2–2) in 0.4 s'].join('\n');
		const { phases, perShard, cpuSeconds } = astroPhases(log);
		expect(perShard).toEqual([
			{ 'content and build info': 5, bundle: 6.063, render: 7 },
			{ 'content and build info': 8, bundle: 9.063, render: 10 },
		]);
		expect(phases['astro: render pages']).toBe(17);
		expect(phases['shard prepare']).toBe(3.2);
		expect(cpuSeconds).toBeCloseTo(13.75);
	});
});

describe('runMeasured', () => {
	test('keeps the output but Astro\'s one line per page, however long the log', async () => {
		const script = `for (let i = 0; i < 20000; i++) console.log('  ├─ /guidelines/g-' + i + '/index.html (+1ms)'); console.log('[build] ✓ Completed in 1.00s.'); console.error('oops');`;
		const r = await runMeasured(process.execPath, ['-e', script], { cwd: process.cwd(), env: process.env });
		expect(r.status).toBe(0);
		expect(r.stdout).toBe('[build] ✓ Completed in 1.00s.\n');
		expect(r.stderr).toBe('oops\n');
	});
});
