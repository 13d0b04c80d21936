/**
 * Reads `content/references/*.yaml` from disk and validates each against `ReferenceSchema`.
 * Used by the site's Markdown plugin (pages), the claim check and tests. Never throws for bad content:
 * problems come back as findings with file, line and field.
 */
import { editorErrorMap } from '../zod-messages.ts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parseDocument, LineCounter, isMap, isScalar, type Document } from 'yaml';
import { ReferenceSchema, type Reference } from '../../schemas/reference.ts';
import { FileCache } from '../content/file-cache.ts';
import { yamlSyntaxProblem } from '../findings/yaml.ts';

export interface LoadProblem {
	file: string;
	line: number;
	column: number;
	/** Dotted path of the field, e.g. `x-evidence.kind`. */
	field: string;
	message: string;
}

export interface LoadedReference {
	file: string;
	data: Reference;
	/** Line of each top-level field, for error messages. */
	lines: Record<string, number>;
}

/** Line and column of the node at `path` in a YAML document (or of the nearest parent). */
export function locate(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): { line: number; column: number } {
	for (let n = path.length; n >= 0; n--) {
		const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
		const keyNode = n > 0 ? findKeyNode(doc, path.slice(0, n)) : undefined;
		const offset = keyNode?.range?.[0] ?? node?.range?.[0];
		if (offset !== undefined) {
			const { line, col } = counter.linePos(offset);
			return { line, column: col };
		}
	}
	return { line: 1, column: 1 };
}

function findKeyNode(doc: Document, path: readonly PropertyKey[]): { range?: [number, number, number] | null | undefined } | undefined {
	const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
	if (!isMap(parent)) return undefined;
	const last = path.at(-1);
	const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
	return pair && isScalar(pair.key) ? pair.key : undefined;
}

/** Parses YAML text and validates it with `schema`, mapping Zod issues to located problems. */
export function parseYamlWith<T>(
	text: string,
	file: string,
	validate: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[] } },
): { data?: T; problems: LoadProblem[]; doc: Document; counter: LineCounter } {
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter });
	const problems: LoadProblem[] = [];
	// One root error: the first, with how to fix it (the parser's later errors follow from it).
	const syntax = yamlSyntaxProblem(doc, counter);
	if (syntax) problems.push({ file, line: syntax.line, column: syntax.column, field: '(yaml)', message: `YAML syntax error: ${syntax.message}` });
	if (problems.length) return { problems, doc, counter };
	const result = validate(doc.toJS());
	if (!result.success) {
		for (const issue of result.error.issues) {
			// An unknown key is reported at the key itself, not at the object holding it.
			const keys = issue.code === 'unrecognized_keys' && 'keys' in issue ? (issue.keys as string[]) : [];
			const { line, column } = locate(doc, counter, [...issue.path, ...keys.slice(0, 1)]);
			problems.push({ file, line, column, field: issue.path.join('.') || '(root)', message: issue.message });
		}
		return { problems, doc, counter };
	}
	return { data: result.data, problems, doc, counter };
}

const cache = new Map<string, { mtime: number; result: { ref?: LoadedReference; problems: LoadProblem[] } }>();

/** Loads one reference file (cached by modification time). */
export function loadReferenceFile(file: string): { ref?: LoadedReference; problems: LoadProblem[] } {
	const mtime = statSync(file).mtimeMs;
	const hit = cache.get(file);
	if (hit && hit.mtime === mtime) return hit.result;
	const parsed = parseYamlWith(readFileSync(file, 'utf8'), file, (v) => ReferenceSchema.safeParse(v, { error: editorErrorMap(ReferenceSchema) }));
	const problems = [...parsed.problems];
	let ref: LoadedReference | undefined;
	if (parsed.data) {
		const lines: Record<string, number> = {};
		for (const key of Object.keys(parsed.data)) lines[key] = locate(parsed.doc, parsed.counter, [key]).line;
		const expected = basename(file).replace(/\.ya?ml$/, '');
		if (parsed.data.id !== expected) {
			problems.push({ file, line: lines.id ?? 1, column: 1, field: 'id', message: `id "${parsed.data.id}" must equal the file name "${expected}": rename the file or change the id.` });
		}
		ref = { file, data: parsed.data, lines };
	}
	const result = ref ? { ref, problems } : { problems };
	cache.set(file, { mtime, result });
	return result;
}

