/**
 * Schema for `anchorAliases` in a page's frontmatter (guidelines and editorial pages alike): old
 * anchor ids that must keep landing after an id changed. The page forwards `#old-id` to
 * `#new-id`; `npm run permalinks:check` verifies every alias points at an id the page still has.
 */
import { z } from 'zod';
import { SLUG } from './slug.ts';

const AnchorId = z.string().regex(SLUG, 'Anchor ids are lower-case words joined by hyphens.');

export const AnchorAliasesSchema = z
	.record(AnchorId, AnchorId)
	.default({})
	.describe(
		'When a published id changes or a statement is removed, map the old id to the id that now answers it so links already shared still land: { old-id: new-id }.',
	);
