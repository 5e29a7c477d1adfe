// A person's path from an email to their inbox, in a real browser (Debian's Chromium through playwright-core; nothing
// is downloaded): the link the email gave opens and asks for a login (401 problem), the person goes to Swagger UI,
// logs in at the identity provider (authorization code with PKCE), reads the record the link names with "Try it out",
// finds the entry in their inbox (unread, pointing at that record), marks it read, and sees it read.
// Screenshots go to target/browser-inbox/. Usage:
//   node verify/browser/inbox-path.mjs <base URL> <link from the email> <username> <password> [chromium path]
import { mkdirSync, rmSync } from 'node:fs';
import { Checks, authorizeAtProvider, launch, tryItOut } from './walk.mjs';

const [base, link, username, password] = process.argv.slice(2, 6);
const executablePath = process.argv[6] ?? '/usr/bin/chromium';
const shots = 'target/browser-inbox';
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
const path = new URL(link).pathname;
const [, incidentId, taskId] = path.match(/^\/api\/v1\/incidents\/([0-9a-f-]{36})\/tasks\/([0-9a-f-]{36})$/) ?? [];

try {
  check('the email\'s link names a task of an incident on this service',
    link.startsWith(`${base}/`) && incidentId !== undefined, link);
  // the link as a person clicks it: without a login the service answers a problem that says so
  const opened = await page.goto(link);
  const problem = await page.locator('body').innerText();
  await shot(page, 'link-without-login');
  check('the link opened without a login is a 401 problem', opened.status() === 401
    && opened.headers()['content-type'].startsWith('application/problem+json'), `${opened.status()} ${problem.slice(0, 200)}`);

  await page.goto(`${base}/`);
  await page.locator('.opblock').first().waitFor();
  check('the service\'s address opens Swagger UI', page.url().includes('swagger-ui'), page.url());
  await authorizeAtProvider(page, username, password, check, shot);

  // the record the link names, read with the person's own rights
  const task = await tryItOut(page, 'Tasks', 'TaskResource_get', async (op) => {
    await op.locator('tr[data-param-name="id"] input').fill(incidentId);
    await op.locator('tr[data-param-name="taskId"] input').fill(taskId);
  });
  await shot(page, 'task');
  check('the link\'s task reads 200 after the login', task.code === 200 && task.body.includes(taskId),
    `${task.code} ${task.body.slice(0, 200)}`);

  // the inbox: the entry of that task, unread
  const inbox = await tryItOut(page, 'Notifications', 'NotificationResource_list', async (op) => {
    await op.locator('tr[data-param-name="unread"] select').selectOption('true');
  });
  await shot(page, 'inbox-unread');
  const unread = inbox.code === 200 ? JSON.parse(inbox.body).items.filter((e) => e.path === path) : [];
  check('the inbox holds the task\'s entry, unread (TASK_ASSIGNED)', unread.length === 1
    && unread[0].kind === 'TASK_ASSIGNED' && unread[0].readAt == null, `${inbox.code} ${inbox.body.slice(0, 600)}`);
  const entry = unread[0]?.id;

  const read = await tryItOut(page, 'Notifications', 'NotificationResource_read', async (op) => {
    await op.locator('textarea.body-param__text').fill(JSON.stringify({ upTo: entry, ids: [entry] }, null, 2));
  });
  await shot(page, 'marked-read');
  check('marking it read answers that one entry was marked', read.code === 200 && JSON.parse(read.body).marked === 1,
    `${read.code} ${read.body.slice(0, 200)}`);

  const after = await tryItOut(page, 'Notifications', 'NotificationResource_list', async (op) => {
    await op.locator('tr[data-param-name="unread"] select').selectOption('false');
  });
  await shot(page, 'inbox-read');
  const readEntries = after.code === 200 ? JSON.parse(after.body).items.filter((e) => e.id === entry) : [];
  check('the entry is now among the read ones, with the time it was read',
    readEntries.length === 1 && typeof readEntries[0].readAt === 'string', `${after.code} ${after.body.slice(0, 600)}`);
} catch (e) {
  checks.stopped(e);
  await shot(page, 'stopped').catch(() => {});
}
await browser.close();
checks.finish('From the email to the inbox');
