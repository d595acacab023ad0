// How a statement's verification code may be typed, read the way the server reads it (statements/service.rs
// `normalise`): any case, spaces and dashes anywhere, O for 0, I and L for 1. Crockford's base32 has no I, L, O or U.

/** The letters and digits of a code. */
const LENGTH = 10

/** The code as it is printed (`7K4PQ-2XWM9`); what was typed, cleaned, when it is not 10 letters and digits. */
export function normaliseCode(raw: string): string {
  const plain = [...raw]
    .filter((c) => /^[0-9a-z]$/i.test(c))
    .map((c) => {
      const upper = c.toUpperCase()
      return upper === 'O' ? '0' : upper === 'I' || upper === 'L' ? '1' : upper
    })
    .join('')
  return plain.length === LENGTH ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain
}

/** Whether a typed code has the form of a code: 10 letters and digits, no U. */
export function isCode(raw: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/.test(normaliseCode(raw))
}
