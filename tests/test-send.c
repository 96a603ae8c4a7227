/* test-send.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-send"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "carta-error.h"
#include "carta-send-record-private.h"
#include "carta-test-dav.h"
#include "carta-uploader-private.h"

/* Uploads to a real Apache mod_dav started for this test on 127.0.0.1,
 * through a small proxy that can break or slow the connection, and to a
 * libsoup server for the answers Apache will not give on demand. */

#define MB (G_GUINT64_CONSTANT (1) << 20)
#define BIG_SIZE (200 * MB)

static CartaTestDav *dav;
static char *work_dir;
static char *big_path;

/* --- Helpers ------------------------------------------------------------- */

typedef struct
{
  CartaUploadResult *result;
  GError            *error;
  gboolean           done;
  guint              n_progress;
  guint64            last_sent;
  guint64            total;
  double             max_rate;
  double             last_left;
  guint              n_retries;
  GCancellable      *cancellable;
  guint64            cancel_after;
  gint64             cancelled_at;
  gint64             finished_at;
} Run;

static void
run_clear (Run *run)
{
  g_clear_object (&run->result);
  g_clear_error (&run->error);
  g_clear_object (&run->cancellable);
}

static void
progress_cb (CartaUploader *uploader,
             guint64        sent,
             guint64        total,
             double         rate,
             double         left,
             Run           *run)
{
  run->n_progress++;
  run->last_sent = sent;
  run->total = total;
  run->max_rate = MAX (run->max_rate, rate);
  run->last_left = left;

  if (run->cancel_after > 0 && sent >= run->cancel_after && run->cancelled_at == 0)
    {
      run->cancelled_at = g_get_monotonic_time ();
      g_cancellable_cancel (run->cancellable);
    }
}

static void
retrying_cb (CartaUploader *uploader,
             guint          attempt,
             double         delay,
             Run           *run)
{
  g_assert_cmpuint (attempt, >=, 2);
  run->n_retries++;
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;

  run->result = carta_uploader_upload_finish (CARTA_UPLOADER (object), result, &run->error);
  run->finished_at = g_get_monotonic_time ();
  run->done = TRUE;
}

static CartaUploader *
uploader_new (const char *link,
              const char *user,
              const char *password)
{
  CartaUploader *uploader = carta_uploader_new ();
  g_autoptr(GError) error = NULL;

  carta_uploader_set_link (uploader, link, &error);
  g_assert_no_error (error);
  carta_uploader_set_user (uploader, user);
  carta_uploader_set_password (uploader, password);
  /* Short waits between retries keep the test fast. */
  _carta_uploader_set_timing (uploader, 100, 4, 10);

  return uploader;
}

static void
run_upload (CartaUploader *uploader,
            const char    *path,
            Run           *run)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gulong progress_id = g_signal_connect (uploader, "progress", G_CALLBACK (progress_cb), run);
  gulong retrying_id = g_signal_connect (uploader, "retrying", G_CALLBACK (retrying_cb), run);

  carta_uploader_upload_async (uploader, file, run->cancellable, upload_cb, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
  /* Progress reports queued before the end still arrive. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  g_signal_handler_disconnect (uploader, progress_id);
  g_signal_handler_disconnect (uploader, retrying_id);
}

static char *
make_local_file (const char *name,
                 guint64     size,
                 guint32     seed)
{
  char *path = g_build_filename (work_dir, name, NULL);

  carta_test_make_file (path, size, seed);
  return path;
}

static char *
share_link (const char *prefix,
            const char *token)
{
  return g_strdup_printf ("%s%s/s/%s", dav->base_url, prefix, token);
}

static void
assert_same_file (const char *local,
                  const char *remote)
{
  g_autofree char *a = carta_test_sha256_file (local);
  g_autofree char *b = carta_test_sha256_file (remote);

  g_assert_nonnull (b);
  g_assert_cmpstr (a, ==, b);
}

/* Nothing of ours left behind: no temporary upload files. */
static void
assert_no_temporary (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".carta-upload-"));
}

/* --- A proxy that cuts or slows the connection --------------------------- */

typedef struct
{
  GSocketService *service;
  guint16         port;
  guint16         upstream_port;
  guint64         cut_after;
  gint            cut_done;
  guint64         bytes_per_second;
} Proxy;

typedef struct
{
  GSocketConnection *from;
  GSocketConnection *to;
} Pipe;

static gpointer
pump_down (gpointer data)
{
  Pipe *pipe = data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (pipe->from));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (pipe->to));
  guint8 buffer[16384];
  gssize n;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL))
      break;

  g_socket_shutdown (g_socket_connection_get_socket (pipe->to), FALSE, TRUE, NULL);
  return NULL;
}

