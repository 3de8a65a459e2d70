// Shrinks what Trunk wrote that Trunk's own minifier leaves alone, and
// updates the integrity hashes index.html carries for the changed files.
//
// 1. wasm-bindgen names each browser function the wasm imports
//    `__wbg_<name>_<16 hex digits>`, under the module name
//    "./<crate>_bg.js": about 200 imports, 12.7 KB of the wasm and the same
//    names again in the JavaScript, where the hex does not compress. They
//    are renamed to short names ("a0", "a1", …) in both files, and so are
//    the wasm's exports ("b0", …; closure adapters carry hashes too), all
//    but its memory.
// 2. Leptos's server-function client, which a static site never calls,
//    exports wasm-streams' stream adapters from the wasm whether or not they
//    are used, and the exports keep their code and an async executor alive
//    (about 4 KB). wasm-opt removes those exports and the code only they
//    reached (and the producers and target-features notes), and their
//    wrapper classes go from the JavaScript.
// 3. The JavaScript glue, 58 KB with its comments and long names, is
//    minified with terser.
//
// Every step checks what it expects and stops the build otherwise: a
// renamed import the JavaScript does not provide would break the page.
// Usage: node scripts/minify.mjs <dist>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../tools/package.json', import.meta.url));
const { minify } = require('terser');

const dist = process.argv[2];
if (!dist) fail('usage: node scripts/minify.mjs <dist>');

function fail(message) {
  console.error(`minify: ${message}`);
  process.exit(1);
}

const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');

// The files index.html preloads with their hashes.
const listed = readdirSync(dist).filter((f) => index.includes(f));
const jsFile = listed.find((f) => f.endsWith('.js'));
const wasmFile = listed.find((f) => f.endsWith('_bg.wasm'));
if (!jsFile || !wasmFile) fail(`${indexPath} names no wasm-bindgen script and wasm`);

/** Reads an unsigned LEB128 number at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function lebBytes(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

const utf8 = (s) => [...lebBytes(Buffer.byteLength(s)), ...Buffer.from(s)];

/** Skips an import's description (function, table, memory, global, tag). */
function skipDesc(bytes, at, kind) {
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return leb(bytes, at + 1)[1];
    default: fail(`unknown import kind ${kind}`);
  }
}

/**
 * The wasm with section `id` rewritten entry by entry: `entry(p)` reads one
 * entry at offset p and returns [its new bytes, the offset after it].
 */
function rewriteSection(wasm, id, name, entry) {
  let at = 8;
  while (at < wasm.length) {
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (wasm[at] !== id) {
      at = end;
      continue;
    }
    let [count, p] = leb(wasm, body);
    const out = [...lebBytes(count)];
    while (count-- > 0) {
      let bytes;
      [bytes, p] = entry(p);
      out.push(...bytes);
    }
    if (p !== end) fail(`the ${name} section did not parse to its end`);
    const section = Buffer.from([id, ...lebBytes(out.length), ...out]);
    return Buffer.concat([wasm.subarray(0, at), section, wasm.subarray(end)]);
  }
  fail(`the wasm has no ${name} section`);
}

/** A name at offset p: [the name, the offset after it]. */
function nameAt(wasm, p) {
  const [len, start] = leb(wasm, p);
  return [wasm.subarray(start, start + len).toString(), start + len];
}

/** Renames the imports of `module` in the wasm; returns [bytes, old → new]. */
function renameImports(wasm, module, shortModule) {
  const renames = new Map();
  const bytes = rewriteSection(wasm, 2, 'import', (p) => {
    const [mod, afterMod] = nameAt(wasm, p);
    const [name, descStart] = nameAt(wasm, afterMod);
    const end = skipDesc(wasm, descStart + 1, wasm[descStart]);
    let [newMod, newName] = [mod, name];
    if (mod === module) {
      newMod = shortModule;
      newName = renames.get(name) ?? `a${renames.size.toString(36)}`;
      renames.set(name, newName);
    }
    return [[...utf8(newMod), ...utf8(newName), ...wasm.subarray(descStart, end)], end];
  });
  return [bytes, renames];
}

/** Renames the wasm's exports but `keep`; returns [bytes, old → new]. */
function renameExports(wasm, keep) {
  const renames = new Map();
  const bytes = rewriteSection(wasm, 7, 'export', (p) => {
    const [name, descStart] = nameAt(wasm, p);
    const end = leb(wasm, descStart + 1)[1];
    const newName = keep.has(name) ? name : `b${renames.size.toString(36)}`;
    if (newName !== name) renames.set(name, newName);
    return [[...utf8(newName), ...wasm.subarray(descStart, end)], end];
  });
  return [bytes, renames];
}

