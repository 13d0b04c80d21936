import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRUNED_MARKER, pruneFormatCache, touchEntry } from '../../src/lib/references/format-cache-prune.ts';
import { UNUSED_DAYS } from '../../src/lib/content/file-cache.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-25T12:00:00Z');

function cache(entries: Record<string, number>): string {
	const dir = mkdtempSync(join(tmpdir(), 'eh-csl-'));
	for (const [name, daysAgo] of Object.entries(entries)) {
		writeFileSync(join(dir, name), 'formatted');
		const at = new Date(NOW - daysAgo * DAY);
		utimesSync(join(dir, name), at, at);
	}
	return dir;
}

describe('pruning the formatted-reference cache', () => {
	it(`removes the entries unused for more than ${UNUSED_DAYS} days and keeps the others`, () => {
		const dir = cache({ 'old.txt': UNUSED_DAYS + 1, 'recent.txt': 1, 'edge.txt': UNUSED_DAYS - 0.5 });
		try {
			expect(pruneFormatCache(dir, { now: NOW })).toBe(1);
			expect(readdirSync(dir).sort()).toEqual([PRUNED_MARKER, 'edge.txt', 'recent.txt']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('prunes at most once a day', () => {
		const dir = cache({ 'a.txt': UNUSED_DAYS + 3 });
		try {
			expect(pruneFormatCache(dir, { now: NOW - 2 * DAY, unusedDays: UNUSED_DAYS + 5 })).toBe(0);
			// Pruned two days ago: due again; pruned an hour ago: skipped.
			expect(pruneFormatCache(dir, { now: NOW })).toBe(1);
			writeFileSync(join(dir, 'b.txt'), 'x');
			utimesSync(join(dir, 'b.txt'), new Date(NOW - 100 * DAY), new Date(NOW - 100 * DAY));
			expect(pruneFormatCache(dir, { now: NOW + 60 * 60 * 1000 })).toBe(0);
			expect(existsSync(join(dir, 'b.txt'))).toBe(true);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('an entry read is marked used, so it is kept', () => {
		const dir = cache({ 'used.txt': UNUSED_DAYS + 10 });
		try {
			touchEntry(join(dir, 'used.txt'), new Date(NOW));
			expect(statSync(join(dir, 'used.txt')).mtimeMs).toBe(NOW);
			expect(pruneFormatCache(dir, { now: NOW })).toBe(0);
			expect(existsSync(join(dir, 'used.txt'))).toBe(true);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('does nothing without a cache folder', () => {
		expect(pruneFormatCache(join(tmpdir(), 'eh-no-such-cache-folder'), { now: NOW })).toBe(0);
		expect(existsSync(join(tmpdir(), 'eh-no-such-cache-folder'))).toBe(false);
	});
});
