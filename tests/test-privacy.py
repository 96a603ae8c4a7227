#!/usr/bin/env python3
# tests/test-privacy.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A whole journey through carta-bundle with every debug message on
(G_MESSAGES_DEBUG=all): demo, attach, records, export plain and
encrypted, verify, info and send (to a local Apache WebDAV share when
one can be started, and to a closed port either way). Everything the
steps print on stderr, where messages and logs go, must hold none of the
patient's names, the family's phone, e-mail or messaging id, the
passphrase, the share token or the share password.

The sample's own names are checked on the sample's steps; after the
case gets other names the sample's imaging disc is rightly reported as
naming someone else ("MEI WANG"), which is the disc's data, not the
case's.

GLib prints debug messages on stdout, so stdout is checked the same way,
except the answer of `info`: it shows the bundle's patient and contact,
as it must for the coordinators, so there only log lines are checked.
The passphrase, token and share password may appear nowhere.

Usage: test-privacy.py CARTA-BUNDLE
Prints TAP."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import base64
import hashlib
import re

BUNDLE = sys.argv[1]
n_test = 0
failures = 0
stderr_log = []   # (step, text)
stdout_log = []

NAME = "Zyxwvut Qqqname"
OTHER_NAMES = "王测试名"
CONTACT_NAME = "Pzzqcontact Vvvfamily"
PHONE = "+86 139 7531 8642"
EMAIL = "zyxq.private@example.invalid"
MESSAGING_ID = "wx_qqqzyx_777"
PASSPHRASE = "Kumquat-Lighthouse-9417"
TOKEN = "Tk9PrivQqZx42"
SHARE_PASSWORD = "SharePw-Xq73"

# "(carta-bundle:123): GLib-GIO-DEBUG: 16:30:37.840: ..." and the like.
LOG_LINE = re.compile(r"^(\(.*:\d+\): )?[\w.-]+-(DEBUG|INFO|Message|WARNING|CRITICAL)")


def ok(condition, what):
    global failures, n_test
    n_test += 1
    if not condition:
        failures += 1
    print(("ok" if condition else "not ok") + " %d - %s" % (n_test, what), flush=True)


