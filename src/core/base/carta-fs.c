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
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carta-error.h"
#include "carta-fs-private.h"

#define BACKUP_SUFFIX ".bak"

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

/* Sets @error from @saved_errno; @format takes the path, then the reason. */
gboolean
_carta_set_io_error (GError     **error,
                     int          saved_errno,
                     const char  *format,
                     const char  *path)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, CARTA_ERROR, CARTA_ERROR_IO, format, path, g_strerror (saved_errno));
#pragma GCC diagnostic pop
  return FALSE;
}

/* _carta_fsync_dir() for the folder that holds @path, with the error
 * worded by the caller (@format takes the folder, then the reason). */
gboolean
_carta_fsync_parent (const char  *path,
                     const char  *format,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (_carta_fsync_dir (dir))
    return TRUE;

  return _carta_set_io_error (error, errno, format, dir);
}

/* Whether @name is @prefix, the six letters g_mkstemp() puts for XXXXXX,
 * then @suffix: only Carta's own temporaries, never a family's file. */
static gboolean
is_temporary_name (const char *name,
                   const char *prefix,
                   const char *suffix)
{
  gsize prefix_len = strlen (prefix);
  gsize suffix_len = strlen (suffix);

  if (strlen (name) != prefix_len + 6 + suffix_len ||
      strncmp (name, prefix, prefix_len) != 0 ||
      strcmp (name + prefix_len + 6, suffix) != 0)
    return FALSE;

  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (name[prefix_len + i]))
      return FALSE;

  return TRUE;
}

/* A temporary file is locked while it is being written: a lock dies with
 * its process, even under kill -9, so a temporary nobody holds is left
 * over and _carta_remove_stale_temporaries() may take it away. */
void
_carta_lock_temporary (int fd)
{
  while (flock (fd, LOCK_EX) != 0 && errno == EINTR)
    ;
}

/* Removes from @dir the files named @prefix + XXXXXX + @suffix that no
 * running writer holds: what a crash, a power cut or kill -9 left. Links
 * and folders of that name are left alone. Returns how many went. */
guint
_carta_remove_stale_temporaries (const char *dir,
                                 const char *prefix,
                                 const char *suffix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  int dir_fd;
  const char *name;
  guint removed = 0;

  if (listing == NULL || (dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
    return 0;

  while ((name = g_dir_read_name (listing)))
    {
      struct stat st;
      int fd;

      if (!is_temporary_name (name, prefix, suffix))
        continue;

      fd = openat (dir_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 && unlinkat (dir_fd, name, 0) == 0)
        removed++;
      close (fd);
    }

  if (removed > 0)
    fsync (dir_fd);
  close (dir_fd);

  return removed;
}

/* Writes @data to @path as HACKING.md's "Durable writes" says: a
 * temporary file beside it, written in full, synced, closed, renamed,
 * then the folder synced. The temporary file never outlives a failure. */
gboolean
_carta_write_file_atomic (const char      *path,
                          const char      *data,
                          gsize            length,
                          gboolean         backup,
                          CartaWriteHook   hook,
                          gpointer         hook_data,
                          GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd;
  int saved_errno;

  if ((fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    return _carta_set_io_error (error, errno, _("Could not create a file in “%s”: %s"), dir);
  _carta_lock_temporary (fd);

  if (!_carta_write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temp);
      return _carta_set_io_error (error, saved_errno, _("Could not write “%s”: %s"), temp);
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      return _carta_set_io_error (error, saved_errno, _("Could not write “%s”: %s"), temp);
    }

  if (hook != NULL && !hook (temp, hook_data, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (backup && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *bak = g_strconcat (path, BACKUP_SUFFIX, NULL);

      /* A hard link keeps the previous version without a moment when
       * the file is missing. */
      if (g_unlink (bak) != 0 && errno != ENOENT)
        g_warning ("Could not replace a backup: %s", g_strerror (errno));
      else if (link (path, bak) != 0)
        {
          g_autoptr(GFile) src = g_file_new_for_path (path);
          g_autoptr(GFile) dst = g_file_new_for_path (bak);
          g_autoptr(GError) copy_error = NULL;

          if (!g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &copy_error))
            g_warning ("Could not keep a backup: %s", copy_error->message);
        }
    }

  if (g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      return _carta_set_io_error (error, saved_errno, _("Could not replace “%s”: %s"), path);
    }

  return _carta_fsync_parent (path, _("Could not sync the folder “%s”: %s"), error);
}

/* A file name found in a folder may hold anything but "/" and NUL: bytes
 * that are not UTF-8 (shown escaped, as g_filename_display_name() does)
 * and control characters, which could move a terminal's cursor or
 * split a line of a message. Those become "?". */
char *
_carta_display_name (const char *filename)
{
  char *shown = g_filename_display_name (filename);

  for (char *p = shown; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = '?';

  return shown;
}

/* Opens @relative under @root one part at a time, never following a
 * link: a link anywhere on the way, even one pointing back inside, is
 * refused with ELOOP, so nothing from outside @root can be read through
 * it. The last part must be a regular file. Returns the descriptor, or
 * -1 with errno set. */
int
_carta_open_beneath (const char *root,
                     const char *relative)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  int dir = open (root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct stat st;
  int fd = -1;

  for (guint i = 0; dir >= 0 && parts[i] != NULL; i++)
    {
      gboolean last = parts[i + 1] == NULL;
      int saved_errno;

      if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        {
          close (dir);
          errno = EINVAL;
          return -1;
        }

      fd = openat (dir, parts[i], O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK |
                                  (last ? 0 : O_DIRECTORY));
      saved_errno = errno;
      /* O_DIRECTORY on a link may give ENOTDIR: say it is a link. */
      if (fd < 0 && saved_errno == ENOTDIR &&
          fstatat (dir, parts[i], &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK (st.st_mode))
        saved_errno = ELOOP;
      close (dir);
      errno = saved_errno;
      if (fd < 0)
        return -1;
      if (last)
        break;
      dir = fd;
      fd = -1;
    }

  if (fd < 0)
    return -1;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      errno = EINVAL;
      return -1;
    }

  /* Opened without blocking so a FIFO cannot hang us; reads block. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

/**
 * carta_fs_get_opened_copies_dir:
 *
 * The folder for read-only copies of attachments the person opened in
 * another application. They serve one run only: the application empties
 * it at start-up.
 *
 * Returns: (transfer full): the folder's path
 */
char *
carta_fs_get_opened_copies_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "carta", "opened", NULL);
}

/**
 * _carta_secret_wipe:
 * @secret: (nullable): a passphrase, password or token
 *
 * Overwrites @secret with zeros where the compiler cannot drop it.
 */
void
_carta_secret_wipe (char *secret)
{
  if (secret != NULL)
    explicit_bzero (secret, strlen (secret));
}

/* Wipes, then frees: a GDestroyNotify for secrets. */
void
_carta_secret_free (char *secret)
{
  _carta_secret_wipe (secret);
  g_free (secret);
}

void
_carta_secret_clear (char **secret)
{
  _carta_secret_free (g_steal_pointer (secret));
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
