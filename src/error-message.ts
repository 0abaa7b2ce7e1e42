/**
 * The text of anything thrown: an Error's message, or the value itself as a string. One place,
 * so that every message a user sees is made the same way.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
