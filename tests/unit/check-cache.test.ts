/**
 * The claim check's per-page cache (src/lib/check/run.ts): after each edit, the cached run gives
 * exactly the findings a run without any cache gives, including the rules across pages (unknown
 * and unused references, duplicate file names, protocols) and findings about a page that did not
 * change but whose references, topics or neighbours did.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { runCheck } from '../../src/lib/check/run.ts';

const fixtures = new URL('../fixtures/check/', import.meta.url).pathname;
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));
afterEach(() => {
	delete process.env.EH_CHECK_CACHE;
});

const PAGE = 'content/guidelines/knee/sample.mdx';
const OTHER = 'content/guidelines/knee/other.mdx';

function project(): string {
	const root = mkdtempSync(join(tmpdir(), 'eh-check-cache-'));
	temps.push(root);
	cpSync(join(fixtures, 'base'), join(root, 'content'), { recursive: true });
	// A second guideline that cites only smith-2020, so a reference's use spans pages.
	writeFileSync(
		join(root, OTHER),
		['---', 'type: guideline', 'title: When can a runner return?', 'bottomLine: Once walking is pain-free. [@smith-2020]', 'audience: [clinicians]', 'topics: [knee]', 'review:', '  status: submitted', 'disclaimer: professional', '---', '', '## Return [#return]', '', 'Return once walking is pain-free. [@smith-2020] [#return-pain-free]', ''].join('\n'),
	);
	return root;
}

const edit = (root: string, file: string, change: (text: string) => string) => {
	const path = join(root, file);
	const text = readFileSync(path, 'utf8');
	const changed = change(text);
	expect(changed).not.toBe(text);
	writeFileSync(path, changed);
};

const shown = (findings: { rule: string; file: string; line: number; message: string }[]) => findings.filter((f) => f.rule !== 'exception').map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`);

/** Runs the check with its cache (warm from earlier runs) and without any, and requires the same result. */
async function check(root: string) {
	const cached = await runCheck({ root });
	process.env.EH_CHECK_CACHE = '0';
	const fresh = await runCheck({ root });
	delete process.env.EH_CHECK_CACHE;
	expect(cached.findings).toEqual(fresh.findings);
	expect(cached.stats).toEqual(fresh.stats);
	return shown(cached.findings);
}

describe('the check cache: an edit invalidates exactly what it affects', () => {
	test('an edited page is re-checked; unused references follow citations removed from other pages', async () => {
		const root = project();
		expect(await check(root)).toEqual([]);
		// sample.mdx stops citing jones-2019 everywhere: the reference is unused (a rule across pages).
		edit(root, PAGE, (t) => t.replaceAll('@jones-2019', '@smith-2020'));
		expect(await check(root)).toEqual(['reference-unused content/references/jones-2019.yaml:1 The reference "jones-2019" is not cited by any page.']);
		// The other page starts citing it: no longer unused, though sample.mdx did not change.
		edit(root, OTHER, (t) => t.replace('[@smith-2020] [#return-pain-free]', '[@jones-2019] [#return-pain-free]'));
		expect(await check(root)).toEqual([]);
	});

	test('an unchanged page is re-checked when a reference it cites is deleted, and "did you mean" follows new references', async () => {
		const root = project();
		expect(await check(root)).toEqual([]);
		unlinkSync(join(root, 'content/references/smith-2020.yaml'));
		const missing = await check(root);
		expect(missing.filter((f) => f.startsWith(`citation-unknown-reference ${OTHER}:`))).toHaveLength(2);
		// A reference whose key is one letter away appears: the unchanged page's suggestion follows it.
		const jones = readFileSync(join(root, 'content/references/jones-2019.yaml'), 'utf8');
		writeFileSync(join(root, 'content/references/smith-2021.yaml'), jones.replace('id: jones-2019', 'id: smith-2021'));
		const suggested = await check(root);
		expect(suggested.find((f) => f.startsWith(`citation-unknown-reference ${OTHER}:`))).toContain('[@smith-2021]');
	});

	test('an unchanged page is re-checked when the topics change', async () => {
		const root = project();
		expect(await check(root)).toEqual([]);
		edit(root, 'content/topics.yaml', (t) => t.replace('- id: knee', '- id: knees'));
		const found = await check(root);
		expect(found.filter((f) => f.startsWith('frontmatter-unknown-link'))).toHaveLength(2);
	});

	test('file names, duplicates across pages and protocols follow pages added and edited', async () => {
		const root = project();
		expect(await check(root)).toEqual([]);
		// A copy differing only in letter case: both its file name and the duplicate are reported.
		cpSync(join(root, OTHER), join(root, 'content/guidelines/knee/Other.mdx'));
		const dup = await check(root);
		expect(dup.some((f) => f.startsWith('file-name-duplicate'))).toBe(true);
		expect(dup.some((f) => f.startsWith('file-name-invalid content/guidelines/knee/Other.mdx'))).toBe(true);
		unlinkSync(join(root, 'content/guidelines/knee/Other.mdx'));
		expect(await check(root)).toEqual([]);
		// The protocol's guideline loses a statement the protocol cites: found though the protocol did not change.
		const protocol = readFileSync(join(root, 'content/protocols/sample.yaml'), 'utf8');
		const cited = /claims?: \[?([a-z0-9-]+)/.exec(protocol)?.[1];
		expect(cited).toBeTruthy();
		edit(root, PAGE, (t) => t.replace(`[#${cited}]`, `[#${cited}-renamed]`));
		expect((await check(root)).some((f) => f.startsWith(`protocol-claim-unknown content/protocols/sample.yaml`))).toBe(true);
	});

	test('a page made unreadable and repaired', async () => {
		const root = project();
		expect(await check(root)).toEqual([]);
		edit(root, OTHER, (t) => t.replace('## Return', '<div>\n\n## Return'));
		const broken = await check(root);
		expect(broken.length).toBeGreaterThan(0);
		edit(root, OTHER, (t) => t.replace('<div>\n\n## Return', '## Return'));
		expect(await check(root)).toEqual([]);
	});
});
