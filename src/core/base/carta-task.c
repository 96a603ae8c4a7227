/* carta-task.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-task"

#include "config.h"

#include "carta-task.h"

/* What the thread runs, kept on the task. */
typedef struct
{
  CartaTaskPointerFunc pointer_work;
  CartaTaskBooleanFunc boolean_work;
  GDestroyNotify       result_free;
} TaskWork;

static GQuark
task_work_quark (void)
{
  return g_quark_from_static_string ("carta-task-work");
}

static void
task_work_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TaskWork *work = g_object_get_qdata (G_OBJECT (task), task_work_quark ());
  GError *error = NULL;

  g_assert (G_IS_TASK (task));
  g_assert (work != NULL);

  if (work->pointer_work != NULL)
    {
      gpointer result = work->pointer_work (task, cancellable, &error);

      if (result != NULL)
        g_task_return_pointer (task, result, work->result_free);
      else
        g_task_return_error (task, error);
    }
  else if (work->boolean_work (task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_in_thread (GTask                *task,
               CartaTaskPointerFunc  pointer_work,
               CartaTaskBooleanFunc  boolean_work,
               GDestroyNotify        result_free)
{
  TaskWork *work;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (pointer_work != NULL || boolean_work != NULL);

  work = g_new0 (TaskWork, 1);
  work->pointer_work = pointer_work;
  work->boolean_work = boolean_work;
  work->result_free = result_free;
  g_object_set_qdata_full (G_OBJECT (task), task_work_quark (), work, g_free);
  g_task_run_in_thread (task, task_work_thread);
}

/**
 * carta_task_run_pointer_in_thread:
 * @task: a task
 * @work: (scope call): the task's work
 * @result_free: (nullable): frees the result when nobody takes it
 *
 * Runs @work in a thread and returns its result, or its error, from
 * @task.
 */
void
carta_task_run_pointer_in_thread (GTask                *task,
                                  CartaTaskPointerFunc  work,
                                  GDestroyNotify        result_free)
{
  run_in_thread (task, work, NULL, result_free);
}

/**
 * carta_task_run_boolean_in_thread:
 * @task: a task
 * @work: (scope call): the task's work
 *
 * Runs @work in a thread and returns %TRUE, or its error, from @task.
 */
void
carta_task_run_boolean_in_thread (GTask                *task,
                                  CartaTaskBooleanFunc  work)
{
  run_in_thread (task, NULL, work, NULL);
}
