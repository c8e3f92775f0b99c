import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules.ts';
import { articleSchemaOf } from '../../src/kinds/index.ts';

const guide = fs.readFileSync(path.resolve(import.meta.dirname, '../../CONTRIBUTING.md'), 'utf8');

describe('CONTRIBUTING.md', () => {
  it('explains every rule qikan check can report, at its level', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      const row = guide.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row, id).toBeDefined();
      expect(row!.split('|')[2]!.trim(), id).toBe(rule.severity === 'error' ? '错误' : '警告');
    }
  });

  it("describes every front matter field, every kind's", () => {
    for (const field of Object.keys(articleSchemaOf(undefined).shape))
      expect(guide, field).toContain(`| \`${field}\` |`);
  });
});
