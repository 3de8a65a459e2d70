// Minifies the JavaScript that wasm-bindgen wrote into a Trunk build, and
// updates the integrity hash that index.html carries for it.
//
// Trunk's minify setting covers HTML and CSS but leaves wasm-bindgen's glue
// as written: 58 KB with its comments and long names, 8.0 KB brotli; about
// 6.3 KB minified. Usage: node scripts/minify.mjs <dist>
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const { minify } = require('terser');

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/minify.mjs <dist>');
  process.exit(2);
}

const sri = (text) => 'sha384-' + createHash('sha384').update(text).digest('base64');
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');

// Only the top-level glue: the file index.html preloads with its hash.
const files = readdirSync(dist).filter((f) => f.endsWith('.js') && index.includes(f));
if (files.length === 0) {
  console.error(`no script of ${indexPath} to minify`);
  process.exit(1);
}
for (const file of files) {
  const path = join(dist, file);
  const source = readFileSync(path, 'utf8');
  const before = sri(source);
  if (!index.includes(before)) {
    console.error(`${indexPath} does not carry the integrity hash of ${file}`);
    process.exit(1);
  }
  // An ES module: its exports keep their names, as the start-up script
  // imports them.
  const { code } = await minify(source, {
    module: true,
    compress: { passes: 2 },
    format: { comments: false },
  });
  writeFileSync(path, code);
  index = index.replaceAll(before, sri(code));
  console.log(`${file}: ${source.length} -> ${code.length} bytes`);
}
writeFileSync(indexPath, index);