static gboolean
proxy_run_cb (GThreadedSocketService *service,
              GSocketConnection      *client,
              GObject                *source,
              Proxy                  *proxy)
{
  g_autoptr(GSocketClient) connector = g_socket_client_new ();
  g_autoptr(GSocketConnection) upstream = NULL;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (client));
  GOutputStream *out;
  g_autofree guint8 *buffer = g_malloc (65536);
  Pipe down;
  GThread *thread;
  guint64 count = 0;
  gint64 start = g_get_monotonic_time ();
  gssize n;

  if (!(upstream = g_socket_client_connect_to_host (connector, "127.0.0.1", proxy->upstream_port, NULL, NULL)))
    return TRUE;
  out = g_io_stream_get_output_stream (G_IO_STREAM (upstream));

  down.from = upstream;
  down.to = client;
  thread = g_thread_new ("proxy-down", pump_down, &down);

  while ((n = g_input_stream_read (in, buffer, 65536, NULL, NULL)) > 0)
    {
      count += (guint64)n;
      if (proxy->cut_after > 0 && count > proxy->cut_after &&
          g_atomic_int_compare_and_exchange (&proxy->cut_done, 0, 1))
        break;

      if (proxy->bytes_per_second > 0)
        {
          gint64 due = start + (gint64)(count * G_USEC_PER_SEC / proxy->bytes_per_second);
          gint64 now = g_get_monotonic_time ();

          if (due > now)
            g_usleep ((gulong)(due - now));
        }

      if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL))
        break;
    }

  /* Both ways down at once: to the client this is a reset connection. */
  g_socket_shutdown (g_socket_connection_get_socket (client), TRUE, TRUE, NULL);
  g_socket_shutdown (g_socket_connection_get_socket (upstream), TRUE, TRUE, NULL);
  g_thread_join (thread);
  g_io_stream_close (G_IO_STREAM (upstream), NULL, NULL);
  g_io_stream_close (G_IO_STREAM (client), NULL, NULL);

  return TRUE;
}

static Proxy *
proxy_start (guint64 cut_after,
             guint64 bytes_per_second)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GError) error = NULL;

  proxy->upstream_port = dav->port;
  proxy->cut_after = cut_after;
  proxy->bytes_per_second = bytes_per_second;
  proxy->service = g_threaded_socket_service_new (8);
  proxy->port = carta_test_free_port ();
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, proxy->port);

    g_socket_listener_add_address (G_SOCKET_LISTENER (proxy->service), address,
                                   G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                   NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_signal_connect (proxy->service, "run", G_CALLBACK (proxy_run_cb), proxy);
  g_socket_service_start (proxy->service);

  return proxy;
}

static void
proxy_stop (Proxy *proxy)
{
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_clear_object (&proxy->service);
  g_free (proxy);
}

/* --- Link parsing ---------------------------------------------------------- */

