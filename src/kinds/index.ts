import { articleHints, articleSchemaWith } from '../core/schema/article.ts';
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

const schemas = new Map<KindId | undefined, ReturnType<typeof articleSchemaWith>>();

/**
 * The front matter of the publication's articles: every article's fields and its kind's. Without a readable
 * publication.yaml, any kind's fields, so that none is refused for a kind no one knows yet.
 */
export function articleSchemaOf(publication: { kind: KindId } | undefined) {
  const id = publication?.kind;
  if (!schemas.has(id))
    schemas.set(
      id,
      articleSchemaWith(
        id ? KINDS[id].articleFields : Object.assign({}, ...Object.values(KINDS).map((k) => k.articleFields)),
      ),
    );
  return schemas.get(id)!;
}

/** What a contributor is told when a field of the publication's front matter is wrong. */
export function articleHintsOf(publication: { kind: KindId } | undefined): Record<string, string> {
  const kinds = publication ? [KINDS[publication.kind]] : Object.values(KINDS);
  return Object.assign({}, articleHints, ...kinds.map((k) => k.articleHints));
}

/** The kind (by its noun) whose articles have this field, where the publication's own kind has none. */
export function otherKindWith(publication: { kind: KindId }, field: string): string | undefined {
  if (Object.hasOwn(KINDS[publication.kind].articleFields, field)) return undefined;
  return Object.values(KINDS).find((k) => Object.hasOwn(k.articleFields, field))?.noun;
}
