/* carta-uploader.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-uploader"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "carta-fs-private.h"
#include "carta-json-private.h"
#include "carta-progress-private.h"
#include "carta-progress-stream.h"
#include "carta-sha256-private.h"
#include "carta-task.h"
#include "carta-upload-result-private.h"
#include "carta-uploader-private.h"

/* Sends one file to a WebDAV folder: a Nextcloud/ownCloud public share or
 * any WebDAV collection. The work runs in a thread with its own
 * SoupSession and blocking I/O; progress and the result come back to the
 * main context of the caller.
 *
 * Safety: the file goes to a temporary name and is MOVEd to its final
 * name with "Overwrite: F", so nothing partial ever sits under the final
 * name and nothing on the server is replaced. Where MOVE is not allowed
 * (upload-only shares), the file is PUT straight to the final name with
 * "If-None-Match: *".
 *
 * Privacy: the share token and the password are secrets. They are never
 * logged, never put in an error message and never in the result. */

#define MAX_NAME_TRIES 100
#define DEFAULT_FIRST_DELAY_MS 1000
#define DEFAULT_MAX_ATTEMPTS 4
#define DEFAULT_TIMEOUT_S 30
#define PROGRESS_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)
#define RATE_WINDOW_US (3 * G_TIME_SPAN_SECOND)
#define N_SAMPLES 32

/* Nextcloud's share permission bits: MOVE of our temporary file needs
 * the right to delete it. */
#define SHARE_PERMISSION_DELETE 8

typedef struct
{
  CartaLinkKind  kind;
  char          *scheme;
  char          *host;
  int            port;
  /* Encoded path before "/s/TOKEN" for a share (no trailing slash), or
   * the folder's encoded path (with one) for WebDAV. */
  char          *path;
  char          *token;
  char          *user;
  char          *password;
} Link;

struct _CartaUploader
{
  GObject  parent_instance;

  Link    *link;
  char    *host_display;
  char    *user;
  char    *password;

  guint    first_delay_ms;
  guint    max_attempts;
  guint    timeout_s;
};

G_DEFINE_FINAL_TYPE (CartaUploader, carta_uploader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HOST,
  PROP_USER,
  PROP_PASSWORD,
  N_PROPS
};

enum {
  PROGRESS,
  RETRYING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (carta-upload-error-quark, carta_upload_error)

static void
link_free (Link *link)
{
  if (link == NULL)
    return;

  g_free (link->scheme);
  g_free (link->host);
  g_free (link->path);
  _carta_secret_free (link->token);
  g_free (link->user);
  _carta_secret_free (link->password);
  g_free (link);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Link, link_free)

static Link *
link_copy (const Link *link)
{
  Link *copy = g_new0 (Link, 1);

  copy->kind = link->kind;
  copy->scheme = g_strdup (link->scheme);
  copy->host = g_strdup (link->host);
  copy->port = link->port;
  copy->path = g_strdup (link->path);
  copy->token = g_strdup (link->token);
  copy->user = g_strdup (link->user);
  copy->password = g_strdup (link->password);

  return copy;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static char *
host_display (const char *scheme,
              const char *host,
              int         port)
{
  gboolean ipv6 = strchr (host, ':') != NULL;
  gboolean default_port = port == -1 ||
                          (g_str_equal (scheme, "https") && port == 443) ||
                          (g_str_equal (scheme, "http") && port == 80);

  if (default_port)
    return ipv6 ? g_strdup_printf ("[%s]", host) : g_strdup (host);

  return g_strdup_printf (ipv6 ? "[%s]:%d" : "%s:%d", host, port);
}

static gboolean
is_share_token (const char *text)
{
  gsize len = strlen (text);

  if (len < 1 || len > 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* A server's name has a dot (“cloud.example.org”), or is an address or
 * “localhost”; a word or a sentence pasted into the field is not one. */
static gboolean
looks_like_host (const char *host)
{
  gsize len = strlen (host);

  if (g_hostname_is_ip_address (host) || host_is_loopback (host))
    return TRUE;
  if (len < 3 || strchr (host, '.') == NULL || host[0] == '.' || host[0] == '-' ||
      strstr (host, "..") != NULL)
    return FALSE;
  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && !((guchar)*p & 0x80))
      return FALSE;
  return TRUE;
}

/* “mailto:…” has a scheme; “cloud.example.org:8443/…” has a port. */
static gboolean
looks_like_scheme (const char *text)
{
  const char *colon = strchr (text, ':');

  return colon != NULL && memchr (text, '.', (gsize)(colon - text)) == NULL;
}

static Link *
link_parse (const char  *text,
            GError     **error)
{
  g_autoptr(Link) link = g_new0 (Link, 1);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) segments = NULL;
  guint n;

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* People paste links without the scheme; https is the only safe guess. */
  if (*trimmed != '\0' && strstr (trimmed, "://") == NULL && !looks_like_scheme (trimmed))
    {
      char *with_scheme = g_strconcat ("https://", trimmed, NULL);

      g_free (trimmed);
      trimmed = with_scheme;
    }

  uri = g_uri_parse (trimmed,
                     G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_PATH |
                     G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_FRAGMENT,
                     NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_INVALID_LINK,
                           _("This is not a complete link. Paste the whole link you were given; it starts with “https://”."));
      return NULL;
    }

  link->scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  link->host = g_strdup (g_uri_get_host (uri));
  link->port = g_uri_get_port (uri);

  if ((g_str_equal (link->scheme, "https") || g_str_equal (link->scheme, "http")) && !looks_like_host (link->host))
    {
      g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_INVALID_LINK,
                           _("This is not a link. Paste the whole link you were given; it starts with “https://” "
                             "and has a server name such as “cloud.example.org”."));
      return NULL;
    }

