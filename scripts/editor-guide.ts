/**
 * `npm run editor-guide`: regenerates content/editor-guide.md (the "Editor guide" page) from the
 * schemas' descriptions. `-- --check` exits 1 when the committed page is stale or a schema field has
 * no description (npm test runs the same check).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { editorGuideMarkdown, undocumentedFields } from '../src/lib/editor-guide/page.ts';
import { cli, fail } from './lib/cli.ts';

const { values } = cli('npm run editor-guide [-- --check]', { options: { check: { type: 'boolean', default: false } } });

const file = 'content/editor-guide.md';
const missing = undocumentedFields();
if (missing.length) fail(`These schema fields have no .describe() text for editors:\n${missing.map((m) => `  ${m}`).join('\n')}\nAdd one to each, then run npm run editor-guide.`);
const text = editorGuideMarkdown();
if (values.check) {
	if (!existsSync(file) || readFileSync(file, 'utf8') !== text) fail(`${file} is out of date with the schemas: run npm run editor-guide and commit it.`);
	console.log(`✔ ${file} is up to date.`);
} else {
	writeFileSync(file, text);
	console.log(`✔ Wrote ${file}.`);
}
