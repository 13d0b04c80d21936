/**
 * `npm run editor-guide`: regenerates content/editor-guide.md (the "Editor guide" page) from the
 * schemas' descriptions. `-- --check` exits 1 when the committed page is stale or a schema field has
 * no description (npm test runs the same check).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { editorGuideMarkdown, undocumentedFields } from '../src/lib/editor-guide/page.ts';

const file = 'content/editor-guide.md';
const missing = undocumentedFields();
if (missing.length) {
	console.error(`✘ These schema fields have no .describe() text for editors:\n${missing.map((m) => `  ${m}`).join('\n')}\nAdd one to each, then run npm run editor-guide.`);
	process.exit(1);
}
const text = editorGuideMarkdown();
if (process.argv.includes('--check')) {
	if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
		console.error(`✘ ${file} is out of date with the schemas: run npm run editor-guide and commit it.`);
		process.exit(1);
	}
	console.log(`✔ ${file} is up to date.`);
} else {
	writeFileSync(file, text);
	console.log(`✔ Wrote ${file}.`);
}
