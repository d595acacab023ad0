/** Whether `value` (e.g. a select's string) is one of `values` (e.g. an enum's generated value list). */
export function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return values.some((v) => v === value)
}
