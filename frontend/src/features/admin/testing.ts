// The admin pages' component tests: an admin session and the demo district tree on top of the shared stub.
import { setTokens } from '../../api/session'
import { districtTree } from '../../test/fixtures'
import { stubApi, type Answer, type Call } from '../../test/stubApi'

export const me = (roles: string[]) => ({
  id: 'u1',
  email: 'admin@demo.meedoen.nl',
  display_name: 'Annemiek (gemeente)',
  locale: 'nl',
  email_verified: true,
  roles,
  organisations: [],
})

/** The demo tree plus a retired district. */
export const adminTree = structuredClone(districtTree)
adminTree[0]!.children[0]!.children.push({ id: 'd2', parent_id: 'a1', kind: 'district', name: 'Oud Emmen', code: null, retired: true, children: [] })

/** Signs in (as admin unless `roles` says otherwise) and answers requests from `routes`; the tree by default. */
export function stubAdminApi(routes: Record<string, Answer>, roles = ['resident', 'admin']): Call[] {
  setTokens({ access: 'a' })
  return stubApi({ ...routes, 'GET /api/v1/me': me(roles) }, { 'GET /api/v1/districts': { items: adminTree } })
}
