import type { PublicationKind } from './kind.ts';
import { magazine } from './magazine/index.ts';
import type { IssueMeta as MagazineIssueMeta } from './magazine/issue-schema.ts';
import { newspaper } from './newspaper/index.ts';
import type { NewspaperIssueMeta } from './newspaper/issue-schema.ts';

/** Every kind of publication qikan builds, by the `kind` of publication.yaml. */
export const KINDS = { magazine, newspaper } satisfies Record<string, PublicationKind<any>>;

export type KindId = keyof typeof KINDS;
export const KIND_IDS = Object.keys(KINDS) as [KindId, ...KindId[]];

/** What an issue.yaml holds, of whichever kind: each kind reads only its own issues' (kindOf). */
export type IssueMeta = MagazineIssueMeta | NewspaperIssueMeta;

export function kindOf(publication: { kind: KindId } | undefined): PublicationKind<IssueMeta> {
  // A kind is only ever handed the issues its own schema read.
  return KINDS[publication?.kind ?? 'magazine'] as unknown as PublicationKind<IssueMeta>;
}
