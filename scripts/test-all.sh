#!/usr/bin/env bash
# The whole test suite: lint, build, unit tests, then the end-to-end suite on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npm run --silent build
npm run --silent lint
bash scripts/ensure-postgres.sh

export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning"
reports=$(mktemp -d)
jest() { node node_modules/jest/bin/jest.js "$@"; }

status=0
jest --selectProjects unit --json --outputFile="$reports/unit.json" || status=1
# The two end-to-end passes run side by side (one per core, each file on its own scratch
# database); their outputs are printed one after the other.
JALON_TEST_DB=sqlite jest --selectProjects e2e --runInBand --json --outputFile="$reports/e2e-sqlite.json" >"$reports/e2e-sqlite.log" 2>&1 &
sqlite_pass=$!
JALON_TEST_DB=postgres jest --selectProjects e2e --runInBand --json --outputFile="$reports/e2e-postgres.json" >"$reports/e2e-postgres.log" 2>&1 &
postgres_pass=$!
wait "$sqlite_pass" || status=1
wait "$postgres_pass" || status=1
for pass in sqlite postgres; do
  echo "=== end-to-end tests on $pass"
  cat "$reports/e2e-$pass.log"
done

node -e '
const fs = require("fs"); const dir = process.argv[1];
let passed = 0, failed = 0;
for (const f of fs.readdirSync(dir).filter((name) => name.endsWith(".json"))) {
  const r = JSON.parse(fs.readFileSync(dir + "/" + f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  console.log(`${f.replace(".json", "")}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
' "$reports"
rm -rf "$reports"
exit $status
