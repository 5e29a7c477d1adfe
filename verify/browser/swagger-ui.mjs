import zlib from 'node:zlib';
// A person's first minutes in Swagger UI, in a real browser (Debian's Chromium, driven by playwright-core; nothing
// is downloaded): open the service's address, get a development token from the first example, load the demo data
// set, Authorize, then list agencies, create an agency and report an incident with the examples as they stand,
// create a second agency with another body, read the incident back, and attach a photo to it with the form's file
// field; then issue an API key, Authorize with it in place of the token, list incidents with it and be refused a write
// its read scope does not open. Every answer must be as stated. A screenshot of each step goes to target/browser/; the time until the operations were
// shown is printed. Usage: node verify/browser/swagger-ui.mjs <base URL> [chromium path]
import { mkdirSync, rmSync } from 'node:fs';
import { Checks, launch } from './walk.mjs';

const base = process.argv[2] ?? 'http://localhost:8080';
const executablePath = process.argv[3] ?? '/usr/bin/chromium';
const shots = 'target/browser';
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

const browser = await launch(executablePath);
const checks = new Checks();
const check = checks.check.bind(checks);
let step = 0;
const page = checks.watch(await browser.newPage({ viewport: { width: 1400, height: 1000 } }));
page.setDefaultTimeout(30000);

async function shot(name) {
  step += 1;
  await page.screenshot({ path: `${shots}/${String(step).padStart(2, '0')}-${name}.png`, fullPage: false });
}

/** A small PNG made here (a person's photo stands for it): width x height, red and yellow. */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    rows.push(Buffer.from([0]));
    for (let x = 0; x < width; x++) rows.push(Buffer.from((x + y) % 2 ? [200, 40, 30] : [240, 220, 40]));
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Opens an operation, presses Try it out, lets `fill` change the form, presses Execute; returns status and body. */
async function run(operationId, tag, name, fill) {
  const op = page.locator(`#operations-${tag}-${operationId}`);
  await op.scrollIntoViewIfNeeded();
  if (!(await op.getAttribute('class')).includes('is-open')) {
    await op.locator('.opblock-summary').first().click();
  }
  if ((await op.locator('button.execute').count()) === 0) {
    await op.locator('button.try-out__btn').first().click();
  }
  if (fill) {
    await fill(op);
  }
  await op.locator('button.execute').click();
  const status = op.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  const code = Number((await status.innerText()).trim());
  const body = await op.locator('.live-responses-table .response-col_description pre').first().innerText();
  await shot(name);
  // leave the form as a person would before the next one: clear the answer
  const clear = op.locator('button.btn-clear');
  if (await clear.count()) {
    await clear.click();
  }
  return { code, body };
}

async function editBody(op, change) {
  const area = op.locator('textarea.body-param__text');
  const json = JSON.parse(await area.inputValue());
  change(json);
  await area.fill(JSON.stringify(json, null, 2));
}

