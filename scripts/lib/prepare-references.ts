/**
 * The reference half of a sharded build's prepare stage (scripts/lib/astro-build.ts): formats every
 * reference of the content folder into the reference-format cache (src/lib/references/csl.ts), in
 * batches, as the first guideline page of a one-process build does (src/lib/markdown/evidence-plugin.ts),
 * so that every shard, running at the same time as the others, reads each reference its pages cite
 * from the cache instead of formatting it (or the whole site's references) again. Run as its own
 * process, alongside `astro sync`; finds its folders through src/lib/paths.ts.
 */
import { join } from 'node:path';
import { loadReferences } from '../../src/lib/references/load.ts';
import { prepareReferencesHtml } from '../../src/lib/references/csl.ts';
import { contentDir } from '../../src/lib/paths.ts';

const root = process.cwd();
const started = performance.now();
const { refs } = loadReferences(join(contentDir(root), 'references'), root);
prepareReferencesHtml([...refs.values()].map((ref) => ref.data));
const { user, system } = process.cpuUsage();
console.log(`Formatted ${refs.size} references in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`CPU: ${(user / 1e6).toFixed(2)} s user + ${(system / 1e6).toFixed(2)} s system`);
