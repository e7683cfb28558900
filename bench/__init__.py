"""Benchmark scripts: speed and memory, measured (never asserted in tests)."""
