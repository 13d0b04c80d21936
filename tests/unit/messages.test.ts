/** Messages an editor can act on: "did you mean" by edit distance, and Zod's messages reworded. */
import { describe, expect, test } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/lib/findings/suggest.ts';
import { editorErrorMap } from '../../src/lib/zod-messages.ts';
import { GuidelineFrontmatterSchema } from '../../src/schemas/guideline.ts';
import type { z } from 'zod';
import { ReferenceSchema } from '../../src/schemas/reference.ts';

describe('did you mean', () => {
	test('edit distance counts a swapped pair of letters as one edit', () => {
		expect(editDistance('jones', 'jonse')).toBe(1);
		expect(editDistance('knee', 'knees')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
	});

	test('suggests the closest known value only when it is close', () => {
		expect(closest('praxis-tibialis-strain-2052', ['praxis-tibialis-strain-2025', 'praxis-shin-splints-2026'])).toBe('praxis-tibialis-strain-2025');
		expect(closest('smith-2020', ['jones-2019', 'runner-injuries-1992'])).toBeUndefined();
		expect(didYouMean('runing-injuries', ['running-injuries'])).toBe(' Did you mean "running-injuries"?');
		expect(didYouMean('zzz', ['running-injuries'])).toBe('');
	});
});

describe('Zod messages, reworded for editors', () => {
	const base = { id: 'smith-2020', type: 'article-journal', title: 'T', 'x-evidence': { kind: 'rct', tier: 'primary', publisher: 'J' } };
	const messagesOf = (schema: z.ZodType, data: unknown) => {
		const r = schema.safeParse(data, { error: editorErrorMap(schema) });
		return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
	};
	const messages = (data: unknown) => messagesOf(ReferenceSchema, data);
	const fm = { type: 'guideline', title: 'How should knee pain in a runner be managed?', bottomLine: 'Rest, then return gradually. [@smith-2020]', audience: ['clinicians'], topics: ['knee'], review: { status: 'submitted' }, disclaimer: 'professional' };
	const frontmatter = (data: Record<string, unknown>) => messagesOf(GuidelineFrontmatterSchema, { ...fm, ...data });

	test('an empty list says what to do and what the field is for, though .describe() is on the outer wrapper', () => {
		expect(messages({ ...base, 'x-missing': { fields: [], reason: 'The source gives the title only.' } })).toEqual([
			'x-missing.fields: is empty: give at least one entry. The fields the source does not give, e.g. [DOI, PMID]; leave out the whole x-missing group when nothing is missing.',
		]);
		// An optional list may also be left out, and says so.
		expect(messages({ ...base, author: [] })).toEqual(['author: is empty: give at least one entry, or leave the field out. Authors in published order. Leave out only if listed in x-missing.']);
		// A required one may not.
		expect(frontmatter({ audience: [] })).toEqual(['audience: is empty: give at least one entry. Who the page is written for: clinicians, educators, students, patients.']);
	});

	test('a value of the wrong kind names the field, what is expected and the likely intended value', () => {
		expect(messages({ ...base, issued: 2020 })).toEqual([
			'issued: should be a group of fields, not the number 2020. Write its required field (date-parts) on the lines below it, indented by two spaces. Publication date, e.g. { date-parts: [[1979]] }.',
		]);
		expect(messages({ ...base, PMID: 1508994 })).toEqual(['PMID: should be text, not the number 1508994. Put it in quotes: "1508994". PubMed identifier, digits only (quote it in YAML: "1508994").']);
		expect(frontmatter({ topics: 'knee' })).toEqual(['topics: should be a list, not the text "knee". Write it as a list, e.g. [knee]. Topic ids from content/topics.yaml; the first is the folder the page is in.']);
		expect(frontmatter({ review: 'submitted' })[0]).toMatch(/^review: should be a group of fields, not the text "submitted"\. Did you mean the field status inside it\? Write "status: submitted" on the next line, indented by two spaces\./);
		expect(messages({ ...base, author: 'Smith J' })[0]).toMatch(/^author: should be a list, not the text "Smith J"\. Write each entry on its own line starting with "- ", with its fields \(family, given, literal\)\./);
		expect(frontmatter({ draft: 'yes' })[0]).toMatch(/^draft: should be true or false, not the text "yes"\. Write true, without quotes\./);
		expect(messages({ ...base, volume: [1] })).toEqual(['volume: should be text or number, not a list. Journal volume, e.g. 72.']);
	});

	test('a part of a field with no description of its own is explained by the field above it', () => {
		expect(messages({ ...base, issued: { 'date-parts': [[1700]] } })).toEqual([
			'issued.date-parts.0.0: should be at least 1800, not the number 1700. The date as [[year]] or [[year, month]] or [[year, month, day]], e.g. [[1992]].',
		]);
	});

	test('a mistyped value suggests the intended one, lists the allowed ones and says what they mean', () => {
		const [m] = messages({ ...base, 'x-evidence': { ...base['x-evidence'], tier: 'primery' } });
		expect(m).toMatch(/^x-evidence\.tier: the text "primery" is not allowed: did you mean "primary"\? Use one of "primary", "secondary", "unknown"\. primary: original research/);
		expect(frontmatter({ review: { status: 'submited' } })[0]).toMatch(/^review\.status: the text "submited" is not allowed: did you mean "submitted"\? Use one of "draft", "submitted", "under-review", "approved", "withdrawn"\. draft \(not published\)/);
		expect(messages({ ...base, type: 'journal-article' })[0]).toMatch(/^type: the text "journal-article" is not allowed: use one of "article-journal", .*The CSL type: "article-journal" for papers/);
	});

	test('a mistyped field name suggests the intended one', () => {
		const [m] = messages({ ...base, volumn: 12 });
		expect(m).toMatch(/^: unknown field "volumn": did you mean "volume"\? The fields allowed here are id, type, title/);
		expect(frontmatter({ bottomline: 'x' })[0]).toMatch(/^: unknown field "bottomline": did you mean "bottomLine"\?/);
	});

	test('no raw Zod wording reaches an editor, and every message about a described field ends with its description', () => {
		const cases: [z.ZodType, unknown][] = [
			[ReferenceSchema, { ...base, issued: 2020 }],
			[ReferenceSchema, { ...base, author: [] }],
			[ReferenceSchema, { ...base, title: '' }],
			[ReferenceSchema, { ...base, issued: { 'date-parts': [[1700]] } }],
			[ReferenceSchema, { ...base, 'x-missing': { fields: [] } }],
			[GuidelineFrontmatterSchema, { ...fm, audience: ['doctors'], topics: [], evidenceGaps: [{ id: 'g', kind: 'gap' }], relatedQuestions: 'x' }],
		];
		const all = cases.flatMap(([schema, data]) => messagesOf(schema, data));
		expect(all.length).toBeGreaterThanOrEqual(8);
		for (const m of all) expect(m).not.toMatch(/Too small|Too big|Invalid input|Invalid option|expected (array|string|number|object)|>=|<=/);
	});
});
