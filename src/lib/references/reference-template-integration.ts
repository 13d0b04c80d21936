/**
 * The Astro integration that finishes the reference pages rendered as stubs (page-template.ts):
 * after Astro has written the pages and before anything reads them (it is listed before the sitemap
 * in astro.config.mjs; Pagefind runs later, in the search-data step), it fills each stub into the
 * template, checks one filled page against the same page rendered through Starlight, and removes
 * the template's helper pages. Each shard of a sharded build does this for its own reference pages.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECK_KEY, TEMPLATE_KEY, checkFilled, fillTemplate, parseStub, parseTemplate } from './page-template.ts';

/** Fills the stub reference pages of a built site in `outDir`; returns how many it filled. Throws on any mismatch. */
export function fillReferencePages(outDir: string): number {
	const folder = join(outDir, 'references');
	const page = (key: string) => join(folder, key, 'index.html');
	if (!existsSync(folder)) return 0;
	const templateFile = page(TEMPLATE_KEY);
	const keys = readdirSync(folder).filter((k) => k !== TEMPLATE_KEY && k !== CHECK_KEY);
	if (!existsSync(templateFile)) {
		const stray = keys.find((k) => existsSync(page(k)) && parseStub(readFileSync(page(k), 'utf8')));
		if (stray) throw new Error(`The reference page ${page(stray)} is a stub but the build rendered no template to fill it with.`);
		return 0;
	}
	const template = parseTemplate(readFileSync(templateFile, 'utf8'));
	const check = parseStub(readFileSync(page(CHECK_KEY), 'utf8'));
	if (!check) throw new Error(`${page(CHECK_KEY)} holds no reference stub to check the template with.`);
	const problem = checkFilled(fillTemplate(template, check), readFileSync(page(check.key), 'utf8'), check.key);
	if (problem) throw new Error(problem);
	let filled = 0;
	for (const key of keys) {
		const file = page(key);
		if (!existsSync(file)) continue;
		const stub = parseStub(readFileSync(file, 'utf8'));
		if (!stub) continue;
		if (stub.key !== key) throw new Error(`The reference stub at ${file} names another reference (${stub.key}).`);
		writeFileSync(file, fillTemplate(template, stub));
		filled++;
	}
	rmSync(join(folder, TEMPLATE_KEY), { recursive: true, force: true });
	rmSync(join(folder, CHECK_KEY), { recursive: true, force: true });
	return filled;
}

export function referenceTemplate(): AstroIntegration {
	return {
		name: 'evidence-handbook:reference-template',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const filled = fillReferencePages(fileURLToPath(dir));
				if (filled > 0) logger.info(`${filled} reference page(s) filled from the Starlight template.`);
			},
		},
	};
}
