/**
 * `npm run bench:page-weight -- <dist> <page-path> [<dist> <page-path> …]`: the bytes a reader
 * downloads for one page — HTML, stylesheets, scripts (following static and dynamic imports) —
 * raw and gzipped. Pagefind's search bundle is loaded only when search opens and is reported apart.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse as parseImports } from 'es-module-lexer';
import { parse } from 'node-html-parser';

interface Weight {
	html: [number, number];
	css: [number, number];
	js: [number, number];
}

const sizes = (buf: Buffer): [number, number] => [buf.length, gzipSync(buf, { level: 9 }).length];
const add = (a: [number, number], b: [number, number]): [number, number] => [a[0] + b[0], a[1] + b[1]];

export async function pageWeight(dist: string, pagePath: string): Promise<Weight> {
	await init;
	const file = join(dist, pagePath, pagePath.endsWith('.html') ? '' : 'index.html');
	const html = readFileSync(file);
	const doc = parse(html.toString());
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
	const args = process.argv.slice(2);
	if (args.length < 2 || args.length % 2) {
		console.error('Usage: npm run bench:page-weight -- <dist-dir> <page-path> [<dist-dir> <page-path> …]');
		process.exit(2);
	}
	for (let i = 0; i < args.length; i += 2) {
		const w = await pageWeight(args[i]!, args[i + 1]!);
		const total = add(add(w.html, w.css), w.js);
		console.log(`${args[i]}/${args[i + 1]}\n  HTML ${kb(w.html)}\n  CSS  ${kb(w.css)}\n  JS   ${kb(w.js)}\n  all  ${kb(total)}`);
	}
}
