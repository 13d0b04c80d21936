/**
 * Formatting references with citation-js (CSL processor citeproc-js, Vancouver style), and the one
 * mapping from a reference file to the CSL item every citation tool is given (`cslItem`).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import type { Reference } from '../../schemas/reference.ts';
import type { CslItem } from '../../schemas/csl-item.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir } from '../paths.ts';
import { pruneFormatCache, touchEntry } from './format-cache-prune.ts';

// BibTeX keys are our citation keys, hyphens included (lower-case words and hyphens are valid in
// BibTeX keys; citation-js's label check would strip the hyphens, so keys would differ from ours).
const bibtexConfig = (plugins.config.get('@bibtex') as { format: { useIdAsLabel: boolean; checkLabel: boolean } }).format;
bibtexConfig.useIdAsLabel = true;
bibtexConfig.checkLabel = false;

/** Types whose publisher is the organisation that issues them (not a journal). */
const ISSUED_TYPES = new Set<Reference['type']>(['report', 'book', 'chapter', 'document', 'webpage']);

/**
 * A reference file as the CSL item citation tools receive (exports, formatting):
 * - our `x-evidence` / `x-missing` fields move under `custom`, CSL's place for data it has no
 *   variable for (the official CSL-JSON schema rejects other unknown fields);
 * - a report's or book's `container-title` is its series, which CSL calls `collection-title`
 *   (given as container-title, APA formats a report as a book chapter and AMA drops the series);
 * - reports, books, chapters, documents and web pages name their publisher (the issuing
 *   organisation): `publisher`, else the publisher we record in `x-evidence.publisher`;
 * - `volume` and `issue` are strings (YAML reads `volume: 72` as a number, and citeproc-js's APA
 *   style fails on a numeric volume: "num.match is not a function").
 */
export function cslItem(ref: Reference, extra: { accessed?: CslItem['accessed'] } = {}): CslItem {
	const { 'x-evidence': evidence, 'x-missing': missing, 'x-verified': verified, 'container-title': container, publisher, volume, issue, ...rest } = ref;
	// Only CSL variables pass; an `x-` field added to the reference schema must be mapped under `custom` above.
	const plain = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('x-'))) as typeof rest;
	const series = ref.type === 'report' || ref.type === 'book';
	const issuer = publisher ?? (ISSUED_TYPES.has(ref.type) ? evidence.publisher : undefined);
	return {
		...plain,
		...(volume !== undefined && { volume: String(volume) }),
		...(issue !== undefined && { issue: String(issue) }),
		'citation-key': ref.id,
		...(container !== undefined && (series ? { 'collection-title': container } : { 'container-title': container })),
		...(issuer !== undefined && { publisher: issuer }),
		...(extra.accessed && { accessed: extra.accessed }),
		custom: {
			evidence,
			...(missing && { missing }),
			...(verified && { verified: { date: verified.date.toISOString().slice(0, 10), ...(verified.by && { by: verified.by }) } }),
		},
	};
}

/** The item as plain CSL for a CSL processor (our `custom` data is not for formatting). */
export function toCsl(ref: Reference | CslItem): Record<string, unknown> {
	const item = 'custom' in ref ? ref : cslItem(ref);
	const { custom: _custom, 'citation-key': _key, ...csl } = item;
	return csl;
}

const memory = new Map<string, string>();
// EH_CACHE_DIR (also Astro's cache folder) moves it, e.g. for cold-cache benchmarks.
const diskDir = cacheDir('evidence-csl');
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

function cacheKey(kind: string, csl: Record<string, unknown>): string {
	return createHash('sha1').update(`${versions()}\0${kind}\0${JSON.stringify(csl)}`).digest('hex');
}

/** The text kept for this key, in memory or on disk, else undefined. */
function known(key: string): string | undefined {
	let text = memory.get(key);
	if (text !== undefined) return text;
	const path = join(diskDir, `${key}.txt`);
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
	// Used: kept by the pruning (format-cache-prune.ts), which runs at most once a day.
	touchEntry(path);
	pruned ??= pruneFormatCache(diskDir);
	memory.set(key, text);
	return text;
}

