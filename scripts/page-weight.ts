/**
 * `npm run bench:page-weight`: the bytes a reader downloads on opening the guideline page, next to
 * the same guideline built by a default Starlight site (scripts/lib/default-starlight.ts). Needs a
 * build (`npm run build`).
 *
 * Measured in Chromium, not guessed from the HTML: each site is served from its build folder, the
 * page opened at 1280 × 900 and at 390 × 844, and every file the browser fetches counted (raw and
 * gzip -9 of the file) until the network is idle, stylesheets for print included (browsers fetch
 * them too). A file imported only on demand (the search dialog, the calculators' code before they
 * come near the viewport) is counted where the reader causes it: the lines "scrolling to the end"
 * and "opening search" list what each adds. Pagefind's files (/pagefind/) are shown apart and not
 * in the ratio, as before: they are search, measured by `npm run bench:search`.
 *
 * `npm run bench:page-weight -- <dist> <page-path> [<dist> <page-path> …]` measures given pages.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultStarlightSite } from './lib/default-starlight.ts';
import { outDir } from '../src/lib/paths.ts';
import { cli, usageError } from './lib/cli.ts';

type Size = [raw: number, gzipped: number];
const KINDS = ['HTML', 'CSS', 'JS', 'other', 'Pagefind'] as const;
type Kind = (typeof KINDS)[number];
/** What one step fetched: bytes per kind and each file. */
interface Step {
	kinds: Record<Kind, Size>;
	files: { path: string; kind: Kind; size: Size }[];
}

const add = (a: Size, b: Size): Size => [a[0] + b[0], a[1] + b[1]];
const kb = ([raw, gz]: Size) => `${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gz)`;
/** Everything a reader downloads but search (the figure the goal compares). */
export const counted = (s: Step): Size => KINDS.filter((k) => k !== 'Pagefind').reduce((t, k) => add(t, s.kinds[k]), [0, 0] as Size);

function sizeOf(dist: string, path: string): Size {
	let file = join(dist, decodeURIComponent(path));
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	if (!existsSync(file)) return [0, 0];
	const buf = readFileSync(file);
	return [buf.length, gzipSync(buf, { level: 9 }).length];
}

function kindOf(path: string, type: string): Kind {
	if (path.startsWith('/pagefind/')) return 'Pagefind';
	if (type === 'document') return 'HTML';
	if (type === 'stylesheet') return 'CSS';
	if (type === 'script') return 'JS';
	return 'other';
}

async function serve(dist: string): Promise<{ base: string; close: () => void }> {
	const files = sirv(dist, { dev: false, extensions: ['html'] });
	const server = createServer((req, res) =>
		files(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		}),
	);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	return { base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => server.close() };
}

/** The steps of one visit: opening the page, scrolling to its end, opening search and typing. */
export interface Visit {
	open: Step;
	scroll: Step;
	search: Step;
}

async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
	// Idle callbacks and timers that start downloads after load (default Starlight's search UI).
	await page.waitForTimeout(1500);
	await page.waitForLoadState('networkidle');
}

export async function visit(browser: Browser, dist: string, pagePath: string, viewport: { width: number; height: number }): Promise<Visit> {
	const server = await serve(dist);
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	const fresh = (): Step => ({ kinds: Object.fromEntries(KINDS.map((k) => [k, [0, 0]])) as Record<Kind, Size>, files: [] });
	let step = fresh();
	const seen = new Set<string>();
	page.on('requestfinished', (request) => {
		const url = new URL(request.url());
		if (url.origin !== server.base || seen.has(url.pathname)) return;
		seen.add(url.pathname);
		const kind = kindOf(url.pathname, request.resourceType());
		const size = sizeOf(dist, url.pathname);
		step.kinds[kind] = add(step.kinds[kind], size);
		step.files.push({ path: url.pathname, kind, size });
	});
	try {
		await page.goto(new URL(pagePath, server.base).href, { waitUntil: 'load' });
		await settle(page);
		const open = step;
		step = fresh();
		// Scroll through the page a screen at a time, as a reader does.
		for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += viewport.height) {
			await page.evaluate((top) => window.scrollTo(0, top), y);
			await page.waitForTimeout(50);
		}
		await settle(page);
		const scroll = step;
		step = fresh();
		// Both sites open search with Ctrl+K and focus its field.
		await page.keyboard.press('Control+k');
		await page.waitForTimeout(500);
		await page.keyboard.type('knee pain');
		await settle(page);
		return { open, scroll, search: step };
	} finally {
		await context.close();
		server.close();
	}
}

