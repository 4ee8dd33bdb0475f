#!/bin/sh
# Rebuilds the guest fixtures of the runtime's tests from their C sources, byte for byte.
# Needs clang-19 and lld-19 (see shared/toolchain.md); the tests themselves only need the committed .wasm files.
# Run from anywhere: ./build.sh. Outputs go next to the sources, under relative paths, so no absolute path can
# end up in a binary.
set -eu
cd "$(dirname "$0")"

CLANG=${CLANG:-clang-19}
FLAGS="--target=wasm32-unknown-unknown -O2 -nostdlib -Wall -Wextra -Werror -Wl,--no-entry -Wl,--export-memory"

for guest in abi-probe wrong-types; do
    # shellcheck disable=SC2086 # FLAGS is a list of flags
    "$CLANG" $FLAGS -o "$guest.wasm" "$guest.c"
    chmod 644 "$guest.wasm" # a data file, not a program
    echo "built $guest.wasm ($(wc -c < "$guest.wasm") bytes)"
done
