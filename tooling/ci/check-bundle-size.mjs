// After `vite build`: gzips the JavaScript a first visit downloads (the entry script and the chunks it
// preloads, as listed in dist/index.html) and fails when it weighs more than the limit.
// Usage: node check-bundle-size.mjs <dist> --limit-kb 150
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist = 'dist', ...rest] = process.argv.slice(2);
const limitIndex = rest.indexOf('--limit-kb');
const limitKb = limitIndex >= 0 ? Number(rest[limitIndex + 1]) : 150;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const base = (html.match(/<script type="module"[^>]*src="([^"]+)"/)?.[1] ?? '').replace(/assets\/.*$/, '');
const initial = [
  ...html.matchAll(/<script type="module"[^>]*src="([^"]+\.js)"/g),
  ...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
].map((match) => match[1].slice(base.length));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const rows = initial.map((file) => ({ file, kb: gzipKb(file) }));
const total = rows.reduce((sum, row) => sum + row.kb, 0);

const lazy = readdirSync(join(dist, 'assets'))
  .filter((name) => name.endsWith('.js') && !initial.includes(`assets/${name}`))
  .map((name) => ({ file: `assets/${name}`, kb: gzipKb(`assets/${name}`) }));

console.log(`Initial JavaScript (gzip), limit ${limitKb} KB:`);
for (const row of rows) console.log(`  ${row.kb.toFixed(1).padStart(7)} KB  ${row.file}`);
console.log(`  ${total.toFixed(1).padStart(7)} KB  total`);
if (lazy.length) {
  console.log('Loaded on demand (gzip):');
  for (const row of lazy) console.log(`  ${row.kb.toFixed(1).padStart(7)} KB  ${row.file}`);
}
if (rows.length === 0) {
  console.error('No initial script found in index.html');
  process.exit(1);
}
if (total > limitKb) {
  console.error(`The initial JavaScript is ${total.toFixed(1)} KB gzipped, above the ${limitKb} KB budget.`);
  process.exit(1);
}
