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

/** A tag label inside a sentence starts with a small letter ("Ritme in de week" → "ritme in de week"). */
export function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase() + label.slice(1)
}
