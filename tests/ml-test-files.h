/* ml-test-files.h — temporary folders and files for the tests that write to disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

static inline char *
ml_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("margin-lab-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and, for a folder, everything in it; symbolic links are removed, not followed. */
static inline void
ml_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ml_test_remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

static inline void
ml_test_write_file (const char *path,
                    const char *data,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static inline char *
ml_test_read_file (const char *path,
                   gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* Copies a folder of regular files and folders, as the tests' fixtures are. */
static inline void
ml_test_copy_tree (const char *from,
                   const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        ml_test_copy_tree (source, target);
      else
        {
          gsize length;
          g_autofree char *data = ml_test_read_file (source, &length);

          ml_test_write_file (target, data, length);
        }
    }
}

/* Every name under @path, folders with a trailing '/', sorted, one a line: what a test
 * compares to say that a folder did not change. */
static inline void
ml_test_list_tree_into (GPtrArray  *names,
                        const char *path,
                        const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *shown = g_strconcat (prefix, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_autofree char *folder_prefix = g_strconcat (shown, "/", NULL);

          g_ptr_array_add (names, g_strdup (folder_prefix));
          ml_test_list_tree_into (names, child, folder_prefix);
        }
      else
        g_ptr_array_add (names, g_steal_pointer (&shown));
    }
}

static inline int
ml_test_compare_names (gconstpointer a,
                       gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static inline char *
ml_test_list_tree (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  ml_test_list_tree_into (names, path, "");
  g_ptr_array_sort (names, ml_test_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **)names->pdata);
}
