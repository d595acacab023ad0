/** The ids of a field's error and description, for aria-describedby (undefined when there are none). */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined
}
