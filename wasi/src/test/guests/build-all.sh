#!/usr/bin/env bash
# Rebuilds every WASI fixture here (each folder's build.sh), fetching the jco 1.0.0 adapters once for all of them.
# Needs the toolchains of README.md; the test suite never runs this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ./common.sh
ADAPTER_0_2_0_DIR=$(adapter_dir)
export ADAPTER_0_2_0_DIR
for script in */build.sh; do
    "./$script"
done
