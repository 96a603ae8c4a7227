/* carta-fuzz.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "carta-fs.h"
#include "carta-fuzz.h"

static char *scratch_dir;

static void
remove_scratch (void)
{
  if (scratch_dir != NULL)
    carta_fs_remove_tree (scratch_dir);
}

/* Debug and info messages cost time on every input and say nothing. */
static void
quiet_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    {
      g_log_default_handler (domain, level, message, user_data);
      abort ();
    }
}

/* Hostile input must get a clear message, never a critical: a critical
 * means the code under test missed a check, so it is a crash like any
 * other. */
void
carta_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL);
  g_log_set_default_handler (quiet_log, NULL);
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

const char *
carta_fuzz_scratch_dir (void)
{
  if (scratch_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!(scratch_dir = g_dir_make_tmp ("carta-fuzz-XXXXXX", &error)))
        g_error ("No scratch folder: %s", error->message);
      atexit (remove_scratch);
    }

  return scratch_dir;
}

/* Writes @data to @name in the scratch folder; returns its path. */
char *
carta_fuzz_write (const char    *name,
                  const uint8_t *data,
                  size_t         size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (carta_fuzz_scratch_dir (), name, NULL);

  /* No fsync: the file lives for one input, and syncing would cost
   * most of the fuzzer's time. */
  if (!g_file_set_contents_full (path, (const char *)data, (gssize)size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("Cannot write the input: %s", error->message);

  return path;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  carta_fuzz_init ();
  return 0;
}
