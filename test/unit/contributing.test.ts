import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules.ts';
import { articleSchema } from '../../src/core/schema/article.ts';

const guide = fs.readFileSync(path.resolve(import.meta.dirname, '../../CONTRIBUTING.md'), 'utf8');

describe('CONTRIBUTING.md', () => {
  it('explains every rule qikan check can report, at its level', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      const row = guide.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row, id).toBeDefined();
      expect(row!.split('|')[2]!.trim(), id).toBe(rule.severity === 'error' ? '错误' : '警告');
    }
  });

  it('describes every front matter field', () => {
    for (const field of Object.keys(articleSchema.shape)) expect(guide, field).toContain(`| \`${field}\` |`);
  });
});
