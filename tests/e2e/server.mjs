// A minimal static file server for the end-to-end tests: it serves a built
// dist/ the way an ordinary static host does (a folder's index.html, a real
// 404 status with 404.html), optionally under a base path, on loopback only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

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
 * Starts a server for `root` at http://host:port{base}/.
 * Returns { url, close }. Port 0 picks a free port.
 */
export function serve(root, { host = '127.0.0.1', port = 0, base = '' } = {}) {
  const rootAbs = path.resolve(root);
  const server = http.createServer((req, res) => {
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
      const body = fs.readFileSync(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
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

// `node tests/e2e/server.mjs dist 8081 [/base]` serves a build by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '8081', base = ''] = process.argv.slice(2);
  serve(root, { port: Number(port), base }).then(({ url }) => console.log(`Serving ${root} at ${url}/`));
}
