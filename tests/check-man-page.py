#!/usr/bin/env python3
# check-man-page.py
#
# Copyright 2026 The Carta authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The carta-bundle man page must format without warnings, carry the project
# version, and document every command the built tool lists in its --help.
#
# Usage: check-man-page.py CARTA-BUNDLE MAN-PAGE VERSION

import os
import re
import shutil
import subprocess
import sys


def main():
    if len(sys.argv) != 4:
        print('usage: check-man-page.py CARTA-BUNDLE MAN-PAGE VERSION', file=sys.stderr)
        return 2
    tool, page, version = sys.argv[1:]
    text = open(page, encoding='utf-8').read()
    problems = []

    groff = shutil.which('groff')
    if groff:
        result = subprocess.run([groff, '-man', '-ww', '-z', '-Tutf8', page],
                                capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL='C.UTF-8'))
        if result.returncode != 0 or result.stderr.strip():
            problems.append(f'groff warns about the page:\n{result.stderr}')
    else:
        print('note: groff is not installed, the page was not formatted')

    th = re.search(r'^\.TH\s+CARTA-BUNDLE\s+1\s+"[^"]*"\s+"Carta ([^"]+)"', text, re.M)
    if not th or th.group(1) != version:
        problems.append(f'the .TH line does not say "Carta {version}"')

    documented = set(re.findall(r'^\.TP\n\.BI?\s+"?([a-z]+)\s', text, re.M))

    result = subprocess.run([tool, '--help'], capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
    if result.returncode != 0:
        problems.append(f'carta-bundle --help failed: {result.stderr}')
    listed = set()
    in_commands = False
    for line in result.stdout.splitlines():
        if line.strip() == 'Commands:':
            in_commands = True
        elif in_commands and line.startswith('  ') and line.strip():
            listed.add(line.split()[0])
        elif in_commands and not line.strip() and listed:
            in_commands = False

    for command in sorted(listed - documented):
        problems.append(f'the command "{command}" is in --help but not in the man page')
    for command in sorted(documented - listed):
        # Commands land one by one; the page may describe one a little early.
        print(f'note: the man page documents "{command}", which --help does not list yet')

    for line in problems:
        print(line)
    if problems:
        return 1
    print(f'man page documents {len(documented)} commands; the tool lists {len(listed)}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
