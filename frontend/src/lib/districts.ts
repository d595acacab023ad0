import type { DistrictNode } from '../api/types'

export interface DistrictOption {
  id: string
  name: string
  depth: number
}

/** The district tree as a flat list in tree order, each with its depth (0 = municipality). */
export function flattenDistricts(nodes: readonly DistrictNode[], depth = 0): DistrictOption[] {
  return nodes.flatMap((n) => [{ id: n.id, name: n.name, depth }, ...flattenDistricts(n.children ?? [], depth + 1)])
}

/** A select option label indented by depth with non-breaking spaces (a select cannot be styled per level). */
export function indentLabel(option: DistrictOption): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(option.depth)}${option.name}`
}
