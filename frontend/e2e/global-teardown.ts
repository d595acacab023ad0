import { stopServer } from './server-env'

export default async function globalTeardown(): Promise<void> {
  await stopServer()
}
