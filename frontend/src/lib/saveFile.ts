/**
 * Saves a file the app fetched itself (with the access token, so a plain link cannot do it): through an object
 * URL and a temporary `<a download>` click. The URL is freed once the click is handled.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
