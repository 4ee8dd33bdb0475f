#!/usr/bin/env bash
# Rebuilds report.wasm from report.js and wit/ with jco 1.35.0's QuickJS backend (componentize-qjs 0.4.5, which jco
# installs; see ../README.md), without async (its task.* built-ins are behind a gate witbind refuses), importing WASI
# 0.2.12; and report.golden.wit (what `jco wit` prints for it). The test suite never runs this. Not byte for byte: two
# builds of the same source differ in about 140 bytes (QuickJS's snapshot); the world and the behaviour do not.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
"$JCO" componentize --backend qjs --backend-qjs-disable-async report.js --wit wit --world-name report -o report.wasm
"$JCO" wit report.wasm > report.golden.wit
chmod 644 report.wasm report.golden.wit
echo "built report.wasm"
