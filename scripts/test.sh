#!/usr/bin/env bash
# Set up, then run the whole test suite (no test touches the network).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/ensure-browser.sh   # chromium + CJK font for tests/test_browser.py (apt, as root)
.venv/bin/python -m pytest -q "$@"
