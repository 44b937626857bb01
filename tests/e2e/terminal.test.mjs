// The sandbox terminal end to end: commands run on the same files as the
// editor, output keeps the tools' colours, history comes back with arrows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, serveDist } from './harness.mjs';

describe('sandbox terminal', () => {
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

  it('runs commands on the workspace files', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(site.url + '#/sandbox');
    const line = page.getByRole('textbox', { name: 'Command' });
    const log = page.getByRole('log');
    const run = async (command) => {
      const before = await page.locator('.terminal-entry').count();
      await line.fill(command);
      await line.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.terminal-entry').length > n, before);
      return page.locator('.terminal-entry').last().locator('.output').textContent();
    };

    assert.equal(await run('ls'), 'Dockerfile\n');
    assert.equal(await run('pwd; whoami'), '/home/learner\nlearner\n');

    // The terminal writes the Dockerfile; the editor and its findings follow.
    await run("printf 'FROM debian\\nMAINTAINER me\\n' > Dockerfile");
    const editor = page.getByRole('textbox', { name: 'Dockerfile' });
    assert.equal(await editor.inputValue(), 'FROM debian\nMAINTAINER me\n');
    await page.waitForFunction(() => [...document.querySelectorAll('.findings .code')].some((e) => e.textContent === 'DL4000'));

    // hadolint prints coloured severities even into a pipe; so does ours.
    const out = await run('hadolint Dockerfile; echo "status=$?"');
    assert.equal(
      out,
      'Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly\n' +
        'Dockerfile:2 DL4000 error: MAINTAINER is deprecated\nstatus=1\n',
    );
    const last = page.locator('.terminal-entry').last();
    assert.equal(await last.locator('.ansi-yellow.ansi-bold').first().textContent(), 'warning');
    assert.equal(await last.locator('.ansi-red.ansi-bold').first().textContent(), 'error');

    // make runs recipes in the same shell, with GNU make's messages.
    await run("printf 'lint:\\n\\thadolint --no-color Dockerfile\\n' > Makefile");
    assert.equal(
      await run('make lint; echo "make said $?"'),
      'hadolint --no-color Dockerfile\n' +
        'Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly\n' +
        'Dockerfile:2 DL4000 error: MAINTAINER is deprecated\n' +
        'make: *** [Makefile:2: lint] Error 1\nmake said 2\n',
    );

    // After `cd`, the editor still shows the Dockerfile in the home folder.
    await run('mkdir -p app && cd app && printf "FROM alpine:3.20\\n" > Dockerfile');
    assert.equal(await editor.inputValue(), 'FROM debian\nMAINTAINER me\n');
    await run('cd');

    assert.match(await run('nosuchcommand'), /^sh: 1: nosuchcommand: not found\n$/);

    // History with the arrow keys.
    await line.press('ArrowUp');
    assert.equal(await line.inputValue(), 'nosuchcommand');
    await line.press('ArrowUp');
    assert.equal(await line.inputValue(), 'cd');
    await line.press('ArrowDown');
    assert.equal(await line.inputValue(), 'nosuchcommand');

    // Tab completes commands and file names.
    await line.fill('hado');
    await line.press('Tab');
    assert.equal(await line.inputValue(), 'hadolint ');
    await line.fill('cat Dock');
    await line.press('Tab');
    assert.equal(await line.inputValue(), 'cat Dockerfile ');

    // Ctrl-L clears the screen.
    await line.press('Control+l');
    assert.equal(await page.locator('.terminal-entry').count(), 0);
    assert.equal(await log.textContent(), '');
    await context.close();
    assert.deepEqual(problems, []);
  });
});
