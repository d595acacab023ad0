import { useQuery } from '@tanstack/react-query'
import type { DistrictNode } from '../../api/types'
import { useDistricts } from '../../api/queries'
import { findDistrict, flattenDistricts, type DistrictOption } from '../../lib/districts'
import { myDistricts, workerKeys } from './api'
import type { WorkerDistrict } from './types'

/**
 * The worker's districts with everything below them, in tree order (depth 0 = an assigned district or
 * area). Without the tree, just the assigned ones.
 */
export function scopeOptions(mine: readonly WorkerDistrict[], tree: readonly DistrictNode[] | undefined): DistrictOption[] {
  const out: DistrictOption[] = []
  for (const d of mine) {
    const node = tree ? findDistrict(tree, d.id) : undefined
    const options = node ? flattenDistricts([node]) : [{ id: d.id, name: d.name, depth: 0 }]
    for (const o of options) if (!out.some((x) => x.id === o.id)) out.push(o)
  }
  return out
}

/** The names of the districts below an assigned district or area ("Emmerhout, Angelslo"). */
export function childNames(d: WorkerDistrict, tree: readonly DistrictNode[] | undefined): string[] {
  const node = tree ? findDistrict(tree, d.id) : undefined
  return node ? flattenDistricts(node.children).map((c) => c.name) : []
}

/** The worker's districts (GET /worker/districts) and the district tree, for selects and the start page. */
export function useWorkerScope(enabled: boolean) {
  const mine = useQuery({ queryKey: workerKeys.districts(), queryFn: myDistricts, enabled, staleTime: 5 * 60_000 })
  const tree = useDistricts(enabled)
  return {
    mine,
    tree,
    options: mine.data ? scopeOptions(mine.data, tree.data) : [],
    /** Ready when both are there, or the tree failed (then only the assigned districts are offered). */
    ready: mine.isSuccess && !tree.isPending,
  }
}
