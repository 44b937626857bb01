// The app shell end to end: it renders, routes, and stays quiet.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, serveDist } from './harness.mjs';

describe('app shell', () => {
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

  async function open(hash = '', options) {
    const session = await openPage(browser, options);
    await session.page.goto(site.url + hash);
    return session;
  }

  const heading = (page) => page.locator('main h1').textContent();

  it('renders the header, navigation and home page', async () => {
    const { page, context, problems } = await open();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    assert.deepEqual(
      (await nav.getByRole('link').allTextContents()).map((s) => s.trim()),
      ['Course', 'Sandbox'],
    );
    assert.equal(await nav.getByRole('link', { name: 'Course' }).getAttribute('aria-current'), 'page');
    assert.equal(await heading(page), 'Learn Docker, Makefiles and CI by doing');
    assert.equal(await page.title(), 'Dockyard');
    assert.equal(await page.locator('#dockyard-panic').count(), 0);
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('follows links, the back button and direct links to routes', async () => {
    const { page, context, problems } = await open('#/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
    await page.waitForFunction(() => document.title === 'Sandbox · Dockyard');
    assert.equal(await heading(page), 'Sandbox');
    assert.match(page.url(), /#\/sandbox$/);
    assert.equal(
      await page.getByRole('link', { name: 'Sandbox' }).getAttribute('aria-current'),
      'page',
    );

    await page.goBack();
    await page.waitForFunction(() => document.title === 'Dockyard');
    assert.equal(await heading(page), 'Learn Docker, Makefiles and CI by doing');

    await page.goto(site.url + '#/lesson/first-steps');
    await page.locator('main h1').waitFor();
    assert.equal(await heading(page), 'Lesson not found');
    assert.equal(await page.locator('main code').textContent(), 'first-steps');

    await page.goto(site.url + '#/no/such/page');
    await page.waitForFunction(() => document.title.startsWith('Page not found'));
    assert.equal(await heading(page), 'Page not found');
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('tells visitors without JavaScript what they need', async () => {
    const { page, context, problems } = await open('', { javaScriptEnabled: false });
    const notice = page.getByRole('heading', { name: 'Dockyard needs JavaScript' });
    assert.equal(await notice.isVisible(), true);
    await context.close();
    // With scripts off, the browser blocks the module preload of the app's
    // script; nothing else may go wrong.
    const js = /request failed \((csp|net::ERR_ABORTED)\): .*\/dockyard-web-[0-9a-f]+\.js$/;
    assert.deepEqual(problems.filter((p) => !js.test(p)), []);
  });
});
