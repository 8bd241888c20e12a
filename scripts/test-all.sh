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
JALON_TEST_DB=sqlite jest --selectProjects e2e --runInBand --json --outputFile="$reports/e2e-sqlite.json" || status=1
JALON_TEST_DB=postgres jest --selectProjects e2e --runInBand --json --outputFile="$reports/e2e-postgres.json" || status=1

node -e '
const fs = require("fs"); const dir = process.argv[1];
let passed = 0, failed = 0;
for (const f of fs.readdirSync(dir)) {
  const r = JSON.parse(fs.readFileSync(dir + "/" + f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  console.log(`${f.replace(".json", "")}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
' "$reports"
rm -rf "$reports"
exit $status
