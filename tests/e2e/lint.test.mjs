// The sandbox's Dockerfile linter end to end: findings appear as you type,
// a finding leads to its line, a rule code to its documentation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, serveDist } from './harness.mjs';

describe('sandbox linter', () => {
  let site;
  let browser;
  before(async () => {
    site = await serveDist();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const codes = (page) => page.locator('.findings .code').allTextContents();

  it('lints as you type and explains each rule', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(site.url + '#/sandbox');
    const editor = page.getByRole('textbox', { name: 'Dockerfile' });
    await editor.waitFor();

    await editor.fill('FROM debian\nRUN cd /tmp && apt-get install curl\nMAINTAINER me\n');
    await page.waitForFunction(() => document.querySelectorAll('.findings .finding').length === 7);
    // hadolint's findings (as hadolint 2.15.1 reports them on this file),
    // and Docker's own check on MAINTAINER.
    assert.deepEqual(
      (await codes(page)).sort(),
      ['DL3003', 'DL3006', 'DL3008', 'DL3014', 'DL3015', 'DL4000', 'MaintainerDeprecated'],
    );

    // Going to a finding's line puts the caret at the start of that line.
    await page.getByRole('button', { name: 'Go to line 3' }).first().click();
    const caret = await editor.evaluate((el) => el.selectionStart);
    assert.equal(caret, 'FROM debian\nRUN cd /tmp && apt-get install curl\n'.length);

    await editor.fill('FROM debian:12\n');
    await page.waitForSelector('.lint-clean');

    await editor.fill('FROM debian:12\nFOO bar\n');
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').textContent(), /DL1000.*line 2:1.*unexpected 'F'/s);

    // Docker's own build checks show too, labelled as such.
    await editor.fill('FROM debian:12 as Build\nMAINTAINER me\n');
    await page.waitForFunction(() => [...document.querySelectorAll('.findings .code')].some((e) => e.textContent === 'StageNameCasing'));
    const docker = page.locator('.finding', { hasText: 'StageNameCasing' });
    assert.equal(await docker.locator('.source').textContent(), 'Docker build check');
    assert.match(await docker.locator('.message').textContent(), /Stage name 'Build' should be lowercase/);
    assert.equal(await page.locator('.finding', { hasText: 'DL4000' }).locator('.source').count(), 0);

    await editor.fill('FROM debian:latest\n');
    await page.locator('.findings a.code', { hasText: /^DL3007$/ }).click();
    await page.waitForFunction(() => document.title.startsWith('DL3007'));
    assert.equal(await page.locator('main h2').first().textContent(), 'What it does');
    assert.equal(await page.locator('main pre code').count() >= 2, true);
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('keeps the Dockerfile across reloads', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(site.url + '#/sandbox');
    const editor = page.getByRole('textbox', { name: 'Dockerfile' });
    await editor.fill('FROM alpine:3.20\n# kept\n');
    await page.waitForSelector('.lint-clean');
    await page.reload();
    await editor.waitFor();
    assert.equal(await editor.inputValue(), 'FROM alpine:3.20\n# kept\n');
    await context.close();
    assert.deepEqual(problems, []);
  });
});
