/**
 * `npm run lockfile:platforms`: puts the other platforms' optional native binaries (Astro's
 * compiler, Pagefind) back into package-lock.json after an `npm install` on a machine whose npm
 * registry mirror lacks them. Without these entries `npm ci` refuses to install ("Missing … from
 * lock file"). Entries carry os/cpu, so each machine installs only its own binary.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Entry = { version: string; dev: true; optional: true; cpu?: string[]; libc?: string[]; os?: string[] };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, unknown> };
const version = (name: string) => (lock.packages[`node_modules/${name}`] as { version: string } | undefined)?.version;

const astro = version('@astrojs/compiler-binding');
const pagefind = version('pagefind');
const wanted: [string, string | undefined, string[] | null, string[], string[]?][] = [
	['@astrojs/compiler-binding-android-arm64', astro, ['android'], ['arm64']],
	['@astrojs/compiler-binding-darwin-arm64', astro, ['darwin'], ['arm64']],
	['@astrojs/compiler-binding-darwin-x64', astro, ['darwin'], ['x64']],
	['@astrojs/compiler-binding-linux-arm64-gnu', astro, ['linux'], ['arm64'], ['glibc']],
	['@astrojs/compiler-binding-linux-arm64-musl', astro, ['linux'], ['arm64'], ['musl']],
	['@astrojs/compiler-binding-wasm32-wasi', astro, null, ['wasm32']],
	['@astrojs/compiler-binding-win32-arm64-msvc', astro, ['win32'], ['arm64']],
	['@astrojs/compiler-binding-win32-x64-msvc', astro, ['win32'], ['x64']],
	['@pagefind/darwin-arm64', pagefind, ['darwin'], ['arm64']],
	['@pagefind/darwin-x64', pagefind, ['darwin'], ['x64']],
	['@pagefind/freebsd-x64', pagefind, ['freebsd'], ['x64']],
	['@pagefind/windows-arm64', pagefind, ['win32'], ['arm64']],
	['@pagefind/windows-x64', pagefind, ['win32'], ['x64']],
];
let added = 0;
for (const [name, v, os, cpu, libc] of wanted) {
	const key = `node_modules/${name}`;
	if (!v || lock.packages[key]) continue;
	const entry: Entry = { version: v, dev: true, optional: true, cpu };
	if (libc) entry.libc = libc;
	if (os) entry.os = os;
	lock.packages[key] = entry;
	added++;
}
const [rootKey, ...rest] = Object.keys(lock.packages);
lock.packages = Object.fromEntries([[rootKey!, lock.packages[rootKey!]], ...rest.sort().map((k) => [k, lock.packages[k]] as const)]);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `✔ Added ${added} optional platform entries to package-lock.json.` : '✔ package-lock.json already lists every platform binary.');
