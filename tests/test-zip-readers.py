#!/usr/bin/env python3
# tests/test-zip-readers.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A bundle as other readers see it. The plain bundle, and the bundle
# inside an encrypted one, are read front to back by Java's streaming
# ZipInputStream (tests/zip/ZipStreamCheck.java, compiled here), which
# refuses a data descriptor on a stored entry and checks every CRC, and
# by a strict check of the layout here: every local header with its CRC
# and sizes, no data descriptor, nothing between entries. unzip, 7-Zip
# and bsdtar test both. The encrypted bundle lists, without its
# passphrase, one entry under a neutral name (AES-256, AE-2, no CRC)
# and nothing of the case; with it, 7-Zip and bsdtar extract the same
# inner bundle, which `carta-bundle verify` accepts. Prints TAP.
#
# Usage: test-zip-readers.py CARTA_BUNDLE

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

TOOL = os.path.abspath(sys.argv[1])
JAVA_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'zip', 'ZipStreamCheck.java')
PASSPHRASE = 'a long enough passphrase 7'
n = 0
failed = 0


def ok(condition, what, detail=''):
    global n, failed
    n += 1
    if not condition:
        failed += 1
    print('%s %d - %s' % ('ok' if condition else 'not ok', n, what))
    if detail and (not condition or os.environ.get('VERBOSE')):
        for line in detail.rstrip().split('\n'):
            print('#   ' + line)
    sys.stdout.flush()


def skip(what, why):
    global n
    n += 1
    print('ok %d - %s # SKIP %s' % (n, what, why))


def run(argv, cwd=None):
    p = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def have(tool):
    return shutil.which(tool) is not None


def layout_problems(path):
    """What a reader trusting the local headers would trip on."""
    problems = []
    data = open(path, 'rb').read()
    with zipfile.ZipFile(path) as z:
        infos = sorted(z.infolist(), key=lambda i: i.header_offset)
        cd_offset = z.start_dir
    at = 0
    for info in infos:
        if info.header_offset != at:
            problems.append('%s: begins at %d, not right after the last entry (%d)'
                            % (info.filename, info.header_offset, at))
        sig, _, flags, _, _, _, crc, csize, usize, name_len, extra_len = struct.unpack(
            '<IHHHHHIIIHH', data[info.header_offset:info.header_offset + 30])
        if sig != 0x04034b50:
            problems.append('%s: no local header' % info.filename)
            break
        extra = data[info.header_offset + 30 + name_len:info.header_offset + 30 + name_len + extra_len]
        if flags & 8:
            problems.append('%s: has a data descriptor (bit 3)' % info.filename)
        if crc != info.CRC:
            problems.append('%s: CRC %08x in its local header, %08x in the directory'
                            % (info.filename, crc, info.CRC))
        sizes = (csize, usize)
        if sizes == (0xffffffff, 0xffffffff):
            i = 0
            while i + 4 <= len(extra):
                block, length = struct.unpack('<HH', extra[i:i + 4])
                if block == 1:
                    usize, csize = struct.unpack('<QQ', extra[i + 4:i + 20])
                i += 4 + length
        if (csize, usize) != (info.compress_size, info.file_size):
            problems.append('%s: sizes %r in its local header, %r in the directory'
                            % (info.filename, (csize, usize), (info.compress_size, info.file_size)))
        at = info.header_offset + 30 + name_len + extra_len + info.compress_size
    if at != cd_offset:
        problems.append('%d bytes between the last entry and the directory' % (cd_offset - at))
    return problems


def aes_vendor(info):
    extra = info.extra
    i = 0
    while i + 4 <= len(extra):
        block, length = struct.unpack('<HH', extra[i:i + 4])
        if block == 0x9901:
            return struct.unpack('<H', extra[i + 4:i + 6])[0]
        i += 4 + length
    return None


def case_names(case_dir, plain):
    """Every name from the case a listing could show."""
    with open(os.path.join(case_dir, 'case.json'), encoding='utf-8') as f:
        case = json.load(f)
    names = [case['title'], case['patient']['name']]
    names += [p for p in case['patient']['name'].split() if len(p) >= 2]
    for record in case['checklist']:
        for key in ('title', 'custom_title'):
            if record.get(key):
                names.append(record[key])
        for attachment in record.get('attachments', []):
            original = attachment.get('original_name')
            if original:
                names += [original, os.path.splitext(original)[0]]
    # The names in the bag: its folder, each record's folder, each file.
    generic = {'data', 'documents', 'DICOM', 'case.json', 'fhir-bundle.json', 'summary.pdf',
               'bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'}
    with zipfile.ZipFile(plain) as z:
        for name in z.namelist():
            for part in name.strip('/').split('/'):
                if part not in generic and len(part) >= 4:
                    names.append(part)
    return sorted(set(n for n in names if n))


def java_checker(tmp):
    if not (have('javac') and have('java')):
        return None
    out = os.path.join(tmp, 'java')
    os.mkdir(out)
    rc, _, err = run(['javac', '-d', out, JAVA_SOURCE])
    ok(rc == 0, 'ZipStreamCheck.java compiles', err)
    return out if rc == 0 else None


