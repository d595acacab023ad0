import { describe, expect, it } from 'vitest'
import { isCode, normaliseCode } from './code'

describe('a statement code as typed', () => {
  it('is read as the server reads it: any case, with or without the dash or spaces', () => {
    expect(normaliseCode('7K4PQ-2XWM9')).toBe('7K4PQ-2XWM9')
    expect(normaliseCode('7k4pq2xwm9')).toBe('7K4PQ-2XWM9')
    expect(normaliseCode(' 7k4pq - 2xwm9 ')).toBe('7K4PQ-2XWM9')
  })

  it('takes O for 0 and I or L for 1, letters Crockford’s alphabet leaves out', () => {
    expect(normaliseCode('o1ilo-abcde')).toBe('01110-ABCDE')
  })

  it('has 10 letters and digits, and no U', () => {
    expect(isCode('7k4pq2xwm9')).toBe(true)
    expect(isCode('7K4PQ-2XWM')).toBe(false)
    expect(isCode('7K4PQ-2XWM9Z')).toBe(false)
    expect(isCode('7K4PQ-2XWMU')).toBe(false)
    expect(isCode('')).toBe(false)
  })
})
