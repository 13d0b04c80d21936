/**
 * Post-build step: computes the Content-Security-Policy from the built HTML (sha256 of every
 * inline script, see src/lib/csp/policy.ts), writes it into every page as the first `<head>`
 * element and writes `_headers` for static hosts. Runs after `astro build` in scripts/build.ts.
 * Usage: node scripts/csp.ts [outDir]   (default: $EH_OUT_DIR or dist)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPolicy, headersFile, inlineScriptHashes, injectPolicyMeta } from '../src/lib/csp/policy.ts';

const outDir = resolve(process.argv[2] ?? process.env.EH_OUT_DIR ?? 'dist');
const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.html'))
	.map((f) => join(outDir, f));
if (pages.length === 0) {
	console.error(`✘ CSP: no .html files in ${outDir}. Run the Astro build first.`);
	process.exit(1);
}
const html = new Map(pages.map((p) => [p, readFileSync(p, 'utf8')]));
const hashes = new Set<string>();
try {
	for (const [file, text] of html) for (const h of inlineScriptHashes(text, file)) hashes.add(h);
} catch (error) {
	console.error(`✘ CSP: ${(error as Error).message}`);
	process.exit(1);
}
const policy = buildPolicy(hashes);
for (const [file, text] of html) writeFileSync(file, injectPolicyMeta(text, policy));
writeFileSync(join(outDir, '_headers'), headersFile(buildPolicy(hashes, { forHeader: true })));
console.log(`CSP: ${hashes.size} inline script hashes, meta tag in ${pages.length} pages, ${join(outDir, '_headers')} written.`);