  if (g_str_equal (link->scheme, "http"))
    {
      if (!host_is_loopback (link->host))
        {
          g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_INSECURE,
                               _("This link is not secure (it starts with “http://”). Ask the coordinators for a link that starts with “https://”."));
          return NULL;
        }
    }
  else if (!g_str_equal (link->scheme, "https"))
    {
      g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_INVALID_LINK,
                           _("This is not a web link. Paste the link you were given; it starts with “https://”."));
      return NULL;
    }

  link->user = g_strdup (g_uri_get_user (uri));
  link->password = g_strdup (g_uri_get_password (uri));

  /* A share link is ".../s/TOKEN", perhaps after a sub-folder and
   * "index.php". */
  segments = g_strsplit (g_uri_get_path (uri), "/", -1);
  n = g_strv_length (segments);
  if (n > 0 && *segments[n - 1] == '\0')
    n--;
  if (n >= 3 && g_str_equal (segments[n - 2], "s") && is_share_token (segments[n - 1]))
    {
      GString *prefix = g_string_new (NULL);
      guint end = n - 2;

      if (end > 1 && g_str_equal (segments[end - 1], "index.php"))
        end--;
      for (guint i = 1; i < end; i++)
        if (*segments[i] != '\0')
          g_string_append_printf (prefix, "/%s", segments[i]);

      link->kind = CARTA_LINK_KIND_SHARE;
      link->token = g_strdup (segments[n - 1]);
      link->path = g_string_free (prefix, FALSE);
    }
  else
    {
      const char *path = g_uri_get_path (uri);

      link->kind = CARTA_LINK_KIND_WEBDAV;
      if (*path == '\0')
        link->path = g_strdup ("/");
      else if (g_str_has_suffix (path, "/"))
        link->path = g_strdup (path);
      else
        link->path = g_strconcat (path, "/", NULL);
    }

  return g_steal_pointer (&link);
}

/* --- The job, run in a worker thread ------------------------------------ */

typedef struct
{
  gint64  time;
  guint64 bytes;
} Sample;

typedef struct
{
  CartaUploader       *uploader;
  GMainContext        *context;
  Link                *link;
  char                *user;
  char                *password;
  char                *host;
  GFile               *file;
  guint                first_delay_ms;
  guint                max_attempts;
  guint                timeout_s;

  SoupSession         *session;
  char                *collection;
  char                *auth;
  gboolean             direct;
  GTlsCertificateFlags tls_errors;

  char                *local_name;
  guint64              size;
  CartaProgressStream *stream;
  GTask               *task;      /* not a ref: the task owns the job */
  CartaProgress        progress;  /* bytes read, reported in the caller's context */

  /* Read in the caller's context only, by on_bytes_sent_cb. */
  gint64               last_progress;
  Sample               samples[N_SAMPLES];
  guint                n_samples;
} UploadJob;

static void
job_free (UploadJob *job)
{
  g_clear_object (&job->uploader);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->link, link_free);
  g_clear_pointer (&job->user, g_free);
  _carta_secret_clear (&job->password);
  _carta_secret_clear (&job->auth);
  g_clear_pointer (&job->host, g_free);
  g_clear_object (&job->file);
  g_clear_object (&job->session);
  g_clear_pointer (&job->collection, g_free);
  g_clear_pointer (&job->local_name, g_free);
  g_clear_object (&job->stream);
  _carta_progress_clear (&job->progress);
  g_free (job);
}

/* A retry, told in the caller's context (progress goes through
 * CartaProgress instead). */
typedef struct
{
  CartaUploader *uploader;
  guint          attempt;
  guint          delay_ms;
} UploadReport;

static void
report_free (UploadReport *report)
{
  g_clear_object (&report->uploader);
  g_free (report);
}

static gboolean
report_cb (gpointer data)
{
  UploadReport *report = data;

  g_signal_emit (report->uploader, signals[RETRYING], 0,
                 report->attempt, report->delay_ms / 1000.0);

  return G_SOURCE_REMOVE;
}

static void
job_report (UploadJob    *job,
            UploadReport *report)
{
  report->uploader = g_object_ref (job->uploader);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT,
                              report_cb, report, (GDestroyNotify)report_free);
}

/* Called by the progress stream in the worker thread after every read;
 * CartaProgress carries the figures to the caller's context. */
static void
job_progress_cb (guint64  bytes_read,
                 gpointer user_data)
{
  UploadJob *job = user_data;

  _carta_progress_update (&job->progress, job->task, bytes_read, job->size);
}

/* In the caller's context: works out the speed and time left, at most
 * every PROGRESS_INTERVAL_US, and tells the uploader's listeners. */
static void
on_bytes_sent_cb (guint64  sent,
                  guint64  total,
                  gpointer user_data)
{
  UploadJob *job = user_data;
  gint64 now = g_get_monotonic_time ();
  const Sample *oldest;
  double rate = 0;

  /* A new attempt counts from zero again: so does its speed. */
  if (job->n_samples > 0 && sent < job->samples[job->n_samples - 1].bytes)
    job->n_samples = 0;
  else if (now - job->last_progress < PROGRESS_INTERVAL_US && sent < total)
    return;
  job->last_progress = now;

  /* The speed over the last few seconds, so time left follows changes. */
  if (job->n_samples == N_SAMPLES)
    {
      memmove (job->samples, job->samples + 1, sizeof (Sample) * (N_SAMPLES - 1));
      job->n_samples--;
    }
  job->samples[job->n_samples++] = (Sample) { now, sent };
  while (job->n_samples > 2 && now - job->samples[1].time > RATE_WINDOW_US)
    {
      memmove (job->samples, job->samples + 1, sizeof (Sample) * (job->n_samples - 1));
      job->n_samples--;
    }
  oldest = &job->samples[0];
  if (now > oldest->time)
    rate = (double)(sent - oldest->bytes) * G_USEC_PER_SEC / (double)(now - oldest->time);

  g_signal_emit (job->uploader, signals[PROGRESS], 0,
                 sent, total, rate, rate > 0 ? (double)(total - sent) / rate : -1);
}

