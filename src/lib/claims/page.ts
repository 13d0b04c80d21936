/**
 * One guideline page, analysed: body claims, headings and the frontmatter bottom line. Shared by
 * the site's Markdown plugin and the claim check so both see the same claims.
 */
import type { Root } from 'mdast';
import { parseMarkdown } from '../content/parse.ts';
import { analyzeBottomLine, analyzeTree, type Claim, type PageAnalysis } from './analyze.ts';

export interface GuidelinePageAnalysis extends PageAnalysis {
	bottomLine?: Claim | undefined;
}

/** Parses a bottom-line string (plain Markdown, no MDX) into a tree. */
export function parseBottomLine(text: string): Root {
	return parseMarkdown(text);
}

export function analyzePage(body: Root, frontmatter: { type?: unknown; bottomLine?: unknown }): GuidelinePageAnalysis {
	const clinical = frontmatter.type === 'guideline';
	const analysis: GuidelinePageAnalysis = analyzeTree(body, { clinical });
	if (clinical && typeof frontmatter.bottomLine === 'string') {
		const { claim, problems } = analyzeBottomLine(parseBottomLine(frontmatter.bottomLine));
		analysis.bottomLine = claim ?? undefined;
		analysis.problems.push(...problems.map((p) => ({ ...p, inBottomLine: true as const })));
	}
	return analysis;
}
