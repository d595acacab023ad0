// What the global setup hands to the tests and the teardown, through environment variables
// (Playwright starts the test workers after the global setup, so they inherit them).
import { rmSync } from 'node:fs'

export const ENV = {
  pid: 'MEEDOEN_E2E_PID',
  tmp: 'MEEDOEN_E2E_TMP',
  baseUrl: 'MEEDOEN_E2E_BASE_URL',
  mailDir: 'MEEDOEN_E2E_MAIL_DIR',
} as const

export function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm run e2e\` (the global setup starts the server).`)
  return value
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** Stops the server's process group (TERM, then KILL after 5 s) and removes the temp folder. */
export async function stopServer(): Promise<void> {
  const pid = Number(process.env[ENV.pid])
  if (pid > 0) {
    try {
      process.kill(-pid, 'SIGTERM')
    } catch {
      // already gone
    }
    const deadline = Date.now() + 5_000
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    if (alive(pid)) {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    delete process.env[ENV.pid]
  }
  const tmp = process.env[ENV.tmp]
  if (tmp && !process.env.MEEDOEN_E2E_KEEP_TMP) rmSync(tmp, { recursive: true, force: true })
}
