/* carta-test-dav.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A real Apache httpd with mod_dav on 127.0.0.1, for the send tests and
 * the benchmark. It serves:
 *   /dav/                                a WebDAV folder, user "coord", password "secret"
 *   /nc/public.php/dav/files/SHARE/      a Nextcloud 29+ share with password "sharepw"
 *   /nc/public.php/dav/files/DROP/       an upload-only share (no MOVE, GET, DELETE)
 *   /old/public.php/webdav/              an old-style share: user OLD, password "oldpw"
 * so the links http://127.0.0.1:PORT/nc/s/SHARE, /nc/index.php/s/DROP and
 * /old/s/OLD exercise the link parsing end to end. */

#define CARTA_TEST_DAV_USER "coord"
#define CARTA_TEST_DAV_PASSWORD "secret"
#define CARTA_TEST_SHARE_TOKEN "Ab12Cd34Ef56Gh7"
#define CARTA_TEST_SHARE_PASSWORD "sharepw"
#define CARTA_TEST_DROP_TOKEN "Dr0pT0ken11xyz"
#define CARTA_TEST_OLD_TOKEN "OldT0ken99abc"
#define CARTA_TEST_OLD_PASSWORD "oldpw"

typedef struct
{
  char        *root;
  char        *base_url;   /* http://127.0.0.1:PORT */
  guint16      port;
  GSubprocess *process;
  char        *dav_dir;
  char        *share_dir;
  char        *drop_dir;
  char        *old_dir;
} CartaTestDav;

CartaTestDav *carta_test_dav_start      (void);
void          carta_test_dav_stop       (CartaTestDav *dav);
guint16       carta_test_free_port      (void);
void          carta_test_make_file      (const char   *path,
                                         guint64       size,
                                         guint32       seed);
char         *carta_test_sha256_file    (const char   *path);
guint         carta_test_count_files    (const char   *dir);
void          carta_test_empty_dir      (const char   *dir);
gsize         carta_test_vm_hwm_kb      (void);
gsize         carta_test_reset_vm_hwm   (void);

G_END_DECLS
