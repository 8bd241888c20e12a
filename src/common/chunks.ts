/** `values` cut in slices of at most `size` (to keep `IN (…)` lists within the drivers' limits). */
export function chunks<T>(values: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