static char *
basic_auth (const char *user,
            const char *password)
{
  g_autofree char *pair = g_strdup_printf ("%s:%s", user, password != NULL ? password : "");
  g_autofree char *encoded = g_base64_encode ((const guchar *)pair, strlen (pair));
  char *header = g_strconcat ("Basic ", encoded, NULL);

  _carta_secret_wipe (pair);
  _carta_secret_wipe (encoded);
  return header;
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       UploadJob            *job)
{
  /* Record why, and refuse: a certificate problem is never bypassed. */
  job->tls_errors |= errors;
  return FALSE;
}

typedef struct
{
  const char *method;
  const char *url;
  const char *depth;
  const char *destination;
  gboolean    if_none_match;
  gboolean    upload;
  GBytes     *body;
} Request;

static SoupMessage *
job_build_message (UploadJob      *job,
                   const Request  *request,
                   GError        **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new (request->method, request->url);
  SoupMessageHeaders *headers;

  if (msg == NULL)
    {
      g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_INVALID_LINK,
                           _("This link cannot be used. Check that it was copied completely."));
      return NULL;
    }

  headers = soup_message_get_request_headers (msg);
  if (job->auth != NULL)
    soup_message_headers_replace (headers, "Authorization", job->auth);
  if (request->depth != NULL)
    soup_message_headers_replace (headers, "Depth", request->depth);
  if (request->destination != NULL)
    {
      soup_message_headers_replace (headers, "Destination", request->destination);
      soup_message_headers_replace (headers, "Overwrite", "F");
    }
  if (request->if_none_match)
    soup_message_headers_replace (headers, "If-None-Match", "*");

  /* Redirects would replay the body; a WebDAV drop has no reason to
   * redirect, so an answer in 3xx is reported instead. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), job);

  if (request->upload)
    {
      g_autoptr(GFileInputStream) input = NULL;
      g_autoptr(GInputStream) buffered = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(input = g_file_read (job->file, NULL, &local_error)))
        {
          g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_LOCAL_FILE,
                       _("Could not read the file to send: %s"), local_error->message);
          return NULL;
        }

      /* libsoup asks for 8 KiB at a time; reading the file in large
       * blocks saves most of the system calls. */
      buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (input), 256 * 1024);
      /* A fresh stream each attempt: counting starts over. */
      g_clear_object (&job->stream);
      job->stream = carta_progress_stream_new (buffered, job_progress_cb, job);
      soup_message_set_request_body (msg, "application/zip",
                                     G_INPUT_STREAM (job->stream), (gssize)job->size);
      /* Lets the server refuse (name taken, wrong password, too big)
       * before a single byte of the file is sent. */
      soup_message_headers_set_expectations (headers, SOUP_EXPECTATION_CONTINUE);
    }
  else if (request->body != NULL)
    {
      soup_message_set_request_body_from_bytes (msg, "application/xml; charset=utf-8",
                                                request->body);
    }

  return g_steal_pointer (&msg);
}

static gboolean
is_transient_status (guint status)
{
  return status == SOUP_STATUS_INTERNAL_SERVER_ERROR ||
         status == SOUP_STATUS_BAD_GATEWAY ||
         status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
         status == SOUP_STATUS_GATEWAY_TIMEOUT ||
         status == SOUP_STATUS_REQUEST_TIMEOUT;
}

static gboolean
is_transient_error (const GError *error)
{
  if (error->domain != G_IO_ERROR)
    return FALSE;

  switch (error->code)
    {
    case G_IO_ERROR_CONNECTION_CLOSED:
    case G_IO_ERROR_TIMED_OUT:
    case G_IO_ERROR_PARTIAL_INPUT:
    case G_IO_ERROR_NOT_CONNECTED:
      return TRUE;

    default:
      return FALSE;
    }
}

/* Only these say that this computer is offline: no route, or no name
 * can be looked up at all. A name that does not exist is a typing
 * mistake, and a refusal comes from the server's computer. */
static gboolean
is_offline_error (const GError *error)
{
  return g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE);
}

static gboolean
is_unknown_host_error (const GError *error)
{
  return g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND);
}

static const char *
tls_reason (GTlsCertificateFlags flags)
{
  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return _("its certificate was not issued by a known authority");
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return _("its certificate belongs to a different server");
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return _("its certificate has expired");
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return _("its certificate is not valid yet; check the computer’s date and time");
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    return _("its certificate was revoked");
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    return _("its certificate uses weak security");
  return _("its certificate could not be checked");
}

static void
job_transport_error (UploadJob    *job,
                     SoupMessage  *msg,
                     GError       *local_error,
                     gboolean      retried,
                     GError      **error)
{
  GTlsCertificateFlags tls = job->tls_errors;

  if (msg != NULL)
    tls |= soup_message_get_tls_peer_certificate_errors (msg);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (local_error));
  else if (local_error->domain == CARTA_UPLOAD_ERROR)
    g_propagate_error (error, g_error_copy (local_error));
  else if (tls != 0 || local_error->domain == G_TLS_ERROR)
    /* TRANSLATORS: %s is a host name; the second %s says what is wrong,
     * e.g. “its certificate has expired” */
    g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_TLS,
                 _("The secure connection to %s cannot be trusted: %s. Nothing was sent. Tell the coordinators about this."),
                 job->host, tls_reason (tls));
  else if (is_unknown_host_error (local_error))
    /* TRANSLATORS: %s is a host name */
    g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_UNKNOWN_HOST,
                 _("There is no server called %s. Check the link for a typing mistake, or paste it again "
                   "from the message you were sent. Nothing was sent."),
                 job->host);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    /* TRANSLATORS: %s is a host name */
    g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_REFUSED,
                 _("The computer at %s refused the connection: its file service is not running there, or "
                   "the link’s port is wrong. Nothing was sent. Try again later, or ask the coordinators "
                   "to check the link."),
                 job->host);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    /* TRANSLATORS: %s is a host name */
    g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_TIMED_OUT,
                 _("%s did not answer in time, even after several tries. The server may be busy or the "
                   "connection slow. Try again later."),
                 job->host);
  else if (is_offline_error (local_error))
    /* TRANSLATORS: %s is a host name */
    g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_OFFLINE,
                 _("Could not reach %s. Check the internet connection, then try again."),
                 job->host);
  else if (retried)
    g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_CONNECTION,
                 _("The connection to %s kept breaking, even after several tries. Check the internet connection, then try again."),
                 job->host);
  else
    /* TRANSLATORS: %s is a host name, then the technical reason */
    g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_CONNECTION,
                 _("The connection to %s failed (%s). Try again later."),
                 job->host, local_error->message);
}

