#!/usr/bin/env bash
# The code's shape, checked before anything is built (step 0 of scripts/test). Each check prints what it
# found and the run fails on the first broken one:
#   - format: `swift format lint --strict` with the checked-in .swift-format (one statement per line, ...);
set -euo pipefail
cd "$(dirname "$0")/.."
echo "format: swift format lint --strict"
swift format lint --strict --parallel -r Sources Tests Benchmarks Package.swift
