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
