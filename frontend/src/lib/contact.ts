// Contact details as links: the municipality's (the footer, the statements), an organisation's (its public page,
// the offer page) and the printed programme's.

/** A phone number for a tel: link: its digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}

/** A website address that is safe to link to (http or https only); null otherwise, or without one. */
export function safeWebsite(website: string | null | undefined): string | null {
  if (!website) return null
  try {
    const url = new URL(website)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/** A website as people say it: without the scheme, "www." and the closing slash ("emmen.nl"). */
export function websiteLabel(website: string): string {
  return website.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '')
}
