// The one walk over the district tree (municipality → area → district) and what the pages make of it.
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

/** Every node below and including `nodes` in tree order, with its depth (0 = the given level) and its ancestors' names. */
function* walk(nodes: readonly DistrictNode[], depth = 0, path: string[] = []): Generator<{ node: DistrictNode; depth: number; path: string[] }> {
  for (const node of nodes) {
    yield { node, depth, path }
    yield* walk(node.children, depth + 1, [...path, node.name])
  }
}

/** Every node of the district tree in tree order, with its depth (0 = municipality), kind, retired flag and ancestors. */
export function flattenDistrictTree(nodes: readonly DistrictNode[]): FlatDistrict[] {
  return [...walk(nodes)].map(({ node: n, depth, path }) => ({
    id: n.id,
    name: n.name,
    depth,
    kind: n.kind,
    retired: n.retired,
    parentId: n.parent_id ?? null,
    path,
  }))
}

/** The district tree as a flat list in tree order, each with its depth (0 = municipality). */
export function flattenDistricts(nodes: readonly DistrictNode[]): DistrictOption[] {
  return [...walk(nodes)].map(({ node, depth }) => ({ id: node.id, name: node.name, depth }))
}

/** District names by id (retired ones too, so old assignments keep their name). */
export function districtNames(nodes: readonly DistrictNode[]): Map<string, string> {
  return new Map([...walk(nodes)].map(({ node }) => [node.id, node.name]))
}

/** The node with this id, anywhere in the tree. */
export function findDistrict(nodes: readonly DistrictNode[], id: string): DistrictNode | undefined {
  for (const { node } of walk(nodes)) if (node.id === id) return node
  return undefined
}

/** The ids inside the subtrees of `roots` (the roots included). */
export function subtreeIds(tree: readonly DistrictNode[], roots: readonly string[]): Set<string> {
  const out = new Set<string>()
  for (const { node } of walk(tree)) {
    if (roots.includes(node.id)) for (const inner of walk([node])) out.add(inner.node.id)
  }
  return out
}

/** A select option label indented by depth with non-breaking spaces (a select cannot be styled per level). */
export function indentLabel(option: DistrictOption): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(option.depth)}${option.name}`
}