static gboolean
job_status_error (UploadJob  *job,
                  guint       status,
                  GError    **error)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_AUTH,
                           job->link->kind == CARTA_LINK_KIND_SHARE
                           ? _("The server did not accept the link or its password. Check that the link is complete and the password is right.")
                           : _("The server did not accept the user name or password. Check them, then try again."));
      return FALSE;

    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_NOT_FOUND,
                           _("The server does not know this link. It may have expired; ask the coordinators for a new one."));
      return FALSE;

    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_TOO_LARGE,
                           _("The server does not accept a file this large. Ask the coordinators how to send it."));
      return FALSE;

    case SOUP_STATUS_INSUFFICIENT_STORAGE:
      g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_SERVER_FULL,
                           _("The server is full. Ask the coordinators to make room, then send again."));
      return FALSE;

    default:
      if (status >= 500)
        /* TRANSLATORS: %s is a host name, %u an HTTP status number */
        g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_SERVER,
                     _("The server %s has a problem (error %u) and did not recover after several tries. Try again later."),
                     job->host, status);
      else
        g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_SERVER,
                     _("The server %s gave an unexpected answer (error %u). Check the link, or tell the coordinators."),
                     job->host, status);
      return FALSE;
    }
}

/* Waits before retry @attempt; FALSE if cancelled meanwhile. */
static gboolean
job_backoff (UploadJob     *job,
             guint          attempt,
             GCancellable  *cancellable,
             GError       **error)
{
  guint delay_ms = job->first_delay_ms << MIN (attempt - 1, 10);
  UploadReport *report = g_new0 (UploadReport, 1);
  GPollFD pollfd;

  g_debug ("Retrying in %u ms (attempt %u)", delay_ms, attempt + 1);
  report->attempt = attempt + 1;
  report->delay_ms = delay_ms;
  job_report (job, report);

  if (cancellable != NULL && g_cancellable_make_pollfd (cancellable, &pollfd))
    {
      g_poll (&pollfd, 1, (int)delay_ms);
      g_cancellable_release_fd (cancellable);
    }
  else
    {
      g_usleep (delay_ms * (gulong)G_TIME_SPAN_MILLISECOND);
    }

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Sends @request, retrying broken connections and passing server
 * failures. Returns the message with its final status, or NULL with
 * @error set. */
static SoupMessage *
job_request (UploadJob      *job,
             const Request  *request,
             GBytes        **response_body,
             GCancellable   *cancellable,
             GError        **error)
{
  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(msg = job_build_message (job, request, error)))
        return NULL;

      bytes = soup_session_send_and_read (job->session, msg, cancellable, &local_error);

      if (bytes != NULL)
        {
          guint status = soup_message_get_status (msg);

          if (!is_transient_status (status) || attempt >= job->max_attempts)
            {
              if (response_body != NULL)
                *response_body = g_steal_pointer (&bytes);
              return g_steal_pointer (&msg);
            }
          g_debug ("%s answered %u", request->method, status);
        }
      else
        {
          if (!is_transient_error (local_error) || attempt >= job->max_attempts)
            {
              job_transport_error (job, msg, local_error, attempt > 1, error);
              return NULL;
            }
          g_debug ("%s failed: %s", request->method, local_error->message);
        }

      if (!job_backoff (job, attempt, cancellable, error))
        return NULL;
    }
}

/* --- SHA-256 in a thread of its own ---------------------------------------- */

/* Hashing runs beside the upload, so it costs no time on a fast link.
 * Its result comes back to a context of the upload's own thread, which
 * waits for it there. */
typedef struct
{
  GMainContext *context;
  GCancellable *cancellable;
  GAsyncResult *result;
} Hasher;

static void
on_hashed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Hasher *hasher = user_data;

  hasher->result = g_object_ref (result);
}

static Hasher *
hasher_start (GFile *file)
{
  Hasher *hasher = g_new0 (Hasher, 1);

  hasher->context = g_main_context_new ();
  hasher->cancellable = g_cancellable_new ();
  g_main_context_push_thread_default (hasher->context);
  _carta_sha256_file_async (file, hasher->cancellable, on_hashed_cb, hasher);
  g_main_context_pop_thread_default (hasher->context);
  return hasher;
}

static void
hasher_wait (Hasher *hasher)
{
  while (hasher->result == NULL)
    g_main_context_iteration (hasher->context, TRUE);
}

/* Waits for the hash; returns it, or NULL with @error set. */
static char *
hasher_finish (Hasher  *hasher,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  char *sha256;

  hasher_wait (hasher);
  if (!(sha256 = _carta_sha256_file_finish (hasher->result, &local_error)))
    {
      g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_LOCAL_FILE,
                   _("Could not read the file to send: %s"), local_error->message);
      return NULL;
    }
  return sha256;
}

static void
hasher_free (Hasher *hasher)
{
  if (hasher->result == NULL)
    {
      g_cancellable_cancel (hasher->cancellable);
      hasher_wait (hasher);
    }
  g_clear_object (&hasher->result);
  g_clear_object (&hasher->cancellable);
  g_main_context_unref (hasher->context);
  g_free (hasher);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hasher, hasher_free)

/* --- WebDAV bits ---------------------------------------------------------- */

