#!/usr/bin/env bash
# The main job: set up, audit every resume in examples/, write one HTML report per candidate,
# a question sheet each and out/examples/index.html. The examples are written as of 2026-08-01,
# so that date is passed: their findings do not change with the day the demo is run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/resume-audit audit examples/ --format html --out out/examples --as-of 2026-08-01 "$@"
echo "open out/examples/index.html"
