import { describe, expect, it } from 'vitest'
import { safeWebsite, telHref, websiteLabel } from './contact'

describe('contact details', () => {
  it('make a tel: link of the digits and a leading +', () => {
    expect(telHref('+31 (0)591 - 68 55 55')).toBe('tel:+310591685555')
    expect(telHref('0591 68 55 55')).toBe('tel:0591685555')
  })

  it('link only to http and https websites', () => {
    expect(safeWebsite('https://www.emmen.nl')).toBe('https://www.emmen.nl/')
    expect(safeWebsite('http://example.nl/pad?x=1')).toBe('http://example.nl/pad?x=1')
    expect(safeWebsite('javascript:alert(1)')).toBeNull()
    expect(safeWebsite('www.emmen.nl')).toBeNull()
    expect(safeWebsite('')).toBeNull()
    expect(safeWebsite(null)).toBeNull()
    expect(safeWebsite(undefined)).toBeNull()
  })

  it('show a website as people say it', () => {
    expect(websiteLabel('https://www.denhelder.nl/')).toBe('denhelder.nl')
    expect(websiteLabel('http://emmen.nl/wonen')).toBe('emmen.nl/wonen')
  })
})