static const char propfind_body[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<d:propfind xmlns:d=\"DAV:\" xmlns:nc=\"http://nextcloud.org/ns\">"
  "<d:prop><d:resourcetype/><d:getcontentlength/><nc:share-permissions/></d:prop>"
  "</d:propfind>\n";

typedef struct
{
  char    *element;
  gint64   content_length;
  gint64   share_permissions;
} PropParse;

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static void
prop_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  PropParse *parse = user_data;

  g_free (parse->element);
  parse->element = g_strdup (local_name (element));
}

static void
prop_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              user_data,
          GError              **error)
{
  PropParse *parse = user_data;

  g_clear_pointer (&parse->element, g_free);
}

static void
prop_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 len,
           gpointer              user_data,
           GError              **error)
{
  PropParse *parse = user_data;
  g_autofree char *value = NULL;
  gint64 number;
  char *end = NULL;

  if (parse->element == NULL)
    return;

  value = g_strstrip (g_strndup (text, len));
  if (*value == '\0')
    return;

  number = g_ascii_strtoll (value, &end, 10);
  if (end == NULL || *end != '\0' || number < 0)
    return;

  /* Depth 0: the first value is the resource's own. */
  if (g_str_equal (parse->element, "getcontentlength") && parse->content_length < 0)
    parse->content_length = number;
  else if (g_str_equal (parse->element, "share-permissions") && parse->share_permissions < 0)
    parse->share_permissions = number;
}

static void
parse_props (GBytes *body,
             gint64 *content_length,
             gint64 *share_permissions)
{
  static const GMarkupParser parser = { prop_start, prop_end, prop_text, NULL, NULL };
  PropParse parse = { NULL, -1, -1 };
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize len = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;

  if (data != NULL && len > 0)
    {
      context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &parse, NULL);
      /* A broken answer just leaves the values unknown. */
      if (g_markup_parse_context_parse (context, data, (gssize)len, NULL))
        g_markup_parse_context_end_parse (context, NULL);
    }
  g_free (parse.element);

  if (content_length != NULL)
    *content_length = parse.content_length;
  if (share_permissions != NULL)
    *share_permissions = parse.share_permissions;
}

static SoupMessage *
job_propfind (UploadJob     *job,
              const char    *url,
              GBytes       **body,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) request_body = g_bytes_new_static (propfind_body, strlen (propfind_body));
  Request request = { "PROPFIND", url, "0", NULL, FALSE, FALSE, request_body };

  return job_request (job, &request, body, cancellable, error);
}

static char *
job_url (UploadJob  *job,
         const char *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);

  return g_strconcat (job->collection, escaped, NULL);
}

/* Sets the collection and credentials, and learns whether MOVE is allowed. */
static gboolean
job_find_endpoint (UploadJob     *job,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Link *link = job->link;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 permissions = -1;
  guint status;

  if (link->kind == CARTA_LINK_KIND_WEBDAV)
    {
      const char *user = job->user != NULL ? job->user : link->user;
      const char *password = job->password != NULL ? job->password : link->password;

      job->collection = g_uri_join (G_URI_FLAGS_ENCODED, link->scheme, NULL, link->host,
                                    link->port, link->path, NULL, NULL);
      if (user != NULL && *user != '\0')
        job->auth = basic_auth (user, password);

      if (!(msg = job_propfind (job, job->collection, &body, cancellable, error)))
        return FALSE;
      status = soup_message_get_status (msg);
      if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_NOT_FOUND ||
          status == SOUP_STATUS_GONE || status >= 500)
        return job_status_error (job, status, error);

      /* 403 or 405 only say PROPFIND is not for us; PUT may still work. */
      return TRUE;
    }
  else
    {
      const char *password = job->password != NULL ? job->password : link->password;
      g_autofree char *path = g_strdup_printf ("%s/public.php/dav/files/%s/", link->path, link->token);
      guint new_status;

      /* Nextcloud 29 and later: the token is in the path; a share
       * password goes as Basic auth for the user "anonymous". */
      job->collection = g_uri_join (G_URI_FLAGS_ENCODED, link->scheme, NULL, link->host,
                                    link->port, path, NULL, NULL);
      if (password != NULL && *password != '\0')
        job->auth = basic_auth ("anonymous", password);

      if (!(msg = job_propfind (job, job->collection, &body, cancellable, error)))
        return FALSE;
      new_status = soup_message_get_status (msg);
      if (SOUP_STATUS_IS_SUCCESSFUL (new_status) || new_status == SOUP_STATUS_FORBIDDEN)
        {
          parse_props (body, NULL, &permissions);
          job->direct = new_status == SOUP_STATUS_FORBIDDEN ||
                        (permissions >= 0 && !(permissions & SHARE_PERMISSION_DELETE));
          return TRUE;
        }

      /* Older servers and ownCloud: one endpoint for all shares; the
       * token is the user name, the share password the password. */
      g_clear_object (&msg);
      g_clear_pointer (&body, g_bytes_unref);
      g_clear_pointer (&job->collection, g_free);
      _carta_secret_clear (&job->auth);
      g_free (path);
      path = g_strdup_printf ("%s/public.php/webdav/", link->path);
      job->collection = g_uri_join (G_URI_FLAGS_ENCODED, link->scheme, NULL, link->host,
                                    link->port, path, NULL, NULL);
      job->auth = basic_auth (link->token, password);

      if (!(msg = job_propfind (job, job->collection, &body, cancellable, error)))
        return FALSE;
      status = soup_message_get_status (msg);
      if (SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_FORBIDDEN)
        {
          parse_props (body, NULL, &permissions);
          job->direct = status == SOUP_STATUS_FORBIDDEN ||
                        (permissions >= 0 && !(permissions & SHARE_PERMISSION_DELETE));
          return TRUE;
        }

      /* Neither worked: the newer endpoint's refusal says more. Where
       * neither knows WebDAV, the share is not there (any more). */
      if (new_status == SOUP_STATUS_UNAUTHORIZED)
        status = new_status;
      else if (status == SOUP_STATUS_METHOD_NOT_ALLOWED || status == SOUP_STATUS_NOT_IMPLEMENTED)
        status = SOUP_STATUS_NOT_FOUND;
      return job_status_error (job, status, error);
    }
}

