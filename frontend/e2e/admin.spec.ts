// The municipality's administration: districts, labels (tags), checking organisations and neighbourhood
// workers, as the demo admin. Every test makes its own data with unique names and is safe to run twice.
import type { APIRequestContext, Page } from '@playwright/test'
import {
  DEMO_ADMIN,
  DEMO_RESIDENT,
  expect,
  expectNoAxeViolations,
  settled,
  signIn,
  test,
} from './fixtures'

interface Node {
  id: string
  name: string
  children: Node[]
}

async function apiToken(request: APIRequestContext, who: { email: string; password: string }): Promise<string> {
  const res = await request.post('/api/v1/auth/login', { data: { email: who.email, password: who.password } })
  expect(res.ok(), `login ${who.email}: ${res.status()}`).toBeTruthy()
  return ((await res.json()) as { access_token: string }).access_token
}

async function districtId(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get('/api/v1/districts')
  expect(res.ok()).toBeTruthy()
  const find = (nodes: Node[]): Node | undefined => {
    for (const n of nodes) {
      if (n.name === name) return n
      const hit = find(n.children)
      if (hit) return hit
    }
    return undefined
  }
  const node = find(((await res.json()) as { items: Node[] }).items)
  if (!node) throw new Error(`no district ${name}`)
  return node.id
}

/** A pending organisation of the demo resident's, made through the API. */
async function createPendingOrganisation(request: APIRequestContext, name: string): Promise<void> {
  const token = await apiToken(request, DEMO_RESIDENT)
  const res = await request.post('/api/v1/organisations', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      name,
      kind: 'association',
      district_ids: [await districtId(request, 'Emmerhout')],
      contact_email: 'e2e-organisatie@example.org',
      description: 'Een organisatie voor de test van het beheer.',
    },
  })
  expect(res.status(), await res.text()).toBe(201)
}

/** Puts Fatma back on exactly Emmen Noord (other specs rely on it), also after a failed try. */
async function resetFatma(request: APIRequestContext): Promise<void> {
  const token = await apiToken(request, DEMO_ADMIN)
  const headers = { Authorization: `Bearer ${token}` }
  const res = await request.get('/api/v1/workers', { headers })
  expect(res.ok()).toBeTruthy()
  const fatma = ((await res.json()) as { items: { user_id: string; display_name: string }[] }).items.find(
    (w) => w.display_name === 'Fatma (wijkwerker)',
  )
  if (!fatma) throw new Error('Fatma is not a worker')
  const put = await request.put(`/api/v1/workers/${fatma.user_id}/districts`, {
    headers,
    data: { district_ids: [await districtId(request, 'Emmen Noord')] },
  })
  expect(put.ok()).toBeTruthy()
}

