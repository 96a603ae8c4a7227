/* carta-test-dav.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-test-dav"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "carta-test-dav.h"

#define MODULES "/usr/lib/apache2/modules"

guint16
carta_test_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
write_htpasswd (GString    *out,
                const char *user,
                const char *password)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;
  g_autofree char *encoded = NULL;

  g_checksum_update (sha1, (const guchar *)password, strlen (password));
  g_checksum_get_digest (sha1, digest, &len);
  encoded = g_base64_encode (digest, len);
  g_string_append_printf (out, "%s:{SHA}%s\n", user, encoded);
}

static void
make_dir (const char *path,
          uid_t       uid,
          gid_t       gid)
{
  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  if (uid != (uid_t)-1)
    g_assert_cmpint (chown (path, uid, gid), ==, 0);
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
port_open (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

/* Marks the upload-only share as Nextcloud does: create permission only. */
static void
set_drop_permissions (CartaTestDav *dav)
{
  static const char body[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:nc=\"http://nextcloud.org/ns\">"
    "<d:set><d:prop><nc:share-permissions>4</nc:share-permissions></d:prop></d:set>"
    "</d:propertyupdate>";
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("%s/nc/public.php/dav/files/" CARTA_TEST_DROP_TOKEN "/", dav->base_url);
  g_autoptr(SoupMessage) msg = soup_message_new ("PROPPATCH", url);
  g_autoptr(GBytes) request = g_bytes_new_static (body, strlen (body));
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/xml", request);
  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 207);
}

