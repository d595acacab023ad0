import type { DistrictKind, DistrictNode } from '../api/types'

export interface DistrictOption {
  id: string
  name: string
  depth: number
}

export interface FlatDistrict extends DistrictOption {
  kind: DistrictKind
  retired: boolean
  parentId: string | null
  /** The names of the ancestors, the municipality first. */
  path: string[]
}

/** Every node of the district tree in tree order, with its depth (0 = municipality), kind, retired flag and ancestors. */
export function flattenDistrictTree(nodes: readonly DistrictNode[], depth = 0, path: string[] = []): FlatDistrict[] {
  return nodes.flatMap((n) => [
    { id: n.id, name: n.name, depth, kind: n.kind, retired: n.retired, parentId: n.parent_id ?? null, path },
    ...flattenDistrictTree(n.children ?? [], depth + 1, [...path, n.name]),
  ])
}

/** The district tree as a flat list in tree order, each with its depth (0 = municipality). */
export function flattenDistricts(nodes: readonly DistrictNode[], depth = 0): DistrictOption[] {
  return flattenDistrictTree(nodes, depth).map(({ id, name, depth }) => ({ id, name, depth }))
}

/** District names by id (retired ones too, so old assignments keep their name). */
export function districtNames(nodes: readonly DistrictNode[]): Map<string, string> {
  return new Map(flattenDistrictTree(nodes).map((d) => [d.id, d.name]))
}

/** A select option label indented by depth with non-breaking spaces (a select cannot be styled per level). */
export function indentLabel(option: DistrictOption): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(option.depth)}${option.name}`
}
