// A web application of another origin uploads a document with a browser's tus client (tus-js-client's browser
// bundle, in Debian's Chromium driven by playwright-core), as a regional team's own web page would: the service lets
// the origin its configuration names (terpadu.cors.origins) preflight, send the pieces and read Location,
// Upload-Offset and ETag back; a page of any other origin is stopped by the browser and stores nothing.
// Usage: node verify/browser/cross-origin.mjs <service base URL> <allowed origin port> <other origin port> [chromium]
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Checks, launch } from './walk.mjs';

const [service, allowedPort, otherPort] = process.argv.slice(2, 5);
const executablePath = process.argv[5] ?? '/usr/bin/chromium';
const tus = readFileSync(new URL('../node_modules/tus-js-client/dist/tus.min.js', import.meta.url));
const page = `<!doctype html><meta charset="utf-8"><title>Unggah dokumen</title><script src="/tus.js"></script>`;

const servers = [allowedPort, otherPort].map((port) => {
  const server = createServer((req, res) => {
    if (req.url === '/tus.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(tus);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    }
  });
  return new Promise((resolve) => server.listen(Number(port), '127.0.0.1', () => resolve(server)));
});
const listening = await Promise.all(servers);

const checks = new Checks();
const check = checks.check.bind(checks);

const api = `${service}/api/v1`;
const token = (await (await fetch(`${api}/dev/tokens`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ subject: 'kesbangpol.pariaman', roles: ['COORDINATOR'], regionScope: ['13'] }),
})).json()).accessToken;
const auth = { Authorization: `Bearer ${token}` };
const incident = (await (await fetch(`${api}/incidents`, {
  method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' },
  body: JSON.stringify({ title: 'Sengketa batas desa (dokumen dari peta daerah)', categoryCode: 'SENGKETA_LAHAN',
    regionCode: '13.77', occurredFrom: '2024-10-12T09:30:00Z', sourceKind: 'PATROLI', severity: 2,
    classification: 'RESTRICTED' }),
})).json()).id;
const attachments = async () => (await (await fetch(
  `${api}/attachments?parentType=incident&parentId=${incident}`, { headers: auth })).json()).items.length;

// a document of 300 KB (a PDF by its first bytes), sent in pieces of 100 KB: a preflight and a PATCH each
const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'), randomBytes(300 * 1024)]);
const sha = createHash('sha256').update(bytes).digest('hex');

/** In a page of the origin on `port`: the tus upload, then a read of the attachment; what happened, as JSON. */
async function uploadFrom(browser, port) {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${port}/`);
  const result = await tab.evaluate(async ({ api, token, incident, data }) => {
    const file = new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'application/pdf' });
    const offsets = [];
    try {
      const url = await new Promise((resolve, reject) => {
        const upload = new tus.Upload(file, {
          endpoint: `${api}/uploads`,
          chunkSize: 100 * 1024,
          retryDelays: [],
          headers: { Authorization: `Bearer ${token}` },
          metadata: { parentType: 'incident', parentId: incident, kind: 'DOKUMEN', title: 'Berita acara kesepakatan',
            filename: 'berita-acara.pdf' },
          onChunkComplete: (size, accepted) => offsets.push(accepted),
          onSuccess: () => resolve(upload.url),
          onError: (e) => reject(e),
        });
        upload.start();
      });
      const answer = await fetch(url.replace('/uploads/', '/attachments/'), {
        headers: { Authorization: `Bearer ${token}` } });
      const body = await answer.json();
      return { url, offsets, status: answer.status, etag: answer.headers.get('ETag'), attachment: body };
    } catch (e) {
      return { error: String(e).slice(0, 300), offsets };
    }
  }, { api, token, incident, data: bytes.toString('base64') });
  await tab.close();
  return result;
}

const browser = await launch(executablePath);
try {
  const allowed = await uploadFrom(browser, allowedPort);
  check('the allowed origin\'s page completes a resumable upload in pieces',
    !allowed.error && allowed.offsets.length === 4, JSON.stringify(allowed).slice(0, 300));
  check('its page reads the attachment and its ETag',
    allowed.status === 200 && allowed.attachment?.status === 'AVAILABLE' && allowed.etag !== null,
    JSON.stringify(allowed).slice(0, 300));
  check('the stored SHA-256 equals the file\'s', allowed.attachment?.sha256 === sha);
  const before = await attachments();
  const other = await uploadFrom(browser, otherPort);
  check('another origin\'s page is stopped by the browser', Boolean(other.error), JSON.stringify(other).slice(0, 300));
  check('and stores nothing', (await attachments()) === before, `${before} attachments before`);
} catch (e) {
  checks.stopped(e);
} finally {
  await browser.close();
  listening.forEach((s) => s.close());
}
checks.finish('cross-origin');
