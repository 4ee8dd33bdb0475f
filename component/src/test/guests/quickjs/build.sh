#!/usr/bin/env bash
# Rebuilds checkout.wasm from checkout.js and wit/ with jco 1.35.0's componentize-qjs backend (componentize-qjs
# 0.4.5, which jco installs; see ../README.md for jco), and checkout.golden.wit (what `jco wit` prints for it). The test
# suite never runs this. Not byte for byte: two builds of the same source differ in about 140 bytes (the QuickJS
# snapshot's), so a rebuild changes the committed file; its world and behaviour do not change.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
# Without async (its task.* built-ins are behind a gate witbind refuses) and with the WASI it would import stubbed
# inside the component: an inner component defines the WASI resources and lifts the functions the QuickJS one lowers.
"$JCO" componentize --backend qjs --backend-qjs-disable-async --backend-qjs-stub-wasi checkout.js --wit wit \
    --world-name checkout -o checkout.wasm
"$JCO" wit checkout.wasm > checkout.golden.wit
chmod 644 checkout.wasm checkout.golden.wit
echo "built checkout.wasm"
