/**
 * Where a statement sits on a guideline page: the kinds the claim analysis gives
 * (src/lib/claims/analyze.ts) and the JSON export publishes (src/schemas/guideline-export.ts).
 */
import { z } from 'zod';

export const claimKinds = ['bottom-line', 'paragraph', 'list-item', 'table-row', 'heading'] as const;

export type ClaimKind = (typeof claimKinds)[number];

export const ClaimKindSchema = z.enum(claimKinds).describe('Where the statement sits on the page.');
