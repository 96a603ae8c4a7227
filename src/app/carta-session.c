/* carta-session.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-session"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-cleanup.h"
#include "carta-demo.h"
#include "carta-fs.h"
#include "carta-session.h"
#include "carta-task.h"

/* Long enough to gather a burst of typing into one write. */
#define AUTOSAVE_DELAY_MS 800

/* The open case and what happens to it on disk, with no widgets: the
 * window shows what the session holds and says what the session
 * reports. */
struct _CartaSession
{
  GObject     parent_instance;

  CartaStore *store;
  CartaCase  *kase;
  guint       autosave_id;
  guint       n_saves;
  guint       dirty : 1;
  guint       save_failure_reported : 1;
  guint       closed : 1;
};

G_DEFINE_FINAL_TYPE (CartaSession, carta_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVE_FAILED,
  CASE_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CartaCase    *kase;
  GFile        *dir;
  GApplication *app;
} SampleJob;

static void release_application (gpointer data);

static void
sample_job_free (SampleJob *job)
{
  release_application (g_steal_pointer (&job->app));
  g_clear_object (&job->kase);
  g_clear_object (&job->dir);
  g_free (job);
}

static void schedule_autosave (CartaSession *self);

/* Work in flight keeps the application running, so quitting never cuts
 * a write short. The application is %NULL for a session tested alone. */
static GApplication *
hold_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app == NULL)
    return NULL;

  g_application_hold (app);
  return g_object_ref (app);
}

static void
release_application (gpointer data)
{
  g_autoptr(GApplication) app = data;

  if (app != NULL)
    g_application_release (app);
}

static void
on_autosave_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CartaSession *self = CARTA_SESSION (object);
  g_autoptr(GError) error = NULL;

  g_assert (CARTA_IS_SESSION (self));

  if (!carta_session_save_finish (self, result, &error))
    {
      g_warning ("Autosave failed: %s", error->message);

      /* Once until a save works again: the session keeps trying. */
      if (!self->save_failure_reported)
        {
          self->save_failure_reported = TRUE;
          g_signal_emit (self, signals[SAVE_FAILED], 0, error);
        }
    }
  else
    self->save_failure_reported = FALSE;

  if (self->dirty)
    schedule_autosave (self);
}

