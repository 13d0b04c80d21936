/**
 * `npm run ref:add -- <file.bib|file.ris|file.json>`: imports references exported by Zotero,
 * EndNote, Mendeley … (BibTeX, RIS or CSL-JSON) as one validated content/references/<key>.yaml
 * per entry: every author kept, a key derived from the first author and year, fields the record
 * lacks listed under x-missing. Refuses duplicates (same DOI, PMID, or title and year as an
 * existing reference or another entry) and writes nothing unless every entry can be imported.
 * Exit 0 written, 1 refused, 2 bad usage or unreadable file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadReferences } from '../src/lib/references/load.ts';
import { formatOf, importEntries, readEntries } from '../src/lib/references/import.ts';

const usage = 'Usage: npm run ref:add -- <file.bib|file.ris|file.json> [--dry-run] [--content <dir>]';
let values: { 'dry-run'?: boolean; content?: string };
let positionals: string[];
try {
	({ values, positionals } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, content: { type: 'string' } } }));
} catch (error) {
	console.error(`${(error as Error).message}\n${usage}`);
	process.exit(2);
}
if (positionals.length !== 1) {
	console.error(`Name one file exported from your reference manager.\n${usage}`);
	process.exit(2);
}
const file = resolve(positionals[0]!);
const format = formatOf(file);
if (!format) {
	console.error(`✘ ${positionals[0]}: use a .bib (BibTeX), .ris (RIS) or .json (CSL-JSON) export; Zotero, EndNote and Mendeley can all write one.\n${usage}`);
	process.exit(2);
}
if (!existsSync(file)) {
	console.error(`✘ ${positionals[0]} does not exist.\n${usage}`);
	process.exit(2);
}
const referencesDir = join(resolve(values.content ?? 'content'), 'references');
let items;
try {
	items = readEntries(readFileSync(file, 'utf8'), format);
} catch (error) {
	console.error(`✘ ${positionals[0]} could not be read as ${format}: ${(error as Error).message}`);
	process.exit(2);
}
if (!items.length) {
	console.error(`✘ ${positionals[0]} holds no ${format} entries.`);
	process.exit(2);
}
const { refs } = loadReferences(referencesDir);
const existing = [...refs.values()].map(({ data }) => ({ key: data.id, DOI: data.DOI, PMID: data.PMID, title: data.title, year: data.issued?.['date-parts'][0][0] }));
const { entries, refused } = importEntries(items, existing, basename(file));
if (refused.length) {
	for (const r of refused) console.log(`✘ ${r.label}\n    ${r.reason}`);
	console.log(`✘ Nothing written: ${refused.length} of ${items.length} entries refused. Remove them from ${basename(file)} (or fix them) and run npm run ref:add again.`);
	process.exit(1);
}
for (const e of entries) {
	const path = join(referencesDir, `${e.key}.yaml`);
	if (values['dry-run']) console.log(`--- content/references/${e.key}.yaml\n${e.yaml}`);
	else writeFileSync(path, e.yaml, { flag: 'wx' });
	const missing = e.reference['x-missing']?.fields ?? [];
	console.log(`✔ [@${e.key}] content/references/${e.key}.yaml — ${e.reference.author?.length ?? 0} author(s)${missing.length ? `; not in the record, listed under x-missing: ${missing.join(', ')}` : ''}`);
}
console.log(
	values['dry-run']
		? `Dry run: ${entries.length} reference(s) would be written.`
		: `✔ ${entries.length} reference(s) written. Check each against the publication, set x-evidence.kind and tier, cite them as [@key], then run npm run check.`,
);
