/**
 * Pages that moved (`permalinks/redirects.json`): loaded and validated once, then read by every
 * output that needs them — the redirect pages at the old addresses (src/pages/[...moved].astro),
 * the host redirect file (`_redirects`, 301), the anchor forwarding on the new pages and the
 * permalink check. The permalinks folder sits next to the content folder (content/ →
 * permalinks/), so a fixture site carries its own.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { editorErrorMap } from './zod-messages.ts';
import { locate, parseYamlWith, type LoadProblem } from './references/load.ts';
import { RedirectsSchema } from '../schemas/redirects.ts';

export interface Redirect {
	/** The old address, e.g. /guidelines/old-topic/page/. */
	from: string;
	/** The new address. */
	to: string;
	/** Old anchor id → "/page/#id" where it now lives (split pages); other anchors are kept as they are. */
	anchors: Record<string, string>;
}

/** The permalinks folder of a content folder: its sibling `permalinks/`. */
export function permalinksDir(contentDir: string): string {
	return join(dirname(contentDir.replace(/\/+$/, '')), 'permalinks');
}

export function redirectsFile(contentDir: string): string {
	return join(permalinksDir(contentDir), 'redirects.json');
}

/** Reads and validates a redirects file (missing = no redirects). Never throws: problems have line and field; `at` is where each redirect is written. */
export function loadRedirects(file: string): { redirects: Redirect[]; problems: LoadProblem[]; at: Record<string, { line: number; column: number }> } {
	if (!existsSync(file)) return { redirects: [], problems: [], at: {} };
	const parsed = parseYamlWith(readFileSync(file, 'utf8'), file, (value) => RedirectsSchema.safeParse(value, { error: editorErrorMap(RedirectsSchema) }));
	if (!parsed.data) return { redirects: [], problems: parsed.problems, at: {} };
	const redirects = Object.entries(parsed.data).map(([from, r]) => (typeof r === 'string' ? { from, to: r, anchors: {} } : { from, to: r.to, anchors: r.anchors }));
	// Where each redirect is written (its old address, the key), for findings about it.
	const at = Object.fromEntries(redirects.map((r) => [r.from, locate(parsed.doc, parsed.counter, [r.from])]));
	return { redirects, problems: parsed.problems, at };
}

/** Where `from#anchor` lands after the redirect. */
export function landing(redirect: Redirect, anchor: string): { path: string; anchor: string } {
	const to = redirect.anchors[anchor];
	if (!to) return { path: redirect.to, anchor };
	const [path, id] = to.split('#') as [string, string];
	return { path, anchor: id };
}

/**
 * Anchors that arrive at `path` through a redirect but live elsewhere (a split page): old id →
 * "/other/#id", or "id" when it lives on this page under another id. The page forwards them, so
 * a host-level 301 (which keeps the #fragment but knows nothing of anchors) lands correctly too.
 */
export function incomingAnchors(redirects: readonly Redirect[], path: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const r of redirects) {
		if (r.to !== path) continue;
		for (const [old, target] of Object.entries(r.anchors)) {
			const [page, id] = target.split('#') as [string, string];
			if (page === path && id === old) continue;
			out[old] = page === path ? id : target;
		}
	}
	return out;
}

/** The `_redirects` file (Netlify, Cloudflare Pages): one permanent redirect per moved page. */
export function hostRedirectsFile(redirects: readonly Redirect[]): string {
	const lines = ['# Generated from permalinks/redirects.json by the build. Do not edit: run npm run move.'];
	for (const r of [...redirects].sort((a, b) => a.from.localeCompare(b.from))) {
		lines.push(`${r.from} ${r.to} 301`);
		// Hosts differ on whether /old matches /old/: both are listed.
		if (r.from !== '/') lines.push(`${r.from.replace(/\/$/, '')} ${r.to} 301`);
	}
	return `${lines.join('\n')}\n`;
}

/** Loads the site's redirects for the build; invalid data stops it with the file, line and field. */
const loaded = new Map<string, Redirect[]>();
export function siteRedirects(contentDir: string): Redirect[] {
	const file = redirectsFile(contentDir);
	const known = loaded.get(file);
	if (known) return known;
	const { redirects, problems } = loadRedirects(file);
	if (problems.length) {
		throw new Error(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`).join('\n'));
	}
	loaded.set(file, redirects);
	return redirects;
}

/** Writes `_redirects` into the build output (Astro integration hook, astro.config.mjs). */
export function writeHostRedirects(outDir: string, redirects: readonly Redirect[]): void {
	writeFileSync(join(outDir, '_redirects'), hostRedirectsFile(redirects));
}
