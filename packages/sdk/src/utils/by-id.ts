/** The path parameters of an endpoint under `/…/:id`. */
export function byId(id: string): { id: string } {
  return { id }
}