const jsPath = join(dist, jsFile);
const wasmPath = join(dist, wasmFile);
const source = readFileSync(jsPath, 'utf8');
const wasm = readFileSync(wasmPath);
for (const [file, bytes] of [[jsFile, source], [wasmFile, wasm]]) {
  if (!index.includes(sri(bytes))) fail(`${indexPath} does not carry the integrity hash of ${file}`);
}

/** The wasm's export names. */
const exportsOf = (bytes) => WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
const STREAMS = /intounderlying/;
if (!exportsOf(wasm).some((name) => STREAMS.test(name))) {
  console.log('minify: the wasm exports no stream adapters any more; step 2 has nothing to do');
}
const pruned = join(dist, `${wasmFile}.pruned`);
execFileSync(
  'wasm-opt',
  [
    wasmPath, '--remove-exports', '--pass-arg=remove-exports@*intounderlying*', '-Oz',
    // Flattening and re-looping the control flow, then shrinking again,
    // saves another 0.3 KB of brotli over -Oz alone.
    '--flatten', '--rereloop', '-Oz',
    '--strip-producers', '--strip-target-features', '-o', pruned,
  ],
  { stdio: 'inherit' },
);
// Shrinking once more until nothing changes: 0.19 KB of brotli off the
// troop chart's wasm (86.23 -> 86.04 KB), about 8 s a build. The features
// the wasm uses are named again, as the pass above strips them.
execFileSync(
  'wasm-opt',
  [
    pruned, '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-reference-types',
    '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
    '--enable-multivalue', '-Oz', '--converge', '--strip-target-features', '-o', pruned,
  ],
  { stdio: 'inherit' },
);
const prunedWasm = readFileSync(pruned);
rmSync(pruned);
if (exportsOf(prunedWasm).some((name) => STREAMS.test(name))) fail('wasm-opt left the stream adapters');

// The stream adapters' classes, each with its `Symbol.dispose` line, and
// their finalization registries.
const withoutStreams = source
  .replace(/^export class (IntoUnderlying\w+) \{[\s\S]*?^\}\n(if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n)?/gm, '')
  .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, '');
if (/IntoUnderlying/.test(withoutStreams)) fail('the stream adapter classes did not come out of the script whole');

// An ES module: its exports keep their names, as the start-up script
// imports them.
let { code } = await minify(withoutStreams, {
  module: true,
  compress: { passes: 2 },
  format: { comments: false },
});

const module = `./${wasmFile.replace(/-[0-9a-f]+_bg\.wasm$/, '_bg.js')}`;
const moduleKey = `"${module}":`;
if (code.split(moduleKey).length !== 2) fail(`the script does not build one import object "${module}"`);
const [importsRenamed, renames] = renameImports(prunedWasm, module, 'w');
// The memory stays `memory`: the start-up event hands the exports to
// whoever listens (the soak test reads memory.buffer).
const [newWasm, exportRenames] = renameExports(importsRenamed, new Set(['memory']));
code = code.replace(moduleKey, 'w:');
for (const [name, short] of renames) {
  // Each import is one key of the import object, after `{` or `,`.
  const key = new RegExp(`([{,])${name}:`, 'g');
  const found = code.match(key)?.length ?? 0;
  if (found !== 1) fail(`the script defines import ${name} ${found} times, not once`);
  code = code.replace(key, `$1${short}:`);
}
for (const [name, short] of exportRenames) {
  // The glue reads each export as a property of the instance's exports.
  // Whole names only: one export's name can begin another's (`…_invoke__h1`
  // and `…_invoke__h1_19`).
  const uses = code.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
  const property = new RegExp(`\\.${name}\\b`, 'g');
  const found = code.match(property)?.length ?? 0;
  if (found !== uses) fail(`export ${name} is used ${uses} times, ${found} as a property`);
  code = code.replace(property, `.${short}`);
}
if (!WebAssembly.validate(newWasm)) fail('the renamed wasm does not validate');

writeFileSync(jsPath, code);
writeFileSync(wasmPath, newWasm);
index = index.replaceAll(sri(source), sri(code)).replaceAll(sri(wasm), sri(newWasm));
writeFileSync(indexPath, index);
console.log(
  `${jsFile}: ${source.length} -> ${code.length} bytes; ` +
    `${wasmFile}: ${wasm.length} -> ${newWasm.length} bytes ` +
    `(${renames.size} imports and ${exportRenames.size} exports renamed)`,
);
