/**
 * Drafts leave no trace. A fixture content folder (tests/fixtures/site) gets, in a scratch copy, a
 * draft guideline with a unique title, file name (its slug), statement id and phrase, citing the
 * same reference as the published guideline, in the same topic, and named by the published
 * guideline's related questions. The production build must not contain any of them anywhere in
 * its output: pages, reference pages and their back-links and counts, evidence map, exports,
 * sitemap, home page, related links and the Pagefind index (whose files are gzip-compressed and
 * are searched decompressed). A preview build (EH_PREVIEW=1) shows the draft with a banner.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv } from '../setup/env.ts';

const temp = mkdtempSync(join(tmpdir(), 'eh-drafts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Unique per run, so nothing else in the output can match by chance.
const token = randomBytes(4).toString('hex');
const draft = {
	slug: `hidden-draft-${token}`,
	title: `Is the unpublished question ${token} answered here?`,
	phrase: `Quokka${token} lateral sprint drills`,
	id: `unpublished-claim-${token}`,
};
const published = { path: 'guidelines/knee/published/', phrase: 'Fixture statement' };

const content = join(temp, 'content');
cpSync(new URL('../fixtures/site/content', import.meta.url).pathname, content, { recursive: true });
writeFileSync(
	join(content, 'guidelines/knee', `${draft.slug}.mdx`),
	`---
type: guideline
title: "${draft.title}"
bottomLine: ${draft.phrase} in the bottom line. [@jones-2019]
audience: [clinicians]
topics: [knee]
review:
  status: draft
relatedQuestions:
  - { question: "What does the published fixture say?", href: /${published.path} }
disclaimer: professional
---

## ${draft.phrase} heading [#draft-heading-${token}]

${draft.phrase} in the body. [@jones-2019] [#${draft.id}]
`,
);
// The published guideline names the draft as the answer to a related question.
const publishedFile = join(content, 'guidelines/knee/published.mdx');
writeFileSync(
	publishedFile,
	readFileSync(publishedFile, 'utf8').replace(
		'disclaimer: professional',
		`relatedQuestions:\n  - { question: "Which fixture question comes next?", href: /guidelines/knee/${draft.slug}/ }\ndisclaimer: professional`,
	),
);

function build(name: string, env: Record<string, string> = {}): string {
	const out = join(temp, name);
	const options = { encoding: 'utf8', env: buildEnv({ EH_CONTENT_DIR: content, EH_OUT_DIR: out, EH_CACHE_DIR: join(temp, `${name}-cache`), ...env }) } as const;
	const r = spawnSync('npx', ['astro', 'build'], options);
	expect(r.status, r.stderr).toBe(0);
	// The search index, as npm run build writes it after the Astro step.
	const search = spawnSync(process.execPath, ['scripts/search-data.ts'], options);
	expect(search.status, search.stderr).toBe(0);
	return out;
}

/** Every file of a build as text (Pagefind's gzip files decompressed), by path. */
function outputText(dir: string): Map<string, string> {
	const files = new Map<string, string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		let bytes = readFileSync(path);
		if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
		files.set(relative(dir, path), bytes.toString('utf8'));
	}
	return files;
}

describe('a production build', () => {
	let out: string;
	let files: Map<string, string>;
	beforeAll(() => {
		out = build('production');
		files = outputText(out);
	});

	test('builds the published guideline and indexes it (so the searches below can find something)', () => {
		expect(files.get(join(published.path, 'index.html'))).toContain(published.phrase);
		const search = [...files].filter(([path, text]) => path.startsWith('pagefind/') && text.includes(published.phrase));
		expect(search.length).toBeGreaterThan(0);
		expect(files.get('sitemap-0.xml')).toContain(`/${published.path}`);
		expect([...files.keys()].some((path) => path.startsWith('export/guidelines/knee/published'))).toBe(true);
	});

	test.each([
		['phrase', () => draft.phrase],
		['title', () => draft.title],
		['slug', () => draft.slug],
		['statement id', () => draft.id],
	])("the draft's %s appears in no file of the output", (_, value) => {
		const leaks = [...files].filter(([path, text]) => path.includes(value()) || text.includes(value())).map(([path]) => path);
		expect(leaks).toEqual([]);
	});

	test('the shared reference counts only published statements; the related question is not linked', () => {
		expect(files.get('references/jones-2019/index.html')).toMatch(/Statements citing this reference \(2\)/);
		expect(existsSync(join(out, 'guidelines/knee', draft.slug))).toBe(false);
		const page = files.get(join(published.path, 'index.html'))!;
		expect(page).toContain('Which fixture question comes next?');
		expect(page).toMatch(/Which fixture question comes next\? <span class="not-yet">/);
	});
});

describe('a preview build (EH_PREVIEW=1)', () => {
	test('shows the draft, with a banner, and counts it', () => {
		const out = build('preview', { EH_PREVIEW: '1' });
		const html = readFileSync(join(out, 'guidelines/knee', draft.slug, 'index.html'), 'utf8');
		expect(html).toContain('Draft preview: this page is not published on the production site.');
		expect(html).toContain(draft.phrase);
		expect(readFileSync(join(out, 'references/jones-2019/index.html'), 'utf8')).toContain(draft.id);
	});
});
