/**
 * A persistent cache of what was computed from each content file, so that `npm run check` after
 * editing one guideline re-reads only that file, however many there are (issue: 12,000 guidelines,
 * check ≤ 2 s). An entry is reused when the file's size and modification time are unchanged, or,
 * when they changed, when its text hashes the same (a checkout or `touch` that changed nothing).
 * Entries are also keyed by a version: the hash of the code that computes them, so changing the
 * analysis or a schema never serves a stale result.
 *
 * Stored in a few shards (v8-serialized) so that one edit rewrites one shard, not the whole cache.
 * One folder per code version and scope; a run that saves removes the folders it makes stale
 * (`staleCacheFolders`): the same cache's folders for older code, and any left unused for
 * `UNUSED_DAYS` (a content folder that no longer exists, e.g. a test's scratch copy), so the cache
 * does not grow with every code change. Without a cache folder (EH_CHECK_CACHE=0, or bundled code whose sources are not on disk) every
 * lookup computes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cacheDir } from '../paths.ts';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';

interface Entry<T> {
	size: number;
	mtimeMs: number;
	hash: string;
	value: T;
}

const SHARDS = 32;
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** Folders whose code decides what the content index holds (relative to src/lib/content/). */
// The checks too: per-page findings are cached (check/run.ts), so a changed rule must invalidate them.
const CODE_DIRS = ['./', '../claims/', '../references/', '../markdown/', '../findings/', '../check/', '../check/rules/', '../../schemas/'];
const CODE_FILES = ['../zod-messages.ts', '../editor-guide/fields.ts'];
let codeVersion: string | null | undefined;

/**
 * Hash of every source file the content index is computed by, or null when the sources are not on
 * disk (code bundled into the Astro build from elsewhere): then nothing is cached.
 */
export function contentCodeVersion(): string | null {
	if (codeVersion !== undefined) return codeVersion;
	// Next to this module when run from source (npm run check); from the project's src/ when bundled
	// into the Astro build (the site's evidence pages then reuse what the check cached).
	const bases = [new URL('./', import.meta.url), pathToFileURL(join(process.cwd(), 'src', 'lib', 'content', '/'))];
	codeVersion = null;
	for (const base of bases) {
		try {
			const files = [
				...CODE_DIRS.flatMap((d) => {
					const dir = new URL(d, base);
					return readdirSync(dir)
						.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
						.sort()
						.map((f) => new URL(f, dir));
				}),
				...CODE_FILES.map((f) => new URL(f, base)),
			];
			codeVersion = sha1(files.map((f) => `${f.pathname}\0${readFileSync(f, 'utf8')}`).join('\0'));
			break;
		} catch {
			// Not here: try the next place, or run without a cache.
		}
	}
	return codeVersion;
}

/** A cache folder not used for this many days is removed by the next run that saves. */
export const UNUSED_DAYS = 14;
/** Marks a folder with its scope's hash; its modification time is the folder's last use. */
const SCOPE_FILE = 'scope';

export interface CacheFolder {
	/** Folder name: `<name>-<hash of code version and scope>`. */
	folder: string;
	/** Hash of its scope (its SCOPE_FILE), undefined when it has none (written before folders were marked). */
	scope: string | undefined;
	/** Last use (SCOPE_FILE's modification time; the folder's own when it has none), ms. */
	usedMs: number;
}

/**
 * Which sibling folders of the cache folder `self` (of cache `name`, scope hash `scope`) to remove:
 * the same cache and scope for other code versions (never read again), folders of this cache
 * unused for UNUSED_DAYS, and unmarked ones older than an hour (from before folders were marked;
 * the hour spares one another process is creating right now).
 */
export function staleCacheFolders(folders: readonly CacheFolder[], self: { folder: string; name: string; scope: string }, nowMs: number): string[] {
	const day = 24 * 60 * 60 * 1000;
	return folders
		.filter((f) => f.folder !== self.folder && f.folder.startsWith(`${self.name}-`) && /^[0-9a-f]{16}$/.test(f.folder.slice(self.name.length + 1)))
		.filter((f) => (f.scope === undefined ? nowMs - f.usedMs > day / 24 : f.scope === self.scope || nowMs - f.usedMs > UNUSED_DAYS * day))
		.map((f) => f.folder);
}

export class FileCache<T> {
	readonly #dir: string | undefined;
	readonly #name: string;
	readonly #scope: string;
	readonly #shards = new Map<number, Map<string, Entry<T>>>();
	readonly #dirty = new Set<number>();

