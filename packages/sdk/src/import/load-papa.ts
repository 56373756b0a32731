/**
 * PapaParse is loaded on first use: it is CommonJS, which no bundler can tree-shake, so a static
 * import would put its 20 kB in every app that imports anything from the SDK (even an error
 * guard). An app with code splitting gets it as its own chunk, fetched when a file is read.
 */
export async function loadPapa(): Promise<typeof import('papaparse')> {
  const module = await import('papaparse')
  // CommonJS through ESM: the API is the default export, or the namespace itself.
  return ((module as { default?: typeof import('papaparse') }).default ??
    module) as typeof import('papaparse')
}
