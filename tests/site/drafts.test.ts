/**
 * Review workflow in the build: a draft guideline is absent from the production build and present,
 * with a "draft preview" banner, in a preview build (EH_PREVIEW=1). Builds tests/fixtures/site.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { buildEnv } from '../setup/env.ts';

const content = new URL('../fixtures/site/content', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'eh-drafts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function build(name: string, env: Record<string, string> = {}): string {
	const out = join(temp, name);
	const r = spawnSync('npx', ['astro', 'build'], {
		encoding: 'utf8',
		env: buildEnv({ EH_CONTENT_DIR: content, EH_OUT_DIR: out, EH_CACHE_DIR: join(temp, `${name}-cache`), ...env }),
	});
	expect(r.status, r.stderr).toBe(0);
	return out;
}

describe('drafts', () => {
	test('production builds leave drafts out', () => {
		const out = build('production');
		expect(existsSync(join(out, 'guidelines/knee/published/index.html'))).toBe(true);
		expect(existsSync(join(out, 'guidelines/knee/draft/index.html'))).toBe(false);
		expect(readFileSync(join(out, 'guidelines/knee/published/index.html'), 'utf8')).not.toContain('/guidelines/knee/draft/');
	});

	test('preview builds include drafts with a banner', () => {
		const out = build('preview', { EH_PREVIEW: '1' });
		const html = readFileSync(join(out, 'guidelines/knee/draft/index.html'), 'utf8');
		expect(html).toContain('Draft preview: this page is not published on the production site.');
	});
});
