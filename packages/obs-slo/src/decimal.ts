/** Rounds away binary floating-point noise: `1 - 0.999` → `0.001`, `14.4 * 0.001` → `0.0144`. */
export function exact(value: number): number {
  return Number(value.toPrecision(12));
}

/** The shortest decimal text of `exact(value)`, as Prometheus and YAML read it. */
export function formatNumber(value: number): string {
  return String(exact(value));
}