static void
test_link_share (void)
{
  g_autoptr(CartaUploader) uploader = carta_uploader_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (carta_uploader_get_link_kind (uploader), ==, CARTA_LINK_KIND_NONE);

  g_assert_true (carta_uploader_set_link (uploader, "  https://cloud.example.org/s/aBcDeF123456\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (carta_uploader_get_link_kind (uploader), ==, CARTA_LINK_KIND_SHARE);
  g_assert_cmpstr (carta_uploader_get_host (uploader), ==, "cloud.example.org");

  g_assert_true (carta_uploader_set_link (uploader, "https://cloud.example.org:8443/nextcloud/index.php/s/aBcDeF123456/", &error));
  g_assert_cmpint (carta_uploader_get_link_kind (uploader), ==, CARTA_LINK_KIND_SHARE);
  g_assert_cmpstr (carta_uploader_get_host (uploader), ==, "cloud.example.org:8443");

  /* No scheme: https is assumed. */
  g_assert_true (carta_uploader_set_link (uploader, "cloud.example.org/s/Tok3n", &error));
  g_assert_cmpint (carta_uploader_get_link_kind (uploader), ==, CARTA_LINK_KIND_SHARE);
}

static void
test_link_webdav (void)
{
  g_autoptr(CartaUploader) uploader = carta_uploader_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (carta_uploader_set_link (uploader, "https://dav.example.org/remote.php/dav/files/coord/drop", &error));
  g_assert_no_error (error);
  g_assert_cmpint (carta_uploader_get_link_kind (uploader), ==, CARTA_LINK_KIND_WEBDAV);

  /* "s" with nothing after it is a folder, not a share. */
  g_assert_true (carta_uploader_set_link (uploader, "https://dav.example.org/s/", &error));
  g_assert_cmpint (carta_uploader_get_link_kind (uploader), ==, CARTA_LINK_KIND_WEBDAV);

  g_assert_true (carta_uploader_set_link (uploader, "http://[::1]:8080/dav/", &error));
  g_assert_cmpstr (carta_uploader_get_host (uploader), ==, "[::1]:8080");
  g_assert_true (carta_uploader_set_link (uploader, "http://localhost/dav/", &error));
  g_assert_true (carta_uploader_set_link (uploader, "http://127.3.2.1/dav/", &error));
  g_assert_no_error (error);
}

static void
test_link_refused (void)
{
  const char *insecure[] = {
    "http://cloud.example.org/s/aBcDeF123456",
    "http://192.168.1.10/dav/",
    "http://localhost.example.org/dav/",
  };
  /* Not links: words, a sentence, a server name without a domain. */
  const char *invalid[] = { "", "   ", "https://", "ftp://example.org/x", "mailto:a@b.c",
                            "hello", "see the email from Dr Li", "https://cloud/dav/",
                            "https://-bad-.example.org/", "https://cloud..example.org/" };
  g_autoptr(CartaUploader) uploader = carta_uploader_new ();

  for (guint i = 0; i < G_N_ELEMENTS (insecure); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (carta_uploader_set_link (uploader, insecure[i], &error));
      g_assert_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_INSECURE);
      g_assert_nonnull (strstr (error->message, "https://"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (carta_uploader_set_link (uploader, invalid[i], &error));
      g_assert_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_INVALID_LINK);
    }
  /* A refused link leaves the uploader without one. */
  g_assert_cmpint (carta_uploader_get_link_kind (uploader), ==, CARTA_LINK_KIND_NONE);
}

/* --- Send record ------------------------------------------------------------ */

static void
test_record_json (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 4, 5, 6, 7);
  g_autoptr(CartaSendRecord) record = NULL;
  g_autoptr(CartaSendRecord) back = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  record = carta_send_record_new (when, "cloud.example.org", "bundle (2).zip", sha, 1234, TRUE);
  object = _carta_send_record_to_json (record);
  node = json_node_init_object (json_node_alloc (), object);
  text = json_to_string (node, FALSE);
  g_assert_null (strstr (text, "/s/"));

  back = _carta_send_record_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (carta_send_record_get_sent (back), when));
  g_assert_cmpstr (carta_send_record_get_host (back), ==, "cloud.example.org");
  g_assert_cmpstr (carta_send_record_get_remote_name (back), ==, "bundle (2).zip");
  g_assert_cmpstr (carta_send_record_get_sha256 (back), ==, sha);
  g_assert_cmpuint (carta_send_record_get_size (back), ==, 1234);
  g_assert_true (carta_send_record_get_verified (back));

  /* A URL (which could hold a token) is refused as a host. */
  json_object_set_string_member (object, "host", "https://cloud.example.org/s/SECRET");
  g_clear_object (&back);
  back = _carta_send_record_from_json (object, &error);
  g_assert_null (back);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_HOSTILE);
  g_clear_error (&error);

  json_object_set_string_member (object, "host", "cloud.example.org");
  json_object_set_string_member (object, "sha256", "nothex");
  back = _carta_send_record_from_json (object, &error);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_INVALID);
  g_clear_error (&error);

  json_object_remove_member (object, "size");
  back = _carta_send_record_from_json (object, &error);
  g_assert_error (error, CARTA_ERROR, CARTA_ERROR_MISSING_FIELD);
}

/* --- Against the real server ---------------------------------------------------- */

static const char *
big_file (void)
{
  if (big_path == NULL)
    big_path = make_local_file ("case-bundle.zip", BIG_SIZE, 1);
  return big_path;
}

