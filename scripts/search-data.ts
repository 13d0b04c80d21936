/**
 * Post-build step: the site's search index, in one Pagefind run. Reads every built page as Pagefind
 * would (scripts/lib/search-index.ts, src/lib/search/fossick.ts), writes <outDir>/search/vocabulary.json
 * and terms.json for the search dialog (src/lib/search/build-data.ts) from that text and
 * content/search-vocabulary.yaml, then has Pagefind write the compact index (each page's distinct
 * words indexed once, page files for the dialog) into <outDir>/pagefind. Runs after `astro build`
 * in scripts/build.ts (which no longer runs Pagefind itself); can run again on its own output.
 * Usage: node scripts/search-data.ts [outDir]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadVocabulary, termList, VOCABULARY_FILE, vocabularyGroups } from '../src/lib/search/build-data.ts';
import { contentDir as content, outDir as builtSite } from '../src/lib/paths.ts';
import { cli, fail } from './lib/cli.ts';
import { builtPages, writeCompactIndex } from './lib/search-index.ts';

const { positionals } = cli('node scripts/search-data.ts [outDir]', { allowPositionals: true });
const outDir = positionals[0] ? resolve(positionals[0]) : builtSite();
const pages = existsSync(outDir) ? await builtPages(outDir) : [];
if (!pages.length) fail(`Search data: no page to index in ${outDir} (no built page with a data-pagefind-body element). Run the Astro build first.`);
const file = join(content(), VOCABULARY_FILE);
const { entries, problems } = existsSync(file) ? loadVocabulary(relative(process.cwd(), file), readFileSync(file, 'utf8')) : { entries: [], problems: [] };
if (problems.length) {
	for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}  ${p.field}: ${p.message}`);
	fail(`Search vocabulary: ${problems.length} problem(s) above. Each entry needs term, also (a list) and kind; see CONTRIBUTING.md, "Search vocabulary".`);
}
const texts = pages.map((p) => p.content);
const groups = vocabularyGroups(entries, texts);
const terms = termList(texts);
mkdirSync(join(outDir, 'search'), { recursive: true });
writeFileSync(join(outDir, 'search/vocabulary.json'), JSON.stringify(groups));
writeFileSync(join(outDir, 'search/terms.json'), JSON.stringify(terms));
await writeCompactIndex(outDir, pages);
console.log(`Search data: ${groups.length} vocabulary groups (${groups.length - entries.length} abbreviations defined in the pages), ${terms.length} indexed terms; compact index of ${pages.length} pages.`);
