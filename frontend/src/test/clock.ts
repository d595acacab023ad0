// A fixed "now" for the tests of one file: only Date is faked, so timers (and Testing Library's waits) still run.
import { afterEach, beforeEach, vi } from 'vitest'

/** Every test of the calling file runs at `iso` (e.g. '2026-12-08T12:00:00Z'). */
export function clockAt(iso: string): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(iso))
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}
