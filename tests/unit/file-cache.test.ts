import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCache, staleCacheFolders, UNUSED_DAYS } from '../../src/lib/content/file-cache.ts';

describe('FileCache (the content index between runs)', () => {
	let dir: string;
	let file: string;
	const previous = process.env.EH_CACHE_DIR;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'eh-file-cache-'));
		process.env.EH_CACHE_DIR = join(dir, 'cache');
		file = join(dir, 'page.mdx');
		writeFileSync(file, 'first');
	});
	afterEach(() => {
		rmSync(dir, { recursive: true, force: true });
		if (previous === undefined) delete process.env.EH_CACHE_DIR;
		else process.env.EH_CACHE_DIR = previous;
	});
	/** A new cache object per call, as each `npm run check` is a new process. */
	function run(): { value: string; computed: number } {
		const cache = new FileCache<string>(dir, 'test', 'scope');
		let computed = 0;
		const value = cache.get(file, (text) => {
			computed++;
			return text.toUpperCase();
		});
		cache.save();
		return { value, computed };
	}

	test('an unchanged file is not read again on the next run', () => {
		expect(run()).toEqual({ value: 'FIRST', computed: 1 });
		expect(run()).toEqual({ value: 'FIRST', computed: 0 });
	});
	test('an edited file is recomputed', () => {
		run();
		writeFileSync(file, 'second!');
		expect(run()).toEqual({ value: 'SECOND!', computed: 1 });
	});
	test("an edit that keeps the file's length is caught (its modification time moved)", () => {
		run();
		writeFileSync(file, 'fixed');
		utimesSync(file, new Date(), new Date(Date.now() + 5000));
		expect(run()).toEqual({ value: 'FIXED', computed: 1 });
	});
	test('a touched but unchanged file is reused (same text hash)', () => {
		run();
		utimesSync(file, new Date(), new Date(Date.now() + 5000));
		expect(run()).toEqual({ value: 'FIRST', computed: 0 });
	});
	test('with EH_CHECK_CACHE=0 nothing is cached', () => {
		process.env.EH_CHECK_CACHE = '0';
		try {
			run();
			expect(run().computed).toBe(1);
		} finally {
			delete process.env.EH_CHECK_CACHE;
		}
	});

	test('a new cache folder removes its stale siblings: older code for the same scope, long-unused scopes, unmarked leftovers', () => {
		const index = join(dir, 'cache', 'evidence-index');
		const scope = createHash('sha1').update('scope').digest('hex').slice(0, 16);
		const old = new Date(Date.now() - (UNUSED_DAYS + 1) * 24 * 3600 * 1000);
		const folder = (name: string, marker?: string, used?: Date) => {
			mkdirSync(join(index, name), { recursive: true });
			if (marker !== undefined) writeFileSync(join(index, name, 'scope'), marker);
			if (used) utimesSync(marker !== undefined ? join(index, name, 'scope') : join(index, name), used, used);
		};
		folder('test-00000000000000a1', scope); // same cache and scope, older code
		folder('test-00000000000000a2', 'f'.repeat(16)); // another scope, used recently
		folder('test-00000000000000a3', 'e'.repeat(16), old); // another scope, unused for too long
		folder('test-00000000000000a4', undefined, old); // unmarked leftover
		folder('test-00000000000000a5'); // unmarked, just created (another run may be writing it)
		folder('other-00000000000000a6', scope); // another cache
		run();
		expect(readdirSync(index).sort()).toEqual(expect.arrayContaining(['other-00000000000000a6', 'test-00000000000000a2', 'test-00000000000000a5']));
		for (const gone of ['test-00000000000000a1', 'test-00000000000000a3', 'test-00000000000000a4']) expect(existsSync(join(index, gone))).toBe(false);
		// The run's own folder is kept and marked, and still serves the next run.
		expect(readdirSync(index)).toHaveLength(4);
		expect(run().computed).toBe(0);
	});
});

describe('staleCacheFolders', () => {
	const now = Date.UTC(2026, 10, 25);
	const day = 24 * 3600 * 1000;
	const self = { folder: 'pages-1111111111111111', name: 'pages', scope: 'aaaaaaaaaaaaaaaa' };
	test('only folders of the same cache, never itself', () => {
		const folders = [
			{ folder: self.folder, scope: self.scope, usedMs: now },
			{ folder: 'page-checks-2222222222222222', scope: self.scope, usedMs: now },
			{ folder: 'pages-3333333333333333', scope: self.scope, usedMs: now },
		];
		expect(staleCacheFolders(folders, self, now)).toEqual(['pages-3333333333333333']);
	});
	test('another scope is kept until unused for UNUSED_DAYS', () => {
		const other = (usedMs: number) => [{ folder: 'pages-4444444444444444', scope: 'bbbbbbbbbbbbbbbb', usedMs }];
		expect(staleCacheFolders(other(now - (UNUSED_DAYS - 1) * day), self, now)).toEqual([]);
		expect(staleCacheFolders(other(now - (UNUSED_DAYS + 1) * day), self, now)).toEqual(['pages-4444444444444444']);
	});
});
