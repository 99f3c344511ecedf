/**
 * True when every value of `desired` is present and equal in `actual`, recursively: objects may hold extra
 * keys (defaults a server adds on save), arrays must have the same length and matching elements. Keys in
 * `ignore` are skipped at the top level (`id`, `version`).
 */
export function containsDesired(actual: unknown, desired: unknown, ignore: readonly string[] = []): boolean {
  if (Array.isArray(desired)) {
    return (
      Array.isArray(actual) &&
      actual.length === desired.length &&
      desired.every((item, index) => containsDesired(actual[index], item))
    );
  }
  if (typeof desired === 'object' && desired !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(desired).every(
      ([key, value]) => ignore.includes(key) || value === undefined || containsDesired(record[key], value),
    );
  }
  return Object.is(actual, desired);
}