CartaTestDav *
carta_test_dav_start (void)
{
  CartaTestDav *dav = g_new0 (CartaTestDav, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) users = g_string_new (NULL);
  g_autoptr(GString) conf = g_string_new (NULL);
  g_autofree char *conf_path = NULL;
  g_autofree char *users_path = NULL;
  g_autofree char *docroot = NULL;
  g_autofree char *lock_dir = NULL;
  g_autofree char *run_dir = NULL;
  uid_t uid = (uid_t)-1;
  gid_t gid = (gid_t)-1;
  const char *run_as = NULL;

  g_assert_true (g_file_test ("/usr/sbin/apache2", G_FILE_TEST_IS_EXECUTABLE));

  dav->root = g_dir_make_tmp ("carta-dav-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (dav->root, 0755), ==, 0);

  /* Apache refuses to serve as root; its workers become www-data. */
  if (geteuid () == 0)
    {
      struct passwd *pw = getpwnam ("www-data");

      if (pw == NULL)
        pw = getpwnam ("nobody");
      g_assert_nonnull (pw);
      uid = pw->pw_uid;
      gid = pw->pw_gid;
      run_as = pw->pw_name;
    }

  dav->port = carta_test_free_port ();
  dav->base_url = g_strdup_printf ("http://127.0.0.1:%u", dav->port);
  dav->dav_dir = g_build_filename (dav->root, "dav", NULL);
  dav->share_dir = g_build_filename (dav->root, "share", NULL);
  dav->drop_dir = g_build_filename (dav->root, "drop", NULL);
  dav->old_dir = g_build_filename (dav->root, "old", NULL);
  docroot = g_build_filename (dav->root, "docroot", NULL);
  lock_dir = g_build_filename (dav->root, "lock", NULL);
  run_dir = g_build_filename (dav->root, "run", NULL);
  make_dir (dav->dav_dir, uid, gid);
  make_dir (dav->share_dir, uid, gid);
  make_dir (dav->drop_dir, uid, gid);
  make_dir (dav->old_dir, uid, gid);
  make_dir (lock_dir, uid, gid);
  make_dir (docroot, (uid_t)-1, (gid_t)-1);
  make_dir (run_dir, (uid_t)-1, (gid_t)-1);

  write_htpasswd (users, CARTA_TEST_DAV_USER, CARTA_TEST_DAV_PASSWORD);
  write_htpasswd (users, "anonymous", CARTA_TEST_SHARE_PASSWORD);
  write_htpasswd (users, CARTA_TEST_OLD_TOKEN, CARTA_TEST_OLD_PASSWORD);
  users_path = g_build_filename (dav->root, "users", NULL);
  g_file_set_contents (users_path, users->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (users_path, 0644), ==, 0);

  g_string_append_printf (conf,
    "ServerRoot \"%s\"\n"
    "ServerName 127.0.0.1\n"
    "Listen 127.0.0.1:%u\n"
    "PidFile \"%s/apache.pid\"\n"
    "DefaultRuntimeDir \"%s\"\n"
    "ErrorLog \"%s/error.log\"\n"
    "LogLevel warn\n"
    "LoadModule mpm_event_module " MODULES "/mod_mpm_event.so\n"
    "LoadModule authn_core_module " MODULES "/mod_authn_core.so\n"
    "LoadModule authn_file_module " MODULES "/mod_authn_file.so\n"
    "LoadModule authz_core_module " MODULES "/mod_authz_core.so\n"
    "LoadModule authz_user_module " MODULES "/mod_authz_user.so\n"
    "LoadModule auth_basic_module " MODULES "/mod_auth_basic.so\n"
    "LoadModule alias_module " MODULES "/mod_alias.so\n"
    "LoadModule dav_module " MODULES "/mod_dav.so\n"
    "LoadModule dav_fs_module " MODULES "/mod_dav_fs.so\n"
    "StartServers 1\n"
    "Timeout 30\n"
    "KeepAlive On\n"
    "LimitRequestBody 0\n"
    "DavLockDB \"%s/DavLock\"\n"
    "DocumentRoot \"%s\"\n",
    dav->root, dav->port, run_dir, run_dir, dav->root, lock_dir, docroot);
  if (run_as != NULL)
    g_string_append_printf (conf, "User %s\nGroup #%u\n", run_as, (guint)gid);

  /* Elsewhere WebDAV answers too, so an unknown share gives 404. */
  g_string_append_printf (conf,
    "<Directory \"%s\">\n"
    "  Dav On\n"
    "  <LimitExcept PROPFIND OPTIONS GET>\n    Require all denied\n  </LimitExcept>\n"
    "</Directory>\n",
    docroot);
  /* A WebDAV folder with a user name and password. */
  g_string_append_printf (conf,
    "Alias /dav/ \"%s/\"\n"
    "<Directory \"%s\">\n"
    "  Dav On\n  AuthType Basic\n  AuthName carta\n  AuthBasicProvider file\n"
    "  AuthUserFile \"%s\"\n  Require user " CARTA_TEST_DAV_USER "\n"
    "</Directory>\n",
    dav->dav_dir, dav->dav_dir, users_path);
  /* Nextcloud 29+: password as Basic auth for "anonymous". */
  g_string_append_printf (conf,
    "Alias /nc/public.php/dav/files/" CARTA_TEST_SHARE_TOKEN "/ \"%s/\"\n"
    "<Directory \"%s\">\n"
    "  Dav On\n  AuthType Basic\n  AuthName share\n  AuthBasicProvider file\n"
    "  AuthUserFile \"%s\"\n  Require user anonymous\n"
    "</Directory>\n",
    dav->share_dir, dav->share_dir, users_path);
  /* An upload-only ("file drop") share without a password. */
  g_string_append_printf (conf,
    "Alias /nc/public.php/dav/files/" CARTA_TEST_DROP_TOKEN "/ \"%s/\"\n"
    "<Directory \"%s\">\n"
    "  Dav On\n"
    "  <LimitExcept PUT PROPFIND PROPPATCH OPTIONS>\n    Require all denied\n  </LimitExcept>\n"
    "</Directory>\n",
    dav->drop_dir, dav->drop_dir);
  /* The older endpoint: token as user name, share password as password. */
  g_string_append_printf (conf,
    "Alias /old/public.php/webdav/ \"%s/\"\n"
    "<Directory \"%s\">\n"
    "  Dav On\n  AuthType Basic\n  AuthName old\n  AuthBasicProvider file\n"
    "  AuthUserFile \"%s\"\n  Require user " CARTA_TEST_OLD_TOKEN "\n"
    "</Directory>\n",
    dav->old_dir, dav->old_dir, users_path);

  conf_path = g_build_filename (dav->root, "httpd.conf", NULL);
  g_file_set_contents (conf_path, conf->str, -1, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);

    /* Apache goes when the test goes, even if it crashes. */
    g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
    dav->process = g_subprocess_launcher_spawn (launcher, &error,
                                                "/usr/sbin/apache2", "-f", conf_path, "-DFOREGROUND", NULL);
  }
  g_assert_no_error (error);

  for (guint i = 0; !port_open (dav->port); i++)
    {
      if (i > 200)
        {
          g_autofree char *log_path = g_build_filename (dav->root, "error.log", NULL);
          g_autofree char *log = NULL;

          g_file_get_contents (log_path, &log, NULL, NULL);
          g_error ("Apache did not start: %s", log != NULL ? log : "(no log)");
        }
      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }

  set_drop_permissions (dav);

  return dav;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

void
carta_test_dav_stop (CartaTestDav *dav)
{
  if (dav == NULL)
    return;

  g_subprocess_send_signal (dav->process, SIGTERM);
  g_subprocess_wait (dav->process, NULL, NULL);
  g_clear_object (&dav->process);
  if (g_getenv ("CARTA_TEST_KEEP") == NULL)
    remove_tree (dav->root);
  g_free (dav->root);
  g_free (dav->base_url);
  g_free (dav->dav_dir);
  g_free (dav->share_dir);
  g_free (dav->drop_dir);
  g_free (dav->old_dir);
  g_free (dav);
}

/* Pseudo-random content, written a megabyte at a time. */
void
carta_test_make_file (const char *path,
                      guint64     size,
                      guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree guint32 *block = g_new (guint32, (1 << 20) / 4);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint64 written = 0;

  for (guint i = 0; i < (1 << 20) / 4; i++)
    block[i] = g_rand_int (rand);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  for (guint32 n = 0; written < size; n++)
    {
      gsize chunk = (gsize)MIN ((guint64)(1 << 20), size - written);

      /* Each megabyte differs, so a misplaced block shows in the hash. */
      block[0] = n;
      block[1] = seed;
      g_output_stream_write_all (G_OUTPUT_STREAM (out), block, chunk, NULL, NULL, &error);
      g_assert_no_error (error);
      written += chunk;
    }
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
}

char *
carta_test_sha256_file (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree guint8 *buffer = g_malloc (1 << 20);
  gssize n;

  if (!(in = g_file_read (file, NULL, NULL)))
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 1 << 20, NULL, NULL)) > 0)
    g_checksum_update (sum, buffer, n);
  g_assert_cmpint (n, ==, 0);

  return g_strdup (g_checksum_get_string (sum));
}

/* Regular files, hidden ones included (mod_dav keeps its own in .DAV). */
guint
carta_test_count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        count++;
    }
  return count;
}

void
carta_test_empty_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_unlink (child);
    }
}

static gsize
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  if ((line = strstr (status, field)) == NULL)
    return 0;
  return (gsize)g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* The peak resident memory since the last carta_test_reset_vm_hwm(). */
gsize
carta_test_vm_hwm_kb (void)
{
  return status_kb ("VmHWM:");
}

/* Starts a new peak from the present size; returns that size. */
gsize
carta_test_reset_vm_hwm (void)
{
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");

  g_assert_nonnull (clear_refs);
  g_assert_cmpint (fputs ("5", clear_refs), >=, 0);
  g_assert_cmpint (fclose (clear_refs), ==, 0);
  return status_kb ("VmRSS:");
}
