import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from './extract.js';

/** The TypeScript sources of every app under `root/apps/*\/src` (tests and declaration files aside), sorted. */
export function appSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const app of readdirSync(join(root, 'apps'), { withFileTypes: true })) {
    if (!app.isDirectory()) continue;
    const src = join(root, 'apps', app.name, 'src');
    let entries: string[];
    try {
      entries = readdirSync(src, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!/\.tsx?$/.test(entry) || /\.d\.ts$/.test(entry) || /\.test\.tsx?$/.test(entry)) continue;
      const path = join(src, entry);
      files.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