def run(step, *args, expect=0):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en", G_MESSAGES_DEBUG="all")
    r = subprocess.run([BUNDLE] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, timeout=120)
    out = r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace")
    if step.startswith("info"):
        out = "\n".join(line for line in out.splitlines() if LOG_LINE.match(line))
    stdout_log.append((step, out))
    stderr_log.append((step, err))
    good = r.returncode == expect if expect is not None else True
    ok(good, "%s exits %s" % (step, r.returncode))
    if not good:
        print("# " + err.replace("\n", "\n# "))
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_apache(root):
    """Apache with mod_dav serving a Nextcloud 29+ share at
    /nc/public.php/dav/files/TOKEN/ with SHARE_PASSWORD, as
    tests/carta-test-dav.c does; None where Apache is missing."""
    if not os.access("/usr/sbin/apache2", os.X_OK):
        return None, None
    modules = "/usr/lib/apache2/modules"
    port = free_port()
    share = os.path.join(root, "share")
    for d in ("share", "lock", "docroot", "run"):
        os.makedirs(os.path.join(root, d), mode=0o755)
        os.chmod(os.path.join(root, d), 0o755)
    os.chmod(root, 0o755)
    run_as = ""
    if os.geteuid() == 0:
        import pwd
        pw = pwd.getpwnam("www-data")
        for d in ("share", "lock"):
            os.chown(os.path.join(root, d), pw.pw_uid, pw.pw_gid)
        run_as = "User www-data\nGroup #%d\n" % pw.pw_gid
    users = os.path.join(root, "users")
    with open(users, "w") as f:
        f.write("anonymous:{SHA}%s\n" % base64.b64encode(hashlib.sha1(SHARE_PASSWORD.encode()).digest()).decode())
    os.chmod(users, 0o644)
    conf = os.path.join(root, "httpd.conf")
    with open(conf, "w") as f:
        f.write('ServerRoot "%s"\nServerName 127.0.0.1\nListen 127.0.0.1:%d\n' % (root, port))
        f.write('PidFile "%s/run/apache.pid"\nDefaultRuntimeDir "%s/run"\n' % (root, root))
        f.write('ErrorLog "%s/error.log"\nLogLevel warn\n' % root)
        for m in ("mpm_event", "authn_core", "authn_file", "authz_core", "authz_user",
                  "auth_basic", "alias", "dav", "dav_fs"):
            f.write("LoadModule %s_module %s/mod_%s.so\n" % (m, modules, m))
        f.write('StartServers 1\nLimitRequestBody 0\nDavLockDB "%s/lock/DavLock"\n' % root)
        f.write('DocumentRoot "%s/docroot"\n%s' % (root, run_as))
        f.write('Alias /nc/public.php/dav/files/%s/ "%s/"\n' % (TOKEN, share))
        f.write('<Directory "%s">\n  Dav On\n  AuthType Basic\n  AuthName share\n'
                '  AuthBasicProvider file\n  AuthUserFile "%s"\n  Require user anonymous\n'
                '</Directory>\n' % (share, users))
    proc = subprocess.Popen(["/usr/sbin/apache2", "-f", conf, "-DFOREGROUND"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.terminate()
    proc.wait()
    return None, None


def case_file(folder):
    return os.path.join(folder, "case.json")


def sample_secrets(folder):
    """The sample patient's identifying values as the demo wrote them."""
    with open(case_file(folder), encoding="utf-8") as f:
        case = json.load(f)
    found = [case["patient"].get("name"), case["patient"].get("other_names"),
             case["patient"].get("contact")]
    for contact in case.get("contacts", []):
        found += [contact.get(k) for k in ("name", "phone", "email", "messaging_id")]
    # The name's parts as well: "Mei Wang 王梅" must not show as "王梅" alone.
    parts = []
    for value in found:
        if value and " " in value and "@" not in value and not value.startswith("+"):
            parts += [p for p in value.split() if len(p) >= 2 and not p.isdigit()]
    return [v for v in found + parts if v]


def set_distinctive(folder):
    with open(case_file(folder), encoding="utf-8") as f:
        case = json.load(f)
    case["title"] = "Case of " + NAME
    case["patient"]["name"] = NAME
    case["patient"]["other_names"] = OTHER_NAMES
    case["patient"]["contact"] = EMAIL
    case["contacts"][0].update(name=CONTACT_NAME, phone=PHONE, email=EMAIL,
                               messaging_id=MESSAGING_ID)
    with open(case_file(folder), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=2)
    return case["checklist"][2]["id"]


def unique(values):
    return list(dict.fromkeys(values))


def variants(secret):
    """@secret as it might be printed: as is, and a phone number without
    spaces."""
    out = {secret}
    if secret.startswith("+"):
        out.add(secret.replace(" ", ""))
    return out


def check(log, secrets, where):
    for secret in secrets:
        hits = [step for step, text in log
                if any(v.casefold() in text.casefold() for v in variants(secret))]
        ok(not hits, "%s never shows %r%s" % (where, secret, (" (seen in: %s)" % ", ".join(hits)) if hits else ""))


def main():
    tmp = tempfile.mkdtemp(prefix="carta-privacy-")
    apache = None
    dav = None
    try:
        case = os.path.join(tmp, "case")
        run("demo", "demo", case)
        sample = sample_secrets(case)
        ok(len(sample) >= 6, "the sample holds names and contact details (%d)" % len(sample))
        run("records (sample)", "records", case)
        run("export (sample)", "export", "--quiet", case, os.path.join(tmp, "sample.zip"))
        run("verify (sample)", "verify", os.path.join(tmp, "sample.zip"))
        check(stderr_log + stdout_log, unique(sample), "the sample's steps")

        record = set_distinctive(case)
        attached = os.path.join(tmp, "letter.txt")
        with open(attached, "w") as f:
            f.write("A letter from the haematologist.\n")
        run("attach", "attach", case, record, attached)
        run("records", "records", case)
        plain = os.path.join(tmp, "plain.zip")
        run("export", "export", case, plain)
        passfile = os.path.join(tmp, "passphrase")
        with open(passfile, "w") as f:
            f.write(PASSPHRASE + "\n")
        encrypted = os.path.join(tmp, "encrypted.zip")
        run("export --passphrase-file", "export", "-p", passfile, case, encrypted)
        run("verify", "verify", plain)
        run("verify --passphrase-file", "verify", "-p", passfile, encrypted)
        run("verify with no passphrase", "verify", encrypted, expect=None)
        wrong = os.path.join(tmp, "wrong")
        with open(wrong, "w") as f:
            f.write(PASSPHRASE[::-1] + "\n")
        run("verify with a wrong passphrase", "verify", "-p", wrong, encrypted, expect=None)
        run("info", "info", plain)
        run("info --passphrase-file", "info", "-p", passfile, encrypted)

        sharepw = os.path.join(tmp, "sharepw")
        with open(sharepw, "w") as f:
            f.write(SHARE_PASSWORD + "\n")
        dav = tempfile.mkdtemp(prefix="carta-privacy-dav-")
        apache, port = start_apache(dav)
        if apache is not None:
            link = "http://127.0.0.1:%d/nc/s/%s" % (port, TOKEN)
            run("send", "send", "-p", sharepw, plain, link)
            run("send (encrypted)", "send", "-p", sharepw, encrypted, link)
            with open(wrong, "w") as f:
                f.write(SHARE_PASSWORD[::-1] + "\n")
            run("send with a wrong share password", "send", "-p", wrong, plain, link, expect=1)
            run("send to a missing share", "send", "-p", sharepw, plain,
                "http://127.0.0.1:%d/nc/s/%s" % (port, TOKEN[::-1]), expect=1)
        else:
            print("# no Apache: send only to a closed port")
        run("send to a closed port", "send", "-p", sharepw, plain,
            "http://127.0.0.1:%d/s/%s" % (free_port(), TOKEN), expect=1)

        person = [NAME, OTHER_NAMES, CONTACT_NAME, PHONE, EMAIL, MESSAGING_ID]
        person += [p for p in NAME.split() + CONTACT_NAME.split()]
        check(stderr_log + stdout_log, unique(person), "stdout and stderr")
        check(stderr_log + stdout_log, [PASSPHRASE, TOKEN, SHARE_PASSWORD], "stdout and stderr")
        ok(any("-DEBUG: " in text for _, text in stderr_log + stdout_log), "debug messages were on")
    finally:
        if apache is not None:
            apache.terminate()
            apache.wait()
        if os.environ.get("CARTA_TEST_KEEP") is None:
            shutil.rmtree(tmp, ignore_errors=True)
            if dav is not None:
                shutil.rmtree(dav, ignore_errors=True)
        else:
            print("# kept " + tmp)
    print("1..%d" % n_test)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