// Entries removed by this process's pruning of the disk cache (undefined until it ran).
let pruned: number | undefined;

function keep(key: string, text: string): void {
	pruned ??= pruneFormatCache(diskDir);
	try {
		mkdirSync(diskDir, { recursive: true });
		// Written whole, then renamed: shards of a sharded build run at once and may keep the same
		// entry while another reads it (a reader never sees half an entry).
		const path = join(diskDir, `${key}.txt`);
		const tmp = `${path}.${process.pid}.tmp`;
		writeFileSync(tmp, text);
		renameSync(tmp, path);
	} catch {
		// No writable cache (read-only checkout): formatting still works, only slower.
	}
	memory.set(key, text);
}

/** `make()`'s text for this exact data, kind and library version, made once per build and kept on disk. */
export function formatted(kind: string, csl: Record<string, unknown>, make: () => string): string {
	const key = cacheKey(kind, csl);
	let text = known(key);
	if (text === undefined) {
		text = make();
		keep(key, text);
	}
	return text;
}

const VANCOUVER_HTML = { format: 'html', template: 'vancouver', lang: 'en-US' } as const;

/** citation-js wraps each entry: <div class="csl-left-margin">1.</div><div class="csl-right-inline">…</div>; the inner part. */
function entryInner(html: string): string {
	const open = '<div class="csl-right-inline">';
	const start = html.indexOf(open);
	return (start === -1 ? html : html.slice(start + open.length, html.indexOf('</div>', start))).trim();
}

/** Formatted entries by reference object: pages ask for the same (cached) reference object again and again. */
const htmlByRef = new WeakMap<object, string>();

/** Vancouver bibliography entry as HTML (the entry's inner HTML, without its number). */
export function formatReferenceHtml(ref: Reference | CslItem): string {
	let html = htmlByRef.get(ref);
	if (html === undefined) {
		const csl = toCsl(ref);
		html = formatted('vancouver-html', csl, () => entryInner(new Cite(csl).format('bibliography', VANCOUVER_HTML)));
		htmlByRef.set(ref, html);
	}
	return html;
}

/**
 * Formats every reference given that is not formatted yet in one citeproc run per `batch`, so that
 * formatReferenceHtml then finds it made. The same text as one at a time (a Vancouver entry does
 * not depend on the others: tests/unit/csl.test.ts) for a third of the time: most of a single run
 * is citation-js and citeproc setting up (measured: 2.2 s for 1,000 references one by one, 0.7 s
 * in batches of 100 or more).
 */
export function prepareReferencesHtml(refs: Iterable<Reference | CslItem>, batch = 500): void {
	const missing: { ref: Reference | CslItem; csl: Record<string, unknown>; key: string }[] = [];
	const ids = new Set<unknown>();
	for (const ref of refs) {
		if (htmlByRef.has(ref)) continue;
		const csl = toCsl(ref);
		const key = cacheKey('vancouver-html', csl);
		const text = known(key);
		if (text !== undefined) htmlByRef.set(ref, text);
		// Entries come back by id: a reference whose id is repeated is left to formatReferenceHtml.
		else if (typeof csl.id === 'string' && !ids.has(csl.id)) {
			ids.add(csl.id);
			missing.push({ ref, csl, key });
		}
	}
	for (let i = 0; i < missing.length; i += batch) {
		const part = missing.slice(i, i + batch);
		const entries = new Cite(part.map((m) => m.csl)).format('bibliography', { ...VANCOUVER_HTML, asEntryArray: true });
		const byId = new Map(entries.map(([id, html]) => [id, entryInner(html)]));
		for (const { ref, csl, key } of part) {
			const html = byId.get(csl.id as string);
			if (html === undefined) continue;
			keep(key, html);
			htmlByRef.set(ref, html);
		}
	}
}

/**
 * Vancouver bibliography entry as plain text, without its number: the text of the HTML entry (the
 * same words citeproc's text output gives, without a second formatting run).
 */
export function formatReferenceText(ref: Reference | CslItem): string {
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
