// Fails when src/api/schema.ts is not what openapi-typescript makes from openapi.json,
// so the typed client and the server's OpenAPI document never drift apart.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'meedoen-api-'))
const fresh = join(dir, 'schema.ts')
try {
  execFileSync('npx', ['--no-install', 'openapi-typescript', 'openapi.json', '--enum-values', '-o', fresh], { stdio: 'inherit' })
  const committed = readFileSync('src/api/schema.ts', 'utf8')
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error('src/api/schema.ts is out of date: run `npm run generate:api` and commit the result.')
    process.exitCode = 1
  } else {
    console.log('src/api/schema.ts matches openapi.json')
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
