#!/usr/bin/env python3
# tests/check-layout.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The rules of the house that a compiler does not check (HACKING.md):
# - the UI (src/app and the page folders) and src/tools never include a
#   core -private.h header: they use the core's public API;
# - the UI never calls a core function whose name starts with an
#   underscore (internal API, declared in a core -private.h header);
# - pages never include carta-window.h: they ask the host (carta-host.h);
# - src/core never includes GTK or libadwaita.
#
# Usage: check-layout.py SOURCE_ROOT

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
INTERNAL_CALL = re.compile(r'\b(_carta_\w+)\s*\(')


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

    # Every internal function the core defines or declares: the UI may
    # have internal functions of its own (_carta_window_*), so only the
    # core's names count.
    core_internal = {name for path in sources(core)
                     for name in INTERNAL_CALL.findall(open(path, encoding='utf-8').read())}
    if not core_internal:
        print('Found no internal core functions in', core)
        return 1

    problems = []
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path) or folder == 'core':
            continue
        for f in sources(path):
            text = open(f, encoding='utf-8').read()
            rel = os.path.relpath(f, sys.argv[1])
            if folder != 'tools':
                for name in sorted(set(INTERNAL_CALL.findall(text)) & core_internal):
                    problems.append(f'{rel} calls the internal core function {name}')
            for header in INCLUDE.findall(text):
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