async function openAdminPage(page: Page, linkName: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeVisible()
  await page.getByRole('link', { name: linkName }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await settled(page)
}

/** The value of the option whose text (without the indent) is `name`. */
async function optionValue(page: Page, selectLabel: string, name: string): Promise<string> {
  const option = page.getByLabel(selectLabel).locator('option').filter({ hasText: new RegExp(`^\\s*${name}$`) })
  const value = await option.getAttribute('value')
  if (!value) throw new Error(`no option ${name}`)
  return value
}

test('districts: add an area and a district, rename it, retire the area; an empty name is refused', async ({ page }) => {
  const stamp = Date.now()
  const area = `E2E gebied ${stamp}`
  const district = `E2E wijk ${stamp}`
  const renamed = `E2E wijk hernoemd ${stamp}`
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password)
  await openAdminPage(page, 'Wijken en gebieden', 'Wijken en gebieden')
  await expect(page.locator('.admin-tree__name', { hasText: /^Den Helder$/ })).toBeVisible()
  await expectNoAxeViolations(page)

  // An area under Den Helder, first without a name: the error stands next to the field (exactly that text; the error
  // summary above the form repeats it after the field's name).
  const form = page.getByRole('form', { name: 'Iets nieuws toevoegen' })
  await form.getByLabel('Gebied', { exact: true }).check()
  await form.getByLabel('Hoort bij').selectOption(await optionValue(page, 'Hoort bij', 'Den Helder'))
  await form.getByRole('button', { name: 'Toevoegen' }).click()
  const name = form.getByLabel('Naam')
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Vul een naam in van hoogstens 100 tekens.', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  await name.fill(area)
  await form.getByRole('button', { name: 'Toevoegen' }).click()
  await expect(form.getByRole('status')).toHaveText(`${area} is toegevoegd.`)
  await expect(name).toHaveValue('')

  // A district in the new area, with a code.
  await form.getByLabel('Wijk of dorp').check()
  await form.getByLabel('Hoort bij').selectOption(await optionValue(page, 'Hoort bij', area))
  await name.fill(district)
  await form.getByLabel('Code (mag leeg blijven)').fill(`WK${String(stamp).slice(-8)}`)
  await form.getByRole('button', { name: 'Toevoegen' }).click()
  await expect(form.getByRole('status')).toHaveText(`${district} is toegevoegd.`)
  await expect(page.locator('.admin-tree__name', { hasText: district })).toBeVisible()

  // Rename the district.
  await page.getByRole('button', { name: `Wijzigen ${district}` }).click()
  const edit = page.getByRole('form', { name: `${district} wijzigen` })
  await expect(edit.getByLabel('Naam')).toBeFocused()
  await edit.getByLabel('Naam').fill(renamed)
  await edit.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'De wijzigingen zijn opgeslagen.' })).toBeVisible()
  await expect(page.locator('.admin-tree__name', { hasText: renamed })).toBeVisible()

  // Retire the area: first the question with the explanation, then the district below is retired too.
  await page.getByRole('button', { name: `Opheffen ${area}` }).click()
  const confirm = page.getByRole('group', { name: `Wil je ${area} opheffen?` })
  await expect(confirm).toBeFocused()
  await expect(confirm).toContainText('Alles wat er gebeurd is, blijft bewaard.')
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: `Ja, ${area} opheffen` }).click()
  await expect(page.getByRole('status').filter({ hasText: `${area} is opgeheven.` })).toBeVisible()
  for (const n of [area, renamed]) {
    const node = page.locator('.admin-tree__node').filter({ has: page.locator('.admin-tree__name', { hasText: n }) })
    await expect(node.locator('.admin-badge')).toHaveText('opgeheven')
    await expect(node.getByRole('button', { name: /^Opheffen/ })).toHaveCount(0)
  }
  await expectNoAxeViolations(page)

  // The public district list (offers filter) no longer offers the retired area.
  await page.goto('/offers')
  await settled(page)
  await expect(page.getByLabel('Wijk').locator('option').filter({ hasText: area })).toHaveCount(0)
})

test('labels: add one with a unique key after a refused key, then retire it', async ({ page }) => {
  const stamp = Date.now()
  const key = `e2e_${stamp}`
  const label = `E2E label ${stamp}`
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password)
  await openAdminPage(page, 'Labels', 'Labels')
  await page.getByRole('navigation', { name: 'Soort label' }).getByRole('link', { name: 'Wat je leuk vindt' }).click()
  await expect(page).toHaveURL(/\/admin\/tags\?kind=interest$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Wat je leuk vindt: alle labels' })).toBeVisible()
  await expect(page.locator('.admin-rows__item').first()).toBeVisible()

  const form = page.getByRole('form', { name: 'Nieuw label toevoegen' })
  await expect(form.getByLabel('Soort')).toHaveValue('interest')
  await form.getByLabel('Sleutel').fill('Fout Label!')
  await form.getByLabel('Naam in het Nederlands').fill(label)
  await form.getByLabel('Naam in het Engels').fill(`E2E label EN ${stamp}`)
  await form.getByRole('button', { name: 'Label toevoegen' }).click()
  await expect(form.getByLabel('Sleutel')).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Gebruik 2 tot 40 kleine letters, cijfers of liggende streepjes (_). Begin met een letter.', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  await form.getByLabel('Sleutel').fill(key)
  await form.getByRole('button', { name: 'Label toevoegen' }).click()
  await expect(form.getByRole('status')).toHaveText(`Het label "${label}" is toegevoegd.`)
  const row = page.locator('.admin-rows__item').filter({ hasText: label })
  await expect(row).toContainText(`sleutel ${key}`)

  // The same key again: the server's conflict is shown next to the key.
  await form.getByLabel('Sleutel').fill(key)
  await form.getByLabel('Naam in het Nederlands').fill(label)
  await form.getByLabel('Naam in het Engels').fill(label)
  await form.getByRole('button', { name: 'Label toevoegen' }).click()
  await expect(form.getByText('Er is al een label met deze sleutel bij deze soort. Kies een andere sleutel.', { exact: true })).toBeVisible()

  await row.getByRole('button', { name: `Uitzetten ${label}` }).click()
  const confirm = row.getByRole('group', { name: `Wil je het label "${label}" uitzetten?` })
  await expect(confirm).toContainText('Het label blijft staan bij profielen en activiteiten die het al hebben.')
  await confirm.getByRole('button', { name: `Ja, "${label}" uitzetten` }).click()
  await expect(row.getByRole('status')).toHaveText(`Het label "${label}" is uitgezet.`)
  await expect(row.locator('.admin-badge')).toHaveText('uitgezet')
  await expectNoAxeViolations(page)
})

