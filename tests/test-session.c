/* test-session.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CartaSession without a window: what it opens, what reaches the disk,
 * and what it tells the UI. */

#include "config.h"

#include <string.h>

#include "carta-fs.h"
#include "carta-session.h"

typedef struct
{
  char         *tmpdir;
  CartaStore   *store;
  CartaSession *session;
  guint         notifies;
  CartaCase    *deleted;
} Fixture;

static void
on_notify_case_cb (CartaSession *session,
                   GParamSpec   *pspec,
                   Fixture      *f)
{
  f->notifies++;
}

static void
on_case_deleted_cb (CartaSession *session,
                    CartaCase    *kase,
                    Fixture      *f)
{
  g_set_object (&f->deleted, kase);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *cases = NULL;
  g_autoptr(GFile) root = NULL;

  f->tmpdir = g_dir_make_tmp ("carta-session-XXXXXX", NULL);
  g_assert_nonnull (f->tmpdir);
  cases = g_build_filename (f->tmpdir, "carta", "cases", NULL);
  root = g_file_new_for_path (cases);
  f->store = carta_store_new (root);
  g_assert_true (carta_store_load (f->store, NULL));

  f->session = carta_session_new (f->store);
  g_signal_connect (f->session, "notify::case", G_CALLBACK (on_notify_case_cb), f);
  g_signal_connect (f->session, "case-deleted", G_CALLBACK (on_case_deleted_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->deleted);
  carta_session_close (f->session);
  g_assert_finalize_object (f->session);
  g_clear_object (&f->store);
  carta_fs_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static char *
read_case_file (Fixture   *f,
                CartaCase *kase)
{
  g_autoptr(GFile) dir = carta_store_get_case_dir (f->store, kase);
  g_autoptr(GFile) file = g_file_get_child (dir, "case.json");
  char *contents = NULL;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL))
    return NULL;

  return contents;
}

static gboolean
case_file_contains (Fixture    *f,
                    CartaCase  *kase,
                    const char *needle)
{
  g_autofree char *contents = read_case_file (f, kase);

  return contents != NULL && strstr (contents, needle) != NULL;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_case_file (Fixture    *f,
                    CartaCase  *kase,
                    const char *needle)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, on_timeout_cb, &timed_out);

  while (!case_file_contains (f, kase, needle) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* The case property says each real change once. */
static void
test_case_notify (Fixture       *f,
                  gconstpointer  data)
{
  CartaCase *kase = carta_session_create_case (f->session, "First", NULL);

  g_assert_nonnull (kase);
  g_assert_true (carta_session_get_case (f->session) == kase);
  g_assert_cmpuint (f->notifies, ==, 1);

  carta_session_set_case (f->session, kase);
  g_assert_cmpuint (f->notifies, ==, 1);

  carta_session_set_case (f->session, NULL);
  g_assert_null (carta_session_get_case (f->session));
  g_assert_cmpuint (f->notifies, ==, 2);
}

/* A change to the open case reaches the disk once typing stops, and a
 * change to a case that is not open reaches it too. */
static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CartaCase) first = NULL;
  CartaCase *second;

  first = g_object_ref (carta_session_create_case (f->session, "First", NULL));
  carta_case_set_title (first, "Typed into");
  wait_for_case_file (f, first, "Typed into");

  second = carta_session_create_case (f->session, "Second", NULL);
  g_assert_true (carta_session_get_case (f->session) == second);
  carta_case_set_title (first, "Changed while closed");
  wait_for_case_file (f, first, "Changed while closed");
}

/* Saving now, in a thread or not, leaves nothing unsaved. */
static void
test_save_now (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CartaCase *kase = carta_session_create_case (f->session, "First", NULL);

  carta_case_set_title (kase, "Saved at once");
  g_assert_true (carta_session_save_now (f->session, &error));
  g_assert_no_error (error);
  g_assert_true (case_file_contains (f, kase, "Saved at once"));

  carta_case_set_title (kase, "Saved in a thread");
  carta_session_save_async (f->session, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (carta_session_save_finish (f->session, result, &error));
  g_assert_no_error (error);
  g_assert_true (case_file_contains (f, kase, "Saved in a thread"));
}

/* Deleting opens the next case and says so; undo brings the case back,
 * and once purged it is gone for good. */
static void
test_delete_undo_purge (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CartaCase) first = NULL;
  g_autoptr(CartaCase) second = NULL;
  g_autofree char *id = NULL;

  first = g_object_ref (carta_session_create_case (f->session, "First", NULL));
  second = g_object_ref (carta_session_create_case (f->session, "Second", NULL));
  id = g_strdup (carta_case_get_id (second));

  g_assert_true (carta_session_delete_case (f->session, NULL));
  g_assert_true (f->deleted == second);
  g_assert_true (carta_session_get_case (f->session) == first);
  g_assert_null (carta_store_find_case (f->store, id));

  g_assert_true (carta_session_undelete_case (f->session, second, NULL));
  g_assert_true (carta_session_get_case (f->session) == second);
  g_assert_true (carta_store_find_case (f->store, id) == second);

  g_clear_object (&f->deleted);
  g_assert_true (carta_session_delete_case (f->session, NULL));
  g_assert_true (f->deleted == second);
  carta_session_purge_deleted (f->session, second);
  g_assert_null (carta_store_find_case (f->store, id));
  g_test_expect_message ("carta-session", G_LOG_LEVEL_WARNING, "Could not restore a case*");
  g_assert_false (carta_session_undelete_case (f->session, second, NULL));
  g_test_assert_expected_messages ();
  g_assert_null (carta_store_find_case (f->store, id));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/session/case-notify", test_case_notify);
  ADD ("/session/autosave", test_autosave);
  ADD ("/session/save-now", test_save_now);
  ADD ("/session/delete-undo-purge", test_delete_undo_purge);

#undef ADD

  return g_test_run ();
}
