import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { issuesDir } from './names.ts';

/**
 * A fingerprint of what an issue's PDF is made from: publication.yaml and every file of the issue's folder (names
 * and bytes). A PDF kept from an earlier build is current only while this is unchanged.
 */
export function issueSourceHash(root: string, issueId: string): string {
  const hash = createHash('sha256');
  const add = (rel: string, file: string) => {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  };
  add('publication.yaml', path.join(root, 'publication.yaml'));
  const dir = path.join(issuesDir(root), issueId);
  const files = (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
  for (const rel of files) add(rel, path.join(dir, rel));
  return hash.digest('hex').slice(0, 16);
}
