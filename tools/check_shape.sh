#!/usr/bin/env bash
# The code's shape, checked before anything is built (step 0 of scripts/test); the run fails on the first broken
# check, listing every violation it found:
#   - format: `swift format lint --strict` with the checked-in .swift-format (one statement per line, 120 columns);
#   - lines, links, boundaries (tools/check_shape.py): no line over 120 UTF-8 bytes, string literals included; no
#     path written by hand in a page, form or redirect (links print from route types); no capability naming
#     another capability's model.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "format: swift format lint --strict"
swift format lint --strict --parallel -r Sources Tests Benchmarks Package.swift
echo "lines, links, boundaries: tools/check_shape.py"
python3 tools/check_shape.py
