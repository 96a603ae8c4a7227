#!/usr/bin/env python3
# check-flatpak-manifest.py
#
# Copyright 2026 The Carta authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Flatpak runtime cannot be downloaded where the tests run, so this
# checks the manifests instead of building them: they parse, name the GNOME
# runtime, give exactly the permissions Carta needs and no file system
# access, pin every download by SHA-256, and build the app with options the
# build knows.

import json
import re
import sys
from pathlib import Path

FINISH_ARGS = [
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
    '--share=network',
]
MIN_RUNTIME = 50
SHA256 = re.compile(r'^[0-9a-f]{64}$')

problems = []


def problem(manifest, message):
    problems.append(f'{manifest.name}: {message}')


def walk_modules(modules):
    for module in modules:
        if isinstance(module, str):
            # A module kept in its own file, relative to the manifest.
            yield module, None
            continue
        yield module.get('name', '?'), module
        yield from walk_modules(module.get('modules', []))


def meson_options(source_root):
    text = (source_root / 'meson_options.txt').read_text(encoding='utf-8')
    options = {}
    for match in re.finditer(r"option\(\s*'([^']+)'\s*,\s*type:\s*'([^']+)'(.*?)\)\s*$",
                             text, re.S | re.M):
        name, kind, rest = match.groups()
        choices = re.search(r'choices:\s*\[([^\]]*)\]', rest)
        values = None
        if kind == 'combo' and choices:
            values = re.findall(r"'([^']*)'", choices.group(1))
        elif kind == 'boolean':
            values = ['true', 'false']
        options[name] = values
    return options


def check_manifest(manifest, source_root, app_id, profile):
    try:
        data = json.loads(manifest.read_text(encoding='utf-8'))
    except (OSError, ValueError) as error:
        problem(manifest, f'does not parse: {error}')
        return

    if data.get('id', data.get('app-id')) != app_id:
        problem(manifest, f'id is {data.get("id")!r}, expected {app_id!r}')
    if data.get('runtime') != 'org.gnome.Platform':
        problem(manifest, f'runtime is {data.get("runtime")!r}, expected org.gnome.Platform')
    if data.get('sdk') != 'org.gnome.Sdk':
        problem(manifest, f'sdk is {data.get("sdk")!r}, expected org.gnome.Sdk')
    version = str(data.get('runtime-version', ''))
    if not version.isdigit() or int(version) < MIN_RUNTIME:
        problem(manifest, f'runtime-version is {version!r}, expected {MIN_RUNTIME} or newer')
    if data.get('command') != 'carta':
        problem(manifest, f'command is {data.get("command")!r}, expected carta')
    if data.get('finish-args') != FINISH_ARGS:
        problem(manifest, f'finish-args are {data.get("finish-args")}, expected exactly {FINISH_ARGS}')

    # No file system access anywhere: files come and go through the portals.
    text = manifest.read_text(encoding='utf-8')
    if '--filesystem' in text:
        problem(manifest, 'grants --filesystem access; files must go through the portals')

    cleanup = set(data.get('cleanup', []))
    for entry in ('/include', '/lib/pkgconfig', '*.a', '*.la', '/share/doc', '/share/man'):
        if entry not in cleanup:
            problem(manifest, f'cleanup does not remove {entry}')

    names = []
    app_module = None
    for name, module in walk_modules(data.get('modules', [])):
        names.append(name)
        if module is None:
            problem(manifest, f'module {name} is kept in another file; keep it inline so it is checked')
            continue
        sources = module.get('sources', [])
        if not sources:
            problem(manifest, f'module {name} has no sources')
        for source in sources:
            kind = source.get('type')
            if kind in ('archive', 'file'):
                url = source.get('url', '')
                if not url.startswith('https://'):
                    problem(manifest, f'module {name} downloads {url!r} without https')
                if not SHA256.match(source.get('sha256', '')):
                    problem(manifest, f'module {name} source {url} has no valid sha256')
            elif kind == 'git':
                if not re.match(r'^[0-9a-f]{40}$', source.get('commit', '')):
                    problem(manifest, f'module {name} git source is not pinned to a commit')
            elif kind == 'dir':
                path = (manifest.parent / source.get('path', '')).resolve()
                if path != source_root.resolve():
                    problem(manifest, f'module {name} builds {path}, not the Carta checkout')
                app_module = module
            else:
                problem(manifest, f'module {name} has a source of type {kind!r} that is not pinned')

    for needed in ('poppler', 'dcmtk'):
        if needed not in names:
            problem(manifest, f'has no {needed} module; the GNOME runtime lacks it')
    if app_module is None or app_module.get('name') != 'carta':
        problem(manifest, 'has no carta module built from the local checkout')
        return
    if names[-1] != 'carta':
        problem(manifest, 'the carta module must come last, after what it needs')
    if app_module.get('buildsystem') != 'meson':
        problem(manifest, 'the carta module is not built with meson')

    known = meson_options(source_root)
    seen = {}
    for opt in app_module.get('config-opts', []):
        match = re.match(r'^-D([A-Za-z0-9_]+)=(.*)$', opt)
        if not match:
            problem(manifest, f'carta config option {opt!r} is not -Dname=value')
            continue
        name, value = match.groups()
        seen[name] = value
        if name not in known:
            problem(manifest, f'carta config option {name} is not in meson_options.txt')
        elif known[name] is not None and value not in known[name]:
            problem(manifest, f'carta config option {name}={value} is not one of {known[name]}')
    if seen.get('profile') != profile:
        problem(manifest, f'builds profile {seen.get("profile")!r}, expected {profile!r}')

    by_name = {name: module for name, module in walk_modules(data['modules']) if module}
    poppler = ' '.join(by_name['poppler'].get('config-opts', []))
    for flag in ('-DENABLE_GLIB=ON', '-DENABLE_QT5=OFF', '-DENABLE_QT6=OFF',
                 '-DENABLE_CPP=OFF', '-DENABLE_UTILS=OFF'):
        if flag not in poppler:
            problem(manifest, f'poppler is not built with {flag} (only the glib frontend)')
    dcmtk = by_name['dcmtk'].get('config-opts', [])
    if '-DBUILD_APPS=OFF' not in dcmtk:
        problem(manifest, 'dcmtk builds its command-line tools')
    if not any(o.startswith('-DDCMTK_MODULES=') and 'dcmdata' in o for o in dcmtk):
        problem(manifest, 'dcmtk does not limit itself to the modules Carta uses')


def main():
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} SOURCE-ROOT', file=sys.stderr)
        return 2
    source_root = Path(sys.argv[1])
    flatpak = source_root / 'flatpak'
    check_manifest(flatpak / 'io.github.cartahealth.Carta.json', source_root,
                   'io.github.cartahealth.Carta', 'default')
    check_manifest(flatpak / 'io.github.cartahealth.Carta.Devel.json', source_root,
                   'io.github.cartahealth.Carta.Devel', 'development')

    # The two differ only in what makes the development build its own app.
    release = json.loads((flatpak / 'io.github.cartahealth.Carta.json').read_text())
    devel = json.loads((flatpak / 'io.github.cartahealth.Carta.Devel.json').read_text())
    if release['modules'][:-1] != devel['modules'][:-1]:
        problems.append('the release and development manifests build different dependencies')

    for line in problems:
        print(line)
    if problems:
        return 1
    print('both manifests are sound')
    return 0


if __name__ == '__main__':
    sys.exit(main())
