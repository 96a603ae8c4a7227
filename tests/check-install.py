#!/usr/bin/env python3
# check-install.py
#
# Copyright 2026 The Carta authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR with `meson install` and checks
# that every file lands where GNOME looks for it, that the files agree with
# each other (the desktop file names the installed icon and binary, the
# metainfo names the desktop file), and that the installed `carta` starts.
#
# Usage: check-install.py MESON BUILD-ROOT PREFIX BINDIR DATADIR MANDIR APP-ID SCHEMA-ID

import configparser
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

problems = []


# GLib prefixes messages with "(program:pid)"; dbus-daemon and PipeWire use
# their own prefixes.  Anything else (a sanitizer report, a bare message) is
# taken to be Carta's, so nothing of Carta's is ever filtered out.
GLIB_PREFIX = re.compile(r'^(?:\*\* )?\((?P<program>[^():\s]+):\d+\): ')


def from_carta(line):
    if line.startswith('dbus-daemon[') or re.match(r'^\[[WEID]\]\[', line):
        return False
    match = GLIB_PREFIX.match(line)
    return match is None or os.path.basename(match.group('program')) == 'carta'


def problem(message):
    problems.append(message)
    print(f'not ok: {message}')


def ok(message):
    print(f'ok: {message}')


def staged(destdir, path):
    # DESTDIR is prepended to the absolute install path.
    return Path(destdir + str(Path(path)))


def expect_file(path, what, executable=False):
    if not path.is_file():
        problem(f'{what} is not installed at {path}')
        return False
    if executable and not os.access(path, os.X_OK):
        problem(f'{what} at {path} is not executable')
        return False
    ok(f'{what} installed')
    return True


def check_desktop(path, app_id, bindir_staged, icon_dirs):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path, encoding='utf-8')
    entry = parser['Desktop Entry']
    exec_line = entry.get('Exec', '').split()
    if not exec_line or not (bindir_staged / exec_line[0]).is_file():
        problem(f'desktop file runs {exec_line[:1]}, which is not installed')
    if entry.get('Icon') != app_id:
        problem(f'desktop file shows icon {entry.get("Icon")!r}, expected {app_id!r}')
    elif not any((d / f'{app_id}.svg').is_file() for d in icon_dirs):
        problem(f'the icon {app_id} named by the desktop file is not installed')
    else:
        ok('desktop file names the installed binary and icon')
    validate = shutil.which('desktop-file-validate')
    if validate:
        result = subprocess.run([validate, str(path)], capture_output=True, text=True)
        if result.returncode != 0:
            problem(f'installed desktop file does not validate:\n{result.stdout}{result.stderr}')


def check_metainfo(path, app_id, bindir_staged):
    root = ET.parse(path).getroot()
    if root.findtext('id') != app_id:
        problem(f'metainfo id is {root.findtext("id")!r}, expected {app_id!r}')
    launchable = root.findtext('launchable')
    if launchable != f'{app_id}.desktop':
        problem(f'metainfo launches {launchable!r}, expected {app_id}.desktop')
    for binary in root.iterfind('provides/binary'):
        if not (bindir_staged / binary.text).is_file():
            problem(f'metainfo provides the binary {binary.text}, which is not installed')
    ok('metainfo names the installed desktop file and binaries')


