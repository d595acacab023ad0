// Reads the mail the server wrote with its file transport: one .eml file per message in <tmp>/mail.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ENV, required } from './server-env'

/** Decodes a quoted-printable body: soft line breaks (`=` at the end of a line) and `=XX` bytes. */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3)
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function mailFiles(dir: string): { path: string; mtime: number }[] {
  let names: string[]
  try {
    names = readdirSync(dir, { recursive: true }).map(String)
  } catch {
    return []
  }
  return names
    .filter((n) => n.endsWith('.eml'))
    .map((n) => join(dir, n))
    .map((path) => ({ path, mtime: statSync(path).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
}

/**
 * Waits for the newest .eml addressed to `to` and returns its decoded text.
 * The server sends mail from a queue every second, so this polls for up to `timeoutMs`.
 */
export async function waitForMail(to: string, timeoutMs = 20_000): Promise<string> {
  const dir = required(ENV.mailDir)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    for (const file of mailFiles(dir)) {
      const raw = readFileSync(file.path, 'utf8')
      const [head = ''] = raw.split(/\r?\n\r?\n/, 1)
      const recipient = /^To:(.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? ''
      if (recipient.toLowerCase().includes(to.toLowerCase())) return decodeQuotedPrintable(raw)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`No mail to ${to} arrived in ${dir} within ${timeoutMs} ms`)
}

/** The first link with `path` (e.g. `/verify-email`) and a token in the text, made relative to the site. */
export function extractLink(text: string, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`https?://[^\\s"'<>]+${escaped}\\?token=[A-Za-z0-9._~%-]+`).exec(text)
  if (!match) throw new Error(`No ${path}?token=… link in the mail:\n${text}`)
  const url = new URL(match[0].replace(/&amp;/g, '&'))
  return `${url.pathname}${url.search}`
}

/** The newest mail to `to` that contains `text` (the server sends its queue every second). */
export async function waitForMailWith(to: string, text: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const left = deadline - Date.now()
    if (left <= 0) throw new Error(`No mail to ${to} with "${text}" arrived within ${timeoutMs} ms`)
    const mail = await waitForMail(to, left)
    if (mail.includes(text)) return mail
    await new Promise((r) => setTimeout(r, 500))
  }
}