/* TRUE if @name is certainly free; FALSE with no error if it is taken. */
static gboolean
job_name_is_free (UploadJob     *job,
                  const char    *name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *url = job_url (job, name);
  g_autoptr(SoupMessage) msg = NULL;
  guint status;

  if (!(msg = job_propfind (job, url, NULL, cancellable, error)))
    return FALSE;
  status = soup_message_get_status (msg);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return job_status_error (job, status, error);

  /* Upload-only shares hide what is there; If-None-Match still guards. */
  return !SOUP_STATUS_IS_SUCCESSFUL (status);
}

static char *
candidate_name (const char *name,
                guint       n)
{
  const char *dot;

  if (n <= 1)
    return g_strdup (name);

  /* “bundle.zip” → “bundle (2).zip” */
  dot = strrchr (name, '.');
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s (%u)", name, n);
  return g_strdup_printf ("%.*s (%u)%s", (int)(dot - name), name, n, dot);
}

/* Finds the first free name from number *n on. */
static char *
job_next_free_name (UploadJob     *job,
                    guint         *n,
                    GCancellable  *cancellable,
                    GError       **error)
{
  for (; *n <= MAX_NAME_TRIES; (*n)++)
    {
      g_autofree char *name = candidate_name (job->local_name, *n);
      g_autoptr(GError) local_error = NULL;

      if (job_name_is_free (job, name, cancellable, &local_error))
        return g_steal_pointer (&name);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_NAME_TAKEN,
                       _("The folder already holds too many files with this name. Rename the file, then send it again."));
  return NULL;
}

static void
job_delete_quietly (UploadJob  *job,
                    const char *url)
{
  Request request = { "DELETE", url, NULL, NULL, FALSE, FALSE, NULL };
  g_autoptr(SoupMessage) msg = NULL;
  guint saved = job->max_attempts;

  /* Runs after a cancel too, so it takes no cancellable and no retries. */
  job->max_attempts = 1;
  msg = job_request (job, &request, NULL, NULL, NULL);
  job->max_attempts = saved;
  if (msg != NULL)
    g_debug ("Removing the temporary file: %u", soup_message_get_status (msg));
}

/* PUTs the file to @url. Returns the status, or 0 with @error set. */
static guint
job_put (UploadJob     *job,
         const char    *url,
         gboolean       if_none_match,
         GCancellable  *cancellable,
         GError       **error)
{
  Request request = { "PUT", url, NULL, NULL, if_none_match, TRUE, NULL };
  g_autoptr(SoupMessage) msg = job_request (job, &request, NULL, cancellable, error);
  guint status;

  if (msg == NULL)
    return 0;

  status = soup_message_get_status (msg);
  if (SOUP_STATUS_IS_SUCCESSFUL (status) &&
      carta_progress_stream_get_bytes_read (job->stream) != job->size)
    {
      g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_LOCAL_FILE,
                   _("The file changed while it was being sent. Send it again."));
      return 0;
    }
  return status;
}

/* Upload to a temporary name, then MOVE without overwriting. Returns the
 * final name, or NULL; sets *no_move when the server refuses MOVE. */
static char *
job_upload_with_move (UploadJob     *job,
                      guint         *n,
                      gboolean      *no_move,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_url = NULL;
  g_autoptr(GError) local_error = NULL;
  guint status;

  temp_name = g_strdup_printf (".carta-upload-%08x%08x.tmp", g_random_int (), g_random_int ());
  temp_url = job_url (job, temp_name);

  status = job_put (job, temp_url, FALSE, cancellable, &local_error);
  if (status == 0 || !SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      /* Cancelled or broken: leave nothing behind where we can. */
      job_delete_quietly (job, temp_url);
      if (status != 0)
        job_status_error (job, status, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      g_autofree char *url = NULL;
      g_autoptr(SoupMessage) msg = NULL;
      Request request = { "MOVE", temp_url, NULL, NULL, FALSE, FALSE, NULL };

      if (!(name = job_next_free_name (job, n, cancellable, &local_error)))
        break;
      url = job_url (job, name);
      request.destination = url;

      if (!(msg = job_request (job, &request, NULL, cancellable, &local_error)))
        break;
      status = soup_message_get_status (msg);

      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        return g_steal_pointer (&name);

      if (status == SOUP_STATUS_PRECONDITION_FAILED)
        {
          /* Someone took the name meanwhile: try the next. */
          (*n)++;
          continue;
        }

      if (status == SOUP_STATUS_FORBIDDEN || status == SOUP_STATUS_METHOD_NOT_ALLOWED ||
          status == SOUP_STATUS_NOT_IMPLEMENTED || status == SOUP_STATUS_BAD_GATEWAY)
        {
          g_debug ("MOVE refused (%u); sending to the final name directly", status);
          *no_move = TRUE;
          job_delete_quietly (job, temp_url);
          return NULL;
        }

      job_status_error (job, status, &local_error);
      break;
    }

  job_delete_quietly (job, temp_url);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static char *
job_upload_direct (UploadJob     *job,
                   guint         *n,
                   GCancellable  *cancellable,
                   GError       **error)
{
  for (;;)
    {
      g_autofree char *name = NULL;
      g_autofree char *url = NULL;
      guint status;

      if (!(name = job_next_free_name (job, n, cancellable, error)))
        return NULL;
      url = job_url (job, name);

      if (!(status = job_put (job, url, TRUE, cancellable, error)))
        return NULL;
      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        return g_steal_pointer (&name);
      if (status != SOUP_STATUS_PRECONDITION_FAILED)
        {
          job_status_error (job, status, error);
          return NULL;
        }
      (*n)++;
    }
}

/* Asks the server how big the file is. Returns FALSE with @error set on
 * a mismatch; sets *verified when the server let us look. */
static gboolean
job_verify (UploadJob     *job,
            const char    *name,
            gboolean      *verified,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *url = job_url (job, name);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 remote_size = -1;

  *verified = FALSE;

  if (!(msg = job_propfind (job, url, &body, cancellable, error)))
    return FALSE;
  if (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    parse_props (body, &remote_size, NULL);

  if (remote_size < 0)
    {
      Request request = { "HEAD", url, NULL, NULL, FALSE, FALSE, NULL };

      g_clear_object (&msg);
      if (!(msg = job_request (job, &request, NULL, cancellable, error)))
        return FALSE;
      if (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)) &&
          soup_message_headers_get_encoding (soup_message_get_response_headers (msg)) == SOUP_ENCODING_CONTENT_LENGTH)
        remote_size = soup_message_headers_get_content_length (soup_message_get_response_headers (msg));
    }

  if (remote_size < 0)
    {
      g_debug ("The server does not let us check the upload");
      return TRUE;
    }

  if ((guint64)remote_size != job->size)
    {
      g_autofree char *have = g_strdup_printf ("%" G_GINT64_FORMAT, remote_size);
      g_autofree char *want = g_strdup_printf ("%" G_GUINT64_FORMAT, job->size);

      /* TRANSLATORS: the first %s is a file name, the others byte counts */
      g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_VERIFY,
                   _("The server holds %s bytes of “%s” instead of %s. Send it again."),
                   have, name, want);
      return FALSE;
    }

  *verified = TRUE;
  return TRUE;
}

