/**
 * The per-statement history of a published guideline, for its page: statements changed since the
 * last clinical review and per dated "Changes" entry (history.ts), computed only for pages that
 * have a review date or change entries.
 */
import { resolve } from 'node:path';
import { siteIndex } from '../content/site-index.ts';
import { guidelineSnapshot } from './snapshot.ts';
import { statementHistory, type StatementHistory } from './history.ts';

export async function guidelineHistory(id: string, filePath: string, lastReviewed: Date | undefined, changelog: readonly Date[]): Promise<StatementHistory | undefined> {
	if (!lastReviewed && changelog.length === 0) return undefined;
	const index = await siteIndex();
	const page = index.pages.find((p) => p.id === id);
	if (!page) return undefined;
	const root = process.cwd();
	return statementHistory({ file: resolve(root, filePath), root, contentDir: index.contentDir, current: guidelineSnapshot(page), lastReviewed, changelog: [...changelog] });
}
