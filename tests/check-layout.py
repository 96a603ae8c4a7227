#!/usr/bin/env python3
# tests/check-layout.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The rules of the house that a compiler does not check (HACKING.md):
# - the UI (src/app and the page folders) and src/tools never include a
#   core -private.h header: they use the core's public API;
# - pages never include carta-window.h: they ask the host (carta-host.h);
# - src/core never includes GTK or libadwaita.
#
# Usage: check-layout.py SOURCE_ROOT

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def sources(folder):
    for dirpath, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(('.c', '.cc', '.h')):
                yield os.path.join(dirpath, name)


def main():
    src = os.path.join(sys.argv[1], 'src')
    core = os.path.join(src, 'core')
    core_private = {name for path in sources(core)
                    for name in [os.path.basename(path)] if name.endswith('-private.h')}
    if not core_private:
        print('Found no core private headers in', core)
        return 1

    problems = []
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path) or folder == 'core':
            continue
        for f in sources(path):
            text = open(f, encoding='utf-8').read()
            for header in INCLUDE.findall(text):
                rel = os.path.relpath(f, sys.argv[1])
                if header in core_private:
                    problems.append(f'{rel} includes the core private header {header}')
                if header == 'carta-window.h' and folder not in ('app',):
                    problems.append(f'{rel} includes carta-window.h; pages use carta-host.h')

    for f in sources(core):
        text = open(f, encoding='utf-8').read()
        for header in INCLUDE.findall(text):
            if header.startswith(('gtk/', 'adwaita', 'gdk/')):
                problems.append(f'{os.path.relpath(f, sys.argv[1])} includes {header}; the core has no GTK')

    for p in problems:
        print(p)
    print(f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
