#!/usr/bin/env bash
# Installs everything Jalon needs on a fresh Debian machine with Node 20, then starts it on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || packages+=(fonts-dejavu-core)
# For `npm test`: the campaign documents' test checks its PDFs with qpdf and pdftotext.
command -v qpdf >/dev/null || packages+=(qpdf)
command -v pdftotext >/dev/null || packages+=(poppler-utils)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installation des paquets Debian : ${packages[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi
export PUPPETEER_SKIP_DOWNLOAD=1
# Exactly the versions of the committed lockfile.
npm ci --no-audit --no-fund
npm run build
node dist/src/cli.js migrations:run
exec node dist/src/main.js
