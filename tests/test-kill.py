#!/usr/bin/env python3
# tests/test-kill.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""kill -9 at random moments: of `carta-bundle export` over its whole run,
and of carta-save-loop (the store's save, looped). After every kill:

- a file under the final name is a bundle that verifies (export), and
  case.json loads (save);
- at most the one temporary of the killed run is there, and the next start
  (the next export to that folder, the next load of the store) removes it.

Usage: test-kill.py CARTA-BUNDLE CARTA-SAVE-LOOP [KILLS]
Prints TAP."""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BUNDLE, SAVE_LOOP = sys.argv[1], sys.argv[2]
KILLS = int(sys.argv[3]) if len(sys.argv) > 3 else 200

PART = re.compile(r"^\.carta-bundle-[A-Za-z0-9]{6}\.part$")
CASE_TEMP = re.compile(r"^\.case\.json\.[A-Za-z0-9]{6}$")

failures = 0
n_test = 0


def ok(condition, what):
    global failures, n_test
    n_test += 1
    if not condition:
        failures += 1
    print(("ok" if condition else "not ok") + " %d - %s" % (n_test, what), flush=True)


def run(*args):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def temporaries(folder, pattern):
    return [n for n in os.listdir(folder) if pattern.match(n)]


def kill_at(args, delay, **kwargs):
    """Starts @args, kills it with SIGKILL after @delay seconds (or lets it
    end first). Returns True when the kill landed."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def test_export(work):
    case = os.path.join(work, "case")
    out_dir = os.path.join(work, "out")
    out = os.path.join(out_dir, "bundle.zip")
    os.mkdir(out_dir)
    r = run(BUNDLE, "demo", case)
    ok(r.returncode == 0, "demo case made: " + r.stderr.strip())

    start = time.monotonic()
    r = run(BUNDLE, "export", "--quiet", case, out)
    duration = time.monotonic() - start
    ok(r.returncode == 0, "a whole export takes %.2f s" % duration)
    os.unlink(out)

    kills = landed = left_behind = most = 0
    verified = None          # (inode, mtime) of the last bundle checked
    bad_final = 0
    while kills < KILLS:
        kills += 1
        # Over the whole run, and a little past its usual end.
        if kill_at([BUNDLE, "export", "--quiet", case, out], random.uniform(0, duration * 1.1)):
            landed += 1
        parts = temporaries(out_dir, PART)
        left_behind += len(parts)
        most = max(most, len(parts))
        if os.path.exists(out):
            st = os.stat(out)
            if verified != (st.st_ino, st.st_mtime_ns):
                if run(BUNDLE, "verify", out).returncode != 0:
                    bad_final += 1
                verified = (st.st_ino, st.st_mtime_ns)

    ok(bad_final == 0, "%d kills of export (%d during its run): no file under the final name "
       "that does not verify (%d bad)" % (kills, landed, bad_final))
    ok(most <= 1, "%d temporaries seen after kills; never more than the killed run's own "
       "(at most %d at once): each export removed the one before" % (left_behind, most))

    r = run(BUNDLE, "export", "--quiet", "--quick-check", case, out)
    ok(r.returncode == 0 and not temporaries(out_dir, PART),
       "the next export left no temporary: %s" % temporaries(out_dir, PART))
    # A file of the family's with a similar name is never touched.
    keep = os.path.join(out_dir, ".carta-bundle-mine.zip.part")
    open(keep, "w").close()
    run(BUNDLE, "export", "--quiet", "--quick-check", case, out)
    ok(os.path.exists(keep), "a file that only looks like a temporary stays")


def test_save(work):
    root = os.path.join(work, "store")
    proc = subprocess.Popen([SAVE_LOOP, root], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready = proc.stdout.readline().strip()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    ok(ready == "ready", "the save loop starts")
    case_dir = [os.path.join(root, n) for n in os.listdir(root) if not n.startswith(".")][0]

    kills = found = not_loading = left = 0
    for _ in range(KILLS):
        kills += 1
        kill_at([SAVE_LOOP, root], random.uniform(0.005, 0.08))
        found += len(temporaries(case_dir, CASE_TEMP))
        r = run(SAVE_LOOP, "--check", root)
        if r.returncode != 0 or r.stdout.strip() != "1":
            not_loading += 1
            print("# " + r.stderr.strip(), flush=True)
        left += len(temporaries(case_dir, CASE_TEMP))

    ok(not_loading == 0, "%d kills of the store's save: case.json always loads (%d did not)"
       % (kills, not_loading))
    ok(left == 0, "%d temporaries found after kills, %d left after the next start" % (found, left))


def main():
    work = tempfile.mkdtemp(prefix="carta-kill-")
    try:
        test_export(work)
        test_save(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("1..%d" % n_test)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
