/**
 * Keeps the formatted-reference cache (`evidence-csl`, references/csl.ts) from growing forever.
 * Its entries are named by a hash of what they were made from (the reference's data, the output
 * kind, the library versions), so an edited reference or an upgraded library leaves the old entry
 * behind, never used again. An entry's modification time is its last use (csl.ts touches an entry
 * it reads from disk); `pruneFormatCache` removes the entries unused for `UNUSED_DAYS` (as the
 * content-index cache does, content/file-cache.ts), at most once a day: a marker file's time says
 * when the folder was last pruned. Removing an entry another process is about to read only makes
 * that process format the reference again.
 */
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNUSED_DAYS } from '../content/file-cache.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The marker whose modification time is the last pruning. */
export const PRUNED_MARKER = '.pruned';

/** Marks an entry as used now (its modification time is its last use). */
export function touchEntry(path: string, now = new Date()): void {
	try {
		utimesSync(path, now, now);
	} catch {
		// Removed meanwhile, or a read-only cache: the entry is only pruned sooner.
	}
}

/**
 * Removes the entries of `dir` unused for `unusedDays`, unless the folder was pruned less than a
 * day ago. Returns the number removed (0 when skipped or when the folder does not exist).
 */
export function pruneFormatCache(dir: string, { now = Date.now(), unusedDays = UNUSED_DAYS } = {}): number {
	const marker = join(dir, PRUNED_MARKER);
	try {
		if (now - statSync(marker).mtimeMs < DAY_MS) return 0;
	} catch {
		// Never pruned (or no folder yet).
	}
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return 0;
	}
	let removed = 0;
	for (const name of names) {
		if (name === PRUNED_MARKER) continue;
		const path = join(dir, name);
		try {
			if (now - statSync(path).mtimeMs > unusedDays * DAY_MS) {
				rmSync(path, { force: true });
				removed++;
			}
		} catch {
			// Removed meanwhile by another process.
		}
	}
	try {
		writeFileSync(marker, '');
		utimesSync(marker, new Date(now), new Date(now));
	} catch {
		// A read-only cache: nothing was removed either.
	}
	return removed;
}
