/** Whether the router's location state (set by the page that navigated here) has `flag: true`. */
export function stateFlag(state: unknown, flag: string): boolean {
  return typeof state === 'object' && state !== null && Object.hasOwn(state, flag) && Reflect.get(state, flag) === true
}
