/** Reader-facing names of evidence kinds. */
import type { EvidenceKind } from '../../schemas/reference.ts';

const LABELS: Record<EvidenceKind, string> = {
	'clinical-guideline': 'Clinical guideline',
	'systematic-review': 'Systematic review',
	rct: 'Randomised controlled trial',
	cohort: 'Cohort study',
	'case-series': 'Case series',
	'narrative-review': 'Narrative review',
	'expert-opinion': 'Expert opinion',
	unclassified: 'Unclassified',
};

export function describeKind(kind: EvidenceKind): string {
	return LABELS[kind];
}
