/**
 * The CSP step's work on built pages, in two passes over a list of files (scripts/csp.ts gives each
 * worker thread its share): `scanPages` hashes every inline script and checks that the policy has
 * a place in the page; `writePolicy` then writes the policy into each page. One page in memory at a
 * time, so memory does not grow with the site.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { inlineScriptHashes, injectPolicyMeta } from './policy.ts';

export interface ScanResult {
	/** Every inline script hash found, once each. */
	hashes: string[];
	/** Pages the policy cannot be given, in file order: the problem with the page's name. */
	problems: { index: number; message: string }[];
}

/** Pass 1 over `files` (numbered from `first` in the whole list, for the order of problems). */
export function scanPages(files: readonly string[], cwd: string, first = 0): ScanResult {
	const hashes = new Set<string>();
	const problems: ScanResult['problems'] = [];
	files.forEach((file, i) => {
		const text = readFileSync(file, 'utf8');
		const name = relative(cwd, file);
		try {
			for (const h of inlineScriptHashes(text, name)) hashes.add(h);
			injectPolicyMeta(text, '');
		} catch (error) {
			const message = (error as Error).message;
			problems.push({ index: first + i, message: message.startsWith(name) ? message : `${name}: ${message}` });
		}
	});
	return { hashes: [...hashes], problems };
}

/** Pass 2: the policy written into every page (only after every page passed `scanPages`). */
export function writePolicy(files: readonly string[], policy: string): void {
	for (const file of files) writeFileSync(file, injectPolicyMeta(readFileSync(file, 'utf8'), policy));
}

/** `items` cut into at most `parts` runs of consecutive items of near-equal length (none empty). */
export function split<T>(items: readonly T[], parts: number): { first: number; items: T[] }[] {
	const n = Math.max(1, Math.min(parts, items.length));
	const out: { first: number; items: T[] }[] = [];
	for (let p = 0; p < n; p++) {
		const first = Math.floor((p * items.length) / n);
		const end = Math.floor(((p + 1) * items.length) / n);
		if (end > first) out.push({ first, items: items.slice(first, end) });
	}
	return out;
}
