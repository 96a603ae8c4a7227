#!/bin/bash
# tests/bench/startup.sh
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Time from launch to the first mapped window, Carta beside
# gnome-text-editor --standalone, in one Xvfb, medians of several runs.
# Carta opens a case of 200 checklist items and 500 attachments.
#
#   meson compile -C build bench-startup      (or: tests/bench/startup.sh build)
set -euo pipefail

build=$(readlink -f "${1:-build}")
runs=${RUNS:-9}

if ! command -v gnome-text-editor >/dev/null; then
  echo "Installing gnome-text-editor for the reference run…"
  apt-get install -y -q --no-install-recommends gnome-text-editor >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
export GSETTINGS_SCHEMA_DIR=$build/data GSETTINGS_BACKEND=memory
export GDK_BACKEND=x11 NO_AT_BRIDGE=1

case_id=$("$build/tests/bench/make-big-case" ${ITEMS:-200} ${ATTACHMENTS:-500})
size=$(stat -c %s "$XDG_DATA_HOME/carta/cases/$case_id/case.json")
echo "Case: 200 checklist items, 500 attachments, case.json $size bytes"

cat > "$work/inner.sh" <<INNER
set -e
probe=$build/tests/bench/startup-probe
# One warm-up each, so both read their libraries from the page cache.
\$probe $build/src/carta >/dev/null
\$probe gnome-text-editor --standalone >/dev/null
for i in \$(seq $runs); do
  echo "carta \$(\$probe $build/src/carta)"
  echo "gte \$(\$probe gnome-text-editor --standalone)"
done
INNER

xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- bash "$work/inner.sh" > "$work/times"

median () { grep "^$1 " "$work/times" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
carta=$(median carta)
gte=$(median gte)
echo "Runs: $runs each, alternating"
printf "%-36s %8s ms\n" "Carta (case open)" "$carta" "gnome-text-editor --standalone" "$gte"
awk -v c="$carta" -v g="$gte" 'BEGIN { printf "Ratio Carta / gnome-text-editor: %.2f× (target ≤ 1.00×)\n", c / g }'
