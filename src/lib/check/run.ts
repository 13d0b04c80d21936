/**
 * Runs every check over the content and summarises the result.
 *
 * After an edit, the work follows what changed, not the size of the site (12,000 guidelines:
 * `npm run check` ≤ 2 s after editing one). Two persistent caches (content/file-cache.ts), keyed by
 * each file's text:
 * - every page's digest (what the site-wide checks need: the keys it cites, its review dates) and
 *   the findings of the page checks, with the context they were computed in;
 * - every page's full summary (claims, headings), read only for pages whose findings must be
 *   recomputed and for the guidelines protocols point at.
 * A page's findings are reused when its text is unchanged and so is their context: the topics,
 * disclaimers and settings, today's date (the schema rejects review dates in the future), and the
 * file of every reference the page cites (all reference keys when it cites one that does not exist,
 * for "did you mean"). The site-wide checks (unused references, file names, protocols, review
 * cycle) run in full every time, over the digests. Without a cache (EH_CHECK_CACHE=0) every page
 * is read and checked.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadSiteData, pageFiles, type LoadOptions } from '../content/load.ts';
import { FileCache } from '../content/file-cache.ts';
import { summarizePage } from '../content/page.ts';
import { digestOf } from '../content/pages.ts';
import { isoDay } from '../review.ts';
import { PAGE_CHECKS, SITE_CHECKS, type SiteView } from './checks.ts';
import type { Finding } from '../findings/finding.ts';
import type { IndexedPage, PageDigest } from '../content/types.ts';

export interface CheckResult {
	findings: Finding[];
	stats: { guidelines: number; pages: number; claims: number; citations: number; references: number; exceptions: number };
}

/** What is cached per page file. */
interface PageRecord {
	digest: PageDigest;
	/**
	 * The page checks' findings about this page, the context (pageContext) they hold in, and the
	 * fingerprint of the whole site's context when that was last confirmed (a shortcut: while the
	 * fingerprint is unchanged, no page's context needs computing).
	 */
	checked?: { context: string; fingerprint: string; findings: Finding[] };
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const byPlace = new Intl.Collator('en').compare;

export async function runCheck(options: LoadOptions): Promise<CheckResult> {
	const root = options.root;
	const contentDir = options.contentDir ?? join(root, 'content');
	const scope = `${root}\0${contentDir}`;
	const files = pageFiles(contentDir);
	const summaries = new FileCache<IndexedPage>(root, 'pages', scope);
	const records = new FileCache<PageRecord>(root, 'page-checks', scope);

	const full = new Map<string, IndexedPage>();
	const summary = (file: string): IndexedPage => {
		let page = full.get(file);
		if (!page) {
			page = summaries.get(file, (text) => summarizePage(root, contentDir, file, text));
			full.set(file, page);
		}
		return page;
	};
	const pages = files.map((file) => ({ file, record: records.get(file, () => ({ digest: digestOf(summary(file)) })) }));
	const data = loadSiteData(options);

	// The context a page's findings hold in (see the comment at the top).
	const site = sha1(JSON.stringify([[...data.topics].sort(), [...data.disclaimers].sort(), data.settings, isoDay(data.now)]));
	const keys = [...new Set([...data.referenceFiles, ...data.references.keys()])].sort();
	let allKeys: string | undefined;
	const referenceState = (key: string): string => {
		const hash = data.referenceHashes.get(key);
		if (hash) return hash;
		const ref = data.references.get(key);
		if (ref) return sha1(JSON.stringify(ref.data));
		return data.referenceFiles.has(key) ? 'invalid' : 'missing';
	};
	const pageContext = (digest: PageDigest): string => {
		const parts = [site];
		for (const key of digest.citedKeys) {
			const state = referenceState(key);
			parts.push(key, state);
			if (state === 'missing') parts.push((allKeys ??= sha1(keys.join('\n'))));
		}
		return sha1(parts.join('\0'));
	};

	const fingerprint = sha1([site, ...keys.map((key) => `${key}\0${referenceState(key)}`)].join('\n'));

	// Page checks, only where the page or its context changed.
	const stale = pages.flatMap(({ file, record }) => {
		if (record.checked?.fingerprint === fingerprint) return [];
		const context = pageContext(record.digest);
		if (record.checked?.context !== context) return [{ file, record, context }];
		record.checked.fingerprint = fingerprint;
		records.update(file, record);
		return [];
	});
	if (stale.length) {
		const checked = stale.map(({ file }) => summary(file));
		const subIndex = { ...data, pages: checked };
		const found = new Map<string, Finding[]>(checked.map((page) => [page.file, []]));
		for (const f of PAGE_CHECKS.flatMap((check) => check(subIndex))) found.get(f.file)?.push(f);
		for (const { file, record, context } of stale) {
			record.checked = { context, fingerprint, findings: found.get(record.digest.file) ?? [] };
			records.update(file, record);
		}
	}

	const digests = pages.map(({ record }) => record.digest);
	const byId = new Map(pages.map(({ file, record }) => [record.digest.id, file]));
	const view: SiteView = {
		...data,
		pages: digests,
		page: (id) => {
			const file = byId.get(id);
			return file === undefined ? undefined : summary(file);
		},
	};
	const findings = [
		...digests.flatMap((d) => d.findings),
		...data.loadFindings,
		...pages.flatMap(({ record }) => record.checked?.findings ?? []),
		...SITE_CHECKS.flatMap((check) => check(view)),
	].sort((a, b) => byPlace(a.file, b.file) || a.line - b.line || a.column - b.column || byPlace(a.rule, b.rule));

	records.retain(files);
	records.save();
	summaries.save();

	const guidelines = digests.filter((d) => d.type === 'guideline');
	return {
		findings,
		stats: {
			guidelines: guidelines.length,
			pages: digests.length,
			claims: guidelines.reduce((n, d) => n + d.claims, 0),
			citations: guidelines.reduce((n, d) => n + d.citations, 0),
			references: data.references.size,
			exceptions: findings.filter((f) => f.rule === 'exception').length,
		},
	};
}
