/* carta-progress.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-progress"

#include "config.h"

#include "carta-progress-private.h"

typedef struct
{
  GTask         *task;
  CartaProgress *progress;  /* lives in the task's data */
} ProgressReport;

static void
report_free (ProgressReport *report)
{
  g_object_unref (report->task);
  g_free (report);
}

static gboolean
report_cb (gpointer user_data)
{
  ProgressReport *report = user_data;
  CartaProgress *self = report->progress;
  guint64 done, total;

  g_mutex_lock (&self->lock);
  done = self->done;
  total = self->total;
  self->pending = FALSE;
  g_mutex_unlock (&self->lock);

  if (!g_task_get_completed (report->task))
    self->func (done, total, self->data);

  return G_SOURCE_REMOVE;
}

/* Called in the thread that starts the task: reports go to its context. */
void
_carta_progress_init (CartaProgress     *self,
                      CartaProgressFunc  func,
                      gpointer           data,
                      GDestroyNotify     data_destroy)
{
  self->func = func;
  self->data = data;
  self->data_destroy = data_destroy;
  self->context = g_main_context_ref_thread_default ();
  g_mutex_init (&self->lock);
}

void
_carta_progress_clear (CartaProgress *self)
{
  if (self->data_destroy != NULL)
    self->data_destroy (self->data);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);
}

void
_carta_progress_set_total (CartaProgress *self,
                           guint64        total)
{
  g_mutex_lock (&self->lock);
  self->total = total;
  g_mutex_unlock (&self->lock);
}

static void
schedule_report (CartaProgress *self,
                 GTask         *task)
{
  /* Not g_main_context_invoke(): it runs the function right here if
   * no thread owns the context at that moment. */
  g_autoptr(GSource) source = g_idle_source_new ();
  ProgressReport *report = g_new0 (ProgressReport, 1);

  report->task = g_object_ref (task);
  report->progress = self;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_cb, report, (GDestroyNotify)report_free);
  g_source_set_static_name (source, "[carta] progress");
  g_source_attach (source, self->context);
}

/* Sets the figures (@bytes more done, or both anew) and reports them:
 * with @task NULL (a blocking call) right here, else in the context
 * that started the task. */
static void
progress_change (CartaProgress *self,
                 GTask         *task,
                 gboolean       absolute,
                 guint64        done,
                 guint64        total)
{
  gboolean schedule = FALSE;

  if (self->func == NULL)
    return;

  g_mutex_lock (&self->lock);
  if (absolute)
    {
      self->done = done;
      self->total = total;
    }
  else
    self->done += done;
  done = self->done;
  total = self->total;
  if (task != NULL && !self->pending)
    self->pending = schedule = TRUE;
  g_mutex_unlock (&self->lock);

  if (task == NULL)
    self->func (done, total, self->data);
  else if (schedule)
    schedule_report (self, task);
}

void
_carta_progress_add (CartaProgress *self,
                     GTask         *task,
                     guint64        bytes)
{
  progress_change (self, task, FALSE, bytes, 0);
}

void
_carta_progress_update (CartaProgress *self,
                        GTask         *task,
                        guint64        done,
                        guint64        total)
{
  progress_change (self, task, TRUE, done, total);
}
