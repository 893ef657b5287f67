"""Benchmark of resume-audit on a made-up corpus: start-up, per-resume time, growth with length,
batch throughput and peak memory. Run with `bash scripts/bench.sh` (see bench/README.md)."""
