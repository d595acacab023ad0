import type { Tag, TagKind } from '../api/types'

export type TagLabel = (kind: TagKind, key: string) => string

/** The label of a tag in the language; the key in words when the tag is unknown. */
export function tagLabeller(tags: readonly Tag[], lang: string): TagLabel {
  return (kind, key) => {
    const tag = tags.find((x) => x.kind === kind && x.key === key)
    if (!tag) return key.replaceAll('_', ' ')
    return lang.startsWith('en') ? tag.label_en : tag.label_nl
  }
}
