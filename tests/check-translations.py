#!/usr/bin/env python3
# tests/check-translations.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The committed po/carta.pot holds exactly the messages the sources mark
# today, and every language in po/LINGUAS translates all of them: none
# untranslated, none fuzzy, each file valid for msgfmt --check.
#
# Usage: check-translations.py SOURCE_ROOT

import os
import re
import subprocess
import sys
import tempfile

# The keywords of meson's 'glib' gettext preset, which po/meson.build uses,
KEYWORDS = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3',
            # and po/meson.build's own
            'carta_catalog_gettext:2', 'carta_catalog_pgettext:2c,3', 'carta_catalog_ngettext:2,3']


def messages(pot_path):
    """The set of (context, msgid, plural) in a PO or POT file."""
    out = subprocess.run(['msgcat', '--no-wrap', '--no-location', pot_path],
                         check=True, capture_output=True, text=True).stdout
    found = set()
    ctx = plural = None
    msgid = None
    for line in out.splitlines():
        if line.startswith('#~'):
            continue  # obsolete entries are not messages
        m = re.match(r'(msgctxt|msgid|msgid_plural) "(.*)"$', line)
        if not m:
            if line.startswith('msgstr') and msgid is not None:
                if msgid != '':
                    found.add((ctx, msgid, plural))
                ctx = plural = msgid = None
            continue
        key, value = m.groups()
        if key == 'msgctxt':
            ctx = value
        elif key == 'msgid':
            msgid = value
        else:
            plural = value
    return found


def main():
    root = sys.argv[1]
    po = os.path.join(root, 'po')
    failures = []

    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, 'carta.pot')
        env = dict(os.environ, GETTEXTDATADIRS=po)
        subprocess.run(['xgettext', '--package-name=carta', '-D', root,
                        '--files-from', os.path.join(po, 'POTFILES'),
                        '--from-code=UTF-8', '-o', fresh] +
                       ['--keyword=' + k for k in KEYWORDS],
                       check=True, env=env)
        committed = messages(os.path.join(po, 'carta.pot'))
        current = messages(fresh)

    added = current - committed
    gone = committed - current
    if added or gone:
        failures.append('po/carta.pot is out of date: %d new and %d removed messages '
                        '(run: meson compile -C build carta-pot carta-update-po)'
                        % (len(added), len(gone)))
        for ctx, msgid, _ in sorted(added, key=str)[:10]:
            failures.append('  new: %s' % msgid[:80])

    with open(os.path.join(po, 'LINGUAS'), encoding='utf-8') as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    if not languages:
        failures.append('po/LINGUAS lists no language')

    for lang in languages:
        path = os.path.join(po, lang + '.po')
        result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, path],
                                capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        stats = (result.stderr or '').strip()
        print('%s: %s' % (lang, stats))
        if result.returncode != 0:
            failures.append('%s.po fails msgfmt --check: %s' % (lang, stats))
        if 'fuzzy' in stats or 'untranslated' in stats:
            failures.append('%s.po is not complete: %s' % (lang, stats))
        missing = committed - messages(path)
        if missing:
            failures.append('%s.po lacks %d messages of the template' % (lang, len(missing)))

    for line in failures:
        print(line)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
