import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import sirv from 'sirv';
const serve = sirv('dist', { dev: false, extensions: ['html'] });
const server = createServer((req, res) => serve(req, res, () => { res.statusCode = 404; res.end('nf'); }));
await new Promise<void>((r) => server.listen(4599, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const shots = JSON.parse(process.argv[2]!) as { path: string; name: string; width?: number; height?: number; dark?: boolean; full?: boolean; action?: string; selector?: string }[];
for (const s of shots) {
  const ctx = await browser.newContext({ viewport: { width: s.width ?? 1280, height: s.height ?? 900 }, colorScheme: s.dark ? 'dark' : 'light' });
  const page = await ctx.newPage();
  if (s.dark) await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto(`http://127.0.0.1:4599${s.path}`, { waitUntil: 'networkidle' });
  if (s.action) await page.evaluate(s.action);
  await page.waitForTimeout(300);
  if (s.selector) await page.locator(s.selector).first().screenshot({ path: `/tmp/shots/${s.name}.png` });
  else await page.screenshot({ path: `/tmp/shots/${s.name}.png`, fullPage: s.full ?? false });
  await ctx.close();
}
await browser.close(); server.close();
