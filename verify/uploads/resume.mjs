// A phone's upload over a bad network, with tus-js-client from npm (a client this project did not write): a file
// sent in pieces through a proxy that cuts the phone's side of the connection once in the middle of a piece (a phone
// that changed networks: the service's side stays open and silent), and the service restarted once while the upload
// is under way. The upload must finish from the offsets the server reports, and the service's
// SHA-256 of what it kept must equal the file's.
//
// node resume.mjs <service URL> <proxy port> <token> <incident id> <file> <piece bytes> <state folder>
import { createHash } from 'node:crypto';
import { createServer, connect } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Upload } from 'tus-js-client';

const [service, proxyPort, token, incident, file, pieceArg, state] = process.argv.slice(2);
const piece = Number(pieceArg);
const bytes = readFileSync(file);
const target = new URL(service);
const cutAfter = Math.floor(piece * 2.5); // in the middle of the third piece
let forwarded = 0;
let cut = false;
let cutAt = 0;
let silent = null;

// The proxy: forwards every connection to the service, and once, after cutAfter bytes of requests, drops the phone's
// side of one and leaves the service's side open with nothing more on it.
const proxy = createServer((client) => {
  const upstream = connect(Number(target.port), target.hostname);
  client.on('data', (chunk) => {
    if (!cut && forwarded + chunk.length > cutAfter) {
      cut = true;
      cutAt = Date.now();
      silent = upstream;
      console.log(`proxy: the phone's side cut after ${forwarded} bytes of requests; the service's side left silent`);
      client.destroy();
      return;
    }
    forwarded += chunk.length;
    upstream.write(chunk);
  });
  upstream.on('data', (chunk) => client.write(chunk));
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream !== silent && upstream.destroy());
  upstream.on('close', () => client.destroy());
});
await new Promise((resolve) => proxy.listen(Number(proxyPort), '127.0.0.1', resolve));

const sha = createHash('sha256').update(bytes).digest('hex');
const headers = { Authorization: `Bearer ${token}` };
let restartAsked = false;
let offsets = [];
let resumedAt = 0;

function upload() {
  return new Promise((resolve, reject) => {
    const u = new Upload(bytes, {
      endpoint: `http://127.0.0.1:${proxyPort}/api/v1/uploads`,
      chunkSize: piece,
      retryDelays: [0, 500, 1000, 2000, 3000, 5000, 8000],
      headers,
      metadata: { parentType: 'incident', parentId: incident, kind: 'VIDEO', title: 'Rekaman bentrokan (unggahan ulang)',
                  filename: 'bentrok.mp4' },
      onProgress: (sent) => {
        if (!restartAsked && sent >= piece * 4) {
          // the service goes away and comes back while the upload is under way
          restartAsked = true;
          u.abort().then(async () => {
            writeFileSync(`${state}/restart-now`, '');
            while (!existsSync(`${state}/restarted`)) {
              await new Promise((r) => setTimeout(r, 200));
            }
            console.log('service restarted: the upload goes on');
            u.start();
          });
        }
      },
      onChunkComplete: (size, accepted) => {
        offsets.push(accepted);
        if (cut && !resumedAt) {
          resumedAt = Date.now();
        }
      },
      onSuccess: () => resolve(u.url),
      onError: reject,
    });
    u.start();
  });
}

const url = await upload();
proxy.close();
const id = url.substring(url.lastIndexOf('/') + 1);
const answer = await fetch(`${service}/api/v1/attachments/${id}`, { headers });
const attachment = await answer.json();
const partial = offsets.some((o) => o % piece !== 0 && o !== bytes.length);
console.log(`offsets the server reported after each piece: ${offsets.join(', ')}`);
const checks = [
  ['the connection was cut in the middle of a piece', cut],
  ['the service let go of the silent side when the phone came back, not after its 60 s read timeout '
    + `(next piece ${resumedAt - cutAt} ms after the cut)`, resumedAt > 0 && resumedAt - cutAt < 30_000],
  ['and closed it', silent !== null && silent.destroyed],
  ['what arrived before the cut was kept (an offset between pieces)', partial],
  ['the service was restarted during the upload', restartAsked],
  ['the attachment is AVAILABLE', attachment.status === 'AVAILABLE'],
  ['the stored SHA-256 equals the file\'s', attachment.sha256 === sha],
  ['its size is the file\'s', attachment.size === bytes.length],
];
let failed = 0;
for (const [what, ok] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  failed += ok ? 0 : 1;
}
process.exit(failed === 0 ? 0 : 1);
