/**
 * The editor guide (content/editor-guide.md, the site's "Editor guide" page) is generated from the
 * schemas: every field must have a description, and the committed page must match the schemas.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { schemaFields } from '../../src/lib/editor-guide/fields.ts';
import { editorGuideMarkdown, undocumentedFields } from '../../src/lib/editor-guide/page.ts';

describe('the editor guide', () => {
	test('every field of every content schema has a description for editors', () => {
		expect(undocumentedFields()).toEqual([]);
	});

	test('content/editor-guide.md is up to date with the schemas (run npm run editor-guide)', () => {
		const committed = readFileSync(new URL('../../content/editor-guide.md', import.meta.url), 'utf8');
		expect(committed, 'content/editor-guide.md is stale: run npm run editor-guide and commit it').toBe(editorGuideMarkdown());
	});

	test('it names type, required/optional, allowed values and an example, and explains reference types and "et al."', () => {
		const page = editorGuideMarkdown();
		expect(page).toContain('- `review.status` (**required**; one of `draft`, `submitted`, `under-review`, `approved`, `withdrawn`): draft (not published), submitted, under-review, approved (needs a reviewer and a review date), or withdrawn');
		expect(page).toMatch(/- `x-missing\.fields` \(\*\*required\*\*; a list of `author`, /);
		expect(page).toContain('- `review.submitted` (optional; date (YYYY-MM-DD)): Date the page was submitted for clinical review (YYYY-MM-DD). Example: `2026-02-02`.');
		expect(page).toContain('- `article-journal`, a journal article: needs `author`, `container-title`, `issued`.');
		for (const field of ['shortTitle', 'sidebar.label', 'description', 'source.name', 'relatedQuestions', 'changelog', 'review.submitted', 'x-evidence.sourceLabel']) expect(page).toContain(`- \`${field}\` (`);
		// No tables: a scrolling table is a keyboard trap and does not fit a phone.
		expect(page).not.toMatch(/^\|/m);
		expect(page).toContain('## Authors and "et al."');
	});

	test('CONTRIBUTING.md links to it', () => {
		const contributing = readFileSync(new URL('../../CONTRIBUTING.md', import.meta.url), 'utf8');
		expect(contributing).toContain('](content/editor-guide.md)');
	});
});

describe('schema fields', () => {
	test('nested groups, lists of groups, defaults, allowed values; a missing description is visible', () => {
		const schema = z.strictObject({
			name: z.string().describe('The name.'),
			kind: z.enum(['a', 'b']).default('a').describe('The kind.'),
			items: z.array(z.strictObject({ id: z.string().describe('Item id.'), note: z.string().optional() })).describe('Items.'),
		});
		expect(schemaFields(schema)).toEqual([
			{ path: 'name', type: 'text', required: true, description: 'The name.' },
			{ path: 'kind', type: 'one of the values', required: false, default: '"a"', values: ['a', 'b'], description: 'The kind.' },
			{ path: 'items', type: 'list of group of fields', required: true, description: 'Items.' },
			{ path: 'items[].id', type: 'text', required: true, description: 'Item id.' },
			{ path: 'items[].note', type: 'text', required: false },
		]);
	});
});
