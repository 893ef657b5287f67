#!/usr/bin/env bash
# Set up, then run the benchmark on a made-up corpus it generates (offline; a few minutes).
# Prints a table and writes out/bench/bench.json. Options: --quick, --only NAME..., --online.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m bench "$@"
