/* ml-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file name comes from outside, and so does whatever stands at it: a folder, a pipe that
 * would block a reader for ever, a symbolic link. Reading refuses all but regular files before
 * it reads a byte; writing goes through a temporary file beside the real target, so a crash
 * leaves the old contents or the new ones, never half of either.
 */

#define G_LOG_DOMAIN "ml-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ml-file.h"
#include "ml-json-private.h"

/* As the kernel does: beyond this many links in a row, it is a loop. */
#define MAX_LINKS 40

/**
 * ml_file_display_name:
 * @filename: a name in the file system's encoding, as given
 *
 * Returns: (transfer full): @filename as UTF-8 for a one-line message, its line breaks,
 *   control and bidi characters escaped (\n, \x1b, \u202E)
 */
char *
ml_file_display_name (const char *filename)
{
  g_autofree char *utf8 = NULL;
  GString *out;

  g_return_val_if_fail (filename != NULL, NULL);

  utf8 = g_filename_display_name (filename);
  out = g_string_new (NULL);
  _ml_json_append_one_line (out, utf8, 0);
  return g_string_free (out, FALSE);
}

static const char *
ml_file_describe_type (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("it is a folder");
  if (S_ISFIFO (mode))
    return _("it is a pipe (FIFO), not a file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device, not a file");
  if (S_ISSOCK (mode))
    return _("it is a socket, not a file");
  return _("it is not a regular file");
}

/* @failed says what could not be done: "cannot be read". */
static gboolean
ml_file_set_errno (GError     **error,
                   const char  *failed,
                   int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", failed, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
ml_file_set_not_regular (GError     **error,
                         const char  *failed,
                         mode_t       mode)
{
  g_set_error (error, G_IO_ERROR, S_ISDIR (mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
               "%s: %s", failed, ml_file_describe_type (mode));
  return FALSE;
}

/* Reads what @fd holds, up to @max_size + 1 bytes: one more than allowed says it is too long. */
static GByteArray *
ml_file_read_fd (int      fd,
                 gsize    max_size,
                 GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[65536];

  while (bytes->len <= max_size)
    {
      gssize n = read (fd, buffer, MIN (sizeof buffer, max_size + 1 - bytes->len));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          ml_file_set_errno (error, _("cannot be read"), errno);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, buffer, n);
    }
  return g_steal_pointer (&bytes);
}

static gboolean
ml_file_too_large (guint64   size,
                   gsize    *length,
                   GError  **error)
{
  *length = size;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, _("is too large"));
  return FALSE;
}

/* Opens @filename for reading if it is a regular file of at most @max_size bytes: checked
 * before it is opened, and again on what was opened, without blocking, in case a pipe was put
 * in its place meanwhile. Returns the descriptor, or -1. */
