// Swagger UI's login at the identity provider, in a real browser (Debian's Chromium through playwright-core; nothing
// is downloaded): Authorize offers the provider's scheme (openIdConnect, authorization code with PKCE), the login page
// of the provider opens, the person logs in, and GET /api/v1/me then answers with the rights of their account.
// Screenshots go to target/browser-oidc/. Usage:
//   node verify/browser/oidc-login.mjs <base URL> <username> <password> <expected role> [chromium path]
import { mkdirSync, rmSync } from 'node:fs';
import { Checks, authorizeAtProvider, launch } from './walk.mjs';

const [base, username, password, role] = process.argv.slice(2, 6);
const executablePath = process.argv[6] ?? '/usr/bin/chromium';
const shots = 'target/browser-oidc';
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const browser = await launch(executablePath);
const checks = new Checks();
const check = checks.check.bind(checks);
const page = checks.watch(await browser.newPage({ viewport: { width: 1400, height: 1000 } }));
page.setDefaultTimeout(30000);
let step = 0;
const shot = async (p, name) => {
  step += 1;
  await p.screenshot({ path: `${shots}/${String(step).padStart(2, '0')}-${name}.png` });
};

try {
  await page.goto(`${base}/q/swagger-ui/`);
  await page.locator('.opblock').first().waitFor();
  await authorizeAtProvider(page, username, password, check, shot);

  const op = page.locator('#operations-Accounts-MeResource_me');
  await op.scrollIntoViewIfNeeded();
  await op.locator('.opblock-summary').first().click();
  await op.locator('button.try-out__btn').first().click();
  await op.locator('button.execute').click();
  const status = op.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  const code = Number((await status.innerText()).trim());
  const body = await op.locator('.live-responses-table .response-col_description pre').first().innerText();
  await shot(page, 'me');
  check('GET /api/v1/me answers 200 with the logged-in person\'s token', code === 200, `${code} ${body.slice(0, 200)}`);
  check(`the person's rights are their account's (${role})`, body.includes('"account"') && body.includes(role), body.slice(0, 300));
} catch (e) {
  checks.stopped(e);
  await shot(page, 'stopped').catch(() => {});
}
await browser.close();
checks.finish('Swagger UI login');
