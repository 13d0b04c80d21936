import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { insideFolder } from '../../src/lib/paths.ts';
import { provideComponents } from '../../src/lib/markdown/provide-components.ts';

const temp = mkdtempSync(join(tmpdir(), 'eh-paths-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
// real/content holds the pages; linked → real, as in a scratch copy whose node_modules is a link.
const real = join(temp, 'real');
mkdirSync(join(real, 'content'), { recursive: true });
symlinkSync(real, join(temp, 'linked'));
const throughLink = join(temp, 'linked', 'content');

describe('insideFolder', () => {
	const inside = insideFolder(throughLink);
	test('a file named through the folder as given, or through its real path, is inside', () => {
		expect(inside(join(throughLink, 'guidelines/a.mdx'))).toBe(true);
		expect(inside(join(real, 'content', 'guidelines/a.mdx'))).toBe(true);
	});
	test('a sibling whose name only starts with the folder name is not inside', () => {
		expect(inside(join(real, 'content-old', 'a.mdx'))).toBe(false);
		expect(inside(join(temp, 'linked', 'contents.mdx'))).toBe(false);
	});
	test('a folder that does not exist yet matches by its name only', () => {
		expect(insideFolder(join(temp, 'missing'))(join(temp, 'missing', 'a.mdx'))).toBe(true);
	});
});

describe('provideComponents', () => {
	test('provides components to a page the bundler names by its real path behind a symlinked folder', () => {
		const plugin = provideComponents({ contentDir: throughLink, root: temp });
		const compiled = 'function _missingMdxReference(){}\n_missingMdxReference("Islands", true);\n';
		const result = plugin.transform(compiled, join(real, 'content', 'guidelines', 'a.mdx'));
		expect(result?.code).toContain('export const components = { "Islands"');
		expect(plugin.transform(compiled, join(temp, 'elsewhere', 'a.mdx'))).toBeNull();
	});
});
