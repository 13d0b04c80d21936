/**
 * The export files of a build: for every published guideline `/export/<id>.json`, `.csl.json`,
 * `.ris` and `.bib`, and the published JSON Schema of the `.json` format. The one place that decides
 * each file's address, content and media type: the build writes them into the output folder
 * (`writeExportFiles`, run by the integration in export-integration.ts after Astro has rendered the
 * pages) and `astro dev` serves the same list (src/routes/export-file.ts).
 *
 * Written, not rendered as Astro routes: an endpoint route costs about a millisecond of Astro's
 * per-route work (matching, middleware, a Response, a file write) for a few microseconds of
 * formatting, and there are four per guideline (BENCHMARKS.md, render-side fixes).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ContentIndex, IndexedPage } from './content/types.ts';
import type { GuidelineExport } from '../schemas/guideline-export.ts';
import { guidelineExportJsonSchema } from '../schemas/guideline-export.ts';
import type { CslItem } from '../schemas/csl-item.ts';
import { EXPORT_SCHEMA_PATH, exportPath, guidelineExport } from './export.ts';
import { toBibtex, toCslJson, toRis } from './references/export-formats.ts';

// A type, not an interface: Astro's route props must be assignable to a string-keyed record.
export type ExportFile = {
	/** Its address on the site, e.g. `/export/guidelines/topic/page.ris`. */
	path: string;
	/** The media type a server sends it with (`astro dev`; static hosts go by the extension). */
	type: string;
	body: string;
};

type Extension = Parameters<typeof exportPath>[1];

/** The four exports of a guideline, in the order they are written: extension, media type, content. */
export const GUIDELINE_EXPORT_FORMATS: readonly { extension: Extension; type: string; body: (data: GuidelineExport, items: readonly CslItem[]) => string }[] = [
	// Statements, anchors, references and gaps for teaching tools (format: the published JSON Schema).
	{ extension: 'json', type: 'application/json', body: (data) => `${JSON.stringify(data, null, 2)}\n` },
	// The page and its references as CSL-JSON (our data under `custom`).
	{ extension: 'csl.json', type: 'application/vnd.citationstyles.csl+json', body: (_, items) => toCslJson(items) },
	{ extension: 'ris', type: 'application/x-research-info-systems; charset=utf-8', body: (_, items) => toRis(items) },
	{ extension: 'bib', type: 'application/x-bibtex; charset=utf-8', body: (_, items) => toBibtex(items) },
];

/** A guideline's export files (`site`: the site's address, which every URL in them starts with). */
export function guidelineExportFiles(index: ContentIndex, page: IndexedPage, site: string): ExportFile[] {
	const data = guidelineExport(index, page, site);
	// What the citation downloads hold: the page first, then the references it cites.
	const items = [data.citation, ...data.references];
	return GUIDELINE_EXPORT_FORMATS.map(({ extension, type, body }) => ({ path: exportPath(page.id, extension), type, body: body(data, items) }));
}

/** The published JSON Schema of the guideline export, generated from its Zod schema (src/schemas/guideline-export.ts). */
export function exportSchemaFile(site: string): ExportFile {
	const id = new URL(EXPORT_SCHEMA_PATH, site).href;
	return { path: EXPORT_SCHEMA_PATH, type: 'application/schema+json', body: `${JSON.stringify(guidelineExportJsonSchema(id), null, 2)}\n` };
}

/** The address every URL in the exports starts with: the configured site (a local one without). */
export function exportSite(site: string | URL | undefined): string {
	return new URL(site ?? 'http://localhost:4321/').href;
}

export interface ExportSelection {
	/** The guidelines to export: the site index's published guidelines, or a shard's share of them. */
	guidelines: readonly IndexedPage[];
	/** Whether the schema file is written too (by one shard of a sharded build). */
	schema: boolean;
}

/**
 * The export files of a build, one guideline at a time. `index` holds only published pages
 * (content/publication.ts: site-index.ts), so no draft is ever exported.
 */
export function* exportFiles(index: ContentIndex, site: string, { guidelines, schema }: ExportSelection): Generator<ExportFile> {
	if (schema) yield exportSchemaFile(site);
	for (const page of guidelines) {
		if (page.type !== 'guideline') continue;
		yield* guidelineExportFiles(index, page, site);
	}
}

/** Where a file of the site is in the output folder (`/export/a/b.ris` → `<outDir>/export/a/b.ris`). */
function outFile(outDir: string, path: string): string {
	if (!path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '.')) throw new Error(`Not a site path: ${path}`);
	return join(outDir, ...path.slice(1).split('/'));
}

/**
 * Writes the files into `outDir`, all or nothing: into a staging folder first, moved into place
 * only once every file is made, so a failure (a guideline whose export cannot be made, a full
 * disk) leaves no export half-written. Returns the number of files written.
 */
export function writeExportFiles(outDir: string, files: Iterable<ExportFile>): number {
	const staging = join(outDir, `.export-staging-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	const made = new Set<string>();
	const dirs = new Set<string>();
	try {
		for (const file of files) {
			if (made.has(file.path)) throw new Error(`Two export files have the address ${file.path}: two guidelines with the same id?`);
			made.add(file.path);
			const to = outFile(staging, file.path);
			const dir = dirname(to);
			if (!dirs.has(dir)) {
				mkdirSync(dir, { recursive: true });
				dirs.add(dir);
			}
			writeFileSync(to, file.body);
		}
		// Moved into place: each top-level folder (export/) whole when the output has none of that
		// name, else file by file (a folder public/ made), never over a file that is there already.
		const tops = new Map<string, string[]>();
		for (const path of made) {
			const top = path.split('/')[1]!;
			const paths = tops.get(top) ?? [];
			paths.push(path);
			tops.set(top, paths);
		}
		for (const [top, paths] of tops) {
			if (!existsSync(join(outDir, top))) {
				renameSync(join(staging, top), join(outDir, top));
				continue;
			}
			const taken = paths.find((path) => existsSync(outFile(outDir, path)));
			if (taken) throw new Error(`${taken} is in the output folder already (a file in public/?): remove it, the build writes the export of that address.`);
			for (const path of paths) {
				const to = outFile(outDir, path);
				mkdirSync(dirname(to), { recursive: true });
				renameSync(outFile(staging, path), to);
			}
		}
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
	return made.size;
}
