#!/usr/bin/env python3
# tests/check-positional-formats.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# glibc's printf aborts ("invalid %N$ use detected") on a format whose
# positional arguments skip one, such as "%2$s" without "%1$…", or that
# mixes "%1$s" with a plain "%s". Every msgid, plural and msgstr of the
# template and of each catalogue must number its arguments 1, 2, … with
# none missing, or not number them at all.
#
# Usage: check-positional-formats.py SOURCE_ROOT

import os
import re
import subprocess
import sys

# A printf conversion: %[N$][flags][width][.precision][length]conversion
CONVERSION = re.compile(r'%(?:(\d+)\$)?[-+ #0\']*(?:\*(?:\d+\$)?|\d+)?(?:\.(?:\*(?:\d+\$)?|\d*))?'
                        r'(?:hh|h|ll|l|L|q|j|z|Z|t)?([diouxXeEfFgGaAcspnCS%])')


def problem_of(text):
    """Why @text would make glibc abort, or None."""
    numbered = set()
    plain = 0
    for m in CONVERSION.finditer(text):
        if m.group(2) == '%':
            continue
        if m.group(1) is None:
            plain += 1
        else:
            numbered.add(int(m.group(1)))
    if not numbered:
        return None
    if plain:
        return 'mixes numbered and plain arguments'
    missing = sorted(set(range(1, max(numbered) + 1)) - numbered)
    if missing:
        return 'skips argument %s' % ', '.join('%%%d$' % n for n in missing)
    return None


def strings(path):
    """Yields (kind, text) for each c-format string of a PO or POT file."""
    out = subprocess.run(['msgcat', '--no-wrap', '--no-location', path],
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith('#~'):
            continue
        m = re.match(r'(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
        if m and m.group(2):
            yield m.group(1), m.group(2)


def main():
    po = os.path.join(sys.argv[1], 'po')
    files = ['carta.pot'] + sorted(f for f in os.listdir(po) if f.endswith('.po'))
    failures = []
    checked = 0
    for name in files:
        for kind, text in strings(os.path.join(po, name)):
            checked += 1
            why = problem_of(text)
            if why:
                failures.append('po/%s: %s “%s” %s' % (name, kind, text[:70], why))
    # The check itself must catch the defect it is for.
    assert problem_of('The bundle has a problem: %2$s')
    assert problem_of('%1$s and %s')
    assert not problem_of('%2$s, %1$s (100%%)')
    print('%d strings checked' % checked)
    for line in failures:
        print(line)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
