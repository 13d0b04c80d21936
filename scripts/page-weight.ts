/**
 * `npm run bench:page-weight`: the bytes a reader downloads for the guideline page — HTML,
 * stylesheets, scripts (following static and dynamic imports) — raw and gzipped, next to the same
 * guideline built by a default Starlight site (scripts/lib/default-starlight.ts). Needs a build
 * (`npm run build`). Pagefind's search bundle loads only when search opens and is not counted.
 *
 * `npm run bench:page-weight -- <dist> <page-path> [<dist> <page-path> …]` measures given pages.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse as parseImports } from 'es-module-lexer';
import { parseHtml } from '../src/lib/html/dom.ts';
import { defaultStarlightSite } from './lib/default-starlight.ts';
import { outDir } from '../src/lib/paths.ts';
import { cli, usageError } from './lib/cli.ts';

interface Weight {
	html: [number, number];
	css: [number, number];
	js: [number, number];
}

const sizes = (buf: Buffer): [number, number] => [buf.length, gzipSync(buf, { level: 9 }).length];
const add = (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]];

export async function pageWeight(distDir: string, pagePath: string): Promise<Weight> {
	await init;
	// Absolute, so a file reached by a link and by an import is one file (counted once).
	const dist = resolve(distDir);
	const file = join(dist, pagePath, pagePath.endsWith('.html') ? '' : 'index.html');
	const html = readFileSync(file);
	const doc = parseHtml(html.toString());
	const weight: Weight = { html: sizes(html), css: [0, 0], js: [0, 0] };
	const seen = new Set<string>();
	const local = (href: string) => join(dist, href.split(/[?#]/)[0]!);
	for (const link of doc.querySelectorAll('link[rel="stylesheet"]')) {
		const href = link.getAttribute('href');
		if (href && !seen.has(href) && existsSync(local(href))) {
			seen.add(href);
			weight.css = add(weight.css, sizes(readFileSync(local(href))));
		}
	}
	const visit = (path: string) => {
		if (seen.has(path) || !existsSync(path) || path.includes('/pagefind/')) return;
		seen.add(path);
		const code = readFileSync(path);
		weight.js = add(weight.js, sizes(code));
		const [imports] = parseImports(code.toString());
		for (const imp of imports) if (imp.n?.startsWith('.') || imp.n?.startsWith('/')) visit(imp.n.startsWith('/') ? local(imp.n) : resolve(dirname(path), imp.n));
	};
	for (const script of doc.querySelectorAll('script[src]')) visit(local(script.getAttribute('src')!));
	return weight;
}

const kb = ([raw, gz]: [number, number]) => `${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gz)`;

if (import.meta.main) {
	const usage = 'npm run bench:page-weight [-- <dist-dir> <page-path> [<dist-dir> <page-path> …]]';
	const args = cli(usage, { allowPositionals: true }).positionals;
	const report = async (dist: string, page: string, label = `${dist}/${page}`) => {
		const w = await pageWeight(dist, page);
		const total = add(add(w.html, w.css), w.js);
		console.log(`${label}\n  HTML ${kb(w.html)}\n  CSS  ${kb(w.css)}\n  JS   ${kb(w.js)}\n  all  ${kb(total)}`);
		return total;
	};
	if (args.length === 0) {
		const repo = resolve(import.meta.dirname, '..');
		const dist = outDir(repo);
		const page = 'guidelines/running-injuries/runner-medial-thigh-knee-pain/';
		if (!existsSync(join(dist, page, 'index.html'))) usageError(`No built guideline in ${dist}: run npm run build first.`);
		const site = defaultStarlightSite(repo, 'page-weight', join(repo, 'content', 'guidelines'));
		try {
			site.build();
			const ours = await report(dist, page, 'Evidence Handbook guideline page');
			const theirs = await report(site.dist, page, 'The same guideline in default Starlight');
			console.log(`Ours / default Starlight, gzipped: ${(ours[1] / theirs[1]).toFixed(2)}×`);
		} finally {
			site.remove();
		}
	} else if (args.length % 2) {
		usageError('Give pairs of a built site folder and a page path.', usage);
	} else {
		for (let i = 0; i < args.length; i += 2) await report(args[i]!, args[i + 1]!);
	}
}
