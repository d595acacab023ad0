// Starts the real `meedoen` binary for the suite: a fresh temp folder with a SQLite database holding the demo
// world, the file mail transport writing .eml files into <tmp>/mail, and the built SPA from frontend/dist.
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ENV, stopServer } from './server-env'

const here = dirname(fileURLToPath(import.meta.url))
const frontend = resolve(here, '..')
const repo = resolve(frontend, '..')

function freePort(preferred: number): Promise<number> {
  return new Promise((done) => {
    const probe = createServer()
    probe.once('error', () => {
      const any = createServer()
      any.listen(0, '127.0.0.1', () => {
        const address = any.address()
        const port = typeof address === 'object' && address ? address.port : 0
        any.close(() => done(port))
      })
    })
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => done(preferred)))
  })
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')
  } catch {
    return '(no log)'
  }
}

async function waitReady(url: string, logFile: string, exited: () => number | null): Promise<void> {
  const deadline = Date.now() + 30_000
  let last = ''
  while (Date.now() < deadline) {
    const code = exited()
    if (code !== null) throw new Error(`meedoen serve exited with code ${code} before it was ready.\n${tail(logFile)}`)
    try {
      const res = await fetch(`${url}/readyz`)
      if (res.ok) return
      last = `HTTP ${res.status}`
    } catch (e) {
      last = String(e)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`meedoen serve was not ready at ${url}/readyz within 30 s (${last}).\n${tail(logFile)}`)
}

export default async function globalSetup(): Promise<void> {
  const bin = resolve(process.env.MEEDOEN_BIN ?? join(repo, 'target/debug/meedoen'))
  // MEEDOEN_E2E_DIST: another build folder (so two suites can run side by side).
  const dist = resolve(process.env.MEEDOEN_E2E_DIST ?? join(frontend, 'dist'))
  if (!existsSync(bin)) {
    throw new Error(`The meedoen binary is missing at ${bin}. Build it (cargo build) or set MEEDOEN_BIN.`)
  }
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`The SPA is not built (${dist}/index.html is missing). Run \`npm run build\` before \`npm run e2e\`.`)
  }

  const tmp = mkdtempSync(join(tmpdir(), 'meedoen-e2e-'))
  const port = await freePort(Number(process.env.MEEDOEN_E2E_PORT ?? 18555))
  const baseUrl = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${tmp}/e2e.db`,
    MEEDOEN__APP__DATA_DIR: tmp,
    MEEDOEN__MAIL__DIR: join(tmp, 'mail'),
    MEEDOEN__SERVER__PORT: String(port),
    MEEDOEN__APP__PUBLIC_URL: baseUrl,
    MEEDOEN__APP__STATIC_DIR: dist,
    MEEDOEN__RATE_LIMIT__ENABLED: 'false',
    MEEDOEN__MAIL__POLL_INTERVAL_SECS: '1',
    MEEDOEN__LOG__FORMAT: 'json',
    // No map tiles from the internet in tests: the offer page shows the address alone.
    MEEDOEN__MAP__TILE_URL: '',
    MEEDOEN_CONFIG_DIR: join(repo, 'config'),
  }

  const seed = spawnSync(bin, ['seed', '--demo'], { env, cwd: tmp, encoding: 'utf8', timeout: 60_000 })
  if (seed.status !== 0) {
    throw new Error(`meedoen seed --demo failed (status ${seed.status}):\n${seed.stdout}\n${seed.stderr}\n${seed.error ?? ''}`)
  }

  const logFile = join(tmp, 'serve.log')
  const log = openSync(logFile, 'a')
  // Its own process group, so the teardown can stop the server and anything it started.
  const child = spawn(bin, ['serve'], { env, cwd: tmp, detached: true, stdio: ['ignore', log, log] })
  closeSync(log)
  let exitCode: number | null = null
  child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? 128 : 1)
  })
  if (child.pid === undefined) throw new Error(`Could not start ${bin} serve`)

  process.env[ENV.pid] = String(child.pid)
  process.env[ENV.tmp] = tmp
  process.env[ENV.baseUrl] = baseUrl
  process.env[ENV.mailDir] = join(tmp, 'mail')

  try {
    await waitReady(baseUrl, logFile, () => exitCode)
  } catch (e) {
    await stopServer()
    throw e
  }
  child.unref()
}
