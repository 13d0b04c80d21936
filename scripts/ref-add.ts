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
import { loadReferences } from '../src/lib/references/load.ts';
import { formatOf, importEntries, readEntries } from '../src/lib/references/import.ts';
import { contentDir } from '../src/lib/paths.ts';
import { cli, EXIT, usageError } from './lib/cli.ts';

const usage = 'npm run ref:add -- <file.bib|file.ris|file.json> [--dry-run] [--content <dir>]';
const { values, positionals } = cli(usage, { allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, content: { type: 'string' } } });
if (positionals.length !== 1) usageError('Name one file exported from your reference manager.', usage);
const file = resolve(positionals[0]!);
const format = formatOf(file);
if (!format) usageError(`${positionals[0]}: use a .bib (BibTeX), .ris (RIS) or .json (CSL-JSON) export; Zotero, EndNote and Mendeley can all write one.`, usage);
if (!existsSync(file)) usageError(`${positionals[0]} does not exist.`, usage);
const referencesDir = join(values.content ? resolve(values.content) : contentDir(), 'references');
let items;
try {
	items = readEntries(readFileSync(file, 'utf8'), format);
} catch (error) {
	usageError(`${positionals[0]} could not be read as ${format}: ${(error as Error).message}`);
}
if (!items.length) usageError(`${positionals[0]} holds no ${format} entries.`);
const { refs } = loadReferences(referencesDir);
const existing = [...refs.values()].map(({ data }) => ({ key: data.id, DOI: data.DOI, PMID: data.PMID, title: data.title, year: data.issued?.['date-parts'][0][0] }));
const { entries, refused } = importEntries(items, existing, basename(file));
if (refused.length) {
	for (const r of refused) console.log(`✘ ${r.label}\n    ${r.reason}`);
	console.log(`✘ Nothing written: ${refused.length} of ${items.length} entries refused. Remove them from ${basename(file)} (or fix them) and run npm run ref:add again.`);
	process.exit(EXIT.failed);
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
