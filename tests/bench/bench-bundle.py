#!/usr/bin/env python3
# bench-bundle.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The export benchmark, on demand:
#   tests/bench/bench-bundle.py BUILD-DIR [SCALE] [WORK-DIR]
# SCALE 1 is about 1 GB (600 CT slices, 60 phone photos, 30 scanned
# PDFs); SCALE 4 about 4 GB. Prints Carta's export beside bsdtar and zip
# run on the same files, all from a warm page cache.

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def run(argv, cwd=None, shell=False):
    """Runs a command; returns wall seconds and the peak RSS of it (KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, shell=shell, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {argv}")
    return wall, usage.ru_maxrss


def size(path):
    return os.path.getsize(path)


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
    scale = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="carta-bench-")
    carta = os.path.join(build, "src", "tools", "carta-bundle")
    gen = os.path.join(build, "tests", "bench", "bench-gen")
    case = os.path.join(work, f"case-{scale}")
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)

    for tool in ("bsdtar", "zip", "sha256sum"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing")

    if not os.path.exists(os.path.join(case, "case.json")):
        print(f"Generating the case (scale {scale}) in {case}…", flush=True)
        wall, _ = run([gen, case, str(scale)])
        print(f"  generated in {wall:.0f} s", flush=True)

    total = 0
    files = 0
    for root, _, names in os.walk(case):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            files += 1
    print(f"Case: {files} files, {total / 1e6:.0f} MB\n", flush=True)

    # Warm the page cache so every run reads from memory alike.
    run("find . -type f -print0 | xargs -0 cat > /dev/null", cwd=case, shell=True)

    results = []

    def clean(path):
        if os.path.exists(path):
            os.unlink(path)

    carta_zip = os.path.join(out, "carta.zip")
    clean(carta_zip)
    wall, rss = run([carta, "export", "--quiet", case, carta_zip])
    results.append(("Carta export (write + full verify)", wall, rss, size(carta_zip)))

    clean(carta_zip)
    wall, rss = run([carta, "export", "--quiet", "--quick-check", case, carta_zip])
    results.append(("Carta export (write + quick check)", wall, rss, size(carta_zip)))
    quick = wall

    wall, _ = run([carta, "verify", carta_zip])
    results.append(("carta-bundle verify", wall, None, None))

    sha = "find . -type f -print0 | xargs -0 sha256sum > /dev/null"

    ref = os.path.join(out, "bsdtar.zip")
    clean(ref)
    wall_a, _ = run(["bsdtar", "--format", "zip", "-cf", ref, "."], cwd=case)
    wall_b, _ = run(sha, cwd=case, shell=True)
    results.append(("bsdtar --format zip + sha256sum", wall_a + wall_b, None, size(ref)))
    bsdtar = wall_a + wall_b

    ref = os.path.join(out, "zip0.zip")
    clean(ref)
    wall_a, _ = run(["zip", "-q", "-r", "-0", ref, "."], cwd=case)
    wall_b, _ = run(sha, cwd=case, shell=True)
    results.append(("zip -r -0 + sha256sum", wall_a + wall_b, None, size(ref)))
    zip0 = wall_a + wall_b

    ref = os.path.join(out, "zip6.zip")
    clean(ref)
    wall, _ = run(["zip", "-q", "-r", "-6", ref, "."], cwd=case)
    results.append(("zip -r -6", wall, None, size(ref)))
    zip6_size = size(ref)

    print(f"{'':38} {'wall s':>8} {'peak RSS':>10} {'size MB':>9}")
    for name, wall, rss, bytes_ in results:
        rss_text = f"{rss / 1024:.0f} MB" if rss else ""
        size_text = f"{bytes_ / 1e6:.1f}" if bytes_ else ""
        print(f"{name:38} {wall:8.2f} {rss_text:>10} {size_text:>9}")

    full = results[0]
    print()
    print(f"export (full verify) / (bsdtar + sha256sum): {full[1] / bsdtar:.2f}   target <= 0.50")
    print(f"export (full verify) / (zip -0 + sha256sum): {full[1] / zip0:.2f}   target <= 1.25")
    print(f"export (quick check) / (zip -0 + sha256sum): {quick / zip0:.2f}   target <= 1.25")
    print(f"archive size / zip -6 size:                  {full[3] / zip6_size:.3f}  target <= 1.05")
    print(f"peak RSS:                                    {max(full[2], results[1][2]) / 1024:.0f} MB   target <= 64 MB")

    for name in os.listdir(out):
        os.unlink(os.path.join(out, name))


if __name__ == "__main__":
    main()