static int
ml_file_open_regular (const char  *filename,
                      gsize        max_size,
                      gsize       *length,
                      GError     **error)
{
  GStatBuf st;
  int fd;

  if (g_stat (filename, &st) != 0)
    {
      ml_file_set_errno (error, _("cannot be read"), errno);
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    {
      ml_file_set_not_regular (error, _("cannot be read"), st.st_mode);
      return -1;
    }
  /* Refused before reading, so that a huge file costs nothing. */
  if ((guint64)st.st_size > max_size)
    {
      ml_file_too_large (st.st_size, length, error);
      return -1;
    }

  if ((fd = g_open (filename, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0)) < 0)
    {
      ml_file_set_errno (error, _("cannot be read"), errno);
      return -1;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      ml_file_set_errno (error, _("cannot be read"), saved_errno);
      return -1;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      ml_file_set_not_regular (error, _("cannot be read"), st.st_mode);
      return -1;
    }
  return fd;
}

/**
 * ml_file_read_contents:
 * @max_size: the most bytes the caller takes
 * @length: (out): the length of the contents; or, when the file is larger than @max_size,
 *   its size, with @error set to %G_IO_ERROR_MESSAGE_TOO_LARGE
 *
 * Reads a regular file. Anything else (a folder, a device, a pipe) is refused before it is
 * opened, and nothing blocks on a pipe.
 *
 * Returns: (transfer full) (nullable): the contents, with a NUL byte after them; or %NULL with
 *   @error in the %G_IO_ERROR domain, its message a predicate to follow the file's name:
 *   "cannot be read: it is a pipe (FIFO), not a file"
 */
char *
ml_file_read_contents (const char  *filename,
                       gsize        max_size,
                       gsize       *length,
                       GError     **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  int fd;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  if ((fd = ml_file_open_regular (filename, max_size, length, error)) < 0)
    return NULL;
  bytes = ml_file_read_fd (fd, max_size, error);
  close (fd);

  if (bytes == NULL)
    return NULL;
  if (bytes->len > max_size)
    {
      ml_file_too_large (bytes->len, length, error);
      return NULL;
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *)"", 1);
  return (char *)g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* Where a write to @filename really goes: through every symbolic link, to the file (or the
 * name of the file to create) at the end. */
static char *
ml_file_follow_links (const char  *filename,
                      GError     **error)
{
  g_autofree char *path = g_strdup (filename);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *folder = NULL;

      /* Not a link, or nothing there yet: this is the name to write. */
      if (target == NULL)
        return g_steal_pointer (&path);

      folder = g_path_get_dirname (path);
      g_free (path);
      path = g_path_is_absolute (target) ? g_steal_pointer (&target) : g_build_filename (folder, target, NULL);
    }

  ml_file_set_errno (error, _("cannot be saved"), ELOOP);
  return NULL;
}

static gboolean
ml_file_write_all (int          fd,
                   const char  *data,
                   gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* The rename is on disk only once the folder is: flushed as well, where the system can. */
static void
ml_file_sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Writes @data into a new temporary file beside @target and renames it over @target. */
static gboolean
ml_file_replace_target (const char  *target,
                        mode_t       mode,
                        gboolean     keep_mode,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *partial = g_build_filename (folder, template, NULL);
  int fd, saved_errno;

  if ((fd = g_mkstemp_full (partial, O_WRONLY | O_CLOEXEC, mode)) < 0)
    return ml_file_set_errno (error, _("cannot be saved in its folder"), errno);

  /* mkstemp's mode passes through the umask; the old file's mode is kept as it was. */
  if ((keep_mode && fchmod (fd, mode) != 0) || !ml_file_write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (partial);
      return ml_file_set_errno (error, _("could not be written"), saved_errno);
    }
  if (close (fd) != 0 || g_rename (partial, target) != 0)
    {
      saved_errno = errno;
      g_unlink (partial);
      return ml_file_set_errno (error, _("could not be written"), saved_errno);
    }

  ml_file_sync_folder (target);
  return TRUE;
}

/**
 * ml_file_replace_contents:
 * @filename: where to write; a symbolic link is followed, and stays a link
 *
 * Writes @data atomically: into a temporary file in the folder of the file @filename stands
 * for, flushed to disk, then renamed over it. An existing file keeps its mode; a new one is
 * made readable by everyone and writable by its owner, as the umask allows.
 *
 * Returns: %TRUE if the file holds @data; else %FALSE with @error in the %G_IO_ERROR domain,
 *   its message a predicate to follow the file's name ("cannot be saved: it is a folder"),
 *   never naming the temporary file
 */
gboolean
ml_file_replace_contents (const char  *filename,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!(target = ml_file_follow_links (filename, error)))
    return FALSE;

  if (g_stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        return ml_file_set_not_regular (error, _("cannot be saved"), st.st_mode);
      return ml_file_replace_target (target, st.st_mode & 07777, TRUE, data, length, error);
    }
  if (errno != ENOENT)
    return ml_file_set_errno (error, _("cannot be saved"), errno);
  return ml_file_replace_target (target, 0644, FALSE, data, length, error);
}
