// Regenerates the README screenshot from a fresh dist/:
//   make build && node tests/e2e/screenshot.mjs
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, serveDist } from './harness.mjs';

const out = fileURLToPath(new URL('../../www/screenshot.png', import.meta.url));
const site = await serveDist();
const browser = await launchBrowser();
const { page } = await openPage(browser, { viewport: { width: 1200, height: 760 } });
await page.goto(site.url + '#/sandbox');
await page.locator('.findings .finding').first().waitFor();
await page.screenshot({ path: out });
await browser.close();
await site.close();
console.log(`wrote ${out}`);