static gboolean
autosave_cb (gpointer user_data)
{
  CartaSession *self = user_data;

  g_assert (CARTA_IS_SESSION (self));

  self->autosave_id = 0;

  /* A save in flight reschedules when it ends. */
  if (self->n_saves == 0 && self->dirty && self->kase != NULL)
    carta_session_save_async (self, NULL, on_autosave_done_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (CartaSession *self)
{
  self->dirty = TRUE;

  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

static void
on_background_save_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!carta_store_save_case_finish (CARTA_STORE (object), result, &error))
    g_warning ("Could not save a case that is not open: %s", error->message);
}

static void
on_case_changed_cb (CartaSession *self,
                    CartaCase    *kase)
{
  g_assert (CARTA_IS_SESSION (self));

  if (kase == self->kase)
    {
      schedule_autosave (self);
      return;
    }

  /* A case that is not open changes when an undo, a finished import or a
   * finished upload reaches it after the family opened another case:
   * save it at once, unless it was deleted meanwhile. */
  if (self->closed)
    return;
  if (carta_store_find_case (self->store, carta_case_get_id (kase)) == kase)
    carta_store_save_case_async (self->store, kase, NULL, on_background_save_done_cb, NULL);
}

static void
watch_case (CartaSession *self,
            CartaCase    *kase)
{
  if (g_signal_handler_find (kase, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             on_case_changed_cb, self) == 0)
    g_signal_connect_object (kase, "changed", G_CALLBACK (on_case_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
on_cases_changed_cb (CartaSession *self,
                     guint         position,
                     guint         removed,
                     guint         added,
                     GListModel   *model)
{
  g_assert (CARTA_IS_SESSION (self));

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CartaCase) kase = g_list_model_get_item (model, i);
      watch_case (self, kase);
    }
}

static void
on_store_save_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CartaSession *self = g_task_get_source_object (task);
  GError *error = NULL;

  g_assert (CARTA_IS_SESSION (self));

  self->n_saves--;

  if (!carta_store_save_case_finish (CARTA_STORE (object), result, &error))
    {
      self->dirty = TRUE;
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
make_sample (GTask         *task,
             GCancellable  *cancellable,
             GError       **error)
{
  SampleJob *job = g_task_get_task_data (task);

  if (!carta_demo_populate (job->kase, job->dir, cancellable, error))
    {
      /* No half-made sample is left behind. */
      carta_fs_delete_recursive (job->dir, NULL, NULL);
      return FALSE;
    }

  /* The title says plainly that nobody here is real. */
  carta_case_set_title (job->kase, _("Sample case (fictional)"));
  return TRUE;
}

static void
on_sample_made_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CartaSession *self = CARTA_SESSION (object);
  g_autoptr(GTask) task = user_data;
  SampleJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  g_assert (CARTA_IS_SESSION (self));

  release_application (g_steal_pointer (&job->app));

  /* Cancelled means the window closed: the sample goes with it. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !carta_store_add_case (self->store, job->kase, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        carta_fs_delete_recursive (job->dir, NULL, NULL);
      else
        g_warning ("Could not create the sample case (%s %d)",
                   g_quark_to_string (error->domain), error->code);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_object_ref (job->kase), g_object_unref);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CartaCase *kase;
  GError *error = NULL;

  kase = carta_bundle_reader_import_finish (CARTA_BUNDLE_READER (object), result, &error);
  /* Dropping the task data releases the application. */
  g_task_set_task_data (task, NULL, NULL);

  if (kase == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, kase, g_object_unref);
}

/* The end of a job whose answer is a case in the store. */
static CartaCase *
propagate_case (CartaSession  *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (CARTA_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
carta_session_constructed (GObject *object)
{
  CartaSession *self = (CartaSession *)object;
  GListModel *cases;

  G_OBJECT_CLASS (carta_session_parent_class)->constructed (object);

  g_assert (CARTA_IS_STORE (self->store));

  /* Every case is watched, not just the open one: see on_case_changed_cb. */
  cases = carta_store_get_cases (self->store);
  g_signal_connect_object (cases, "items-changed", G_CALLBACK (on_cases_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_cases_changed_cb (self, 0, 0, g_list_model_get_n_items (cases), cases);
}

static void
carta_session_dispose (GObject *object)
{
  CartaSession *self = (CartaSession *)object;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (carta_session_parent_class)->dispose (object);
}

static void
carta_session_finalize (GObject *object)
{
  CartaSession *self = (CartaSession *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (carta_session_parent_class)->finalize (object);
}

static void
carta_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CartaSession *self = CARTA_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CartaSession *self = CARTA_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CASE:
      carta_session_set_case (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_session_class_init (CartaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = carta_session_constructed;
  object_class->dispose = carta_session_dispose;
  object_class->finalize = carta_session_finalize;
  object_class->get_property = carta_session_get_property;
  object_class->set_property = carta_session_set_property;

  /**
   * CartaSession:store:
   *
   * Where the cases live.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CARTA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CartaSession:case:
   *
   * The open case; its changes are saved shortly after they are made.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CARTA_TYPE_CASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CartaSession::save-failed:
   * @error: what went wrong
   *
   * An autosave failed. Emitted once until a save works again; the
   * session keeps trying meanwhile.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * CartaSession::case-deleted:
   * @kase: the case just deleted
   *
   * The open case was deleted and another one opened. Until
   * carta_session_purge_deleted(), carta_session_undelete_case() brings
   * it back.
   */
  signals[CASE_DELETED] =
    g_signal_new ("case-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CARTA_TYPE_CASE);
}

static void
carta_session_init (CartaSession *self)
{
}

/**
 * carta_session_new:
 * @store: where the cases live
 *
 * Returns: (transfer full): a session with no case open
 */
CartaSession *
carta_session_new (CartaStore *store)
{
  g_return_val_if_fail (CARTA_IS_STORE (store), NULL);

  return g_object_new (CARTA_TYPE_SESSION, "store", store, NULL);
}

/**
 * carta_session_get_store:
 *
 * Returns: (transfer none): where the cases live
 */
CartaStore *
carta_session_get_store (CartaSession *self)
{
  g_return_val_if_fail (CARTA_IS_SESSION (self), NULL);
  return self->store;
}

/**
 * carta_session_get_case:
 *
 * Returns: (transfer none) (nullable): the open case
 */
CartaCase *
carta_session_get_case (CartaSession *self)
{
  g_return_val_if_fail (CARTA_IS_SESSION (self), NULL);
  return self->kase;
}

/**
 * carta_session_set_case:
 * @kase: (nullable): the case to open
 *
 * Opens @kase, after writing what is still unsaved of the case open now.
 */
void
carta_session_set_case (CartaSession *self,
                        CartaCase    *kase)
{
  g_return_if_fail (CARTA_IS_SESSION (self));
  g_return_if_fail (!kase || CARTA_IS_CASE (kase));

  if (self->kase == kase)
    return;

  if (self->kase != NULL)
    carta_session_save_now (self, NULL);

  g_set_object (&self->kase, kase);

  if (kase != NULL)
    watch_case (self, kase);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * carta_session_save_now:
 *
 * Writes pending changes of the open case at once, as on close.
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
carta_session_save_now (CartaSession  *self,
                        GError       **error)
{
  g_return_val_if_fail (CARTA_IS_SESSION (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (!self->dirty || self->kase == NULL)
    return TRUE;

  /* The store orders this after any save still running in a thread. */
  self->dirty = FALSE;
  if (!carta_store_save_case (self->store, self->kase, error))
    {
      self->dirty = TRUE;
      return FALSE;
    }

  return TRUE;
}

/**
 * carta_session_save_async:
 *
 * Writes pending changes of the open case in a thread; what the autosave
 * does once typing stops.
 */
void
carta_session_save_async (CartaSession        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CARTA_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_session_save_async);

  if (!self->dirty || self->kase == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->dirty = FALSE;
  self->n_saves++;
  carta_store_save_case_async (self->store, self->kase, cancellable,
                               on_store_save_done_cb, g_steal_pointer (&task));
}

gboolean
carta_session_save_finish (CartaSession  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CARTA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * carta_session_create_case:
 * @title: the new case's name
 *
 * Creates a case in the store and opens it.
 *
 * Returns: (transfer none) (nullable): the new case
 */
CartaCase *
carta_session_create_case (CartaSession  *self,
                           const char    *title,
                           GError       **error)
{
  CartaCase *kase;
  GError *local_error = NULL;

  g_return_val_if_fail (CARTA_IS_SESSION (self), NULL);

  if (!(kase = carta_store_create_case (self->store, title, &local_error)))
    {
      g_warning ("Could not create a case: %s", local_error->message);
      g_propagate_error (error, local_error);
      return NULL;
    }

  carta_session_set_case (self, kase);

  return kase;
}

void
carta_session_rename_case (CartaSession *self,
                           const char   *title)
{
  g_return_if_fail (CARTA_IS_SESSION (self));

  if (self->kase != NULL)
    carta_case_set_title (self->kase, title);
}

/**
 * carta_session_delete_case:
 *
 * Deletes the open case, opens the first one left and emits
 * #CartaSession::case-deleted.
 *
 * Returns: %FALSE if the case could not be deleted
 */
gboolean
carta_session_delete_case (CartaSession  *self,
                           GError       **error)
{
  g_autoptr(CartaCase) kase = NULL;
  GError *local_error = NULL;
  GListModel *cases;

  g_return_val_if_fail (CARTA_IS_SESSION (self), FALSE);

  if (self->kase == NULL)
    return TRUE;

  kase = g_object_ref (self->kase);

  /* Anything still unsaved goes to disk first, so undo restores it all. */
  carta_session_save_now (self, NULL);

  if (!carta_store_delete_case (self->store, kase, &local_error))
    {
      g_warning ("Could not delete a case: %s", local_error->message);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  cases = carta_store_get_cases (self->store);
  if (g_list_model_get_n_items (cases) > 0)
    {
      g_autoptr(CartaCase) next = g_list_model_get_item (cases, 0);
      carta_session_set_case (self, next);
    }
  else
    carta_session_set_case (self, NULL);

  g_signal_emit (self, signals[CASE_DELETED], 0, kase);

  return TRUE;
}

/**
 * carta_session_undelete_case:
 * @kase: a case from #CartaSession::case-deleted
 *
 * Brings @kase back and opens it.
 */
gboolean
carta_session_undelete_case (CartaSession  *self,
                             CartaCase     *kase,
                             GError       **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (CARTA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  if (!carta_store_undelete_case (self->store, kase, &local_error))
    {
      g_warning ("Could not restore a case: %s", local_error->message);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  carta_session_set_case (self, kase);

  return TRUE;
}

/**
 * carta_session_purge_deleted:
 * @kase: a case from #CartaSession::case-deleted
 *
 * Removes @kase for good: it can no longer be undone.
 */
void
carta_session_purge_deleted (CartaSession *self,
                             CartaCase    *kase)
{
  g_return_if_fail (CARTA_IS_SESSION (self));
  g_return_if_fail (CARTA_IS_CASE (kase));

  carta_store_purge_deleted (self->store, carta_case_get_id (kase));
}

/**
 * carta_session_set_aside_case:
 * @kase: a case in the store, open or not
 *
 * Sets @kase aside as a deletion does, before a bundle's copy of it
 * takes its place; carta_session_undelete_case() or
 * carta_session_undo_replace() bring it back, and
 * carta_session_purge_deleted() removes it for good. Emits no
 * #CartaSession::case-deleted: this is not the family deleting a case.
 */
gboolean
carta_session_set_aside_case (CartaSession  *self,
                              CartaCase     *kase,
                              GError       **error)
{
  g_autoptr(CartaCase) hold = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CARTA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (kase), FALSE);

  hold = g_object_ref (kase);

  /* Set aside as it is now, so bringing it back loses nothing. */
  if (kase == self->kase)
    carta_session_save_now (self, NULL);

  if (!carta_store_delete_case (self->store, kase, &local_error))
    {
      g_warning ("Could not set a case aside: %s", local_error->message);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (kase == self->kase)
    carta_session_set_case (self, NULL);

  return TRUE;
}

/**
 * carta_session_undo_replace:
 * @copy: the case a bundle brought in
 * @replaced: the case carta_session_set_aside_case() set aside for it
 *
 * Takes @copy out for good (the bundle still holds it) and brings
 * @replaced back, open.
 */
gboolean
carta_session_undo_replace (CartaSession  *self,
                            CartaCase     *copy,
                            CartaCase     *replaced,
                            GError       **error)
{
  g_autoptr(CartaCase) hold = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CARTA_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (copy), FALSE);
  g_return_val_if_fail (CARTA_IS_CASE (replaced), FALSE);

  hold = g_object_ref (copy);
  if (copy == self->kase)
    carta_session_set_case (self, NULL);

  if (carta_store_find_case (self->store, carta_case_get_id (copy)) == copy &&
      !carta_store_discard_case (self->store, copy, &local_error))
    {
      g_warning ("Could not take back a copy from a bundle: %s", local_error->message);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return carta_session_undelete_case (self, replaced, error);
}

/**
 * carta_session_restore_backup:
 * @id: a case the store could not read
 *
 * Opens the copy from the save before, in place of the damaged file.
 *
 * Returns: (transfer none) (nullable): the restored case
 */
CartaCase *
carta_session_restore_backup (CartaSession  *self,
                              const char    *id,
                              GError       **error)
{
  GError *local_error = NULL;
  CartaCase *kase;

  g_return_val_if_fail (CARTA_IS_SESSION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!(kase = carta_store_restore_backup (self->store, id, &local_error)))
    {
      g_warning ("Could not restore a backup: %s", local_error->message);
      g_propagate_error (error, local_error);
      return NULL;
    }

  carta_session_set_case (self, kase);

  return kase;
}

/**
 * carta_session_create_sample_async:
 * @cancellable: cancelling removes what was made so far
 *
 * Makes the sample case for a fictional patient and adds it to the store,
 * in a thread because it draws PDFs and photos and writes a small DICOM
 * study. The case is not opened.
 */
void
carta_session_create_sample_async (CartaSession        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  SampleJob *job;

  g_return_if_fail (CARTA_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (SampleJob, 1);
  job->kase = carta_case_new (_("Sample case (fictional)"));
  job->dir = carta_store_get_case_dir (self->store, job->kase);
  job->app = hold_application ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_session_create_sample_async);
  /* The thread's own task decides about cancelling. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify)sample_job_free);

  thread_task = g_task_new (self, cancellable, on_sample_made_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, carta_session_create_sample_async);
  g_task_set_task_data (thread_task, job, NULL);
  carta_task_run_boolean_in_thread (thread_task, make_sample);
}

/**
 * carta_session_create_sample_finish:
 *
 * Returns: (transfer full) (nullable): the sample case, now in the store
 */
CartaCase *
carta_session_create_sample_finish (CartaSession  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return propagate_case (self, result, carta_session_create_sample_async, error);
}

/**
 * carta_session_import_async:
 * @reader: the bundle, with its passphrase if it needs one
 *
 * Verifies the bundle completely and adds its case to the store; the
 * case is not opened.
 */
void
carta_session_import_async (CartaSession        *self,
                            CartaBundleReader   *reader,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CARTA_IS_SESSION (self));
  g_return_if_fail (CARTA_IS_BUNDLE_READER (reader));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, carta_session_import_async);
  /* A cancel that comes once the case is in the store cannot undo it:
   * the reader's answer stands. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, hold_application (), release_application);

  carta_bundle_reader_import_async (reader, self->store, cancellable,
                                    on_import_done_cb, g_steal_pointer (&task));
}

/**
 * carta_session_import_finish:
 *
 * Returns: (transfer full) (nullable): the case the bundle held
 */
CartaCase *
carta_session_import_finish (CartaSession  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return propagate_case (self, result, carta_session_import_async, error);
}

/**
 * carta_session_close:
 *
 * Saves the open case and removes the copies its removals left, as
 * the window closes. Cases that are not open are no longer saved.
 */
void
carta_session_close (CartaSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CARTA_IS_SESSION (self));

  if (!carta_session_save_now (self, &error))
    g_warning ("Could not save on close: %s", error->message);
  else if (self->kase != NULL)
    {
      /* Removals can no longer be undone: the copies they left go now.
       * Only after a good save, so case.json never names a removed copy. */
      g_autoptr(GFile) dir = carta_store_get_case_dir (self->store, self->kase);
      g_auto(GStrv) used = carta_cleanup_list_used (self->kase);
      g_autoptr(GError) cleanup_error = NULL;

      carta_cleanup_case_folder (dir, (const char * const *)used, NULL, &cleanup_error);
      if (cleanup_error != NULL)
        g_warning ("Could not remove unused copies: %s", cleanup_error->message);
    }

  self->closed = TRUE;
}
