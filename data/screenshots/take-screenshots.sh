#!/bin/sh
# take-screenshots.sh
#
# Copyright 2026 The Carta authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the screenshots the metainfo shows (guide.png, checklist.png,
# case.png, export.png in this folder) from the real window, with a sample
# case when `carta-bundle demo` is available, in the light style.
#
# Usage: data/screenshots/take-screenshots.sh [BUILD-DIR]

set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}

ninja -C "$build" tests/take-screenshots src/tools/carta-bundle

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GSK_RENDERER=cairo GDK_BACKEND=x11 NO_AT_BRIDGE=1 LANGUAGE=en LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME"

# The sample case, once the export issue has added the demo command.
if "$build/src/tools/carta-bundle" --help 2>/dev/null | grep -q '^  demo '; then
  cases="$XDG_DATA_HOME/carta/cases"
  mkdir -p "$cases"
  "$build/src/tools/carta-bundle" demo "$cases/sample"
  # The store knows a case by its folder, named after the case's id.
  id=$(sed -n 's/^  "id" : "\([0-9a-f-]*\)",$/\1/p' "$cases/sample/case.json" | head -n 1)
  mv "$cases/sample" "$cases/$id"
fi

xvfb-run -a -s '-screen 0 1280x800x24' "$build/tests/take-screenshots" "$here"