static void
test_dav_big (void)
{
  g_autofree char *link = g_strdup_printf ("%s/dav/", dav->base_url);
  g_autoptr(CartaUploader) uploader = uploader_new (link, CARTA_TEST_DAV_USER, CARTA_TEST_DAV_PASSWORD);
  g_autofree char *remote = NULL;
  g_autofree char *local_sha = NULL;
  g_autofree char *expected_location = NULL;
  g_autoptr(CartaSendRecord) record = NULL;
  Run run = { 0 };
  const char *path = big_file ();
  gsize hwm_before;
  gsize hwm_after;

  carta_test_empty_dir (dav->dav_dir);
  local_sha = carta_test_sha256_file (path);

  hwm_before = carta_test_reset_vm_hwm ();
  run_upload (uploader, path, &run);
  hwm_after = carta_test_vm_hwm_kb ();

  g_assert_no_error (run.error);
  g_assert_nonnull (run.result);
  /* The kernel may reclaim pages while the upload runs, so the peak can read
   * below the size at the reset: compare, never subtract unsigned sizes. */
  g_test_message ("200 MB in %.2f s; peak memory grew by %zu kB",
                  carta_upload_result_get_duration (run.result),
                  hwm_after > hwm_before ? hwm_after - hwm_before : 0);

  /* The file is streamed, never held in memory. */
  g_assert_cmpuint (hwm_after, <, hwm_before + 64 * 1024);

  g_assert_cmpstr (carta_upload_result_get_remote_name (run.result), ==, "case-bundle.zip");
  g_assert_cmpuint (carta_upload_result_get_size (run.result), ==, BIG_SIZE);
  g_assert_cmpstr (carta_upload_result_get_sha256 (run.result), ==, local_sha);
  g_assert_true (carta_upload_result_get_verified (run.result));
  g_assert_cmpstr (carta_upload_result_get_host (run.result), ==, dav->base_url + strlen ("http://"));
  expected_location = g_strdup_printf ("%s/dav/case-bundle.zip", dav->base_url);
  g_assert_cmpstr (carta_upload_result_get_location (run.result), ==, expected_location);

  remote = g_build_filename (dav->dav_dir, "case-bundle.zip", NULL);
  assert_same_file (path, remote);
  assert_no_temporary (dav->dav_dir);
  g_assert_cmpuint (carta_test_count_files (dav->dav_dir), ==, 1);

  /* Progress came, ended at the whole size, with a speed. */
  g_assert_cmpuint (run.n_progress, >, 0);
  g_assert_cmpuint (run.last_sent, ==, BIG_SIZE);
  g_assert_cmpuint (run.total, ==, BIG_SIZE);
  g_assert_cmpfloat (run.max_rate, >, 0);
  g_assert_cmpuint (run.n_retries, ==, 0);

  record = carta_send_record_new_from_result (run.result);
  g_assert_cmpstr (carta_send_record_get_sha256 (record), ==, local_sha);
  g_assert_cmpstr (carta_send_record_get_remote_name (record), ==, "case-bundle.zip");

  run_clear (&run);
}

static void
test_share_clash (void)
{
  g_autofree char *link = share_link ("/nc", CARTA_TEST_SHARE_TOKEN);
  g_autoptr(CartaUploader) uploader = uploader_new (link, NULL, CARTA_TEST_SHARE_PASSWORD);
  g_autofree char *first = make_local_file ("bundle.zip", 3 * MB + 17, 2);
  g_autofree char *second = g_build_filename (work_dir, "other", "bundle.zip", NULL);
  g_autofree char *remote1 = g_build_filename (dav->share_dir, "bundle.zip", NULL);
  g_autofree char *remote2 = g_build_filename (dav->share_dir, "bundle (2).zip", NULL);
  g_autofree char *remote3 = g_build_filename (dav->share_dir, "bundle (3).zip", NULL);
  g_autofree char *expected_location = NULL;
  Run run = { 0 };

  carta_test_empty_dir (dav->share_dir);
  {
    g_autofree char *other_dir = g_path_get_dirname (second);

    g_mkdir_with_parents (other_dir, 0700);
  }
  carta_test_make_file (second, 2 * MB, 3);

  run_upload (uploader, first, &run);
  g_assert_no_error (run.error);
  g_assert_cmpstr (carta_upload_result_get_remote_name (run.result), ==, "bundle.zip");
  /* The share token stays out of what is shown and kept. */
  expected_location = g_strdup_printf ("%s/bundle.zip", dav->base_url + strlen ("http://"));
  g_assert_cmpstr (carta_upload_result_get_location (run.result), ==, expected_location);
  g_assert_null (strstr (carta_upload_result_get_location (run.result), CARTA_TEST_SHARE_TOKEN));
  run_clear (&run);

  /* Same name again: a new name, and the first file is untouched. */
  memset (&run, 0, sizeof run);
  run_upload (uploader, second, &run);
  g_assert_no_error (run.error);
  g_assert_cmpstr (carta_upload_result_get_remote_name (run.result), ==, "bundle (2).zip");
  assert_same_file (first, remote1);
  assert_same_file (second, remote2);
  run_clear (&run);

  memset (&run, 0, sizeof run);
  run_upload (uploader, first, &run);
  g_assert_no_error (run.error);
  g_assert_cmpstr (carta_upload_result_get_remote_name (run.result), ==, "bundle (3).zip");
  assert_same_file (first, remote3);
  assert_no_temporary (dav->share_dir);
  g_assert_cmpuint (carta_test_count_files (dav->share_dir), ==, 3);
  run_clear (&run);
}

