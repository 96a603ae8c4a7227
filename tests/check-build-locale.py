#!/usr/bin/env python3
# tests/check-build-locale.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later

# The build folder's carta-bundle finds the build's translations with no
# CARTA_LOCALEDIR in its environment, and a copy outside the build
# folder (as an installed one would be) does not look there.
#
# Usage: check-build-locale.py BUILD/src/tools/carta-bundle

import os
import shutil
import subprocess
import sys
import tempfile

n = 0
failed = False


def ok(cond, name, detail=''):
    global n, failed
    n += 1
    print(('ok %d - %s' if cond else 'not ok %d - %s') % (n, name))
    if not cond:
        failed = True
        for line in str(detail).splitlines():
            print('# ' + line)


def run(exe, *args, language=None):
    env = dict(os.environ)
    # The point of the test: nothing tells the program where the catalogues are.
    env.pop('CARTA_LOCALEDIR', None)
    env['LANG'] = 'zh_CN.UTF-8' if language else 'C.UTF-8'
    env['LC_ALL'] = env['LANG']
    if language:
        env['LANGUAGE'] = language
    else:
        env.pop('LANGUAGE', None)
    return subprocess.run([exe, *args], env=env, capture_output=True, text=True)


def main():
    exe = os.path.abspath(sys.argv[1])
    print('1..7')

    with tempfile.TemporaryDirectory() as tmp:
        help_zh = run(exe, '--help', language='zh_CN')
        ok(help_zh.returncode == 0 and '用法' in help_zh.stdout,
           'the build folder\'s carta-bundle speaks Chinese without CARTA_LOCALEDIR',
           help_zh.stdout + help_zh.stderr)

        case = os.path.join(tmp, 'case')
        demo = run(exe, 'demo', case)
        ok(demo.returncode == 0, 'a sample case', demo.stderr)

        out = os.path.join(tmp, 'out.zip')
        export = run(exe, 'export', case, out, '--summary-language', 'zh_CN')
        ok(export.returncode == 0 and os.path.isfile(out),
           'export --summary-language zh_CN finds the build\'s Chinese catalogue',
           export.stdout + export.stderr)

        info = run(exe, 'info', out)
        ok(info.returncode == 0 and 'zh_CN' in info.stdout,
           'the bundle\'s summary is in Chinese', info.stdout + info.stderr)

        unknown = run(exe, 'export', case, os.path.join(tmp, 'xx.zip'),
                      '--summary-language', 'xx')
        ok(unknown.returncode != 0, 'a language Carta has no catalogue for is refused',
           unknown.stdout)

        # Outside the build folder the program is not the uninstalled build.
        outside = os.path.join(tmp, 'bin', 'carta-bundle')
        os.makedirs(os.path.dirname(outside))
        shutil.copy2(exe, outside)
        help_outside = run(outside, '--help', language='zh_CN')
        ok(help_outside.returncode == 0 and '用法' not in help_outside.stdout and
           'Usage' in help_outside.stdout,
           'a copy outside the build folder does not use the build\'s catalogues',
           help_outside.stdout + help_outside.stderr)

        env_po = os.path.join(os.path.dirname(exe), '..', '..', 'po')
        env = dict(os.environ, CARTA_LOCALEDIR=env_po, LANGUAGE='zh_CN',
                   LANG='zh_CN.UTF-8', LC_ALL='zh_CN.UTF-8')
        help_env = subprocess.run([outside, '--help'], env=env,
                                  capture_output=True, text=True)
        ok('用法' in help_env.stdout, 'CARTA_LOCALEDIR still chooses the folder',
           help_env.stdout + help_env.stderr)

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
