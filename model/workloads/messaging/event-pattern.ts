/** An event pattern as the JSON text EventBridge receives, or why it is not a JSON object. */
export function eventPatternText(pattern: string | Readonly<Record<string, unknown>>): { text?: string; error?: string } {
  if (typeof pattern !== 'string') return { text: JSON.stringify(pattern) };
  try {
    const parsed: unknown = JSON.parse(pattern);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'is JSON but not an object' };
    return { text: JSON.stringify(parsed) };
  } catch (error) {
    return { error: `is not valid JSON (${(error as Error).message})` };
  }
}
