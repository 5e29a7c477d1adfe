// What the browser walks share: Debian's Chromium started as this machine allows (no sandbox for root, no background
// networking, nothing downloaded), and a tally of named checks that prints each one and decides the exit code.
import { chromium } from 'playwright-core';

export function launch(executablePath = '/usr/bin/chromium') {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export class Checks {
  constructor() {
    this.passed = 0;
    this.failed = 0;
    this.pageErrors = [];
  }

  /**
   * Keeps what `page` reports as going wrong (console errors, uncaught exceptions, failed requests), so that a walk
   * that stops says more than which wait timed out.
   */
  watch(page) {
    const keep = (what) => {
      if (this.pageErrors.length < 20) {
        this.pageErrors.push(what.slice(0, 300));
      }
    };
    page.on('console', (m) => m.type() === 'error' && keep(`console: ${m.text()}`));
    page.on('pageerror', (e) => keep(`exception: ${e.message}`));
    page.on('requestfailed', (r) => keep(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
    return page;
  }

  check(name, ok, detail = '') {
    if (ok) {
      this.passed += 1;
      console.log(`ok   ${name}`);
    } else {
      this.failed += 1;
      console.log(`FAIL ${name}${detail ? `: ${detail}` : ''}`);
    }
  }

  /** A walk that stopped on an exception counts as one failure. */
  stopped(e) {
    this.failed += 1;
    console.log(`FAIL the walk stopped: ${e.message.split('\n')[0]}`);
    for (const what of this.pageErrors) {
      console.log(`     the page reported ${what}`);
    }
  }

  /** Prints the tally and ends the process: 0 when every check passed. */
  finish(label) {
    console.log(`${label}: ${this.passed} passed, ${this.failed} failed`);
    process.exit(this.failed === 0 ? 0 : 1);
  }
}

/**
 * Swagger UI's Authorize at the identity provider, as a person does it on `page` (Swagger UI loaded): the provider's
 * scheme (openIdConnect, authorization code with PKCE), its login page in a popup, the username and password, and
 * back with a token. Each step is a check; `shot(page, name)` takes the screenshots.
 */
export async function authorizeAtProvider(page, username, password, check, shot) {
  const modal = page.locator('.modal-ux');
  const scheme = modal.locator('.auth-container').filter({ hasText: 'oidc' }).first();
  // Swagger UI shows the openIdConnect scheme once it has read the provider's discovery document, which it fetches when
  // Authorize opens. If that has not happened within 15 s, a person reloads the page and presses Authorize again: the
  // walk does that once, says so, and stops with what it saw on the second miss.
  for (let attempt = 1; ; attempt += 1) {
    await page.locator('button.authorize').first().click();
    try {
      await scheme.waitFor({ timeout: 15000 });
      break;
    } catch (e) {
      const seen = (await modal.count()) === 0 ? 'no Authorize dialog'
        : `a dialog with ${JSON.stringify((await modal.innerText()).slice(0, 300))}`;
      await shot(page, `authorize-missed-${attempt}`).catch(() => {});
      if (attempt === 2) {
        throw new Error(`Authorize showed no oidc scheme within 15 s, twice; the page had ${seen}`);
      }
      console.log(`     note: Authorize showed no oidc scheme within 15 s (the page had ${seen}); reloading once`);
      await page.reload();
      await page.locator('.opblock').first().waitFor();
    }
  }
  check('Authorize offers the identity provider\'s login (oidc, authorization code with PKCE)',
    (await scheme.innerText()).includes('authorization_code with PKCE'));
  const clientIds = await modal.locator('input[id^="client_id"]').evaluateAll((inputs) => inputs.map((i) => i.value));
  check('the public client is filled in', clientIds.includes('terpadu-swagger'), clientIds.join(', '));
  await shot(page, 'authorize');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    scheme.locator('button.authorize').click(),
  ]);
  await popup.waitForLoadState();
  const loginUrl = popup.url();
  check('the provider\'s login page opens with a PKCE challenge',
    loginUrl.includes('code_challenge=') && loginUrl.includes('code_challenge_method=S256'), loginUrl);
  await popup.locator('#username').fill(username);
  await popup.locator('#password').fill(password);
  await shot(popup, 'login');
  await Promise.all([popup.waitForEvent('close', { timeout: 30000 }), popup.locator('#kc-login').click()]);
  const logout = scheme.locator('button', { hasText: 'Logout' });
  await logout.waitFor({ timeout: 15000 });
  check('Swagger UI holds a token after the login', await logout.isVisible());
  await shot(page, 'authorized');
  await modal.locator('.close-modal').click();
}

/**
 * Swagger UI's "Try it out" of one operation on `page`: opens it, presses Try it out, lets `fill(op)` change the form
 * (parameters, body), presses Execute and reads the answer. Returns its status and body.
 */
export async function tryItOut(page, tag, operationId, fill) {
  const op = page.locator(`#operations-${tag}-${operationId}`);
  await op.scrollIntoViewIfNeeded();
  if (!(await op.getAttribute('class')).includes('is-open')) {
    await op.locator('.opblock-summary').first().click();
  }
  if ((await op.locator('button.execute').count()) === 0) {
    await op.locator('button.try-out__btn').first().click();
  }
  const clear = op.locator('button.btn-clear');
  if (await clear.count()) {
    await clear.click();
  }
  if (fill) {
    await fill(op);
  }
  await op.locator('button.execute').click();
  const status = op.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  const code = Number((await status.innerText()).trim());
  const answer = op.locator('.live-responses-table .response-col_description pre').first();
  await answer.scrollIntoViewIfNeeded();
  const body = await answer.innerText();
  return { code, body, op };
}