test('organisations: approve one, reject another with a reason, both move lists; in English too', async ({ page }) => {
  const stamp = Date.now()
  const good = `E2E Buurtclub Goed ${stamp}`
  const bad = `E2E Buurtclub Fout ${stamp}`
  await createPendingOrganisation(page.request, good)
  await createPendingOrganisation(page.request, bad)

  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password)
  await openAdminPage(page, 'Organisaties controleren', 'Organisaties controleren')
  await expect(page.getByRole('heading', { level: 2, name: 'Wachten op controle' })).toBeVisible()
  const goodCard = page.locator('main .meedoen-card').filter({ has: page.getByRole('heading', { level: 3, name: good }) })
  const badCard = page.locator('main .meedoen-card').filter({ has: page.getByRole('heading', { level: 3, name: bad }) })
  await expect(goodCard).toContainText('Vereniging of stichting')
  await expect(goodCard).toContainText('Emmerhout')
  await expect(goodCard).toContainText('e2e-organisatie@example.org')
  await expect(badCard).toBeVisible()
  await expectNoAxeViolations(page)

  await goodCard.getByRole('button', { name: `Goedkeuren ${good}` }).click()
  await expect(page.getByRole('status')).toHaveText(`${good} is goedgekeurd. De eigenaren krijgen een e-mail.`)
  await expect(goodCard).toHaveCount(0)

  // Rejecting needs a reason; the explanation says what happens.
  await badCard.getByRole('button', { name: `Afwijzen ${bad}` }).click()
  const confirm = badCard.getByRole('group', { name: `Wil je ${bad} afwijzen?` })
  await expect(confirm).toContainText('sluiten alle activiteiten van deze organisatie')
  await confirm.getByRole('button', { name: `${bad} afwijzen` }).click()
  await expect(confirm.getByText('Schrijf op waarom je deze organisatie afwijst.', { exact: true })).toBeVisible()
  await expect(confirm.getByLabel('Waarom wijs je deze organisatie af?')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)
  await confirm.getByLabel('Waarom wijs je deze organisatie af?').fill('We kennen deze organisatie niet in Emmen.')
  await confirm.getByRole('button', { name: `${bad} afwijzen` }).click()
  await expect(page.getByRole('status')).toHaveText(`${bad} is afgewezen. De eigenaren krijgen een e-mail met je reden.`)
  await expect(badCard).toHaveCount(0)
  await expectNoAxeViolations(page)

  const filter = page.getByRole('navigation', { name: 'Welke organisaties' })
  await filter.getByRole('link', { name: 'Goedgekeurd' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Goedgekeurd' })).toBeVisible()
  await expect(goodCard).toBeVisible()
  await expect(goodCard.getByRole('button', { name: `Afwijzen ${good}` })).toBeVisible()
  await filter.getByRole('link', { name: 'Afgewezen' }).click()
  await expect(badCard).toContainText('We kennen deze organisatie niet in Emmen.')

  // English walk-through of the same page.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check organisations' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Rejected' })).toBeVisible()
  await expect(badCard).toContainText('Reason for rejecting')
  await expect(badCard.getByRole('button', { name: `Approve ${bad}` })).toBeVisible()
  await page.getByRole('navigation', { name: 'Which organisations' }).getByRole('link', { name: 'Waiting for a check' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for a check' })).toBeVisible()
  await settled(page)
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Nederlands' }).click()
})

test.describe('workers', () => {
  test.afterEach(async ({ request }) => {
    await resetFatma(request)
  })

  test('change Fatma’s districts and back; make a fresh account a worker and take the role away; in English too', async ({ page }) => {
    await resetFatma(page.request)
    const stamp = Date.now()
    const email = `e2e-wijkwerker-${stamp}@example.org`
    const name = `E2E Wijkwerker ${stamp}`
    // A fresh account; it is not verified, which is no problem for becoming a worker.
    const reg = await page.request.post('/api/v1/auth/register', {
      data: { email, password: 'vier losse woorden samen', display_name: name, locale: 'nl' },
    })
    expect(reg.ok(), await reg.text()).toBeTruthy()

    await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password)
    await openAdminPage(page, 'Wijkwerkers', 'Wijkwerkers')
    const fatma = page.locator('main .meedoen-card').filter({ has: page.getByRole('heading', { level: 3, name: 'Fatma (wijkwerker)' }) })
    await expect(fatma).toContainText('Werkt in: Emmen Noord')
    await expectNoAxeViolations(page)

    // Add Zuidbarge, then set it back exactly.
    await fatma.getByRole('button', { name: 'Wijken aanpassen voor Fatma (wijkwerker)' }).click()
    const boxes = fatma.getByRole('group', { name: 'Gebieden en wijken van Fatma (wijkwerker)' })
    await expect(boxes.getByLabel('Emmen Noord (heel het gebied)')).toBeChecked()
    await expect(boxes.getByRole('checkbox').first()).toBeFocused()
    await boxes.getByLabel('Zuidbarge').check()
    await expectNoAxeViolations(page)
    await fatma.getByRole('button', { name: 'Opslaan' }).click()
    await expect(fatma.getByRole('status')).toHaveText('De wijken van Fatma (wijkwerker) zijn opgeslagen.')
    await expect(fatma).toContainText('Werkt in: Emmen Noord, Zuidbarge')

    await fatma.getByRole('button', { name: 'Wijken aanpassen voor Fatma (wijkwerker)' }).click()
    await boxes.getByLabel('Zuidbarge').uncheck()
    await fatma.getByRole('button', { name: 'Opslaan' }).click()
    await expect(fatma).toContainText('Werkt in: Emmen Noord')
    await expect(fatma).not.toContainText('Zuidbarge')

    // Nobody has this address: the error stands next to the field.
    const form = page.getByRole('form', { name: 'Iemand wijkwerker maken' })
    await form.getByLabel('E-mailadres van het account').fill(`niemand-${stamp}@example.org`)
    await form.getByRole('group', { name: 'Gebieden en wijken van de nieuwe wijkwerker' }).getByLabel('Emmerhout', { exact: true }).check()
    await form.getByRole('button', { name: 'Wijkwerker maken' }).click()
    await expect(form.getByLabel('E-mailadres van het account')).toHaveAttribute('aria-invalid', 'true')
    await expect(form.getByText('Niemand heeft een Meedoen-account met dit e-mailadres. Vraag de persoon eerst een account te maken.', { exact: true })).toBeVisible()
    await expectNoAxeViolations(page)

    await form.getByLabel('E-mailadres van het account').fill(email)
    await form.getByRole('button', { name: 'Wijkwerker maken' }).click()
    await expect(form.getByRole('status')).toHaveText(`${name} is nu wijkwerker.`)
    const fresh = page.locator('main .meedoen-card').filter({ has: page.getByRole('heading', { level: 3, name }) })
    await expect(fresh).toContainText('Werkt in: Emmerhout')

    await fresh.getByRole('button', { name: `Rol wijkwerker afnemen van ${name}` }).click()
    const confirm = fresh.getByRole('group', { name: `Wil je ${name} de rol wijkwerker afnemen?` })
    await expect(confirm).toBeFocused()
    await confirm.getByRole('button', { name: 'Ja, rol afnemen' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'geen wijkwerker meer' })).toHaveText(`${name} is geen wijkwerker meer.`)
    await expect(fresh).toHaveCount(0)
    await expectNoAxeViolations(page)

    // English walk-through.
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Neighbourhood workers' })).toBeVisible()
    await expect(fatma).toContainText('Works in: Emmen Noord')
    await fatma.getByRole('button', { name: 'Change districts for Fatma (wijkwerker)' }).click()
    await expect(fatma.getByRole('group', { name: 'Areas and districts of Fatma (wijkwerker)' })).toBeVisible()
    await fatma.getByRole('button', { name: 'Cancel' }).click()
    await expect(fatma.getByRole('button', { name: 'Change districts for Fatma (wijkwerker)' })).toBeFocused()
    await expect(page.getByRole('heading', { level: 2, name: 'Make someone a neighbourhood worker' })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Nederlands' }).click()
  })
})

test('a resident opening the admin pages gets a friendly explanation; signed out gets the sign-in prompt', async ({ page }) => {
  await page.goto('/admin/workers')
  await expect(page.getByRole('heading', { level: 1, name: 'Wijkwerkers' })).toBeVisible()
  await expect(page.getByText('Log in om deze pagina te zien.')).toBeVisible()

  await signIn(page, DEMO_RESIDENT.email, DEMO_RESIDENT.password)
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' })).toHaveCount(0)
  await page.goto('/admin')
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeVisible()
  await expect(page.getByText('Deze pagina is alleen voor de beheerders van de gemeente. Jouw account kan hier niet bij.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Wijken en gebieden' })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await page.goto('/admin/organisations')
  await expect(page.getByText('Deze pagina is alleen voor de beheerders van de gemeente. Jouw account kan hier niet bij.')).toBeVisible()
  await expect(page.locator('main .meedoen-card')).toHaveCount(0)
})
