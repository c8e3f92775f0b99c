import type { PublicationKind } from './kind.ts';
import { magazine } from './magazine/index.ts';

/** Every kind of publication qikan builds, by the `kind` of publication.yaml. */
export const KINDS = { magazine } satisfies Record<string, PublicationKind<any>>;

export type KindId = keyof typeof KINDS;
export const KIND_IDS = Object.keys(KINDS) as [KindId, ...KindId[]];

export function kindOf(publication: { kind: KindId } | undefined): (typeof KINDS)[KindId] {
  return KINDS[publication?.kind ?? 'magazine'];
}
