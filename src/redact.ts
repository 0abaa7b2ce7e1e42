/**
 * Blanks secrets (the API key, the GitHub token) out of text the action did not write itself: an
 * API's error message, an echoed value, an input quoted in an error. The one scrubber: the
 * Ollang client, the input messages and the PR comment all use it.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  // Longest first, so that a secret containing another is blanked whole.
  const blank = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of blank) result = result.split(secret).join('***');
  return result;
}
