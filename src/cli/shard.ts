/** `--shard K/N`: this machine's share of an archive's PDFs. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || count < 1 || index < 1 || index > count)
    throw new Error(`--shard ${spec}: give K/N with 1 ≤ K ≤ N, e.g. --shard 2/4 for the second of four machines`);
  return { index, count };
}

/**
 * The issues of shard K of N: every Nth of the ids in sorted order, from the Kth. Each machine of a build
 * computes the same split from the same folders, and every issue is in exactly one shard.
 */
export function issuesOfShard(ids: string[], { index, count }: Shard): string[] {
  return [...ids].sort().filter((_, i) => i % count === index - 1);
}