try {
  const started = Date.now();
  await page.goto(`${base}/`);
  await page.waitForSelector('#operations-Development-DevTokenResource_mint');
  const shown = Date.now() - started;
  console.log(`Swagger UI showed its operations ${shown} ms after the address was opened`);
  check('the service address leads to Swagger UI', page.url().includes('/q/swagger-ui'), page.url());
  const sections = await page.locator('.opblock-tag-section h3').allInnerTexts();
  check('Development is the first section', sections[0]?.startsWith('Development'), sections[0]);
  await shot('opened');

  const token = await run('DevTokenResource_mint', 'Development', 'token');
  check('a token from the first example (coordinator-sumbar)', token.code === 201, `${token.code} ${token.body.slice(0, 200)}`);
  const accessToken = JSON.parse(token.body).accessToken;

  const demo = await run('DemoDataResource_load', 'Development', 'demo-data');
  check('the demo data set loaded', demo.code === 200 && JSON.parse(demo.body).records.length > 30,
    `${demo.code} ${demo.body.slice(0, 200)}`);

  await page.locator('.scheme-container button.authorize').click();
  const schemes = page.locator('.modal-ux .auth-container');
  const apiKey = schemes.filter({ hasText: 'X-API-Key' }).first();
  check('Authorize offers an API key (X-API-Key) beside the bearer token', await apiKey.isVisible());
  const bearer = schemes.filter({ hasText: 'RS256' }).first();
  await bearer.locator('input[type=text]').fill(accessToken);
  await bearer.locator('button.authorize').click();
  await shot('authorized');
  await page.locator('.modal-ux button.btn-done').first().click();

  const list = await run('AgencyResource_list', 'Agencies', 'agencies-listed');
  const items = list.code === 200 ? JSON.parse(list.body).items : [];
  check('GET agencies, no filter sent, is not empty', list.code === 200 && items.length > 0,
    `${list.code} ${list.body.slice(0, 200)}`);

  const agency = await run('AgencyResource_create', 'Agencies', 'agency-created');
  check('POST an agency: the example as it stands', agency.code === 201, `${agency.code} ${agency.body.slice(0, 300)}`);

  const incident = await run('IncidentResource_create', 'Incidents', 'incident-reported');
  check('POST an incident: the example as it stands', incident.code === 201, `${incident.code} ${incident.body.slice(0, 300)}`);
  const incidentId = incident.code === 201 ? JSON.parse(incident.body).id : null;

  const second = await run('AgencyResource_create', 'Agencies', 'second-agency', async (op) => {
    await editBody(op, (body) => {
      body.name = 'Kodim 0308/Pariaman';
      body.type = 'TNI';
      delete body.parentId;
    });
  });
  check('a second POST of an agency with another body', second.code === 201, `${second.code} ${second.body.slice(0, 300)}`);

  const read = await run('IncidentResource_get', 'Incidents', 'incident-read', async (op) => {
    await op.locator('tr[data-param-name="id"] input').fill(incidentId ?? '00000000-0000-4000-8000-000000000000');
  });
  check('GET the incident', read.code === 200 && JSON.parse(read.body).id === incidentId, `${read.code} ${read.body.slice(0, 200)}`);

  // a photo of the incident, picked with the form's file field, the other fields as the example fills them
  const attached = await run('AttachmentResource_attach', 'Attachments', 'photo-attached', async (op) => {
    await op.locator('input[type=file]').first().setInputFiles({ name: 'lokasi.png', mimeType: 'image/png',
      buffer: png(12, 9) });
    for (const [field, value] of [['parentType', 'incident'], ['parentId', incidentId], ['kind', 'FOTO'],
      ['title', 'Lokasi kejadian']]) {
      const row = op.locator(`tr[data-param-name="${field}"], tr[data-property-name="${field}"]`).first();
      const select = row.locator('select');
      if (await select.count()) {
        await select.first().selectOption(value);
      } else if (await row.locator('input').count()) {
        await row.locator('input').first().fill(value);
      }
    }
  });
  check('POST a photo with the form\'s file field', attached.code === 201 && JSON.parse(attached.body).status === 'AVAILABLE',
    `${attached.code} ${attached.body.slice(0, 300)}`);
  // an integration script's key: issued with the example, then used from Authorize's apiKey in place of the token
  // its expiry lies within a year of today, as the description asks: the example's fixed date will not always
  const issued = await run('ApiKeyResource_create', 'API_keys', 'api-key-issued', async (op) => {
    await editBody(op, (body) => {
      body.expiresAt = new Date(Date.now() + 30 * 86400000).toISOString();
    });
  });
  check('POST an API key: the example as it stands', issued.code === 201, `${issued.code} ${issued.body.slice(0, 300)}`);
  const key = issued.code === 201 ? JSON.parse(issued.body).key : 'tpd_none';
  await page.locator('.scheme-container button.authorize').click();
  await bearer.locator('button', { hasText: 'Logout' }).click();
  await apiKey.locator('input').first().fill(key);
  await apiKey.locator('button.authorize').click();
  await shot('api-key-authorized');
  await page.locator('.modal-ux button.btn-done').first().click();
  let sent = '';
  const byKey = await run('IncidentResource_list', 'Incidents', 'incidents-by-key', async (op) => {
    page.once('request', (request) => {
      const headers = request.headers();
      sent = `${headers['x-api-key'] === key ? 'key' : 'no key'}, ${headers.authorization ? 'a bearer token' : 'no token'}`;
    });
  });
  const listed = byKey.code === 200 ? JSON.parse(byKey.body).items.map((i) => i.id) : [];
  check('GET incidents with the key alone (read scope): the incident reported above is listed',
    byKey.code === 200 && sent === 'key, no token' && listed.includes(incidentId), `${byKey.code} ${sent} ${byKey.body.slice(0, 200)}`);
  const refused = await run('IncidentResource_create', 'Incidents', 'incident-refused-to-key');
  const problem = refused.code === 403 ? JSON.parse(refused.body) : {};
  check('POST an incident with that read-only key: a 403 naming the scope it lacks',
    refused.code === 403 && String(problem.detail).includes('incidents:write'), `${refused.code} ${refused.body.slice(0, 300)}`);
  // a figure to read, not a check: a time measured on a shared CI machine decides nothing (bench/ measures speed)
  console.log(`timing: operations shown after ${shown} ms (goal on the 2-core development machine: under 5000 ms, `
    + `${shown < 5000 ? 'met' : 'missed'})`);
} catch (e) {
  checks.stopped(e);
  await shot('stopped').catch(() => {});
} finally {
  await browser.close();
}
checks.finish('browser');
