/* ml-lesson-library-files.c — copying a pack into the library's folder, and taking one out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack's folder is copied whole: every regular file within the pack's limits, and what a
 * symbolic link inside the folder points to when that is a file inside it too. Anything else
 * (devices, pipes, links out of the folder, hidden folders such as .git, files larger than a
 * pack may read) cannot be part of a pack and is left behind; the copy is read again after,
 * so a pack that needed it would be refused, not imported broken.
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ml-file.h"
#include "ml-lesson-library-private.h"

/* Deeper than any pack needs, shallow enough that a loop of folders ends. */
#define MAX_DEPTH 16

static gboolean
ml_lesson_library_files_errno (GError     **error,
                               const char  *path,
                               const char  *failed,
                               int          saved_errno)
{
  g_autofree char *shown = ml_file_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s: %s", shown, failed, g_strerror (saved_errno));
  return FALSE;
}

/* @reason is a predicate from ml-file.c ("cannot be read: …"). */
static gboolean
ml_lesson_library_files_error (GError     **error,
                               const char  *path,
                               GError      *reason)
{
  g_autofree char *shown = ml_file_display_name (path);

  g_set_error (error, reason->domain, reason->code, "%s: %s", shown, reason->message);
  return FALSE;
}

/* Copies one file, flushed to disk, keeping nothing of the original's mode but its contents. */
static gboolean
ml_lesson_library_files_copy_file (const char  *from,
                                   const char  *to,
                                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!(data = ml_file_read_contents (from, ML_LESSON_PACK_MAX_FILE_SIZE, &length, &local_error)))
    return ml_lesson_library_files_error (error, from, local_error);
  if (!ml_file_replace_contents (to, data, length, &local_error))
    return ml_lesson_library_files_error (error, to, local_error);
  return TRUE;
}

/* Whether @path (with @st from lstat) is a file a pack could read: regular, or a link to a
 * regular file inside @root_real, and no larger than a pack's file may be. */
static gboolean
ml_lesson_library_files_is_pack_file (const char *path,
                                      GStatBuf   *st,
                                      const char *root_real)
{
  g_autofree char *real = NULL;
  GStatBuf target;

  if (S_ISREG (st->st_mode))
    return st->st_size <= ML_LESSON_PACK_MAX_FILE_SIZE;
  if (!S_ISLNK (st->st_mode) || root_real == NULL || (real = realpath (path, NULL)) == NULL)
    return FALSE;
  if (!g_str_has_prefix (real, root_real) || real[strlen (root_real)] != '/')
    return FALSE;
  return g_stat (real, &target) == 0 && S_ISREG (target.st_mode) &&
         target.st_size <= ML_LESSON_PACK_MAX_FILE_SIZE;
}