const VIEWPORTS = [
	{ name: 'desktop 1280 × 900', viewport: { width: 1280, height: 900 } },
	{ name: 'phone 390 × 844', viewport: { width: 390, height: 844 } },
];

function report(label: string, v: Visit, detail: boolean): { open: Size; read: Size } {
	const total = counted(v.open);
	console.log(`${label}\n  On opening the page:`);
	for (const k of KINDS) if (v.open.kinds[k][0]) console.log(`    ${k.padEnd(8)} ${kb(v.open.kinds[k])}${k === 'Pagefind' ? ' (search; not in the ratio)' : ''}`);
	console.log(`    all      ${kb(total)}`);
	if (detail) for (const f of [...v.open.files].sort((a, b) => b.size[1] - a.size[1])) console.log(`      ${(f.size[1] / 1024).toFixed(1).padStart(5)} KB gz  ${f.kind.padEnd(4)} ${f.path}`);
	for (const [name, s] of [['Scrolling to the end adds', v.scroll], ['Opening search and typing adds', v.search]] as const) {
		const files = s.files.map((f) => `${f.path.replace(/^.*\//, '')} ${(f.size[1] / 1024).toFixed(1)}`).join(', ');
		console.log(`  ${name}: ${kb(counted(s))}${s.kinds.Pagefind[0] ? ` + Pagefind ${kb(s.kinds.Pagefind)}` : ''}${files ? ` — ${files} (KB gz)` : ''}`);
	}
	const read = add(total, counted(v.scroll));
	console.log(`  Opening and scrolling to the end (everything but search): ${kb(read)}`);
	return { open: total, read };
}

if (import.meta.main) {
	const usage = 'npm run bench:page-weight [-- <dist-dir> <page-path> [<dist-dir> <page-path> …]]';
	const args = cli(usage, { allowPositionals: true }).positionals;
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
	try {
		if (args.length === 0) {
			const repo = resolve(import.meta.dirname, '..');
			const dist = outDir(repo);
			const page = '/guidelines/running-injuries/runner-medial-thigh-knee-pain/';
			if (!existsSync(join(dist, page, 'index.html'))) usageError(`No built guideline in ${dist}: run npm run build first.`);
			const site = defaultStarlightSite(repo, 'page-weight', join(repo, 'content', 'guidelines'));
			try {
				site.build();
				for (const { name, viewport } of VIEWPORTS) {
					console.log(`\n== ${name}`);
					const ours = report('Evidence Handbook guideline page', await visit(browser, dist, page, viewport), name.startsWith('desktop'));
					const theirs = report('The same guideline in default Starlight', await visit(browser, site.dist, page, viewport), name.startsWith('desktop'));
					const ratio = ours.open[1] / theirs.open[1];
					console.log(`Ours / default Starlight on opening the page, gzipped (${name}): ${ratio.toFixed(2)}× — goal ≤ 1.1×: ${ratio <= 1.1 ? 'met' : 'NOT met'}`);
					console.log(`Ours / default Starlight, opened and scrolled to the end (${name}): ${(ours.read[1] / theirs.read[1]).toFixed(2)}×`);
				}
			} finally {
				site.remove();
			}
		} else if (args.length % 2) {
			usageError('Give pairs of a built site folder and a page path.', usage);
		} else {
			for (let i = 0; i < args.length; i += 2) for (const { name, viewport } of VIEWPORTS) report(`${args[i]}${args[i + 1]} (${name})`, await visit(browser, args[i]!, args[i + 1]!, viewport), true);
		}
	} finally {
		await browser.close();
	}
}
