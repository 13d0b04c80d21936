/**
 * Remark plugin: renders guideline pages from `content/` (see `src/lib/claims/`). Runs in the
 * unified Markdown pipeline, which is why astro.config.mjs selects `unified()` over Astro 7's
 * default Sätteri processor (Sätteri does not run remark plugins).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { analyzePage } from '../claims/page.ts';
import { renderGuideline, setProps } from '../claims/render.ts';
import { stripMarkers } from '../claims/markers.ts';
import { loadReferencesByKey } from '../references/load.ts';
import { EvidenceGapSchema, type EvidenceGap } from '../../schemas/evidence-gap.ts';
import { visit } from 'unist-util-visit';

export interface RemarkEvidenceOptions {
	/** Absolute path of the content folder; files elsewhere are left alone. */
	contentDir: string;
	/** Absolute path of the references folder. */
	referencesDir: string;
}

interface AstroData {
	astro?: { frontmatter?: Record<string, unknown> };
}

export function remarkEvidence(options: RemarkEvidenceOptions) {
	return (tree: Root, file: VFile) => {
		if (!file.path?.startsWith(options.contentDir)) return;
		const frontmatter = (file.data as AstroData).astro?.frontmatter ?? {};
		const analysis = analyzePage(tree, frontmatter);
		if (frontmatter.type !== 'guideline') {
			// Editorial pages: permanent heading ids only.
			for (const heading of analysis.headings) {
				setProps(heading.node, { id: heading.id });
				visit(heading.node, 'text', (node) => {
					node.value = node.value.includes('[') ? stripMarkers(node.value) : node.value;
				});
			}
			return;
		}
		const gaps: EvidenceGap[] = [];
		for (const raw of Array.isArray(frontmatter.evidenceGaps) ? frontmatter.evidenceGaps : []) {
			const parsed = EvidenceGapSchema.safeParse(raw);
			if (parsed.success) gaps.push(parsed.data);
		}
		const claims = analysis.bottomLine ? [analysis.bottomLine, ...analysis.claims] : analysis.claims;
		const keys = claims.flatMap((claim) => claim.cites.flatMap((cite) => (cite.type === 'ref' ? [cite.key] : [])));
		const refs = loadReferencesByKey(options.referencesDir, keys);
		renderGuideline(tree, { headings: analysis.headings, claims: analysis.claims, bottomLine: analysis.bottomLine, gaps, refs });
	};
}