static gboolean
ml_lesson_library_files_copy_tree (const char  *from,
                                   const char  *to,
                                   const char  *root_real,
                                   guint        depth,
                                   guint       *n_files,
                                   GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (depth > MAX_DEPTH)
    {
      g_autofree char *shown = ml_file_display_name (from);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a folder's name, %d a number */
                   _("%s: its folders are nested more than %d deep"), shown, MAX_DEPTH);
      return FALSE;
    }
  if (!(dir = g_dir_open (from, 0, &local_error)))
    return ml_lesson_library_files_error (error, from, local_error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      GStatBuf st;

      if (g_lstat (source, &st) != 0)
        return ml_lesson_library_files_errno (error, source, _("cannot be read"), errno);

      if (S_ISDIR (st.st_mode))
        {
          if (name[0] == '.')
            continue;
          if (g_mkdir (target, 0700) != 0)
            return ml_lesson_library_files_errno (error, target, _("cannot be created"), errno);
          if (!ml_lesson_library_files_copy_tree (source, target, root_real, depth + 1, n_files, error))
            return FALSE;
        }
      else if (ml_lesson_library_files_is_pack_file (source, &st, root_real))
        {
          if (++*n_files > ML_LESSON_PACK_MAX_FILES)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           /* Translators: %d is the most files a pack may have */
                           _("the pack’s folder holds more than %d files; a pack has at most %d"),
                           ML_LESSON_PACK_MAX_FILES, ML_LESSON_PACK_MAX_FILES);
              return FALSE;
            }
          if (!ml_lesson_library_files_copy_file (source, target, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * _ml_lesson_library_stage_file:
 * @directory: the library's folder, which exists
 * @source: a single-file pack
 *
 * Returns: (transfer full) (nullable): a hidden copy of @source in @directory, flushed to disk
 */
char *
_ml_lesson_library_stage_file (const char  *directory,
                               const char  *source,
                               const char  *id,
                               GError     **error)
{
  g_autofree char *template = g_strdup_printf (".%s.mlpack-XXXXXX", id);
  g_autofree char *staged = g_build_filename (directory, template, NULL);
  int fd;

  if ((fd = g_mkstemp_full (staged, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      ml_lesson_library_files_errno (error, directory, _("cannot be written to"), errno);
      return NULL;
    }
  close (fd);

  if (!ml_lesson_library_files_copy_file (source, staged, error))
    {
      g_unlink (staged);
      return NULL;
    }
  return g_steal_pointer (&staged);
}

/**
 * _ml_lesson_library_stage_folder:
 * @source: a pack's folder
 *
 * Returns: (transfer full) (nullable): a hidden copy of the folder in @directory, made of what
 *   a pack can read (see the top of this file)
 */
char *
_ml_lesson_library_stage_folder (const char  *directory,
                                 const char  *source,
                                 const char  *id,
                                 GError     **error)
{
  g_autofree char *template = g_strdup_printf (".%s-XXXXXX", id);
  g_autofree char *staged = g_build_filename (directory, template, NULL);
  char *root_real;
  guint n_files = 0;
  gboolean ok;

  if (g_mkdtemp_full (staged, 0700) == NULL)
    {
      ml_lesson_library_files_errno (error, directory, _("cannot be written to"), errno);
      return NULL;
    }

  root_real = realpath (source, NULL);
  ok = ml_lesson_library_files_copy_tree (source, staged, root_real, 0, &n_files, error);
  free (root_real);
  if (!ok)
    {
      _ml_lesson_library_delete_tree (staged, NULL);
      return NULL;
    }
  return g_steal_pointer (&staged);
}

/**
 * _ml_lesson_library_set_aside:
 * @aside: (out) (transfer full) (nullable): the hidden name @path now has, or %NULL when
 *   nothing was there
 *
 * Renames a file or folder to a hidden name beside it, to be deleted or put back.
 *
 * Returns: %TRUE if nothing is left at @path
 */
gboolean
_ml_lesson_library_set_aside (const char  *path,
                              char       **aside,
                              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.old-XXXXXX", base);
  g_autofree char *reserved = g_build_filename (folder, template, NULL);
  gboolean reserved_ok;
  GStatBuf st;

  *aside = NULL;
  if (g_lstat (path, &st) != 0)
    return errno == ENOENT || ml_lesson_library_files_errno (error, path, _("cannot be replaced"), errno);

  /* A new empty folder or file holds the name; rename() replaces either with its own kind. */
  if (S_ISDIR (st.st_mode))
    reserved_ok = g_mkdtemp_full (reserved, 0700) != NULL;
  else
    {
      int fd = g_mkstemp_full (reserved, O_RDONLY | O_CLOEXEC, 0600);

      reserved_ok = fd >= 0 && close (fd) == 0;
    }
  if (!reserved_ok)
    return ml_lesson_library_files_errno (error, folder, _("cannot be written to"), errno);
  if (g_rename (path, reserved) != 0)
    {
      int saved_errno = errno;

      g_remove (reserved);
      return ml_lesson_library_files_errno (error, path, _("cannot be replaced"), saved_errno);
    }
  *aside = g_steal_pointer (&reserved);
  return TRUE;
}

/**
 * _ml_lesson_library_delete_tree:
 *
 * Deletes a file, or a folder with everything in it; a symbolic link is deleted, never
 * followed.
 */
gboolean
_ml_lesson_library_delete_tree (const char  *path,
                                GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return ml_lesson_library_files_errno (error, path, _("cannot be deleted"), errno);

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GDir) dir = g_dir_open (path, 0, &local_error);
      const char *name;

      if (dir == NULL)
        return ml_lesson_library_files_error (error, path, local_error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!_ml_lesson_library_delete_tree (child, error))
            return FALSE;
        }
      if (g_rmdir (path) != 0)
        return ml_lesson_library_files_errno (error, path, _("cannot be deleted"), errno);
      return TRUE;
    }

  if (g_unlink (path) != 0)
    return ml_lesson_library_files_errno (error, path, _("cannot be deleted"), errno);
  return TRUE;
}