static void
test_share_old (void)
{
  /* No Nextcloud 29 endpoint here: the older one is found. */
  g_autofree char *link = g_strdup_printf ("%s/old/index.php/s/%s", dav->base_url, CARTA_TEST_OLD_TOKEN);
  g_autoptr(CartaUploader) uploader = uploader_new (link, NULL, CARTA_TEST_OLD_PASSWORD);
  g_autofree char *path = make_local_file ("old.zip", MB, 4);
  g_autofree char *remote = g_build_filename (dav->old_dir, "old.zip", NULL);
  Run run = { 0 };

  run_upload (uploader, path, &run);
  g_assert_no_error (run.error);
  g_assert_true (carta_upload_result_get_verified (run.result));
  assert_same_file (path, remote);
  run_clear (&run);
}

static void
test_share_drop (void)
{
  /* Upload-only: no MOVE, no looking; PUT straight to the final name. */
  g_autofree char *link = share_link ("/nc/index.php", CARTA_TEST_DROP_TOKEN);
  g_autoptr(CartaUploader) uploader = uploader_new (link, NULL, NULL);
  g_autofree char *path = make_local_file ("drop.zip", 5 * MB, 5);
  g_autofree char *remote = g_build_filename (dav->drop_dir, "drop.zip", NULL);
  g_autofree char *remote2 = g_build_filename (dav->drop_dir, "drop (2).zip", NULL);
  Run run = { 0 };

  run_upload (uploader, path, &run);
  g_assert_no_error (run.error);
  g_assert_cmpstr (carta_upload_result_get_remote_name (run.result), ==, "drop.zip");
  /* PROPFIND is allowed here, so arrival is still checked. */
  g_assert_true (carta_upload_result_get_verified (run.result));
  assert_same_file (path, remote);
  assert_no_temporary (dav->drop_dir);
  run_clear (&run);

  /* If-None-Match guards the name even where nothing can be looked up. */
  memset (&run, 0, sizeof run);
  run_upload (uploader, path, &run);
  g_assert_no_error (run.error);
  g_assert_cmpstr (carta_upload_result_get_remote_name (run.result), ==, "drop (2).zip");
  assert_same_file (path, remote2);
  run_clear (&run);
}

static void
test_wrong_password (void)
{
  struct {
    const char *suffix;
    const char *user;
    const char *password;
  } cases[] = {
    { "/dav/", CARTA_TEST_DAV_USER, "wrong" },
    { "/dav/", NULL, NULL },
    { "/nc/s/" CARTA_TEST_SHARE_TOKEN, NULL, "wrong" },
    { "/nc/s/" CARTA_TEST_SHARE_TOKEN, NULL, NULL },
    { "/old/s/" CARTA_TEST_OLD_TOKEN, NULL, "wrong" },
  };
  g_autofree char *path = make_local_file ("secret.zip", MB, 6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *link = g_strconcat (dav->base_url, cases[i].suffix, NULL);
      g_autoptr(CartaUploader) uploader = uploader_new (link, cases[i].user, cases[i].password);
      Run run = { 0 };

      run_upload (uploader, path, &run);
      g_assert_null (run.result);
      g_assert_error (run.error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_AUTH);
      g_assert_nonnull (strstr (run.error->message, "password"));
      /* Secrets never appear in messages. */
      g_assert_null (strstr (run.error->message, "wrong"));
      g_assert_null (strstr (run.error->message, CARTA_TEST_SHARE_TOKEN));
      run_clear (&run);
    }
}

static void
test_expired (void)
{
  g_autofree char *link = share_link ("/nc", "NoSuchT0ken");
  g_autoptr(CartaUploader) uploader = uploader_new (link, NULL, NULL);
  g_autofree char *path = make_local_file ("expired.zip", MB, 7);
  Run run = { 0 };

  run_upload (uploader, path, &run);
  g_assert_error (run.error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (run.error->message, "expired"));
  g_assert_null (strstr (run.error->message, "NoSuchT0ken"));
  run_clear (&run);
}

