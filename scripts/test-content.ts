/**
 * `npm run test:content`: what a content-only change (content/, permalinks/) needs before a pull
 * request, and exactly what CI runs for one: the production build (claim check, permalink check,
 * pages, search index, CSP), then every test that reads the real content or the built site (HTML
 * validity, links and anchors, exports, CSP, the seed's fidelity, the editor guide being current).
 * Tests of code on fixtures are left out: a content change cannot change their result.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const site = readdirSync('tests/site')
	.filter((f) => f.endsWith('.test.ts'))
	// These build their own fixture sites or a scratch copy of the project: code properties, not content.
	.filter((f) => !['second-guideline.test.ts', 'drafts.test.ts', 'content-inert.test.ts'].includes(f))
	.map((f) => `tests/site/${f}`);
const unit = ['tests/unit/check-rules.test.ts', 'tests/unit/permalinks.test.ts', 'tests/unit/editor-guide.test.ts'];
const started = performance.now();
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/vitest.config.ts', ...unit, ...site], { stdio: 'inherit' });
console.log(`${r.status === 0 ? '✔' : '✘'} Content checks ${r.status === 0 ? 'passed' : 'failed'} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
process.exit(r.status ?? 1);
