#!/usr/bin/env python3
# tests/hostile/check-hostile-bundles.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The hostile corpus, as generators: each input is made in a temporary
# folder from a valid bundle (carta-bundle demo + export), then given to
# `carta-bundle verify` and `info` with a time and memory limit. Each must
# be refused: a non-zero exit, never a signal, a message on stderr naming
# the problem with no "(null)", no sanitizer report, no critical, no
# terminal control characters; within seconds; nothing written outside
# the folder. Prints TAP, then the counts, the slowest and the largest.
#
# Usage: check-hostile-bundles.py CARTA_BUNDLE

import hashlib
import re
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
import warnings
import zlib

warnings.filterwarnings("ignore", "Duplicate name")

TIME_LIMIT = 20.0        # seconds an input, sanitizer builds included
FAST_ENOUGH = 10.0       # what a plain build must stay under
MEMORY_LIMIT = 2 << 30   # address space, where no sanitizer needs more
MEMORY_PEAK = 512 << 20  # what one check may really use
PASSPHRASE = 'correct horse'

TOOL = os.path.abspath(sys.argv[1])
SANITIZED = b'__asan_init' in open(TOOL, 'rb').read() if os.path.exists(TOOL) else False


# --- a bag, as (name, bytes) pairs ------------------------------------------

class Bag:
    def __init__(self, entries):
        self.entries = list(entries)
        self.root = self.entries[0][0].split('/')[0]

    def copy(self):
        return Bag(self.entries)

    def get(self, inner):
        for name, data in self.entries:
            if name == self.root + '/' + inner:
                return data
        return None

    def set(self, inner, data):
        name = self.root + '/' + inner
        for i, (n, _) in enumerate(self.entries):
            if n == name:
                self.entries[i] = (name, data)
                return self
        self.entries.append((name, data))
        return self

    def remove(self, inner):
        self.entries = [(n, d) for n, d in self.entries if n != self.root + '/' + inner]
        return self

    def reseal(self):
        """Manifests and Payload-Oxum made to match, so the check gets past them."""
        payload = [(n[len(self.root) + 1:], d) for n, d in self.entries
                   if n.startswith(self.root + '/data/')]
        self.set('manifest-sha256.txt', ''.join(
            '%s  %s\n' % (hashlib.sha256(d).hexdigest(), n) for n, d in payload).encode())
        info = self.get('bag-info.txt').decode()
        oxum = '%d.%d' % (sum(len(d) for _, d in payload), len(payload))
        info = '\n'.join('Payload-Oxum: ' + oxum if l.startswith('Payload-Oxum:') else l
                         for l in info.split('\n'))
        self.set('bag-info.txt', info.encode())
        tags = [(n[len(self.root) + 1:], d) for n, d in self.entries
                if '/' not in n[len(self.root) + 1:] and not n.endswith('/tagmanifest-sha256.txt')]
        self.set('tagmanifest-sha256.txt', ''.join(
            '%s  %s\n' % (hashlib.sha256(d).hexdigest(), n) for n, d in tags).encode())
        return self

    def zip(self, **kw):
        return make_zip(self.entries, **kw)


def make_zip(entries, method=zipfile.ZIP_DEFLATED, attrs=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', method, compresslevel=1) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            info.external_attr = (attrs or {}).get(name, 0o100644 << 16)
            z.writestr(info, data)
    return out.getvalue()


# --- raw ZIP pieces, for what zipfile will not write --------------------------

def local_header(name, crc, csize, usize, method=8):
    return struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, method, 0, 0x5c21,
                       crc, csize, usize, len(name), 0) + name


def central_header(name, crc, csize, usize, offset, method=8, attr=0o100644 << 16):
    return struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 0x031e, 20, 0, method, 0, 0x5c21,
                       crc, csize, usize, len(name), 0, 0, 0, 0, attr, offset) + name


def end_record(count, size, offset, comment=b''):
    return struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, count, count, size, offset,
                       len(comment)) + comment


def raw_zip(files):
    """files: (name bytes, crc, compressed bytes, size) → a ZIP."""
    body, central = b'', b''
    for name, crc, comp, usize in files:
        central += central_header(name, crc, len(comp), usize, len(body))
        body += local_header(name, crc, len(comp), usize) + comp
    return body + central + end_record(len(files), len(central), len(body))