static void
test_retry (void)
{
  Proxy *proxy = proxy_start (12 * MB, 0);
  g_autofree char *link = g_strdup_printf ("http://127.0.0.1:%u/dav/", proxy->port);
  g_autoptr(CartaUploader) uploader = uploader_new (link, CARTA_TEST_DAV_USER, CARTA_TEST_DAV_PASSWORD);
  g_autofree char *path = make_local_file ("retry.zip", 40 * MB, 8);
  g_autofree char *remote = g_build_filename (dav->dav_dir, "retry.zip", NULL);
  g_autofree char *local_sha = carta_test_sha256_file (path);
  Run run = { 0 };

  carta_test_empty_dir (dav->dav_dir);
  run_upload (uploader, path, &run);

  g_assert_no_error (run.error);
  g_assert_cmpint (g_atomic_int_get (&proxy->cut_done), ==, 1);
  g_assert_cmpuint (run.n_retries, >=, 1);
  g_assert_cmpstr (carta_upload_result_get_sha256 (run.result), ==, local_sha);
  g_assert_true (carta_upload_result_get_verified (run.result));
  assert_same_file (path, remote);
  assert_no_temporary (dav->dav_dir);
  g_assert_cmpuint (carta_test_count_files (dav->dav_dir), ==, 1);

  run_clear (&run);
  proxy_stop (proxy);
}

static void
test_cancel (void)
{
  /* Slowed to 40 MB/s so there is time to cancel part-way. */
  Proxy *proxy = proxy_start (0, 40 * MB);
  g_autofree char *link = g_strdup_printf ("http://127.0.0.1:%u/dav/", proxy->port);
  g_autoptr(CartaUploader) uploader = uploader_new (link, CARTA_TEST_DAV_USER, CARTA_TEST_DAV_PASSWORD);
  g_autofree char *path = make_local_file ("cancel.zip", 80 * MB, 9);
  Run run = { 0 };

  carta_test_empty_dir (dav->dav_dir);
  run.cancellable = g_cancellable_new ();
  run.cancel_after = 8 * MB;
  run_upload (uploader, path, &run);

  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.result);
  g_assert_cmpint (run.cancelled_at, >, 0);
  g_test_message ("Stopped %.3f s after cancel", (run.finished_at - run.cancelled_at) / 1e6);
  g_assert_cmpint (run.finished_at - run.cancelled_at, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (run.last_sent, <, 80 * MB);

  /* Nothing under the final name, no temporary file left: the server
   * drops the cut-off upload on its own time, so wait for it (up to 10 s,
   * as a busy machine may need) rather than for a fixed moment. */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       carta_test_count_files (dav->dav_dir) > 0 && g_get_monotonic_time () < end;)
    {
      while (g_main_context_iteration (NULL, FALSE));
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_cmpuint (carta_test_count_files (dav->dav_dir), ==, 0);
  assert_no_temporary (dav->dav_dir);

  run_clear (&run);
  proxy_stop (proxy);
}

/* A closed port: the computer is there and refuses. Not the internet
 * connection's fault, and the message says so. */
static void
test_refused (void)
{
  g_autofree char *link = g_strdup_printf ("http://127.0.0.1:%u/dav/", carta_test_free_port ());
  g_autoptr(CartaUploader) uploader = uploader_new (link, NULL, NULL);
  g_autofree char *path = make_local_file ("refused.zip", 1024, 10);
  Run run = { 0 };

  run_upload (uploader, path, &run);
  g_assert_error (run.error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_REFUSED);
  g_assert_nonnull (strstr (run.error->message, "refused the connection"));
  g_assert_null (strstr (run.error->message, "internet connection"));
  run_clear (&run);
}

