/**
 * Adds a generated guideline to a content folder the way an editor would (files only, no code):
 * a new topic, two new references, a published guideline with sections, a list, a table, a callout
 * and an evidence gap, a draft guideline, and a reference nothing cites. Used to prove that a
 * content change needs no code change (tests/site/second-guideline.test.ts).
 */
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Generated {
	topic: string;
	/** Entry ids, e.g. guidelines/generated-topic/generated-guideline. */
	published: string;
	draft: string;
	references: string[];
	unusedReference: string;
	/** Claim ids given explicitly in the published guideline. */
	claimIds: string[];
	/** Text only the draft contains. */
	draftMarker: string;
}

const reference = (id: string, family: string, year: number, title: string) => `id: ${id}
type: article-journal
title: ${title}
author:
  - family: ${family}
    given: A B
  - family: Generated
    given: C
container-title: Journal of Generated Fixtures
issued: { date-parts: [[${year}]] }
volume: 12
page: 101-9
x-evidence:
  kind: cohort
  tier: primary
  publisher: Journal of Generated Fixtures
`;

export function addGeneratedGuideline(contentDir: string, topic = 'generated-topic'): Generated {
	const disclaimer = readdirSync(join(contentDir, 'disclaimers')).find((f) => f.endsWith('.yaml'))!.replace(/\.yaml$/, '');
	appendFileSync(join(contentDir, 'topics.yaml'), `\n- id: ${topic}\n  label: Generated topic\n  description: A topic added by a test, the way an editor adds one.\n  order: 900\n`);
	const refs = [`${topic}-cohort-2021`, `${topic}-trial-2023`];
	writeFileSync(join(contentDir, 'references', `${refs[0]}.yaml`), reference(refs[0]!, 'Alpha', 2021, 'A generated cohort study of knee loading.'));
	writeFileSync(join(contentDir, 'references', `${refs[1]}.yaml`), reference(refs[1]!, 'Beta', 2023, 'A generated trial of graded loading.'));
	const unused = `${topic}-unused-2020`;
	writeFileSync(join(contentDir, 'references', `${unused}.yaml`), reference(unused, 'Gamma', 2020, 'A generated reference that nothing cites.'));
	const folder = join(contentDir, 'guidelines', topic);
	mkdirSync(folder, { recursive: true });
	const page = (title: string, status: string, extra: string) => `---
type: guideline
title: ${title}
bottomLine: Load the knee gradually over six weeks, guided by pain during and after exercise. [@${refs[0]}; @${refs[1]}]
audience: [clinicians]
topics: [${topic}]
review:
  status: ${status}
evidenceGaps:
  - id: generated-gap
    kind: unsupported-statement
    reason: The generated source gives this figure without a reference.
disclaimer: ${disclaimer}
---

## Assessment [#generated-assessment]

Ask about pain during stairs and squatting. [@${refs[0]}] [#generated-history]

Examine for: [not-a-claim]

- Pain on single-leg squat [@${refs[0]}] [#generated-squat]
- Tenderness at the patellar facets [@${refs[1]}] [#generated-facets]

## Management [#generated-management]

| Week | Load |
| --- | --- |
| 1-2 | Isometric holds, 5 × 45 s [@${refs[1]}] |
| 3-6 | Slow squats, 3 × 15 [@${refs[1]}] |

:::caution[Pitfall]
Do not increase load while pain lasts into the next day. [@${refs[0]}] [#generated-pitfall]
:::

Most patients improve within 12 weeks. [!generated-gap] [#generated-prognosis]
${extra}`;
	const draftMarker = 'generated draft marker text';
	writeFileSync(join(folder, 'generated-guideline.mdx'), page('How should a generated knee condition be managed?', 'submitted', ''));
	writeFileSync(join(folder, 'generated-draft.mdx'), page('Does a generated draft stay unpublished?', 'draft', `\nThis sentence is the ${draftMarker}. [@${refs[0]}] [#generated-draft-only]\n`));
	return {
		topic,
		published: `guidelines/${topic}/generated-guideline`,
		draft: `guidelines/${topic}/generated-draft`,
		references: refs,
		unusedReference: unused,
		claimIds: ['generated-history', 'generated-squat', 'generated-facets', 'generated-pitfall', 'generated-prognosis'],
		draftMarker,
	};
}