static CartaUploadResult *
job_run (UploadJob     *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) finished = NULL;
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(Hasher) hasher = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean verified = FALSE;
  gboolean no_move = FALSE;
  guint n = 1;

  info = g_file_query_info (job->file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_LOCAL_FILE,
                   _("Could not read the file to send: %s"),
                   local_error != NULL ? local_error->message : _("it is not a regular file"));
      return NULL;
    }
  job->size = (guint64)g_file_info_get_size (info);
  {
    g_autofree char *basename = g_file_get_basename (job->file);

    job->local_name = g_filename_display_name (basename);
  }

  job->session = soup_session_new_with_options ("timeout", job->timeout_s,
                                                "idle-timeout", 60,
                                                "user-agent", "Carta/" PACKAGE_VERSION " ",
                                                NULL);
  /* Credentials go with every request; no interactive auth round-trips. */
  soup_session_remove_feature_by_type (job->session, SOUP_TYPE_AUTH_MANAGER);

  g_debug ("Sending %" G_GUINT64_FORMAT " bytes to %s", job->size, job->host);

  hasher = hasher_start (job->file);

  if (!job_find_endpoint (job, cancellable, error))
    return NULL;

  if (!job->direct)
    {
      name = job_upload_with_move (job, &n, &no_move, cancellable, error);
      if (name == NULL && !no_move)
        return NULL;
    }
  if (name == NULL)
    {
      n = 1;
      if (!(name = job_upload_direct (job, &n, cancellable, error)))
        return NULL;
    }

  if (!job_verify (job, name, &verified, cancellable, error))
    return NULL;

  if (!(sha256 = hasher_finish (hasher, error)))
    return NULL;

  if (job->link->kind == CARTA_LINK_KIND_SHARE)
    location = g_strdup_printf ("%s/%s", job->host, name);
  else
    location = job_url (job, name);

  finished = g_date_time_new_now_utc ();
  return _carta_upload_result_new (job->host, name, location, job->size, sha256, finished,
                                   (double)(g_get_monotonic_time () - started) / G_USEC_PER_SEC,
                                   verified);
}

static gpointer
upload_work (GTask         *task,
             GCancellable  *cancellable,
             GError       **error)
{
  UploadJob *job = g_task_get_task_data (task);
  CartaUploadResult *result = job_run (job, cancellable, error);

  /* The session belongs to this thread; drop it here. */
  g_clear_object (&job->session);

  return result;
}

/* --- The object ------------------------------------------------------------ */

static void
carta_uploader_finalize (GObject *object)
{
  CartaUploader *self = (CartaUploader *)object;

  g_clear_pointer (&self->link, link_free);
  g_clear_pointer (&self->host_display, g_free);
  g_clear_pointer (&self->user, g_free);
  _carta_secret_clear (&self->password);

  G_OBJECT_CLASS (carta_uploader_parent_class)->finalize (object);
}

static void
carta_uploader_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CartaUploader *self = CARTA_UPLOADER (object);

  switch (prop_id)
    {
    case PROP_HOST:
      g_value_set_string (value, self->host_display);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    case PROP_PASSWORD:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_uploader_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CartaUploader *self = CARTA_UPLOADER (object);

  switch (prop_id)
    {
    case PROP_USER:
      carta_uploader_set_user (self, g_value_get_string (value));
      break;

    case PROP_PASSWORD:
      carta_uploader_set_password (self, g_value_get_string (value));
      break;

    case PROP_HOST:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_uploader_class_init (CartaUploaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carta_uploader_finalize;
  object_class->get_property = carta_uploader_get_property;
  object_class->set_property = carta_uploader_set_property;

  /**
   * CartaUploader:host:
   *
   * The host of the link, for display; never the token.
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CartaUploader:user:
   *
   * The user name for a WebDAV folder; ignored for share links.
   */
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CartaUploader:password:
   *
   * The share password or the WebDAV password. Write-only.
   */
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CartaUploader::progress:
   * @self: the uploader
   * @sent: bytes sent in this attempt
   * @total: the file's size
   * @bytes_per_second: the recent speed, 0 if not known yet
   * @seconds_left: the time left at that speed, or -1 if not known
   *
   * Emitted in the caller's main context, about ten times a second.
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_UINT64, G_TYPE_UINT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * CartaUploader::retrying:
   * @self: the uploader
   * @attempt: the number of the coming attempt (2 for the first retry)
   * @delay: seconds until it starts
   *
   * Emitted in the caller's main context when a broken connection or a
   * server failure is about to be retried.
   */
  signals[RETRYING] =
    g_signal_new ("retrying", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_UINT, G_TYPE_DOUBLE);
}

static void
carta_uploader_init (CartaUploader *self)
{
  self->first_delay_ms = DEFAULT_FIRST_DELAY_MS;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->timeout_s = DEFAULT_TIMEOUT_S;
}

/**
 * carta_uploader_new:
 *
 * Returns: (transfer full): a new uploader; give it a link with
 *   carta_uploader_set_link()
 */
CartaUploader *
carta_uploader_new (void)
{
  return g_object_new (CARTA_TYPE_UPLOADER, NULL);
}

/**
 * carta_uploader_set_link:
 * @self: a #CartaUploader
 * @link: the link the coordinators gave
 * @error: return location for a #CartaUploadError
 *
 * Checks and sets the link: a Nextcloud or ownCloud share link
 * (`https://host/s/TOKEN`) or a WebDAV folder. Only `https://` is
 * accepted, or `http://` to this computer. Nothing is sent yet.
 *
 * Returns: %TRUE if the link can be used
 */
gboolean
carta_uploader_set_link (CartaUploader  *self,
                         const char     *link,
                         GError        **error)
{
  Link *parsed;
  g_autofree char *host = NULL;

  g_return_val_if_fail (CARTA_IS_UPLOADER (self), FALSE);

  if (!(parsed = link_parse (link, error)))
    return FALSE;

  g_clear_pointer (&self->link, link_free);
  self->link = parsed;

  host = host_display (parsed->scheme, parsed->host, parsed->port);
  if (_carta_set_str (&self->host_display, host))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST]);

  return TRUE;
}

