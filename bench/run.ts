/**
 * Runs every benchmark of this folder (`*.bench.js` once built), one after the other, each in its
 * own Node process with --expose-gc, and prints their figures. `npm run bench [name-filter]`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js') && f.includes(filter))
  .sort();
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n=== ${file.replace('.bench.js', '')} ===\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(dir, file)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
if (benches.length === 0) process.stdout.write('Aucun banc d’essai trouvé.\n');
process.exit(failed === 0 ? 0 : 1);
