/**
 * The module map has no upward imports: schemas import nothing of ours but schemas; src/lib
 * (pure logic) imports only src/lib and schemas, never the site's components and pages, scripts or
 * tests; scripts use src/lib, never components or pages. README, "How it fits together".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const project = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
	return readdirSync(join(project, dir), { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && /\.(ts|mts|mjs|js|astro)$/.test(e.name) && !e.name.endsWith('.d.ts'))
		.map((e) => relative(project, join(e.parentPath, e.name)));
}

/** Every relative import of a file, as a path from the project root. */
function relativeImports(file: string, text: string): string[] {
	const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
	return specifiers.map((s) => relative(project, resolve(project, dirname(file), s)));
}

/** Layer of a project path; imports may only go to the same layer or one listed as allowed. */
const LAYERS: { name: string; prefix: string; may: string[] }[] = [
	{ name: 'schemas', prefix: 'src/schemas/', may: ['src/schemas/'] },
	{ name: 'lib', prefix: 'src/lib/', may: ['src/lib/', 'src/schemas/'] },
	{ name: 'scripts', prefix: 'scripts/', may: ['scripts/', 'src/lib/', 'src/schemas/'] },
];

function upwardImports(layer: (typeof LAYERS)[number]): string[] {
	return files(layer.prefix).flatMap((file) =>
		relativeImports(file, readFileSync(join(project, file), 'utf8'))
			.filter((target) => !layer.may.some((p) => target.startsWith(p)))
			.map((target) => `${file} imports ${target}`),
	);
}

describe('no upward imports', () => {
	for (const layer of LAYERS) {
		test(`${layer.prefix} imports only ${layer.may.join(', ')}`, () => {
			expect(upwardImports(layer)).toEqual([]);
		});
	}

	test('the check itself: an import of a component from src/lib is caught', () => {
		expect(relativeImports('src/lib/x.ts', "import Foo from '../components/Foo.astro';\nconst m = await import('../pages/index.astro');")).toEqual(['src/components/Foo.astro', 'src/pages/index.astro']);
		expect(relativeImports('src/lib/x.ts', "import type { A } from './a.ts';\nimport 'node:fs';")).toEqual(['src/lib/a.ts']);
	});
});

/** Files under the given folders whose text matches a pattern. */
function filesMatching(pattern: RegExp, dirs = ['src', 'scripts']): string[] {
	return dirs.flatMap((dir) => files(dir)).filter((file) => pattern.test(readFileSync(join(project, file), 'utf8'))).sort();
}

describe('one place decides each fact (the layout guesses a newcomer makes land in one file)', () => {
	test('the rule that a statement must cite: src/lib/check/rules/must-cite.ts', () => {
		expect(filesMatching(/['"]claim-uncited['"]/, ['src'])).toEqual(['src/lib/check/rules/must-cite.ts']);
	});

	test('the review status field: src/schemas/review.ts', () => {
		expect(filesMatching(/['"]under-review['"]\s*,\s*['"]approved['"]/)).toEqual(['src/schemas/review.ts']);
	});

	test("the calculator's pace maths: src/lib/protocol/pace.ts", () => {
		expect(filesMatching(/1\.609344|1609\.344/)).toEqual(['src/lib/protocol/pace.ts']);
	});

	test('what decides a page is published: src/lib/content/publication.ts', () => {
		expect(filesMatching(/status\s*===\s*['"]draft['"]\s*&&\s*!preview/)).toEqual(['src/lib/content/publication.ts']);
	});

	test("a finding's severity: written only in the rule catalogue (findings/rules.ts and the rule files it lists)", () => {
		expect(filesMatching(/severity:\s*['"](error|warning|info)['"]/, ['src']).filter((f) => f !== 'src/lib/findings/rules.ts' && !f.startsWith('src/lib/check/rules/'))).toEqual([]);
	});

	test('the content, output and cache folders: src/lib/paths.ts alone reads their variables', () => {
		expect(filesMatching(/process\.env\.EH_(CONTENT|OUT|CACHE)_DIR\b/)).toEqual(['src/lib/paths.ts']);
	});

	test('built HTML is read with one parser: htmlparser2, in src/lib/html/dom.ts (and the CSP step; the search index reads tokens, its entities decoded by htmlparser2)', () => {
		expect(filesMatching(/from ['"]node-html-parser['"]/, ['src', 'scripts', 'tests'])).toEqual([]);
		expect(filesMatching(/from ['"]htmlparser2['"]/, ['src', 'scripts', 'tests'])).toEqual(['src/lib/csp/policy.ts', 'src/lib/html/dom.ts', 'src/lib/search/html-scan.ts']);
	});
});
