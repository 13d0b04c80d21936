/**
 * Every built page is valid HTML under html-validate's recommended rules
 * (html-validate.config.ts says which rules are changed and why). Pages are discovered from the
 * build output, so new page types are covered as they land.
 */
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distDir } from './dist.ts';
import { allBuiltPages } from './pages.ts';
import { htmlValidateConfig } from './html-validate.config.ts';

const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));
const pages = allBuiltPages();

test('the build has the expected page types', () => {
	expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html']));
	expect(pages.some((p) => p.startsWith('guidelines/'))).toBe(true);
});

describe('html-validate: zero errors', () => {
	test.each(pages)('%s', async (page) => {
		const report = await validator.validateString(readFileSync(join(distDir, page), 'utf8'), page);
		const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}:${m.column} ${m.message} (${m.selector ?? ''})`));
		expect(problems).toEqual([]);
	});
});
