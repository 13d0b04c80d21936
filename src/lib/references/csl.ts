/**
 * Formatting references with citation-js (CSL processor citeproc-js, Vancouver style).
 * Our `x-` fields are removed before formatting: CSL tools must see plain CSL.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import type { Reference } from '../../schemas/reference.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

// BibTeX keys are our citation keys (lower-case words and hyphens, safe in BibTeX).
(plugins.config.get('@bibtex') as { format: { useIdAsLabel: boolean } }).format.useIdAsLabel = true;

/** The reference as plain CSL-JSON (our `x-` fields dropped). */
export function toCsl(ref: Reference): Record<string, unknown> {
	const csl: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(ref)) if (!key.startsWith('x-')) csl[key] = value;
	return csl;
}

/**
 * Formatting is the costly part of building a page (citeproc-js takes about a millisecond an
 * entry), and the same reference is formatted for citation previews, reference lists, reference
 * pages and downloads, in two build phases that do not share memory (MDX compilation and page
 * rendering). Each distinct entry is therefore formatted once and kept in memory and on disk
 * (node_modules/.cache/evidence-csl/), keyed by the exact CSL data, the output kind and the
 * citation-js versions, so a changed reference or library is never served stale.
 */
const memory = new Map<string, string>();
// EH_CACHE_DIR (also Astro's cache folder) moves it, e.g. for cold-cache benchmarks.
const diskDir = join(process.env.EH_CACHE_DIR ? resolve(process.env.EH_CACHE_DIR) : join(process.cwd(), 'node_modules', '.cache'), 'evidence-csl');
let libraryVersion: string | undefined;

function versions(): string {
	if (libraryVersion === undefined) {
		const require = createRequire(import.meta.url);
		libraryVersion = ['@citation-js/core', '@citation-js/plugin-csl', '@citation-js/plugin-bibtex', '@citation-js/plugin-ris']
			.map((name) => {
				try {
					return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
				} catch {
					return `${name}@?`;
				}
			})
			.join(',');
	}
	return libraryVersion;
}

function formatted(kind: string, csl: Record<string, unknown>, make: () => string): string {
	const key = createHash('sha1').update(`${versions()}\0${kind}\0${JSON.stringify(csl)}`).digest('hex');
	let text = memory.get(key);
	if (text !== undefined) return text;
	const file = join(diskDir, `${key}.txt`);
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		text = make();
		try {
			mkdirSync(diskDir, { recursive: true });
			writeFileSync(file, text);
		} catch {
			// No writable cache (read-only checkout): formatting still works, only slower.
		}
	}
	memory.set(key, text);
	return text;
}

/** Vancouver bibliography entry as HTML (the entry's inner HTML, without its number). */
export function formatReferenceHtml(ref: Reference): string {
	const csl = toCsl(ref);
	return formatted('vancouver-html', csl, () => {
		const html = new Cite(csl).format('bibliography', { format: 'html', template: 'vancouver', lang: 'en-US' }) as string;
		// citation-js wraps the entry: <div class="csl-left-margin">1.</div><div class="csl-right-inline">…</div>
		const open = '<div class="csl-right-inline">';
		const start = html.indexOf(open);
		return (start === -1 ? html : html.slice(start + open.length, html.indexOf('</div>', start))).trim();
	});
}

/**
 * Vancouver bibliography entry as plain text, without its number: the text of the HTML entry (the
 * same words citeproc's text output gives, without a second formatting run).
 */
export function formatReferenceText(ref: Reference): string {
	const html = formatReferenceHtml(ref);
	let text = plainText.get(html);
	if (text === undefined) {
		text = toString(referenceHast(html)).trim();
		plainText.set(html, text);
	}
	return text;
}

const plainText = new Map<string, string>();
const parsed = new Map<string, Root>();

/**
 * A formatted entry as an HTML syntax tree (parsed once per distinct entry; callers must not
 * change it: renderers copy it into their output).
 */
export function referenceHast(html: string): Root {
	let tree = parsed.get(html);
	if (!tree) {
		tree = fromHtml(html, { fragment: true });
		parsed.set(html, tree);
	}
	return tree;
}

/**
 * BibTeX, RIS or CSL-JSON for a set of references (the "cite and export" downloads). Entries are
 * formatted one by one (and cached), then joined: BibTeX entries by a blank line, RIS records one
 * after another.
 */
export function exportReferences(refs: readonly Reference[], format: 'bibtex' | 'ris' | 'csl-json'): string {
	// Our citation keys become the BibTeX keys (citation-js would otherwise invent colliding ones).
	const data = refs.map((ref) => ({ ...toCsl(ref), 'citation-key': ref.id }));
	if (format === 'csl-json') return `${JSON.stringify(data, null, 2)}\n`;
	const entries = data.map((entry) => formatted(format, entry, () => (new Cite(entry).format(format, { format: 'text' }) as string).replace(/^\n+|\n+$/g, '')));
	return `${entries.join(format === 'bibtex' ? '\n\n' : '\n')}\n`;
}
