// A minimal static file server for the end-to-end tests: it serves a built
// dist/ the way an ordinary static host does (a folder's index.html, a real
// 404 status with 404.html), optionally under a base path, on loopback only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A file's brotli body, made once per file (quality 11, as a CDN stores
 * it). `body` is the file's bytes when the caller has read them already.
 */
const brotliCache = new Map();
export const brotli = (file, body) => {
  if (!brotliCache.has(file)) {
    brotliCache.set(file, zlib.brotliCompressSync(body ?? fs.readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return brotliCache.get(file);
};

/**
 * Starts a server for `root` at http://host:port{base}/.
 * Returns { url, close }. Port 0 picks a free port.
 *
 * With `cdn: true` it answers as a CDN would: brotli to browsers that
 * accept it, file names with a content hash cached for a year, pages
 * revalidated. (The tests run without, so every load is fresh.)
 * `onRequest(url)` sees every request's URL first.
 */
export function serve(root, { host = '127.0.0.1', port = 0, base = '', cdn = false, onRequest = null } = {}) {
  const rootAbs = path.resolve(root);
  const server = http.createServer((req, res) => {
    // A benchmark in a browser without a driver reports back by request.
    if (onRequest) onRequest(req.url);
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      pathname = '/\u0000';
    }
    const notFound = () => {
      const page = path.join(rootAbs, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(fs.existsSync(page) ? fs.readFileSync(page) : 'not found');
    };
    if (base && !(pathname === base || pathname.startsWith(base + '/'))) return notFound();
    const rel = pathname.slice(base.length) || '/';
    let file = path.join(rootAbs, rel);
    if (!file.startsWith(rootAbs) || rel.includes('\u0000')) return notFound();
    try {
      if (fs.statSync(file).isDirectory()) {
        if (!rel.endsWith('/')) {
          res.writeHead(301, { location: pathname + '/' });
          return res.end();
        }
        file = path.join(file, 'index.html');
      }
      let body = fs.readFileSync(file);
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (cdn) {
        const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file);
        headers['cache-control'] = hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
        if (/\bbr\b/.test(req.headers['accept-encoding'] || '') && /\.(html|js|css|wasm|svg|json|txt)$/.test(file)) {
          body = brotli(file, body);
          headers['content-encoding'] = 'br';
          headers.vary = 'accept-encoding';
        }
        headers['content-length'] = body.length;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      notFound();
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}${base}`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

// `node tests/e2e/server.mjs dist 8081 [/base] [--cdn]` serves a build by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2).filter((a) => a !== '--cdn');
  const [root = 'dist', port = '8081', base = ''] = args;
  const cdn = process.argv.includes('--cdn');
  serve(root, { port: Number(port), base, cdn }).then(({ url }) => console.log(`Serving ${root} at ${url}/${cdn ? ' (brotli, cache headers)' : ''}`));
}