/* .invalid never resolves (RFC 6761): a mistyped server name. */
static void
test_unknown_host (void)
{
  g_autoptr(CartaUploader) uploader = uploader_new ("https://nonexistent.invalid/dav/", NULL, NULL);
  g_autofree char *path = make_local_file ("unknown.zip", 1024, 11);
  g_autoptr(GError) lookup_error = NULL;
  g_autolist(GInetAddress) addresses = NULL;
  Run run = { 0 };

  /* Where no name can be looked up at all, the machine is offline, and
   * that is a different message (the one for no connection). */
  addresses = g_resolver_lookup_by_name (g_resolver_get_default (), "nonexistent.invalid", NULL, &lookup_error);
  if (!g_error_matches (lookup_error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    {
      g_test_skip ("this machine cannot look up names");
      return;
    }

  run_upload (uploader, path, &run);
  g_assert_error (run.error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_UNKNOWN_HOST);
  g_assert_nonnull (strstr (run.error->message, "nonexistent.invalid"));
  g_assert_nonnull (strstr (run.error->message, "typing mistake"));
  g_assert_null (strstr (run.error->message, "internet connection"));
  run_clear (&run);
}

/* A socket that takes the connection and never answers: with a short
 * timeout, the send gives up and says the server did not answer. */
static void
test_timed_out (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(CartaUploader) uploader = NULL;
  g_autofree char *path = make_local_file ("silent.zip", 1024, 12);
  g_autofree char *link = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  g_assert_true (g_socket_bind (socket, any, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  link = g_strdup_printf ("http://127.0.0.1:%u/dav/",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  uploader = uploader_new (link, NULL, NULL);
  _carta_uploader_set_timing (uploader, 10, 2, 1);
  run_upload (uploader, path, &run);
  g_assert_error (run.error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (run.error->message, "did not answer in time"));
  run_clear (&run);
}

static void
test_missing_file (void)
{
  g_autofree char *link = g_strdup_printf ("%s/dav/", dav->base_url);
  g_autoptr(CartaUploader) uploader = uploader_new (link, CARTA_TEST_DAV_USER, CARTA_TEST_DAV_PASSWORD);
  g_autofree char *path = g_build_filename (work_dir, "no-such.zip", NULL);
  Run run = { 0 };

  run_upload (uploader, path, &run);
  g_assert_error (run.error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_LOCAL_FILE);
  run_clear (&run);
}

/* --- Answers from a libsoup server ---------------------------------------------- */

typedef struct
{
  guint put_status;
  guint propfind_status;
  guint n_put;
  guint n_delete;
} Edge;

static void
edge_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Edge *edge = user_data;
  const char *method = soup_server_message_get_method (msg);
  static const char multistatus[] =
    "<?xml version=\"1.0\"?><D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/drop/</D:href>"
    "<D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop>"
    "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>";

  if (g_str_equal (method, "PROPFIND"))
    {
      if (g_str_equal (path, "/drop/") && edge->propfind_status == 207)
        soup_server_message_set_response (msg, "application/xml", SOUP_MEMORY_STATIC,
                                          multistatus, strlen (multistatus));
      soup_server_message_set_status (msg, g_str_equal (path, "/drop/") ? edge->propfind_status : 404, NULL);
    }
  else if (g_str_equal (method, "PUT"))
    {
      edge->n_put++;
      soup_server_message_set_status (msg, edge->put_status, NULL);
    }
  else if (g_str_equal (method, "DELETE"))
    {
      edge->n_delete++;
      soup_server_message_set_status (msg, 204, NULL);
    }
  else
    {
      /* MOVE and HEAD are not allowed here. */
      soup_server_message_set_status (msg, 405, NULL);
    }
}

static char *
edge_start (SoupServer *server,
            Edge       *edge)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *link;

  soup_server_add_handler (server, NULL, edge_handler, edge, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  link = g_strdup_printf ("http://127.0.0.1:%d/drop/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  return link;
}

static void
test_edge_no_move (void)
{
  /* MOVE refused: the temporary file is removed and the file goes
   * straight to its name; nothing lets us look, so it is unverified. */
  Edge edge = { 201, 207, 0, 0 };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *link = edge_start (server, &edge);
  g_autoptr(CartaUploader) uploader = uploader_new (link, NULL, NULL);
  g_autofree char *path = make_local_file ("nomove.zip", 300 * 1024, 13);
  Run run = { 0 };

  run_upload (uploader, path, &run);
  g_assert_no_error (run.error);
  g_assert_cmpstr (carta_upload_result_get_remote_name (run.result), ==, "nomove.zip");
  g_assert_false (carta_upload_result_get_verified (run.result));
  g_assert_cmpuint (edge.n_put, ==, 2);
  g_assert_cmpuint (edge.n_delete, ==, 1);
  run_clear (&run);
}

static void
test_edge_statuses (void)
{
  struct {
    guint propfind;
    guint put;
    int   code;
    const char *words;
    guint min_puts;
  } cases[] = {
    { 207, 413, CARTA_UPLOAD_ERROR_TOO_LARGE, "large", 1 },
    { 207, 507, CARTA_UPLOAD_ERROR_SERVER_FULL, "full", 1 },
    { 404, 201, CARTA_UPLOAD_ERROR_NOT_FOUND, "expired", 0 },
    { 401, 201, CARTA_UPLOAD_ERROR_AUTH, "password", 0 },
    /* 503 is retried, then reported. */
    { 207, 503, CARTA_UPLOAD_ERROR_SERVER, "several tries", 4 },
  };
  g_autofree char *path = make_local_file ("edge.zip", 256 * 1024, 11);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Edge edge = { cases[i].put, cases[i].propfind, 0, 0 };
      g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
      g_autoptr(CartaUploader) uploader = NULL;
      g_autofree char *link = edge_start (server, &edge);
      Run run = { 0 };

      uploader = uploader_new (link, "u", "p");
      _carta_uploader_set_timing (uploader, 10, 4, 10);
      run_upload (uploader, path, &run);
      g_assert_error (run.error, CARTA_UPLOAD_ERROR, cases[i].code);
      g_assert_nonnull (strstr (run.error->message, cases[i].words));
      g_assert_cmpuint (edge.n_put, >=, cases[i].min_puts);
      run_clear (&run);
    }
}

static void
test_tls_untrusted (void)
{
  g_autofree char *cert = g_build_filename (work_dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (work_dir, "key.pem", NULL);
  g_autofree char *path = make_local_file ("tls.zip", 64 * 1024, 14);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(CartaUploader) uploader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;
  Edge edge = { 201, 207, 0, 0 };
  const char *openssl[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
    "-subj", "/CN=carta-test", "-keyout", key, "-out", cert, NULL
  };
  GSList *uris;
  int status = -1;
  Run run = { 0 };

  /* A self-signed certificate, as a misconfigured or hostile server has. */
  g_spawn_sync (NULL, (char **)openssl, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, edge_handler, &edge, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  link = g_strdup_printf ("https://127.0.0.1:%d/drop/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  uploader = uploader_new (link, "u", "p");
  run_upload (uploader, path, &run);
  g_assert_error (run.error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_TLS);
  g_assert_nonnull (strstr (run.error->message, "known authority"));
  /* Never bypassed: nothing reached the server. */
  g_assert_cmpuint (edge.n_put, ==, 0);
  run_clear (&run);
  g_unlink (cert);
  g_unlink (key);
}

/* --- The command line -------------------------------------------------------------- */

static char *
run_cli (const char  *link,
         const char  *password,
         int         *status,
         char       **err)
{
  g_autofree char *tool = g_build_filename (g_getenv ("CARTA_BUILD_ROOT"), "src", "tools", "carta-bundle", NULL);
  g_autofree char *password_path = g_build_filename (work_dir, "password", NULL);
  g_autofree char *bundle = g_build_filename (work_dir, "cli bundle.zip", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  if (!g_file_test (bundle, G_FILE_TEST_EXISTS))
    carta_test_make_file (bundle, 2 * MB, 12);
  g_file_set_contents (password_path, password, -1, &error);
  g_assert_no_error (error);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              tool, "send", bundle, link, "--password-file", password_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
  return out;
}

static void
test_cli (void)
{
  g_autofree char *link = share_link ("/nc", CARTA_TEST_SHARE_TOKEN);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *remote = g_build_filename (dav->share_dir, "cli bundle.zip", NULL);
  int status = -1;

  carta_test_empty_dir (dav->share_dir);
  out = run_cli (link, CARTA_TEST_SHARE_PASSWORD "\n", &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "cli bundle.zip\n");
  g_assert_nonnull (strstr (err, "SHA-256"));
  g_assert_null (strstr (err, CARTA_TEST_SHARE_TOKEN));
  g_assert_true (g_file_test (remote, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_cli (link, "wrong", &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "password"));
  g_assert_null (strstr (err, "wrong"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/send/link/share", test_link_share);
  g_test_add_func ("/send/link/webdav", test_link_webdav);
  g_test_add_func ("/send/link/refused", test_link_refused);
  g_test_add_func ("/send/record/json", test_record_json);
  g_test_add_func ("/send/dav/big", test_dav_big);
  g_test_add_func ("/send/share/clash", test_share_clash);
  g_test_add_func ("/send/share/old", test_share_old);
  g_test_add_func ("/send/share/drop", test_share_drop);
  g_test_add_func ("/send/wrong-password", test_wrong_password);
  g_test_add_func ("/send/expired", test_expired);
  g_test_add_func ("/send/retry", test_retry);
  g_test_add_func ("/send/cancel", test_cancel);
  g_test_add_func ("/send/refused", test_refused);
  g_test_add_func ("/send/unknown-host", test_unknown_host);
  g_test_add_func ("/send/timed-out", test_timed_out);
  g_test_add_func ("/send/missing-file", test_missing_file);
  g_test_add_func ("/send/edge-statuses", test_edge_statuses);
  g_test_add_func ("/send/edge-no-move", test_edge_no_move);
  g_test_add_func ("/send/tls-untrusted", test_tls_untrusted);
  g_test_add_func ("/send/cli", test_cli);

  work_dir = g_dir_make_tmp ("carta-send-XXXXXX", &error);
  g_assert_no_error (error);
  dav = carta_test_dav_start ();

  ret = g_test_run ();

  carta_test_dav_stop (dav);
  if (big_path != NULL)
    g_unlink (big_path);
  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (work_dir, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          {
            g_autofree char *inner = g_build_filename (child, "bundle.zip", NULL);

            g_unlink (inner);
            g_rmdir (child);
          }
        else
          g_unlink (child);
      }
    g_rmdir (work_dir);
  }
  g_free (big_path);
  g_free (work_dir);

  return ret;
}
