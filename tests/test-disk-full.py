#!/usr/bin/env python3
# tests/test-disk-full.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Export, attach and demo onto a full file system (a small tmpfs this
test mounts; it needs root, and skips with a message where it may not
mount). Each must say clearly that the disk is full, remove its
temporaries and leave an existing destination and the case untouched.

Usage: test-disk-full.py CARTA-BUNDLE
Prints TAP."""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

BUNDLE = sys.argv[1]
n_test = 0
failures = 0


def ok(condition, what):
    global failures, n_test
    n_test += 1
    if not condition:
        failures += 1
    print(("ok" if condition else "not ok") + " %d - %s" % (n_test, what), flush=True)


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def mount(point, size):
    os.mkdir(point)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s,mode=0700" % size, "tmpfs", point],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return r.returncode == 0, r.stdout.strip()


def fill(folder, leave):
    """Fills the file system of @folder until about @leave bytes are free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with open(os.path.join(folder, "filler"), "wb") as f:
        f.write(b"\0" * max(0, free - leave))


def tree(folder):
    """Every file under @folder with its digest: what "untouched" means."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
        for name in dirnames:
            found[os.path.relpath(os.path.join(dirpath, name), folder) + "/"] = ""
    return found


def says_full(message):
    return "No space left on device" in message


def test_export(work, disk):
    case = os.path.join(work, "case")
    ok(run(BUNDLE, "demo", case).returncode == 0, "demo case made")
    before_case = tree(case)

    out = os.path.join(disk, "bundle.zip")
    with open(out, "wb") as f:
        f.write(b"the bundle of last week")
    fill(disk, 300 * 1024)
    r = run(BUNDLE, "export", "--quiet", case, out)
    ok(r.returncode == 1 and says_full(r.stderr), "export onto a full disk says so: " + r.stderr.strip())
    left = [n for n in os.listdir(disk) if n not in ("bundle.zip", "filler")]
    ok(not left, "export left no temporary: %s" % left)
    with open(out, "rb") as f:
        ok(f.read() == b"the bundle of last week", "the existing bundle is untouched")
    ok(tree(case) == before_case, "the case folder is untouched")
    os.unlink(os.path.join(disk, "filler"))


def test_attach(work, disk):
    case = os.path.join(disk, "case")
    ok(run(BUNDLE, "demo", case).returncode == 0, "demo case made on the small disk")
    r = run(BUNDLE, "records", case)
    record = re.search(r"Id:\s+(\S+)", r.stdout).group(1)
    big = os.path.join(work, "scan.pdf")
    with open(big, "wb") as f:
        f.write(b"%PDF-1.4\n" + os.urandom(1024 * 1024))
    fill(case, 200 * 1024)
    before = tree(case)

    r = run(BUNDLE, "attach", case, record, big)
    ok(r.returncode == 1 and says_full(r.stderr), "attach onto a full disk says so: " + r.stderr.strip())
    after = tree(case)
    ok(after == before, "the case is untouched, no temporary left: %s"
       % sorted(set(after) ^ set(before)))
    os.unlink(os.path.join(case, "filler"))


def test_demo(disk):
    fill(disk, 100 * 1024)
    before = sorted(os.listdir(disk))
    r = run(BUNDLE, "demo", os.path.join(disk, "sample"))
    ok(r.returncode == 1 and says_full(r.stderr), "demo onto a full disk says so: " + r.stderr.strip())
    after = sorted(os.listdir(disk))
    ok(after == before, "demo left no half-made folder: %s" % sorted(set(after) ^ set(before)))


def main():
    work = tempfile.mkdtemp(prefix="carta-disk-full-")
    disks = []
    try:
        for name, size in (("export", "2m"), ("attach", "4m"), ("demo", "1m")):
            point = os.path.join(work, "disk-" + name)
            mounted, why = mount(point, size) if os.geteuid() == 0 else (False, "not root")
            if not mounted:
                print("1..0 # SKIP cannot mount a small tmpfs here (%s)" % why)
                return 0
            disks.append(point)
        test_export(work, disks[0])
        test_attach(work, disks[1])
        test_demo(disks[2])
    finally:
        for point in disks:
            subprocess.run(["umount", point])
        shutil.rmtree(work, ignore_errors=True)
    print("1..%d" % n_test)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
