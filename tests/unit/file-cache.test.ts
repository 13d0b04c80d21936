import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCache } from '../../src/lib/content/file-cache.ts';

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
});