/**
 * carta_uploader_get_link_kind:
 * @self: a #CartaUploader
 *
 * Returns: what the link is, so a dialog knows whether to ask for a user
 *   name
 */
CartaLinkKind
carta_uploader_get_link_kind (CartaUploader *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOADER (self), CARTA_LINK_KIND_NONE);

  return self->link != NULL ? self->link->kind : CARTA_LINK_KIND_NONE;
}

/**
 * carta_uploader_get_host:
 * @self: a #CartaUploader
 *
 * Returns: (nullable): the link's host, with its port if not the default
 */
const char *
carta_uploader_get_host (CartaUploader *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOADER (self), NULL);

  return self->host_display;
}

/**
 * carta_uploader_get_user:
 * @self: a #CartaUploader
 *
 * Returns: (nullable): the user name for a WebDAV folder
 */
const char *
carta_uploader_get_user (CartaUploader *self)
{
  g_return_val_if_fail (CARTA_IS_UPLOADER (self), NULL);

  return self->user;
}

/**
 * carta_uploader_set_user:
 * @self: a #CartaUploader
 * @user: (nullable): the user name for a WebDAV folder
 */
void
carta_uploader_set_user (CartaUploader *self,
                         const char    *user)
{
  g_return_if_fail (CARTA_IS_UPLOADER (self));

  if (_carta_set_str (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/**
 * carta_uploader_set_password:
 * @self: a #CartaUploader
 * @password: (nullable): the share password, or the WebDAV password
 */
void
carta_uploader_set_password (CartaUploader *self,
                             const char    *password)
{
  g_return_if_fail (CARTA_IS_UPLOADER (self));

  _carta_secret_clear (&self->password);
  self->password = g_strdup (password);
}

void
_carta_uploader_set_timing (CartaUploader *self,
                            guint          first_delay_ms,
                            guint          max_attempts,
                            guint          timeout_s)
{
  g_return_if_fail (CARTA_IS_UPLOADER (self));

  self->first_delay_ms = first_delay_ms;
  self->max_attempts = MAX (max_attempts, 1);
  self->timeout_s = timeout_s;
}

/**
 * carta_uploader_upload_async:
 * @self: a #CartaUploader with a link set
 * @file: the file to send
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is on the server, or it failed
 * @user_data: data for @callback
 *
 * Sends @file to the link's folder under its own name, or under
 * “name (2).zip” and so on if that is taken; nothing on the server is
 * replaced. Broken connections and server failures are retried a few
 * times. The file is read as it is sent, never held in memory.
 * #CartaUploader::progress is emitted meanwhile.
 */
void
carta_uploader_upload_async (CartaUploader       *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UploadJob *job;

  g_return_if_fail (CARTA_IS_UPLOADER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_uploader_upload_async);

  if (self->link == NULL)
    {
      g_task_return_new_error (task, CARTA_UPLOAD_ERROR, CARTA_UPLOAD_ERROR_INVALID_LINK,
                               "%s", _("Paste the link you were given first."));
      return;
    }

  job = g_new0 (UploadJob, 1);
  job->uploader = g_object_ref (self);
  job->context = g_main_context_ref_thread_default ();
  job->link = link_copy (self->link);
  job->user = g_strdup (self->user);
  job->password = g_strdup (self->password);
  job->host = g_strdup (self->host_display);
  job->file = g_object_ref (file);
  job->first_delay_ms = self->first_delay_ms;
  job->max_attempts = self->max_attempts;
  job->timeout_s = self->timeout_s;
  job->task = task;
  _carta_progress_init (&job->progress, on_bytes_sent_cb, job, NULL);

  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  carta_task_run_pointer_in_thread (task, upload_work, g_object_unref);
}

/**
 * carta_uploader_upload_finish:
 * @self: a #CartaUploader
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #CartaUploadError, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): what arrived on the server, or %NULL
 */
CartaUploadResult *
carta_uploader_upload_finish (CartaUploader  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (CARTA_IS_UPLOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The fuzzers (tests/fuzz/fuzz-uploader.c) reach what reads a server's
 * PROPFIND answer, and a pasted share link, without a network. */
void
_carta_uploader_parse_props (GBytes *body,
                             gint64 *content_length,
                             gint64 *share_permissions)
{
  parse_props (body, content_length, share_permissions);
}

gboolean
_carta_uploader_parse_link (const char  *text,
                            GError     **error)
{
  g_autoptr(Link) link = link_parse (text, error);

  return link != NULL;
}
