// Small building blocks of the organisation pages: the status message, the district checklist and helpers for
// district ids and field errors. (Fields and choice groups are the shared ones in src/components.)
import { Alert, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DistrictNode } from '../../api/types'
import { CheckboxField } from '../../components/CheckboxField'
import { FieldGroup } from '../../components/FieldGroup'
import './texts'

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  )
}

/**
 * The districts an organisation works in: one group per municipality, with the municipality, its areas
 * and its districts as checkboxes (the server accepts each level; a larger one includes everything in it).
 */
export function DistrictChecklist({
  id,
  tree,
  value,
  onChange,
  error,
}: {
  id: string
  tree: readonly DistrictNode[]
  value: readonly string[]
  onChange: (v: string[]) => void
  error?: string | undefined
}) {
  const { t } = useTranslation()
  const toggle = (districtId: string, on: boolean) =>
    onChange(on ? [...value, districtId] : value.filter((v) => v !== districtId))
  const box = (node: DistrictNode, label: string) => (
    <CheckboxField key={node.id} id={`${id}-${node.id}`} label={label} checked={value.includes(node.id)} onChange={(on) => toggle(node.id, on)} />
  )
  const live = (nodes: readonly DistrictNode[] | undefined) => (nodes ?? []).filter((n) => !n.retired)
  return (
    <FieldGroup id={id} legend={t('organisation.form.districts')} help={t('organisation.form.districtsHelp')} error={error} errorScope="organisation">
      {live(tree).map((municipality) => (
        <Fieldset key={municipality.id} className="meedoen-step meedoen-org-districts">
          <FieldsetLegend className="meedoen-step__legend">{municipality.name}</FieldsetLegend>
          {box(municipality, t('organisation.form.wholeMunicipality', { name: municipality.name }))}
          <div className="meedoen-org-districts__areas">
            {live(municipality.children).map((child) =>
              child.kind === 'area' ? (
                <Fieldset key={child.id} className="meedoen-org-districts__area">
                  <FieldsetLegend className="meedoen-org-districts__legend">{child.name}</FieldsetLegend>
                  {box(child, t('organisation.form.wholeArea', { name: child.name }))}
                  {live(child.children).map((d) => box(d, d.name))}
                </Fieldset>
              ) : (
                box(child, child.name)
              ),
            )}
          </div>
        </Fieldset>
      ))}
    </FieldGroup>
  )
}

/** The ids inside the subtrees of `roots` (the roots included). */
export function subtreeIds(tree: readonly DistrictNode[], roots: readonly string[]): Set<string> {
  const out = new Set<string>()
  const walk = (nodes: readonly DistrictNode[], inside: boolean) => {
    for (const n of nodes) {
      const here = inside || roots.includes(n.id)
      if (here) out.add(n.id)
      walk(n.children ?? [], here)
    }
  }
  walk(tree, false)
  return out
}

/** The first field error per field whose name is `name` or starts with `name[` or `name.`. */
export function fieldError(fields: Record<string, string>, name: string): string | undefined {
  if (name in fields) return fields[name]
  const key = Object.keys(fields).find((f) => f.startsWith(`${name}[`) || f.startsWith(`${name}.`))
  return key ? fields[key] : undefined
}
