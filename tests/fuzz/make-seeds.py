#!/usr/bin/env python3
# tests/fuzz/make-seeds.py
# Copyright 2026 The Carta authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the fuzzers' seed corpora (tests/fuzz/corpus/<target>/) from the
# sample case: `carta-bundle demo` + `export`, then made small (a few KB
# each) by keeping two tiny documents, a few FHIR entries and the headers of
# one DICOM file. Run from the source root:
#   tests/fuzz/make-seeds.py build/src/tools/carta-bundle
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, 'corpus')
BAGIT = b'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data)


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(',', ':')).encode()


def small_case(bag):
    """case.json and fhir-bundle.json of the sample, with two tiny documents."""
    with open(os.path.join(bag, 'data', 'case.json'), 'rb') as f:
        case = json.load(f)
    with open(os.path.join(bag, 'data', 'fhir-bundle.json'), 'rb') as f:
        fhir = json.load(f)
    documents = {}
    for item in case['checklist']:
        kept = []
        for attachment in item.get('attachments', []):
            if len(documents) < 2 and attachment.get('kind') != 'imaging' and 'bundle_path' in attachment:
                data = b'%PDF-1.4\n% tiny ' + str(len(documents)).encode() + b'\n%%EOF\n'
                attachment['size'] = len(data)
                attachment['sha256'] = hashlib.sha256(data).hexdigest()
                documents[attachment['bundle_path']] = data
                kept.append(attachment)
        item['attachments'] = kept
    case['checklist'] = [i for i in case['checklist'] if i['attachments']] + case['checklist'][:2]
    entries = []
    kinds = set()
    for entry in fhir['entry']:
        resource = entry['resource']
        kind = resource['resourceType']
        if kind == 'DocumentReference':
            attachment = resource['content'][0]['attachment']
            data = documents.get(attachment['url'])
            if data is None:
                continue
            attachment['size'] = len(data)
            attachment['hash'] = base64.b64encode(hashlib.sha1(data).digest()).decode()
        elif kind in kinds:
            continue
        kinds.add(kind)
        entries.append(entry)
    fhir['entry'] = entries
    return case, fhir, documents


def bag_files(case, fhir, documents):
    payload = {'data/case.json': compact(case), 'data/fhir-bundle.json': compact(fhir)}
    for path, data in documents.items():
        payload['data/' + path] = data
    manifest = ''.join('%s  %s\n' % (hashlib.sha256(d).hexdigest(), p) for p, d in payload.items()).encode()
    info = ('Source-Organization: Carta\nContact-Name: Lena Wang\n'
            'External-Description: Medical records\n  continued on a second line\n'
            'Bagging-Date: 2026-12-02\nPayload-Oxum: %d.%d\n'
            % (sum(len(d) for d in payload.values()), len(payload))).encode()
    tags = {'bagit.txt': BAGIT, 'bag-info.txt': info, 'manifest-sha256.txt': manifest}
    tagmanifest = ''.join('%s  %s\n' % (hashlib.sha256(d).hexdigest(), p) for p, d in tags.items()).encode()
    tags['tagmanifest-sha256.txt'] = tagmanifest
    return tags, payload


def zip_bytes(files, compression):
    with tempfile.TemporaryFile() as f:
        with zipfile.ZipFile(f, 'w', compression) as z:
            for path, data in files.items():
                z.writestr('Carta-Seed/' + path, data)
        f.seek(0)
        return f.read()


def dicom_headers(path):
    """The file up to its pixel data, with a few bytes of it."""
    with open(path, 'rb') as f:
        data = f.read()
    at = data.find(b'\xe0\x7f\x10\x00')
    return data if at < 0 else data[:at + 12] + b'\x00' * 16


def main():
    tool = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        case_dir = os.path.join(tmp, 'case')
        bundle = os.path.join(tmp, 'bundle.zip')
        subprocess.run([tool, 'demo', case_dir], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([tool, 'export', case_dir, bundle], check=True, stdout=subprocess.DEVNULL)
        with zipfile.ZipFile(bundle) as z:
            z.extractall(tmp)
            bag = os.path.join(tmp, z.namelist()[0].split('/')[0])
        case, fhir, documents = small_case(bag)
        tags, payload = bag_files(case, fhir, documents)
        files = dict(tags, **payload)

        write('case-json', 'sample.json', compact(case))
        write('case-json', 'minimal.json', compact({k: case[k] for k in ('schema', 'id', 'title', 'created', 'modified', 'patient')}))

        write('bundle', 'sample-deflated.zip', zip_bytes(files, zipfile.ZIP_DEFLATED))
        write('bundle', 'sample-stored.zip', zip_bytes(files, zipfile.ZIP_STORED))

        # fuzz-bag puts its one document at documents/01-document.pdf.
        first_path, first = next(iter(documents.items()))
        bag_case, bag_fhir = json.loads(compact(case)), json.loads(compact(fhir))
        for item in bag_case['checklist']:
            item['attachments'] = [a for a in item['attachments'] if a['bundle_path'] == first_path]
            for a in item['attachments']:
                a['bundle_path'] = 'documents/01-document.pdf'
        entries = []
        for entry in bag_fhir['entry']:
            if entry['resource']['resourceType'] == 'DocumentReference':
                attachment = entry['resource']['content'][0]['attachment']
                if attachment['url'] != first_path:
                    continue
                attachment['url'] = 'documents/01-document.pdf'
            entries.append(entry)
        bag_fhir['entry'] = entries
        bag_tags, _ = bag_files(bag_case, bag_fhir, {'documents/01-document.pdf': first})
        parts = [bag_tags['bag-info.txt'], b'', b'', compact(bag_case), compact(bag_fhir), first]
        write('bag', 'generated-manifests', b'\0'.join(parts))
        parts[1] = b''.join(b'%s  %s\n' % (hashlib.sha256(d).hexdigest().encode(), p.encode())
                            for p, d in (('data/case.json', parts[3]), ('data/fhir-bundle.json', parts[4]),
                                         ('data/documents/01-document.pdf', first)))
        write('bag', 'written-manifests', b'\0'.join(parts))
        write('bag', 'bag-info-only', tags['bag-info.txt'])
        parts[0], parts[1], parts[3] = b'', b'', b''
        write('bag', 'empty-case-json', b'\0'.join(parts))

        disc = None
        for root, _, names in os.walk(case_dir):
            for name in sorted(names):
                if name.startswith('IM'):
                    disc = os.path.join(root, name)
                    break
            if disc:
                break
        write('dicom', 'demo-headers.dcm', dicom_headers(disc))

    write('uploader', 'nextcloud-file', b'https://cloud.example.org/s/AbCdEf123456\n'
          b'<?xml version="1.0"?>\n<d:multistatus xmlns:d="DAV:" xmlns:nc="http://nextcloud.org/ns">'
          b'<d:response><d:href>/public.php/webdav/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/>'
          b'</d:resourcetype><nc:share-permissions>15</nc:share-permissions><d:getcontentlength>1234</d:getcontentlength>'
          b'</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>\n')
    write('uploader', 'webdav-folder', b'user:secret@dav.example.org:8443/remote.php/dav/files/lena\n'
          b'<?xml version="1.0" encoding="utf-8"?><D:multistatus xmlns:D="DAV:"><D:response>'
          b'<D:href>/dav/</D:href><D:propstat><D:prop><D:getcontentlength/></D:prop>'
          b'<D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response></D:multistatus>')


if __name__ == '__main__':
    main()
