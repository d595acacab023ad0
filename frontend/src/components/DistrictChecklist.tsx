import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react'
import type { DistrictNode } from '../api/types'
import type { ErrorScope } from '../i18n/errors'
import { CheckboxField } from './CheckboxField'
import { FieldGroup } from './FieldGroup'

/**
 * Checkboxes for the district tree: a group per municipality, in it a group per area with its districts (the
 * server accepts every level; a larger one includes everything in it). Retired districts are left out, unless
 * `retiredLabel` is given and they are chosen now: then they are shown, marked, so they can be unticked.
 */
export function DistrictChecklist({
  id,
  legend,
  help,
  tree,
  value,
  onChange,
  error,
  errorScope,
  errorField = 'district_ids',
  wholeMunicipality,
  wholeArea,
  retiredLabel,
}: {
  id: string
  legend: string
  help?: string | undefined
  tree: readonly DistrictNode[]
  value: readonly string[]
  onChange: (ids: string[]) => void
  error?: string | undefined
  errorScope?: ErrorScope | undefined
  /** The field's name in the API, for a scope's `field.code` text. */
  errorField?: string
  /** The label of a municipality's own checkbox; without it a municipality cannot be chosen as a whole. */
  wholeMunicipality?: ((name: string) => string) | undefined
  /** The label of an area's own checkbox. */
  wholeArea: (name: string) => string
  /** Marks a chosen retired district, e.g. "opgeheven". */
  retiredLabel?: string | undefined
}) {
  const shown = (n: DistrictNode) => !n.retired || (retiredLabel !== undefined && value.includes(n.id))
  const box = (n: DistrictNode, label: string) => (
    <CheckboxField
      key={n.id}
      id={`${id}-${n.id}`}
      label={n.retired ? `${label} (${retiredLabel})` : label}
      checked={value.includes(n.id)}
      onChange={(on) => onChange(on ? [...value, n.id] : value.filter((x) => x !== n.id))}
    />
  )
  return (
    <FieldGroup id={id} legend={legend} help={help} error={error} errorScope={errorScope} errorField={errorField}>
      {tree.filter(shown).map((municipality) => (
        <Fieldset key={municipality.id} className="meedoen-step meedoen-districts">
          <FieldsetLegend className="meedoen-step__legend">{municipality.name}</FieldsetLegend>
          {wholeMunicipality && box(municipality, wholeMunicipality(municipality.name))}
          <div className="meedoen-districts__areas">
            {municipality.children.filter(shown).map((child) =>
              child.kind === 'area' ? (
                <Fieldset key={child.id} className="meedoen-districts__area">
                  <FieldsetLegend className="meedoen-districts__legend">{child.name}</FieldsetLegend>
                  {box(child, wholeArea(child.name))}
                  {child.children.filter(shown).map((d) => box(d, d.name))}
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