def deflate_zeros(total):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1 << 20)
    parts, crc, done = [], 0, 0
    while done < total:
        n = min(len(block), total - done)
        parts.append(c.compress(block[:n]))
        crc = zlib.crc32(block[:n], crc)
        done += n
    parts.append(c.flush())
    return crc, b''.join(parts)


def eocd_at(data):
    return data.rindex(b'PK\x05\x06')


def patch(data, offset, fmt, value):
    return data[:offset] + struct.pack(fmt, value) + data[offset + struct.calcsize(fmt):]


def central_at(data):
    return struct.unpack_from('<I', data, eocd_at(data) + 16)[0]


# --- the corpus ---------------------------------------------------------------

def corpus(good, enc):
    bag = Bag(good)
    root = bag.root
    cases = []

    def add(name, data, quick=True):
        cases.append((name, data, quick))

    def json_case(name, text, quick=True, member='data/case.json'):
        add(name, bag.copy().set(member, text if isinstance(text, bytes) else text.encode())
            .reseal().zip(), quick)

    case_json = bag.get('data/case.json').decode()
    good_zip = bag.zip()

    # Names that leave the bag, or are not files.
    for label, evil in [('zip-slip', root + '/data/../../carta-hostile-escape'),
                        ('zip-slip-top', '../carta-hostile-escape'),
                        ('absolute', '/tmp/carta-hostile-escape'),
                        ('drive-letter', 'C:/carta-hostile-escape'),
                        ('drive-letter-backslash', 'C:\\carta-hostile-escape'),
                        ('backslash-slip', root + '\\..\\..\\carta-hostile-escape'),
                        ('outside-bag', 'Elsewhere/file.txt'),
                        ('control-characters', root + '/data/\x1b[31mred\x07\n.txt'),
                        ('name-64k', root + '/data/' + 'a' * 65000),
                        ('name-nul-trick', root + '/data/a\x01b')]:
        add(label, make_zip(good + [(evil, b'x')]))
    for label, mode in [('symlink', 0o120777), ('char-device', 0o020644),
                        ('block-device', 0o060644), ('fifo', 0o010644), ('socket', 0o140644)]:
        name = root + '/data/special'
        add(label, make_zip(good + [(name, b'/etc/passwd')], attrs={name: mode << 16}))
    # A hard link, as libarchive reads one: a symlink-like entry with a target
    # (Info-ZIP has none; the nearest is a second name for a payload file).
    add('hardlink-like-duplicate', make_zip(good + [good[0]]))

    # Duplicates.
    first = [n for n, _ in good if '/data/documents/' in n][0]
    add('duplicate-exact', make_zip(good + [(first, b'other')]))
    add('duplicate-case', make_zip(good + [(first.upper(), b'other')]))
    add('duplicate-case-bag', make_zip(good + [(root.upper() + '/x', b'other')]))
    nfc = root + '/data/caf\u00e9.txt'
    add('duplicate-unicode', make_zip(good + [(nfc, b'1'),
                                              (unicodedata.normalize('NFD', nfc), b'2')]))
    add('duplicate-case-json', make_zip(good + [(root + '/data/case.json', b'{}')]))

    # Bombs.
    crc, comp = deflate_zeros(300 << 20)
    add('bomb-single', raw_zip([(root.encode() + b'/data/zeros.bin', crc, comp, 300 << 20)]))
    add('bomb-single-lying-size', raw_zip([(root.encode() + b'/data/zeros.bin', crc, comp, 1000)]))
    small_crc, small = deflate_zeros(64 << 10)
    add('bomb-many-small', raw_zip([(('%s/data/z%05d' % (root, i)).encode(), small_crc, small, 64 << 10)
                                    for i in range(3000)]))
    # Overlapping: many directory entries share one local file's data.
    name = root.encode() + b'/data/zeros.bin'
    one_crc, one = deflate_zeros(20 << 20)
    body = local_header(name, one_crc, len(one), 20 << 20) + one
    central = b''.join(central_header(name if i == 0 else name + b'%d' % i, one_crc,
                                      len(one), 20 << 20, 0) for i in range(100))
    add('bomb-overlapping', body + central + end_record(100, len(central), len(body)))
    inner = raw_zip([(b'zeros.bin', crc, comp, 300 << 20)])
    # A bundle never unpacks the archives it carries: one inside is a document,
    # refused here because no manifest lists it.
    add('bomb-nested-unlisted', make_zip(good + [(root + '/data/documents/nested.zip', inner)]))

    # The central directory and its end record.
    add('truncated-end', good_zip[:-10])
    add('truncated-half-directory', good_zip[:(central_at(good_zip) + eocd_at(good_zip)) // 2])
    add('no-directory', good_zip[:central_at(good_zip)])
    add('truncated-data', good_zip[:len(good_zip) // 2])
    add('empty-file', b'')
    add('not-a-zip', b'%PDF-1.4 this is not a zip\n' * 10)
    add('only-end-record', end_record(0, 0, 0))
    e = eocd_at(good_zip)
    add('lying-count', patch(patch(good_zip, e + 8, '<H', 3), e + 10, '<H', 3))
    add('lying-directory-size', patch(good_zip, e + 12, '<I', 100))
    add('lying-directory-offset', patch(good_zip, e + 16, '<I', 7))
    add('lying-comment-length', patch(good_zip, e + 20, '<H', 50))
    add('split-archive', patch(good_zip, e + 4, '<H', 1))
    add('garbage-after-end', good_zip + b'trailing garbage')
    c = central_at(good_zip)
    add('lying-entry-size', patch(good_zip, c + 24, '<I', 1))
    add('lying-entry-offset', patch(good_zip, c + 42, '<I', 1))
    add('lying-entry-name', good_zip[:c + 46] + b'X' + good_zip[c + 47:])
    # A local entry hidden between the files and the directory.
    hidden = local_header(b'%s/data/hidden.txt' % root.encode(), zlib.crc32(b'hi'), 2, 2, 0) + b'hi'
    add('hidden-local-entry', patch(good_zip[:c] + hidden + good_zip[c:], e + len(hidden) + 16, '<I', c + len(hidden)))
    # A bad CRC, in the directory and in the local header.
    stored = bag.zip(method=zipfile.ZIP_STORED)
    z = zipfile.ZipFile(io.BytesIO(stored))
    target = z.getinfo(root + '/data/case.json')
    stored_bad = patch(stored, target.header_offset + 14, '<I', target.CRC ^ 1)
    cd = stored.rindex(struct.pack('<I', target.CRC), 0, len(stored))
    add('bad-crc', patch(stored_bad, cd, '<I', target.CRC ^ 1))
    data_at = target.header_offset + 30 + len(target.filename.encode())
    add('flipped-byte', stored[:data_at + 5] + bytes([stored[data_at + 5] ^ 0x20]) + stored[data_at + 6:])
    doc = z.getinfo(first)
    doc_at = doc.header_offset + 30 + len(doc.filename.encode())
    add('flipped-byte-document', stored[:doc_at + 100] + bytes([stored[doc_at + 100] ^ 1]) + stored[doc_at + 101:],
        quick=False)

    # Encryption: a plain entry among encrypted ones.
    add('encrypted-with-plain-entry', make_zip_append(enc, root + '/data/documents/forged.pdf', b'%PDF forged'))
    add('encrypted-without-passphrase', enc)
    # An encrypted bundle is one AES entry, bundle.zip, holding the bundle:
    # what it holds is held to every check, after the passphrase.
    if shutil.which('bsdtar'):
        add('wrapper-inner-escape', wrap(make_zip(good + [(root + '/data/../../carta-hostile-escape', b'x')])))
        add('wrapper-inner-encrypted', wrap(enc))
        add('wrapper-inner-bomb', wrap(raw_zip([(root.encode() + b'/data/zeros.bin', crc, comp, 300 << 20)])))
        add('wrapper-inner-not-zip', wrap(b'%PDF-1.4 this is not a zip\n' * 10))
        add('wrapper-inner-truncated', wrap(good_zip[:len(good_zip) // 2]))
        add('wrapper-outer-bomb', wrap(bytes(100 << 20), 'deflate'))
        add('wrapper-outer-truncated', enc[:len(enc) - 100] + enc[-22:])

    # Many entries.
    add('entries-200000', make_zip([(root + '/data/f%06d' % i, b'') for i in range(200001)],
                                   method=zipfile.ZIP_STORED))

    # case.json and fhir-bundle.json.
    for member in ['data/case.json', 'data/fhir-bundle.json']:
        short = member.split('/')[1].split('.')[0]
        json_case(short + '-empty', '', member=member)
        json_case(short + '-whitespace', '   \n', member=member)
        json_case(short + '-deep-arrays', '[' * 1000000 + ']' * 1000000, member=member)
        json_case(short + '-deep-objects', '{"a":' * 500000 + '1' + '}' * 500000, member=member)
        json_case(short + '-deep-unclosed', '[' * 1000000, member=member)
        json_case(short + '-not-object', '[1, 2, 3]', member=member)
        json_case(short + '-number', '42', member=member)
        json_case(short + '-bad-utf8', b'{"title": "\xff\xfe"}', member=member)
        json_case(short + '-nul', b'{"title": "a\x00b"}', member=member)
        json_case(short + '-huge', '{"x": "' + 'a' * (70 << 20) + '"}', member=member)
        json_case(short + '-truncated', case_json[:len(case_json) // 2], member=member)
    json_case('case-wrong-types', '{"schema": 5, "id": [], "title": {}, "checklist": "x", "patient": 7}')
    json_case('case-newer-schema', case_json.replace('"carta-case/3"', '"carta-case/99"'))
    json_case('case-stored-dotdot', re.sub(r'("stored_path"\s*:\s*")blobs/', r'\1../../blobs/', case_json, count=1))
    json_case('case-stored-absolute', re.sub(r'("stored_path"\s*:\s*")blobs/', r'\1/etc/', case_json, count=1))
    json_case('case-huge-integer', patch_first_size(case_json, '99999999999999999999999999'))
    json_case('case-huge-float', patch_first_size(case_json, '1e400'))
    json_case('case-negative-size', patch_first_size(case_json, '-5'))
    json_case('case-wrong-size', patch_first_size(case_json, '1'))
    json_case('case-shared-stored-path', share_stored_path(case_json))
    json_case('fhir-wrong-types', '{"resourceType": "Bundle", "type": "collection", "entry": '
              '[1, {"resource": []}, {"resource": {"resourceType": "DocumentReference", "content": "x"}}]}',
              member='data/fhir-bundle.json')

    # Bags.
    add('manifest-missing-file', bag.copy().reseal().remove(first[len(root) + 1:]).zip())
    extra = bag.copy().reseal()
    extra.entries.append((root + '/data/documents/extra.pdf', b'%PDF extra'))
    add('manifest-misses-extra', extra.zip())
    stale = bag.copy().reseal()
    stale.set(first[len(root) + 1:], b'changed after bagging')
    add('manifest-stale', stale.zip(), quick=False)
    add('manifest-absent', bag.copy().remove('manifest-sha256.txt').zip())
    add('manifest-garbage', bag.copy().set('manifest-sha256.txt', b'\x00\xff garbage\n' * 1000).zip())
    add('manifest-unsafe-path', bag.copy().set('manifest-sha256.txt', bag.get('manifest-sha256.txt') +
                                                b'0' * 64 + b'  ../../etc/passwd\n').zip())
    add('tagmanifest-stale', bag.copy().set('bagit.txt', b'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nX: y\n').zip())
    add('bagit-absent', bag.copy().remove('bagit.txt').zip())
    add('bag-info-absent', bag.copy().remove('bag-info.txt').zip())
    info = bag.get('bag-info.txt')
    add('bag-info-continuations', bag.copy().set('bag-info.txt', info + b'External-Description: x\n' +
                                                  b' more\n' * 300000).zip())
    add('bag-info-long-continuations', bag.copy().set('bag-info.txt', info + b'External-Description: x\n' +
                                                       (b' ' + b'y' * 1000 + b'\n') * 20000).zip())
    add('bag-info-no-colons', bag.copy().set('bag-info.txt', info + b'no colon here\n' * 200000).zip())
    add('bag-info-wrong-oxum', bag.copy().set('bag-info.txt', info.replace(b'Payload-Oxum:', b'Payload-Oxum: 1.1\nX:')).zip())
    add('bag-info-huge', bag.copy().set('bag-info.txt', info + b'X: ' + b'z' * (66 << 20) + b'\n').zip())
    return cases


def wrap(inner, compression='store'):
    """An encrypted bundle as Carta writes them, around @inner."""
    with tempfile.TemporaryDirectory(prefix='carta-hostile-wrap-') as tmp:
        with open(os.path.join(tmp, 'bundle.zip'), 'wb') as f:
            f.write(inner)
        subprocess.run(['bsdtar', '--format', 'zip', '--options',
                        'zip:encryption=aes256,zip:compression=' + compression,
                        '--passphrase', PASSPHRASE, '-cf', 'out.zip', 'bundle.zip'], cwd=tmp, check=True)
        return open(os.path.join(tmp, 'out.zip'), 'rb').read()


def make_zip_append(zip_bytes, name, data):
    out = io.BytesIO(zip_bytes)
    with zipfile.ZipFile(out, 'a') as z:
        z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


def patch_first_size(text, value):
    return re.sub(r'("size"\s*:\s*)\d+', lambda m: m.group(1) + value, text, count=1)


def share_stored_path(text):
    import re
    paths = re.findall(r'"stored_path"\s*:\s*"([^"]+)"', text)
    files = [p for p in paths if p.startswith('blobs/')]
    if len(files) < 2:
        raise SystemExit('the sample case has too few stored files')
    return text.replace('"%s"' % files[1], '"%s"' % files[0])


# --- running the tool ---------------------------------------------------------

# Runs in a fresh, small interpreter: a child forked from this script
# would count the script's own memory as its peak. It sets the limits,
# runs the tool and writes the tool's peak memory in KiB to argv[1].
WRAPPER = """
import os, resource, sys
if sys.argv[2] != '0':
    resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]),) * 2)
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[3], sys.argv[3:])
_, status, usage = os.wait4(pid, 0)
open(sys.argv[1], 'w').write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status) % 256 if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
"""


def run(args, cwd, language=None):
    env = dict(os.environ, HOME=cwd, XDG_DATA_HOME=cwd, XDG_CONFIG_HOME=cwd,
               XDG_CACHE_HOME=cwd, TMPDIR=cwd, LC_ALL='C.UTF-8', G_DEBUG='fatal-criticals')
    env.pop('LANGUAGE', None)
    if language:
        env.update(LANGUAGE=language, LANG=language + '.UTF-8', LC_ALL=language + '.UTF-8')
    peak = os.path.join(cwd, 'peak')
    limit = 0 if SANITIZED else MEMORY_LIMIT

    with open(os.path.join(cwd, 'out'), 'w+b') as out, open(os.path.join(cwd, 'err'), 'w+b') as err:
        start = time.monotonic()
        p = subprocess.Popen([sys.executable, '-c', WRAPPER, peak, str(limit), TOOL] + args,
                             cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        try:
            rc = p.wait(TIME_LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, 9)
            rc = p.wait()
        elapsed = time.monotonic() - start
        # The wrapper reports a signal as 128 + its number.
        if rc > 128:
            rc = -(rc - 128)
        elif rc < 0:
            rc = -9
        out.seek(0)
        err.seek(0)
        try:
            rss = int(open(peak).read()) * 1024
            os.unlink(peak)
        except (OSError, ValueError):
            rss = 0
        return rc, out.read(), err.read(), elapsed, rss


def judge(name, rc, stdout, stderr, elapsed, must_refuse):
    text = stderr.decode('utf-8', 'replace')
    if rc < 0:
        return 'killed by signal %d%s' % (-rc, ' (time limit)' if elapsed >= TIME_LIMIT else '')
    if must_refuse and rc == 0:
        return 'accepted (exit 0): %s' % stdout.decode('utf-8', 'replace')[:200]
    if must_refuse and not text.strip():
        return 'refused without a message'
    for bad in ['(null)', 'Sanitizer', 'runtime error', 'CRITICAL', 'WARNING **', 'invalid %N$']:
        if bad in text:
            return 'stderr holds “%s”: %s' % (bad, text[:300])
    if any(ord(c) < 0x20 and c not in '\n' for c in text + stdout.decode('utf-8', 'replace')):
        return 'the output holds control characters'
    if not SANITIZED and elapsed > FAST_ENOUGH:
        return 'took %.1f s' % elapsed
    return None


def main():
    escapes = ['/tmp/carta-hostile-escape', os.path.abspath('../carta-hostile-escape')]
    n = refused = failed = 0
    slowest = (0.0, '')
    largest = (0, '')
    with tempfile.TemporaryDirectory(prefix='carta-hostile-') as tmp:
        case_dir = os.path.join(tmp, 'case')
        good_path = os.path.join(tmp, 'good.zip')
        enc_path = os.path.join(tmp, 'enc.zip')
        pass_path = os.path.join(tmp, 'pass')
        with open(pass_path, 'w') as f:
            f.write(PASSPHRASE + '\n')
        subprocess.run([TOOL, 'demo', case_dir], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([TOOL, 'export', '-q', case_dir, good_path], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([TOOL, 'export', '-q', '-p', pass_path, case_dir, enc_path], check=True,
                       stdout=subprocess.DEVNULL)
        good = [(i.filename, zipfile.ZipFile(good_path).read(i)) for i in zipfile.ZipFile(good_path).infolist()]
        enc = open(enc_path, 'rb').read()

        # The tool accepts a valid bundle, also one rebuilt by this script:
        # a refusal below is about the input, not the way it was made.
        work = os.path.join(tmp, 'work')
        os.mkdir(work)
        for label, data in [('valid', open(good_path, 'rb').read()),
                            ('valid-rebuilt', Bag(good).reseal().zip())]:
            with open(os.path.join(work, 'b.zip'), 'wb') as f:
                f.write(data)
            rc, out, err, _, _ = run(['verify', 'b.zip'], work)
            n += 1
            if rc != 0:
                failed += 1
                print('not ok %d - %s: %s' % (n, label, err.decode('utf-8', 'replace')[:300]))
            else:
                print('ok %d - %s is accepted' % (n, label))

        # Refusals read in the window's language, the reason too.
        with open(os.path.join(work, 'b.zip'), 'wb') as f:
            f.write(make_zip(good + [(Bag(good).root + '/data/../../carta-hostile-escape', b'x')]))
        rc, out, err, _, _ = run(['verify', 'b.zip'], work, 'zh_CN')
        n += 1
        text = err.decode('utf-8', 'replace')
        if rc <= 0 or 'the name' in text or 'Carta' not in text:
            failed += 1
            print('not ok %d - a refusal in Chinese: %s' % (n, text[:300]))
        else:
            print('ok %d - a refusal in Chinese: %s' % (n, text.strip()[:150]))

        for name, data, quick in corpus(good, enc):
            path = os.path.join(work, 'b.zip')
            with open(path, 'wb') as f:
                f.write(data)
            before = set(os.listdir(work))
            problems = []
            for command in (['verify', 'b.zip'], ['verify', '-p', pass_path, 'b.zip'], ['info', 'b.zip']):
                if command[1] == '-p' and name != 'encrypted-with-plain-entry' and not name.startswith('wrapper-'):
                    continue
                rc, out, err, elapsed, rss = run(command, work)
                must_refuse = command[0] == 'verify' or quick
                why = judge(name, rc, out, err, elapsed, must_refuse)
                if not why and not SANITIZED and rss > MEMORY_PEAK:
                    why = 'used %d MB' % (rss >> 20)
                if why:
                    problems.append('%s: %s' % (command[0], why))
                if command == ['verify', 'b.zip']:
                    refused += 1 if rc > 0 else 0
                    message = err
                if command[1] == '-p' and name.startswith('wrapper-'):
                    message = err
                if elapsed > slowest[0]:
                    slowest = (elapsed, '%s %s' % (command[0], name))
                if rss > largest[0]:
                    largest = (rss, '%s %s' % (command[0], name))
            written = set(os.listdir(work)) - before - {'out', 'err', 'peak'}
            # The folder an encrypted bundle is decrypted in, empty again.
            cache = os.path.join(work, 'carta')
            if os.path.isdir(cache) and not os.path.islink(cache) and not os.listdir(cache):
                written.discard('carta')
            if written:
                problems.append('wrote %s' % sorted(written))
            for e in escapes:
                if os.path.lexists(e):
                    problems.append('wrote %s' % e)
            n += 1
            first_line = message.decode('utf-8', 'replace').strip().split('\n')[0][:150]
            if problems:
                failed += 1
                print('not ok %d - %s: %s' % (n, name, '; '.join(problems)))
            else:
                print('ok %d - %s: %s' % (n, name, first_line))
            sys.stdout.flush()

    print('1..%d' % n)
    print('# %d hostile inputs, %d refused by verify; slowest %.2f s (%s); largest %d MB (%s)'
          % (n - 3, refused, slowest[0], slowest[1], largest[0] >> 20, largest[1]))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