/** The persistent cache of each (project root, references folder), as loadReferences keeps it. */
const persistent = new Map<string, FileCache<ReturnType<typeof loadReferenceFile>>>();

/**
 * Loads the references with the given citation keys from `dir` (`<key>.yaml` or `<key>.yml`);
 * keys without a file are left out. A page needs only what it cites: at 1,000 references this
 * avoids reading the whole folder for every page. With `root` (the project root), each is read
 * from the persistent cache `loadReferences(dir, root)` keeps (the claim check and every build's
 * site index fill it), so the pages of every shard of a sharded build do not parse the YAML again.
 */
export function loadReferencesByKey(dir: string, keys: Iterable<string>, root?: string): Map<string, LoadedReference> {
	const refs = new Map<string, LoadedReference>();
	let cache: FileCache<ReturnType<typeof loadReferenceFile>> | undefined;
	if (root !== undefined) {
		const id = `${root}\0${dir}`;
		cache = persistent.get(id);
		if (!cache) persistent.set(id, (cache = new FileCache(root, 'references', dir)));
	}
	for (const key of new Set(keys)) {
		for (const ext of ['yaml', 'yml']) {
			const file = join(dir, `${key}.${ext}`);
			// One stat: a file unchanged since this process last read it is not looked up again
			// (every guideline page of a build asks for the references it cites).
			const st = statSync(file, { throwIfNoEntry: false });
			if (!st) continue;
			const seen = lastRead.get(file);
			let ref: LoadedReference | undefined;
			if (seen && seen.cache === cache && seen.size === st.size && seen.mtimeMs === st.mtimeMs) ref = seen.ref;
			else {
				ref = (cache ? cache.get(file, () => loadReferenceFile(file)) : loadReferenceFile(file)).ref;
				lastRead.set(file, { cache, size: st.size, mtimeMs: st.mtimeMs, ref });
			}
			if (ref) refs.set(key, ref);
			break;
		}
	}
	return refs;
}

/** What loadReferencesByKey last read for each file, with the file's size and modification time then. */
const lastRead = new Map<string, { cache: FileCache<ReturnType<typeof loadReferenceFile>> | undefined; size: number; mtimeMs: number; ref: LoadedReference | undefined }>();

/**
 * Loads every reference in `dir`; keys are citation keys (file names). With `root` (the project
 * root), what was read is kept in the persistent cache (content/file-cache.ts), so a later run
 * re-reads only the files that changed.
 */
export function loadReferences(dir: string, root?: string): { refs: Map<string, LoadedReference>; problems: LoadProblem[]; hashes: Map<string, string> } {
	const refs = new Map<string, LoadedReference>();
	const problems: LoadProblem[] = [];
	/** Each file's text hash by citation key, when the persistent cache knows it. */
	const hashes = new Map<string, string>();
	if (!existsSync(dir)) return { refs, problems, hashes };
	const cache = root === undefined ? undefined : new FileCache<ReturnType<typeof loadReferenceFile>>(root, 'references', dir);
	const files: string[] = [];
	for (const name of readdirSync(dir).sort()) {
		if (!/\.ya?ml$/.test(name)) continue;
		const file = join(dir, name);
		files.push(file);
		const { ref, problems: p } = cache ? cache.get(file, () => loadReferenceFile(file)) : loadReferenceFile(file);
		problems.push(...p);
		const key = basename(name).replace(/\.ya?ml$/, '');
		if (ref) refs.set(key, ref);
		const hash = cache?.hashOf(file);
		if (hash) hashes.set(key, hashes.has(key) ? `${hashes.get(key)}+${hash}` : hash);
	}
	cache?.retain(files);
	cache?.save();
	return { refs, problems, hashes };
}
