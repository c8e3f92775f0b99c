import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, type KindId } from '../../src/kinds/index.ts';
import type { PageFacts, RunningHeads } from '../../src/print/layout.ts';

// Golden fixtures: test/fixtures/layout/<case>/facts.json holds what the print runtime found on each page of a
// pagination (the sample issues' are taken from real ones) and the running heads; the kind's layout rules must make
// of it exactly layout.json: every page's folio, running head and decoration, and where each article starts.
// `kind` in facts.json picks the kind (default magazine). UPDATE_GOLDEN=1 rewrites the outputs (review them).
const dir = path.resolve(import.meta.dirname, '../fixtures/layout');

describe('page layout rules', () => {
  for (const name of fs.readdirSync(dir).sort()) {
    it(name, () => {
      const input = JSON.parse(fs.readFileSync(path.join(dir, name, 'facts.json'), 'utf8')) as {
        kind?: KindId;
        heads: RunningHeads;
        facts: PageFacts[];
      };
      const layout = KINDS[input.kind ?? 'magazine'].layoutPages(input.facts, input.heads);
      const expectedFile = path.join(dir, name, 'layout.json');
      const actual = JSON.stringify(layout, null, 2) + '\n';
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(expectedFile, actual);
      expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
