/* carta-fs.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-fs"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "carta-fs-private.h"

/* Writes all of @data, going on after short writes and interruptions. */
gboolean
_carta_write_all (int         fd,
                  const void *data,
                  gsize       length)
{
  const guint8 *p = data;

  while (length > 0)
    {
      gssize n = write (fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;

      p += n;
      length -= n;
    }

  return TRUE;
}

/* Makes a rename or a new file in @path durable. File systems that
 * cannot sync a folder (EINVAL) have nothing to do. */
gboolean
_carta_fsync_dir (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0)
    return FALSE;

  if (fsync (fd) != 0 && errno != EINVAL)
    {
      saved_errno = errno;
      close (fd);
      errno = saved_errno;
      return FALSE;
    }

  close (fd);
  return TRUE;
}

gboolean
carta_fs_delete_recursive (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  /* Enumerating opens the folder a link points to: a link, whatever it
   * points to, is only ever removed itself. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable) == G_FILE_TYPE_DIRECTORY)
    enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (enumerator != NULL)
    {
      GFileInfo *info;
      GFile *child;

      for (;;)
        {
          /* A failed read of the folder is the error: deleting it then
           * would set a second one over it. */
          if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
            return FALSE;
          if (info == NULL)
            break;

          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            {
              if (!carta_fs_delete_recursive (child, cancellable, error))
                return FALSE;
            }
          else if (!g_file_delete (child, cancellable, error))
            return FALSE;
        }
    }

  return g_file_delete (file, cancellable, error);
}

/* The same for a path, where a failure needs no words (clean-up). */
gboolean
carta_fs_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return carta_fs_delete_recursive (file, NULL, NULL);
}