def check_schema(schema_dir, schema_id, workdir):
    compiled = Path(workdir) / 'schemas'
    compiled.mkdir()
    result = subprocess.run(['glib-compile-schemas', '--strict',
                             f'--targetdir={compiled}', str(schema_dir)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        problem(f'installed schemas do not compile:\n{result.stderr}')
        return None
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=str(compiled), GSETTINGS_BACKEND='memory')
    result = subprocess.run(['gsettings', 'list-keys', schema_id],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0 or not result.stdout.split():
        problem(f'schema {schema_id} is not usable once installed: {result.stderr.strip()}')
        return None
    ok(f'schema {schema_id} compiles and has {len(result.stdout.split())} keys')
    return compiled


def check_starts(carta, schemas, workdir):
    env = dict(os.environ)
    env.update({
        'GSETTINGS_SCHEMA_DIR': str(schemas),
        'GSETTINGS_BACKEND': 'memory',
        'XDG_DATA_HOME': str(Path(workdir) / 'data'),
        'XDG_CONFIG_HOME': str(Path(workdir) / 'config'),
        'XDG_CACHE_HOME': str(Path(workdir) / 'cache'),
    })

    result = subprocess.run([str(carta), '--help'], capture_output=True, text=True,
                            env=env, timeout=60)
    if result.returncode != 0 or 'carta' not in result.stdout:
        problem(f'installed carta --help failed ({result.returncode}):\n{result.stderr}')
    else:
        ok('installed carta --help works')

    if not env.get('DISPLAY') and not env.get('WAYLAND_DISPLAY'):
        print('skip: no display, so the window is not opened (run under xvfb-run)')
        return

    # A private session bus, so another running Carta cannot take the launch.
    command = [str(carta)]
    dbus_run_session = shutil.which('dbus-run-session')
    if dbus_run_session:
        command = [dbus_run_session, '--'] + command
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    if process.poll() is not None:
        out, err = process.communicate()
        problem(f'installed carta exited at once with status {process.returncode}:\n{err}')
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        out, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
    # Warnings count too: a broken icon or a bad template only warns.  Only
    # Carta's own lines count: the session bus may start desktop portals,
    # which log about PipeWire or RealtimeKit on a machine without them.
    carta_lines = [line for line in err.splitlines() if from_carta(line)]
    if any(word in line for line in carta_lines for word in ('WARNING', 'CRITICAL', 'ERROR')):
        problem('installed carta logged problems while it ran:\n' + '\n'.join(carta_lines))
    else:
        ok('installed carta starts and keeps running')


def main():
    if len(sys.argv) != 9:
        print(__doc__ or 'bad arguments', file=sys.stderr)
        return 2
    meson, build_root, prefix, bindir, datadir, mandir, app_id, schema_id = sys.argv[1:]

    with tempfile.TemporaryDirectory(prefix='carta-install-') as workdir:
        destdir = os.path.join(workdir, 'root')
        # --no-rebuild: `meson test` has already built everything, and a
        # second ninja must not run in the build folder while tests run.
        result = subprocess.run([meson, 'install', '-C', build_root, '--no-rebuild',
                                 '--quiet', '--destdir', destdir],
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stdout, result.stderr)
            problem('meson install failed')
            return 1
        ok('meson install into a DESTDIR')

        bindir_staged = staged(destdir, bindir)
        data = staged(destdir, datadir)
        icons = data / 'icons' / 'hicolor'
        desktop = data / 'applications' / f'{app_id}.desktop'
        metainfo = data / 'metainfo' / f'{app_id}.metainfo.xml'
        schema = data / 'glib-2.0' / 'schemas' / f'{schema_id}.gschema.xml'
        man = staged(destdir, mandir) / 'man1' / 'carta-bundle.1'

        carta_ok = expect_file(bindir_staged / 'carta', 'carta', executable=True)
        expect_file(bindir_staged / 'carta-bundle', 'carta-bundle', executable=True)
        if expect_file(desktop, 'desktop file'):
            check_desktop(desktop, app_id, bindir_staged, [icons / 'scalable' / 'apps'])
        if expect_file(metainfo, 'metainfo'):
            check_metainfo(metainfo, app_id, bindir_staged)
        expect_file(icons / 'scalable' / 'apps' / f'{app_id}.svg', 'app icon')
        expect_file(icons / 'symbolic' / 'apps' / f'{app_id}-symbolic.svg', 'symbolic icon')
        expect_file(man, 'carta-bundle man page')
        schemas = None
        if expect_file(schema, 'settings schema'):
            schemas = check_schema(schema.parent, schema_id, workdir)

        # Nothing may land outside the prefix.
        stray = [p for p in Path(destdir).rglob('*')
                 if p.is_file() and not str(p).startswith(destdir + prefix)]
        if stray:
            problem(f'files installed outside {prefix}: {stray}')

        if carta_ok and schemas is not None:
            check_starts(bindir_staged / 'carta', schemas, workdir)

    if problems:
        print(f'{len(problems)} problem(s)')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
