/** `url` without its trailing slashes; a loop, as a regex would backtrack on a long run of them. */
export function trimTrailingSlashes(url: string): string {
  let end = url.length
  while (end > 0 && url.charCodeAt(end - 1) === 47 /* / */) end--
  return url.slice(0, end)
}

export function isAbsoluteUrl(url: string): boolean {
  try {
    new URL(url)
    return true
  } catch {
    return false
  }
}

/** A page's address to resolve a relative `baseUrl` against: browsers and workers have one. */
export function hasPageLocation(): boolean {
  try {
    return typeof (globalThis as { location?: unknown }).location === 'object'
  } catch {
    // Deno without --location throws on access.
    return false
  }
}
