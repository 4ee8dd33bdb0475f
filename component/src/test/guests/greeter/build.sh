#!/usr/bin/env bash
# Rebuilds the greeter component fixtures from greeter.c and wit/<version>/greeter.wit, and the golden world
# each one has (what `jco wit` prints for it). Needs clang-19, lld-19 and jco 1.35.0 (see README.md); the test
# suite never runs this. The output is byte-for-byte the committed files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
source ../c-component.sh

build() {
    local name=$1 version=$2 shout=$3 encoding=$4 flag
    case $encoding in
        0) flag=utf8 ;;
        1) flag=utf16 ;;
        2) flag=compact-utf16 ;;
    esac
    c_component "$name" greeter.c "wit/$version" greeter "$flag" \
        "-DHOST_VERSION=\"$version\"" "-DUSES_SHOUT=$shout" "-DENCODING=$encoding"
}

build greeter-0.2.0 0.2.0 0 0
build greeter-0.2.1 0.2.1 1 0
build greeter-0.2.9 0.2.9 0 0
build greeter-0.3.0 0.3.0 0 0
build greeter-1.0.0 1.0.0 0 0
build greeter-utf16 0.2.1 1 1
build greeter-latin1-utf16 0.2.1 1 2
