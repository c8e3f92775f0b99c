import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the pinned Node', () => {
  it('runs the tests: the npm package `node` comes first on the PATH of npm scripts', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8'));
    const pinnedMajor = Number(/\d+/.exec(pkg.devDependencies.node)![0]);
    expect(Number(process.versions.node.split('.')[0])).toBe(pinnedMajor);
  });
});
