/* carta-task.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * CartaTaskPointerFunc:
 * @task: the task; its data is g_task_get_task_data()
 * @cancellable: (nullable): the task's cancellable
 * @error: return location for the error
 *
 * The work of a task, run in a thread.
 *
 * Returns: (transfer full) (nullable): the task's result, or %NULL with
 *   @error set
 */
typedef gpointer (*CartaTaskPointerFunc) (GTask         *task,
                                          GCancellable  *cancellable,
                                          GError       **error);

/**
 * CartaTaskBooleanFunc:
 *
 * Like #CartaTaskPointerFunc, for a task whose result is %TRUE, or
 * %FALSE with @error set.
 */
typedef gboolean (*CartaTaskBooleanFunc) (GTask         *task,
                                          GCancellable  *cancellable,
                                          GError       **error);

void carta_task_run_pointer_in_thread (GTask                *task,
                                       CartaTaskPointerFunc  work,
                                       GDestroyNotify        result_free);
void carta_task_run_boolean_in_thread (GTask                *task,
                                       CartaTaskBooleanFunc  work);

G_END_DECLS
