import { LinkChecker } from 'linkinator';
import { test } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
test('x', async () => {
  cpSync('/tmp/eh-quality/dist', '/tmp/eh-quality/lk', { recursive: true });
  const f = '/tmp/eh-quality/lk/editorial-policy/index.html';
  writeFileSync(f, readFileSync(f, 'utf8').replace('</main>', '<a href="/guidelines/running-injuries/runner-medial-thigh-knee-pain/#nope">x</a><a href="#nope2">y</a><a href="/missing/">z</a></main>'));
  const r = await new LinkChecker().check({ path: ['', '404.html', 'editorial-policy/'], serverRoot: '/tmp/eh-quality/lk', recurse: true, checkFragments: true, linksToSkip: async (l) => /^https?:\/\//.test(l) && !/127\.0\.0\.1|localhost/.test(l) });
  const m: Record<string, number> = {};
  for (const l of r.links) m[l.state] = (m[l.state] ?? 0) + 1;
  console.log(m, r.links.filter((l) => l.state !== 'SKIPPED').map((l) => `${l.state} ${l.url}`).slice(0, 60).join('\n'));
}, 60000);
