import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Finding } from './findings.ts';
import { readUtf8 } from './read-text.ts';
import { parseYaml, validateYaml, type YamlSource } from './yaml-source.ts';

/** A YAML file of the publication (publication.yaml, issue.yaml), parsed and validated; its problems reported. */
export function readYamlFile<T>(
  file: string,
  rel: (p: string) => string,
  schema: z.ZodType<T>,
  findings: Finding[],
): { data?: T; source?: YamlSource } {
  if (!fs.existsSync(file)) {
    findings.push({
      file: rel(file),
      line: 1,
      rule: 'missing-file',
      message: `缺少文件 ${path.basename(file)}`,
      hint: `建立 ${path.basename(file)}（可参照示例期）。`,
    });
    return {};
  }
  const text = readUtf8(file);
  if (text === undefined) {
    findings.push(encodingFinding(rel(file)));
    return {};
  }
  const parsed = parseYaml(text, rel(file));
  findings.push(...parsed.findings);
  if (!parsed.source) return {};
  const { data, findings: f } = validateYaml(parsed.source, schema);
  findings.push(...f);
  return { data, source: parsed.source };
}

export function encodingFinding(file: string): Finding {
  return {
    file,
    line: 1,
    rule: 'encoding',
    message: '文件不是 UTF-8 编码，读出来会是乱码',
    hint: '在编辑器里把文件另存为 UTF-8 编码（例如记事本“另存为”时选择 UTF-8）。',
  };
}
