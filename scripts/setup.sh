#!/usr/bin/env bash
# Create .venv and install resume-audit with its test dependencies. Idempotent: re-installs
# only when pyproject.toml changes. Needs python3 >= 3.11 and a package index.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# Bytecode compiled once, as pip does for an installed copy: where PYTHONDONTWRITEBYTECODE is set,
# every run would compile the package from source again (about 0.13 s of each start).
.venv/bin/python -m compileall -q auditor
