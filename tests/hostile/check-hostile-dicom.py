#!/usr/bin/env python3
# tests/hostile/check-hostile-dicom.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Hostile imaging discs, as generators: each folder is made in a temporary
# folder (truncated files, absurd lengths, deep and huge sequences, a
# DICOMDIR that points outside, 20,000 tiny files, link loops, links out
# of the folder, odd names), then summarised by `carta-bundle dicom` and
# attached to a case by `carta-bundle attach`, which is the window's
# import. Each must be summarised or refused with a message: never a
# signal, a sanitizer report or a critical; within seconds and bounded
# memory; and no file from outside the folder may reach the case. Runs
# with the limits of check-hostile-bundles.py. Prints TAP, then the
# counts, the slowest and the largest.
#
# Usage: check-hostile-dicom.py CARTA_BUNDLE

import importlib.util
import os
import struct
import subprocess
import sys
import tempfile
import time

_spec = importlib.util.spec_from_file_location(
    'hostile_bundles', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check-hostile-bundles.py'))
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

SECRET = b'carta-hostile-secret-0f6c1e\n'


# --- DICOM pieces, explicit VR little endian -----------------------------------

LONG_VRS = {b'OB', b'OD', b'OF', b'OL', b'OV', b'OW', b'SQ', b'UC', b'UN', b'UR', b'UT'}


def even(value):
    return value + (b' ' if value[-1:] != b'\0' and len(value) % 2 else b'\0' * (len(value) % 2))


def el(group, element, vr, value=b'', length=None):
    tag = struct.pack('<HH', group, element)
    if vr is None:                        # implicit VR
        return tag + struct.pack('<I', len(value) if length is None else length) + value
    if vr in LONG_VRS:
        return tag + vr + b'\0\0' + struct.pack('<I', len(value) if length is None else length) + value
    return tag + vr + struct.pack('<H', len(value) if length is None else length) + value


def text(group, element, vr, value):
    return el(group, element, vr, even(value))


def item(body=b'', length=None):
    return struct.pack('<HHI', 0xFFFE, 0xE000, len(body) if length is None else length) + body


ITEM_END = struct.pack('<HHI', 0xFFFE, 0xE00D, 0)
SEQ_END = struct.pack('<HHI', 0xFFFE, 0xE0DD, 0)
UNDEFINED = 0xFFFFFFFF
SC_STORAGE = b'1.2.840.10008.5.1.4.1.1.7'


def meta(sop, syntax=b'1.2.840.10008.1.2.1', media=SC_STORAGE, group_length=None):
    body = (el(0x0002, 0x0001, b'OB', b'\0\1') + text(0x0002, 0x0002, b'UI', media) +
            text(0x0002, 0x0003, b'UI', sop) + text(0x0002, 0x0010, b'UI', syntax) +
            text(0x0002, 0x0012, b'UI', b'1.2.826.0.1.3680043.10.99'))
    length = len(body) if group_length is None else group_length
    return b'\0' * 128 + b'DICM' + el(0x0002, 0x0000, b'UL', struct.pack('<I', length)) + body


def patient(name=b'WANG^MEI', name_length=None):
    return (text(0x0010, 0x0010, b'PN', name) if name_length is None
            else el(0x0010, 0x0010, b'PN', even(name), name_length)) + \
        text(0x0010, 0x0020, b'LO', b'CN-4711') + text(0x0010, 0x0030, b'DA', b'19790412') + \
        text(0x0010, 0x0040, b'CS', b'F')


def study(n=1):
    return (text(0x0020, 0x000D, b'UI', b'1.2.826.0.1.3680043.10.7') +
            text(0x0020, 0x000E, b'UI', b'1.2.826.0.1.3680043.10.7.1') +
            text(0x0020, 0x0011, b'IS', b'1') + text(0x0020, 0x0013, b'IS', str(n).encode()))


def head(sop):
    return (text(0x0008, 0x0005, b'CS', b'ISO_IR 100') + text(0x0008, 0x0016, b'UI', SC_STORAGE) +
            text(0x0008, 0x0018, b'UI', sop) + text(0x0008, 0x0020, b'DA', b'20250918') +
            text(0x0008, 0x0060, b'CS', b'CT'))


PIXELS = el(0x7FE0, 0x0010, b'OW', b'\0' * 8)


def image(n=1, between=b'', name=b'WANG^MEI', name_length=None, pixels=PIXELS):
    """A small valid image; @between goes into the data set before the patient."""
    sop = b'1.2.826.0.1.3680043.10.7.1.%d' % n
    return meta(sop) + head(sop) + between + patient(name, name_length) + study(n) + pixels


def deep_sequence(levels, closed):
    """Sequences in items in sequences, @levels deep, of undefined length."""
    opening = el(0x0008, 0x1115, b'SQ', length=UNDEFINED) + item(length=UNDEFINED)
    closing = ITEM_END + SEQ_END
    return opening * levels + (closing * levels if closed else b'')


def dicomdir(references):
    records = b''.join(item(text(0x0004, 0x1430, b'CS', b'IMAGE') + text(0x0004, 0x1500, b'CS', r))
                       for r in references)
    return (meta(b'1.2.826.0.1.3680043.10.8', media=b'1.2.840.10008.1.3.10') +
            text(0x0004, 0x1130, b'CS', b'CARTA') +
            el(0x0004, 0x1220, b'SQ', records))


# --- the corpus -----------------------------------------------------------------

def put(folder, name, data):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


def corpus(outside):
    """(name, maker) pairs; maker(folder) fills a new folder. @outside
    holds the secret file and folder that links and DICOMDIR point to."""
    secret = os.path.join(outside, 'secret')
    good = image()
    sop = b'1.2.826.0.1.3680043.10.7.1.1'
    items = []

    def add(name, maker):
        items.append((name, maker))

    def files(**named):
        def make(folder):
            for n, d in named.items():
                put(folder, n.replace('__', '/'), d)
        return make

    # Cut short anywhere: in the preamble, the meta header, an element's
    # header or value, before and in the pixel data.
    pixel_at = len(good) - len(PIXELS)
    name_at = good.index(b'WANG^MEI')
    for cut in [0, 1, 64, 130, 133, 140, 150, len(meta(sop)) + 3, name_at - 3, name_at + 3,
                pixel_at, pixel_at + 6, len(good) - 2]:
        add('truncated-at-%d' % cut, files(IM1=good[:cut], IM2=image(2)))

    # Lengths near 4 GB, lengths past the end, undefined where not allowed.
    near = 0xFFFFFFF0
    add('name-length-past-end', files(IM1=image(name_length=0xFFFE)))
    add('meta-group-length-4gb', files(IM1=meta(sop, group_length=near) + head(sop) + patient() + study()))
    add('text-length-4gb', files(IM1=image(between=el(0x0008, 0x0081, b'UT', b'x' * 16, near))))
    add('text-length-undefined', files(IM1=image(between=el(0x0008, 0x0081, b'UT', b'x' * 16, UNDEFINED))))
    add('private-length-4gb', files(IM1=image(between=text(0x0009, 0x0010, b'LO', b'CARTA') +
                                               el(0x0009, 0x1001, b'OB', b'x' * 16, near))))
    add('unknown-length-4gb', files(IM1=image(between=el(0x0009, 0x1002, b'UN', b'x' * 16, near))))
    add('sequence-length-4gb', files(IM1=image(between=el(0x0008, 0x1115, b'SQ', item(), near))))
    add('item-length-4gb', files(IM1=image(between=el(0x0008, 0x1115, b'SQ', item(b'', near), UNDEFINED))))
    add('pixel-length-4gb', files(IM1=image(pixels=el(0x7FE0, 0x0010, b'OW', b'\0' * 8, near))))
    add('odd-lengths', files(IM1=image(between=el(0x0008, 0x1030, b'LO', b'abc', 3))))
    add('bare-name-length-4gb', files(IM1=
                                      el(0x0008, 0x0016, None, even(SC_STORAGE)) +
                                      el(0x0010, 0x0010, None, b'WANG^MEI', near)))
    add('name-50kb', files(IM1=image(name=b'W' * 50000)))

    # Sequences: deep, never closed, or holding half a million items.
    add('sequence-100000-deep', files(IM1=image(between=deep_sequence(100000, True))))
    add('sequence-100000-deep-unclosed', files(IM1=meta(sop) + head(sop) + deep_sequence(100000, False)))
    add('sequence-500000-items', files(IM1=image(between=el(0x0008, 0x1115, b'SQ', item() * 500000))))
    add('sequence-unclosed', files(IM1=meta(sop) + head(sop) + el(0x0008, 0x1115, b'SQ', length=UNDEFINED) +
                                   item(length=UNDEFINED) + patient()))

    # A DICOMDIR that names files outside the folder, and ones not there.
    rel = os.path.relpath(secret, '/').encode().replace(b'/', b'\\')
    add('dicomdir-outside', files(DICOMDIR=dicomdir([b'..\\..\\..\\..\\..\\..\\..\\..\\' + rel,
                                                     b'\\' + rel, b'../secret', b'NOT\\THERE']),
                                  DICOM__IM1=good))

    # Many tiny files: each a small image of one study. A sanitizer build
    # reads each several times slower: 5,000 keep it within the limit.
    count = 5000 if hostile.SANITIZED else 20000

    def many(folder):
        for i in range(count):
            put(folder, 'D%02d/IM%05d' % (i // 1000, i), image(i + 1))
    add('%d-tiny-files' % count, many)

    # Links: loops, out of the folder, to a device.
    def links(folder):
        put(folder, 'IM1', good)
        os.symlink('.', os.path.join(folder, 'loop'))
        os.symlink('b', os.path.join(folder, 'a'))
        os.symlink('a', os.path.join(folder, 'b'))
        os.symlink(secret, os.path.join(folder, 'IM2'))
        os.symlink(outside, os.path.join(folder, 'DIR'))
        os.symlink('../' * 20 + secret.lstrip('/'), os.path.join(folder, 'IM3'))
        os.symlink('/dev/zero', os.path.join(folder, 'IM4'))
        os.symlink('missing', os.path.join(folder, 'IM5'))
        os.mkdir(os.path.join(folder, 'SUB'))
        os.symlink('..', os.path.join(folder, 'SUB', 'up'))
    add('links-loops-and-outside', links)

    def fifo(folder):
        put(folder, 'IM1', good)
        os.mkfifo(os.path.join(folder, 'IM2'))
    add('fifo', fifo)

    def deep(folder):
        put(folder, 'IM1', good)
        put(folder, '/'.join(['D'] * 100) + '/IM2', image(2))
    add('folders-100-deep', deep)

    def names(folder):
        put(folder, 'IM1', good)
        for n in [b'\x1b[2J\x1b]0;owned\x07', b'\xff\xfe-not-utf8', b'x' * 250, 'ファイル\u202e'.encode()]:
            with open(os.path.join(folder.encode(), n), 'wb') as f:
                f.write(image(3) if n[:1] == b'x' else b'DICM' * 40)
    add('odd-file-names', names)

    def unreadable(folder):
        put(folder, 'IM1', good)
        put(folder, 'IM2', image(2))
        os.chmod(os.path.join(folder, 'IM2'), 0)
    add('unreadable-file', unreadable)

    return items


# --- checking -------------------------------------------------------------------

def contains_secret(root, seen):
    """A file below @root that holds SECRET; each file is read once."""
    for dirpath, _, filenames in os.walk(root):
        for n in filenames:
            path = os.path.join(dirpath, n)
            if n == 'case.json' or path in seen or os.path.islink(path) or not os.path.isfile(path):
                continue
            seen.add(path)
            try:
                with open(path, 'rb') as f:
                    if SECRET in f.read():
                        return path
            except OSError:
                pass
    return None


def main():
    n = failed = 0
    slowest = (0.0, '')
    largest = (0, '')
    with tempfile.TemporaryDirectory(prefix='carta-hostile-dicom-') as tmp:
        outside = os.path.join(tmp, 'outside')
        os.makedirs(outside)
        put(outside, 'secret', SECRET)
        put(outside, 'IMX', SECRET * 8)
        case_dir = os.path.join(tmp, 'case')
        subprocess.run([hostile.TOOL, 'demo', case_dir], check=True, stdout=subprocess.DEVNULL)
        records = subprocess.run([hostile.TOOL, 'records', case_dir], check=True,
                                 stdout=subprocess.PIPE).stdout.decode()
        record = [l.split()[1] for l in records.splitlines() if l.strip().startswith('Id:')][0]
        work = os.path.join(tmp, 'work')
        os.mkdir(work)
        seen = set()

        for name, maker in corpus(outside):
            folder = os.path.join(tmp, 'discs', name)
            os.makedirs(folder)
            started = time.monotonic()
            maker(folder)
            made = time.monotonic() - started
            problems = []
            summary = ''
            for command in (['dicom', folder], ['attach', case_dir, record, folder]):
                rc, out, err, elapsed, rss = hostile.run(command, work)
                why = hostile.judge(name, rc, out, err, elapsed, False)
                if not why and rc not in (0, 1):
                    why = 'exit %d: %s' % (rc, err.decode('utf-8', 'replace')[:200])
                if not why and rc == 1 and not err.strip():
                    why = 'failed without a message'
                if not why and not hostile.SANITIZED and rss > hostile.MEMORY_PEAK:
                    why = 'used %d MB' % (rss >> 20)
                if why:
                    problems.append('%s: %s' % (command[0], why))
                if command[0] == 'dicom':
                    lines = out.decode('utf-8', 'replace').strip().split('\n')
                    summary = lines[0][lines[0].rfind(':') + 1:].strip() + ' studies'
                    if len(lines) > 1 and 'not read' in out.decode('utf-8', 'replace'):
                        summary += ', some files not read'
                if elapsed > slowest[0]:
                    slowest = (elapsed, '%s %s' % (command[0], name))
                if rss > largest[0]:
                    largest = (rss, '%s %s' % (command[0], name))
            leaked = contains_secret(case_dir, seen)
            if leaked:
                problems.append('a file from outside the folder reached the case: %s'
                                % os.path.relpath(leaked, case_dir))
            written = set(os.listdir(work)) - {'out', 'err', 'peak'}
            if written:
                problems.append('wrote %s' % sorted(written))
            n += 1
            if problems:
                failed += 1
                print('not ok %d - %s: %s' % (n, name, '; '.join(problems)))
            else:
                print('ok %d - %s: %s (made in %.1f s, checked in %.1f s)'
                      % (n, name, summary, made, time.monotonic() - started - made))
            sys.stdout.flush()
            subprocess.run(['chmod', '-R', 'u+rwX', folder], check=False)

        # The case still loads after all of that.
        rc = subprocess.run([hostile.TOOL, 'records', case_dir], stdout=subprocess.DEVNULL).returncode
        n += 1
        if rc != 0:
            failed += 1
            print('not ok %d - the case no longer loads after the attachments' % n)
        else:
            print('ok %d - the case still loads after the attachments' % n)

    print('1..%d' % n)
    print('# %d hostile folders; slowest %.2f s (%s); largest %d MB (%s)'
          % (n - 1, slowest[0], slowest[1], largest[0] >> 20, largest[1]))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