def main():
    tmp = tempfile.mkdtemp(prefix='carta-zip-readers-')
    try:
        case = os.path.join(tmp, 'case')
        plain = os.path.join(tmp, 'plain.zip')
        encrypted = os.path.join(tmp, 'encrypted.zip')
        passfile = os.path.join(tmp, 'passphrase')
        with open(passfile, 'w') as f:
            f.write(PASSPHRASE + '\n')
        for argv in (['demo', case], ['export', '--quiet', case, plain],
                     ['export', '--quiet', '-p', passfile, case, encrypted]):
            rc, out, err = run([TOOL] + argv)
            ok(rc == 0, 'carta-bundle ' + argv[0], err)
        with zipfile.ZipFile(plain) as z:
            n_entries = len(z.namelist())

        problems = layout_problems(plain)
        ok(not problems, 'every local header of the bundle has its CRC and sizes, no data descriptor',
           '\n'.join(problems))

        java = java_checker(tmp)
        if java is None:
            skip('Java ZipInputStream reads the bundle', 'javac or java is missing')
        else:
            rc, out, err = run(['java', '-cp', java, 'ZipStreamCheck', 'stream', plain])
            ok(rc == 0 and out.strip().endswith('entries: %d' % n_entries),
               'Java ZipInputStream reads all %d entries of the bundle, CRCs checked' % n_entries, out + err)
            print('# Java ZipInputStream on the bundle:')
            for line in out.strip().split('\n'):
                print('#   ' + line)
            # Java has no WinZip AES: it says so, rather than blame the layout.
            rc, out, err = run(['java', '-cp', java, 'ZipStreamCheck', 'stream', encrypted])
            ok(rc == 1 and 'encrypted ZIP entry not supported' in out,
               'Java ZipInputStream refuses the encrypted bundle as encrypted: ' + out.strip(), out + err)

        for argv in (['unzip', '-tq', plain], ['7z', 't', plain], ['bsdtar', '-tf', plain]):
            if have(argv[0]):
                rc, out, err = run(argv)
                ok(rc == 0, ' '.join(argv[:2]) + ' reads the bundle', out + err)
            else:
                skip(argv[0] + ' reads the bundle', argv[0] + ' is missing')

        # The encrypted bundle, without its passphrase.
        with zipfile.ZipFile(encrypted) as z:
            infos = z.infolist()
        ok([i.filename for i in infos] == ['bundle.zip'], 'the encrypted bundle holds one entry, bundle.zip',
           repr([i.filename for i in infos]))
        info = infos[0]
        ok(info.flag_bits & 1 and info.compress_type == 99 and aes_vendor(info) == 2 and info.CRC == 0,
           'bundle.zip is WinZip AES, AE-2, with no CRC',
           'flags %x method %d vendor %r CRC %08x' % (info.flag_bits, info.compress_type, aes_vendor(info), info.CRC))
        problems = layout_problems(encrypted)
        ok(not problems, 'its local header has the CRC and sizes, no data descriptor', '\n'.join(problems))

        names = case_names(case, plain)
        ok(len(names) >= 20, 'the case has names to look for (%d)' % len(names))
        for argv in (['bsdtar', '-tvf', encrypted], ['7z', 'l', encrypted], ['7z', 'l', '-slt', encrypted]):
            if not have(argv[0]):
                skip(' '.join(argv[:-1]) + ' shows no name from the case', argv[0] + ' is missing')
                continue
            rc, out, err = run(argv, cwd=tmp)
            seen = [name for name in names if name.casefold() in (out + err).casefold()]
            ok(rc == 0 and not seen and 'bundle.zip' in out,
               ' '.join(argv[:-1]) + ' without the passphrase shows no name from the case',
               'seen: %r\n%s%s' % (seen, out, err))
            print('# %s encrypted.zip:' % ' '.join(argv[:-1]))
            for line in out.strip().split('\n'):
                print('#   ' + line)

        rc, out, err = run([TOOL, 'info', encrypted])
        ok(rc == 1 and 'AES-256' in out and '--passphrase-file' in err and 'Documents' not in out,
           'info without the passphrase says it is encrypted and how to open it', out + err)

        # With the passphrase: 7-Zip and bsdtar extract the same inner bundle.
        inner = []
        if have('7z'):
            to = os.path.join(tmp, 'x7z')
            rc, out, err = run(['7z', 'x', '-p' + PASSPHRASE, '-o' + to, encrypted])
            ok(rc == 0 and os.listdir(to) == ['bundle.zip'], '7z extracts bundle.zip with the passphrase', out + err)
            inner.append(os.path.join(to, 'bundle.zip'))
        if have('bsdtar'):
            to = os.path.join(tmp, 'xbsdtar')
            os.mkdir(to)
            rc, out, err = run(['bsdtar', '-xf', encrypted, '--passphrase', PASSPHRASE], cwd=to)
            ok(rc == 0 and os.listdir(to) == ['bundle.zip'], 'bsdtar extracts bundle.zip with the passphrase',
               out + err)
            inner.append(os.path.join(to, 'bundle.zip'))
        if len(inner) == 2:
            ok(open(inner[0], 'rb').read() == open(inner[1], 'rb').read(), '7z and bsdtar extract the same bytes')
        for path in inner[:1]:
            rc, out, err = run([TOOL, 'verify', path])
            ok(rc == 0, 'carta-bundle verify accepts the inner bundle', out + err)
            problems = layout_problems(path)
            ok(not problems, 'the inner bundle has complete local headers', '\n'.join(problems))
            if java is not None:
                rc, out, err = run(['java', '-cp', java, 'ZipStreamCheck', 'stream', path])
                ok(rc == 0 and out.strip().endswith('entries: %d' % n_entries),
                   'Java ZipInputStream reads the inner bundle', out + err)
            if have('unzip'):
                rc, out, err = run(['unzip', '-tq', path])
                ok(rc == 0, 'unzip tests the inner bundle', out + err)
        rc, out, err = run([TOOL, 'verify', '-p', passfile, encrypted])
        ok(rc == 0, 'carta-bundle verify accepts the encrypted bundle with its passphrase', out + err)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print('1..%d' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
