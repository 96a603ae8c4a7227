/* carta-bundle-send.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "carta-bundle-commands.h"
#include "carta-uploader.h"

/* carta-bundle send BUNDLE.zip URL: the same upload as the app's “Send to
 * coordinators”, for coordinators' scripts and for tests. The password is
 * read from a file, never from the command line where others can see it. */

typedef struct
{
  GMainLoop         *loop;
  CartaUploadResult *result;
  GError            *error;
  gboolean           tty;
  gint64             last_line;
} SendState;

static void
progress_cb (CartaUploader *uploader,
             guint64        sent,
             guint64        total,
             double         rate,
             double         seconds_left,
             SendState     *state)
{
  g_autofree char *sent_text = g_format_size (sent);
  g_autofree char *total_text = g_format_size (total);
  g_autofree char *rate_text = g_format_size ((guint64)rate);
  gint64 now = g_get_monotonic_time ();

  /* On a terminal the line updates in place; in a log, one line a few
   * seconds apart. */
  if (!state->tty && now - state->last_line < 5 * G_USEC_PER_SEC && sent < total)
    return;
  state->last_line = now;

  fprintf (stderr, "%s", state->tty ? "\r\033[K" : "");
  if (seconds_left >= 0)
    /* TRANSLATORS: progress: “12.0 MB of 200.0 MB (40.1 MB/s, 5 s left)” */
    fprintf (stderr, _("%s of %s (%s/s, %.0f s left)"), sent_text, total_text, rate_text, seconds_left);
  else
    fprintf (stderr, _("%s of %s"), sent_text, total_text);
  fprintf (stderr, "%s", state->tty ? "" : "\n");
}

static void
retrying_cb (CartaUploader *uploader,
             guint          attempt,
             double         delay,
             SendState     *state)
{
  fprintf (stderr, "%s", state->tty ? "\r\033[K" : "");
  /* TRANSLATORS: %u is the attempt number, %.1f seconds */
  fprintf (stderr, _("The connection broke; trying again (attempt %u) in %.1f s…"), attempt, delay);
  fprintf (stderr, "\n");
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SendState *state = user_data;

  state->result = carta_uploader_upload_finish (CARTA_UPLOADER (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  char *newline;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  /* The first line; a trailing newline is not part of the password. */
  if ((newline = strpbrk (contents, "\r\n")) != NULL)
    *newline = '\0';
  return g_steal_pointer (&contents);
}

int
carta_bundle_send (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CartaUploader) uploader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  SendState state = { 0 };
  const GOptionEntry entries[] = {
    { "password-file", 'p', 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the share or WebDAV password from the first line of FILE"), N_("FILE") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user,
      N_("User name for a WebDAV folder"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("BUNDLE.zip URL"));
  g_option_context_set_summary (context,
                                _("Send a file to the coordinators’ WebDAV folder or Nextcloud/ownCloud share link.\n"
                                  "Nothing on the server is replaced: a taken name gets “ (2)” and so on."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (argc != 3)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fprintf (stderr, "%s", help);
      return 2;
    }

  uploader = carta_uploader_new ();
  if (!carta_uploader_set_link (uploader, argv[2], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (password_file != NULL)
    {
      if (!(password = read_password_file (password_file, &error)))
        {
          /* TRANSLATORS: %s is the reason */
          fprintf (stderr, _("Could not read the password file: %s"), error->message);
          fprintf (stderr, "\n");
          return 1;
        }
      carta_uploader_set_password (uploader, password);
      explicit_bzero (password, strlen (password));
    }
  carta_uploader_set_user (uploader, user);

  file = g_file_new_for_commandline_arg (argv[1]);
  state.loop = g_main_loop_new (NULL, FALSE);
  state.tty = isatty (fileno (stderr));
  g_signal_connect (uploader, "progress", G_CALLBACK (progress_cb), &state);
  g_signal_connect (uploader, "retrying", G_CALLBACK (retrying_cb), &state);

  carta_uploader_upload_async (uploader, file, NULL, upload_cb, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);
  if (state.tty)
    fprintf (stderr, "\n");

  if (state.result == NULL)
    {
      fprintf (stderr, "%s\n", state.error->message);
      g_clear_error (&state.error);
      return 1;
    }

  /* TRANSLATORS: %s is a place such as “cloud.example.org/bundle.zip” */
  fprintf (stderr, _("Sent to %s; SHA-256 %s."), carta_upload_result_get_location (state.result),
           carta_upload_result_get_sha256 (state.result));
  fprintf (stderr, "\n");
  if (!carta_upload_result_get_verified (state.result))
    {
      fprintf (stderr, "%s\n", _("The server does not let anyone look into this folder, so the arrival could not be checked."));
    }
  /* The final name alone on stdout, for scripts. */
  printf ("%s\n", carta_upload_result_get_remote_name (state.result));
  g_object_unref (state.result);

  return 0;
}