	/**
	 * @param root project root (the cache lives in its node_modules/.cache, or EH_CACHE_DIR)
	 * @param name what is cached, e.g. "pages"
	 * @param scope anything else the values depend on (e.g. the content folder)
	 */
	constructor(root: string, name: string, scope: string) {
		this.#name = name;
		this.#scope = sha1(scope).slice(0, 16);
		const version = contentCodeVersion();
		if (process.env.EH_CHECK_CACHE === '0' || version === null) return;
		this.#dir = join(cacheDir('evidence-index', root), `${name}-${sha1(`${version}\0${scope}`).slice(0, 16)}`);
		// Used now (see UNUSED_DAYS).
		try {
			const now = new Date();
			utimesSync(join(this.#dir, SCOPE_FILE), now, now);
		} catch {
			// Not created yet: save() marks it.
		}
	}

	#shardOf(file: string): number {
		return Number.parseInt(sha1(file).slice(0, 4), 16) % SHARDS;
	}

	#shard(n: number): Map<string, Entry<T>> {
		let shard = this.#shards.get(n);
		if (shard) return shard;
		shard = new Map();
		const path = this.#dir && join(this.#dir, `${n}.v8`);
		if (path && existsSync(path)) {
			try {
				shard = deserialize(readFileSync(path)) as Map<string, Entry<T>>;
			} catch {
				// A damaged shard is rebuilt.
				shard = new Map();
			}
		}
		this.#shards.set(n, shard);
		return shard;
	}

	/** The value for `file`: cached when the file is unchanged, else `compute(text)` (and cached). */
	get(file: string, compute: (text: string) => T): T {
		if (!this.#dir) return compute(readFileSync(file, 'utf8'));
		const n = this.#shardOf(file);
		const shard = this.#shard(n);
		const st = statSync(file);
		const hit = shard.get(file);
		if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.value;
		const text = readFileSync(file, 'utf8');
		const hash = sha1(text);
		const value = hit && hit.hash === hash ? hit.value : compute(text);
		shard.set(file, { size: st.size, mtimeMs: st.mtimeMs, hash, value });
		this.#dirty.add(n);
		return value;
	}

	/** Whether values persist between runs (false: every `get` computes). */
	get persistent(): boolean {
		return this.#dir !== undefined;
	}

	/** The hash of `file`'s text as of the last `get` (undefined without a cache, or before `get`). */
	hashOf(file: string): string | undefined {
		return this.#dir ? this.#shard(this.#shardOf(file)).get(file)?.hash : undefined;
	}

	/**
	 * Replaces the value cached for `file` (after `get`, for the same text), e.g. to add what was
	 * computed later from it. Ignored without a cache or when `file` has no entry.
	 */
	update(file: string, value: T): void {
		if (!this.#dir) return;
		const n = this.#shardOf(file);
		const entry = this.#shard(n).get(file);
		if (!entry) return;
		entry.value = value;
		this.#dirty.add(n);
	}

	/** Drops entries of files not in `keep` (deleted or renamed files), so the cache does not grow forever. */
	retain(keep: Iterable<string>): void {
		const wanted = new Set(keep);
		for (const [n, shard] of this.#shards) {
			for (const file of shard.keys()) {
				if (!wanted.has(file)) {
					shard.delete(file);
					this.#dirty.add(n);
				}
			}
		}
	}

	/** Writes the shards that changed (each atomically: a reader never sees half a shard), then removes stale folders. */
	save(): void {
		if (!this.#dir || this.#dirty.size === 0) return;
		mkdirSync(this.#dir, { recursive: true });
		const marker = join(this.#dir, SCOPE_FILE);
		if (!existsSync(marker)) {
			writeFileSync(marker, this.#scope);
			this.#prune();
		}
		for (const n of this.#dirty) {
			const path = join(this.#dir, `${n}.v8`);
			const tmp = `${path}.${process.pid}.tmp`;
			writeFileSync(tmp, serialize(this.#shards.get(n) ?? new Map()));
			renameSync(tmp, path);
		}
		this.#dirty.clear();
	}

	/** Removes the stale sibling folders (staleCacheFolders); run when this folder is first written. */
	#prune(): void {
		const parent = dirname(this.#dir!);
		const folders: CacheFolder[] = [];
		for (const folder of readdirSync(parent)) {
			const path = join(parent, folder);
			try {
				const marked = existsSync(join(path, SCOPE_FILE));
				folders.push({ folder, scope: marked ? readFileSync(join(path, SCOPE_FILE), 'utf8') : undefined, usedMs: statSync(marked ? join(path, SCOPE_FILE) : path).mtimeMs });
			} catch {
				// Removed meanwhile by another run.
			}
		}
		for (const folder of staleCacheFolders(folders, { folder: basename(this.#dir!), name: this.#name, scope: this.#scope }, Date.now())) {
			rmSync(join(parent, folder), { recursive: true, force: true });
		}
	}
}
