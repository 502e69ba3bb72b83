"""Benchmarks (not tests): run with ``python -m bench [NAME ...]``; results go to docs/benchmarks.md."""
