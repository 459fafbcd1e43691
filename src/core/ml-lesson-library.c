/* ml-lesson-library.c — the packs a learner can take: the built-in course and imported packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An imported pack is copied into the library's folder as ID.mlpack or ID/, so that it stays
 * when the teacher's file is moved or deleted. A copy is put together under a hidden name
 * beside its place and renamed into it, and it is read again from there before it replaces
 * an older import of the same id: a failed import leaves the folder as it was. The folder is
 * read lazily, and a pack in it that cannot be read is left out and told, never fatal for the
 * others. The file work is in ml-lesson-library-files.c.
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ml-file.h"
#include "ml-lesson-library-private.h"
#include "ml-types.h"

#define MANIFEST "manifest.json"
#define SUFFIX   ".mlpack"

struct _MlLessonLibrary
{
  GObject     parent_instance;

  char       *directory;
  GListStore *packs;         /* MlLessonPack: the built-in course, then the others by title */
  GPtrArray  *broken;        /* char *, one line each; NULL-terminated */
  GPtrArray  *broken_paths;  /* char *: the file or folder each line is about */
  gboolean    loaded;
};

G_DEFINE_FINAL_TYPE (MlLessonLibrary, ml_lesson_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ml_lesson_library_finalize (GObject *object)
{
  MlLessonLibrary *self = (MlLessonLibrary *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_object (&self->packs);
  g_clear_pointer (&self->broken, g_ptr_array_unref);
  g_clear_pointer (&self->broken_paths, g_ptr_array_unref);

  G_OBJECT_CLASS (ml_lesson_library_parent_class)->finalize (object);
}

static void
ml_lesson_library_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MlLessonLibrary *self = ML_LESSON_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_lesson_library_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MlLessonLibrary *self = ML_LESSON_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_lesson_library_class_init (MlLessonLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ml_lesson_library_finalize;
  object_class->get_property = ml_lesson_library_get_property;
  object_class->set_property = ml_lesson_library_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_lesson_library_init (MlLessonLibrary *self)
{
  self->packs = g_list_store_new (ML_TYPE_LESSON_PACK);
  self->broken = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->broken_paths = g_ptr_array_new_with_free_func (g_free);
}

/**
 * ml_lesson_library_new:
 * @directory: the folder imported packs are kept in; it need not exist yet
 *
 * Returns: (transfer full): the library; nothing is read before the packs are asked for
 */
MlLessonLibrary *
ml_lesson_library_new (const char *directory)
{
  g_return_val_if_fail (directory != NULL, NULL);

  return g_object_new (ML_TYPE_LESSON_LIBRARY, "directory", directory, NULL);
}

const char *
ml_lesson_library_get_directory (MlLessonLibrary *self)
{
  g_return_val_if_fail (ML_IS_LESSON_LIBRARY (self), NULL);

  return self->directory;
}

/* The list */

static gboolean
ml_lesson_library_is_builtin (MlLessonPack *pack)
{
  return g_str_equal (ml_lesson_pack_get_id (pack), ML_LESSON_PACK_BUILTIN_ID);
}

/* The built-in course first, then by title, then by id so that the order is always the same. */
static int
ml_lesson_library_compare (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  MlLessonPack *pack_a = (MlLessonPack *)a, *pack_b = (MlLessonPack *)b;
  int order;

  if (ml_lesson_library_is_builtin (pack_a) != ml_lesson_library_is_builtin (pack_b))
    return ml_lesson_library_is_builtin (pack_a) ? -1 : 1;
  order = g_utf8_collate (ml_lesson_pack_get_title (pack_a), ml_lesson_pack_get_title (pack_b));
  return order != 0 ? order : strcmp (ml_lesson_pack_get_id (pack_a), ml_lesson_pack_get_id (pack_b));
}

static gboolean
ml_lesson_library_find_position (MlLessonLibrary *self,
                                 const char      *id,
                                 guint           *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packs));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MlLessonPack) pack = g_list_model_get_item (G_LIST_MODEL (self->packs), i);

      if (g_str_equal (ml_lesson_pack_get_id (pack), id))
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
ml_lesson_library_add_broken (MlLessonLibrary *self,
                              const char      *path,
                              char            *line)
{
  g_ptr_array_add (self->broken, line);
  g_ptr_array_add (self->broken_paths, g_strdup (path));
}

/* A pack read from the folder joins the list, unless its id is taken. */
static void
ml_lesson_library_add_read (MlLessonLibrary *self,
                            const char      *path,
                            MlLessonPack    *pack)
{
  g_autofree char *shown = ml_file_display_name (path);
  const char *id = ml_lesson_pack_get_id (pack);
  guint position;

  if (ml_lesson_library_is_builtin (pack))
    ml_lesson_library_add_broken (self, path,
                                  /* Translators: %s is a file's name, then a pack's id */
                                  g_strdup_printf (_("%s: the pack id “%s” is the built-in course’s"), shown, id));
  else if (ml_lesson_library_find_position (self, id, &position))
    ml_lesson_library_add_broken (self, path,
                                  /* Translators: %s is a file's name, then a pack's id */
                                  g_strdup_printf (_("%s: another pack in the library has the id “%s”"), shown, id));
  else
    g_list_store_insert_sorted (self->packs, pack, ml_lesson_library_compare, NULL);
}

static gboolean
ml_lesson_library_is_pack_name (const char *directory,
                                const char *name)
{
  g_autofree char *path = NULL;

  /* Hidden names are copies being put together or set aside. */
  if (name[0] == '.')
    return FALSE;
  if (g_str_has_suffix (name, SUFFIX))
    return TRUE;
  path = g_build_filename (directory, name, NULL);
  return g_file_test (path, G_FILE_TEST_IS_DIR);
}

static int
ml_lesson_library_compare_names (gconstpointer a,
                                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
ml_lesson_library_read_directory (MlLessonLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, &error);
  const char *name;

  /* A folder that is not there yet holds no pack; one that cannot be read is told. Its
   * message names it. */
  if (dir == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        ml_lesson_library_add_broken (self, self->directory, g_strdup (error->message));
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (ml_lesson_library_is_pack_name (self->directory, name))
      g_ptr_array_add (names, g_strdup (name));
  /* In name order, so that of two packs with one id it is always the same one left out. */
  g_ptr_array_sort (names, ml_lesson_library_compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (self->directory, g_ptr_array_index (names, i), NULL);
      g_autoptr(MlLessonPack) pack = NULL;
      g_autoptr(GError) local_error = NULL;

      if ((pack = ml_lesson_pack_new_from_file (path, NULL, &local_error)) != NULL)
        ml_lesson_library_add_read (self, path, pack);
      else
        ml_lesson_library_add_broken (self, path, g_strdup (local_error->message));
    }
}

static void
ml_lesson_library_ensure_loaded (MlLessonLibrary *self)
{
  MlLessonPack *builtin;

  if (self->loaded)
    return;
  self->loaded = TRUE;

  if ((builtin = ml_lesson_pack_get_builtin ()) != NULL)
    g_list_store_append (self->packs, builtin);
  ml_lesson_library_read_directory (self);
}

/**
 * ml_lesson_library_get_packs:
 *
 * Reads the library's folder the first time it is called.
 *
 * Returns: (transfer none): a list of #MlLessonPack: the built-in course, then every imported
 *   pack that could be read, by title
 */
GListModel *
ml_lesson_library_get_packs (MlLessonLibrary *self)
{
  g_return_val_if_fail (ML_IS_LESSON_LIBRARY (self), NULL);

  ml_lesson_library_ensure_loaded (self);
  return G_LIST_MODEL (self->packs);
}

/**
 * ml_lesson_library_get_broken:
 *
 * Returns: (transfer none) (array zero-terminated=1): one line for each pack in the library's
 *   folder that was left out, saying why ("FILE: PLACE: PROBLEM"); empty when there is none
 */
const char * const *
ml_lesson_library_get_broken (MlLessonLibrary *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (ML_IS_LESSON_LIBRARY (self), NULL);

  ml_lesson_library_ensure_loaded (self);
  /* An empty array may not have allocated its terminator yet. */
  return self->broken->len > 0 ? (const char * const *)self->broken->pdata : none;
}

/**
 * ml_lesson_library_find:
 * @id: a pack's id
 *
 * Returns: (transfer none) (nullable): the pack with @id, if the library has it
 */
MlLessonPack *
ml_lesson_library_find (MlLessonLibrary *self,
                        const char      *id)
{
  MlLessonPack *pack;
  guint position;

  g_return_val_if_fail (ML_IS_LESSON_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  ml_lesson_library_ensure_loaded (self);
  if (!ml_lesson_library_find_position (self, id, &position))
    return NULL;
  /* The store keeps its own reference while the pack is in it. */
  pack = g_list_model_get_item (G_LIST_MODEL (self->packs), position);
  g_object_unref (pack);
  return pack;
}

/**
 * ml_lesson_library_find_lesson:
 * @pack_id: (nullable): the pack to look in, or %NULL for the first pack that has @lesson_id
 * @pack: (out) (optional) (transfer none): the lesson's pack
 *
 * Returns: (transfer none) (nullable): the lesson, or %NULL if there is no such lesson
 */
MlLesson *
ml_lesson_library_find_lesson (MlLessonLibrary  *self,
                               const char       *pack_id,
                               const char       *lesson_id,
                               MlLessonPack    **pack)
{
  GListModel *packs;

  g_return_val_if_fail (ML_IS_LESSON_LIBRARY (self), NULL);
  g_return_val_if_fail (lesson_id != NULL, NULL);

  packs = ml_lesson_library_get_packs (self);
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(MlLessonPack) candidate = g_list_model_get_item (packs, i);
      MlLesson *lesson;

      if (pack_id != NULL && g_strcmp0 (pack_id, ml_lesson_pack_get_id (candidate)) != 0)
        continue;
      if ((lesson = ml_lesson_pack_find_lesson (candidate, lesson_id, NULL)) != NULL)
        {
          /* The store keeps its own reference while the pack is in it. */
          if (pack != NULL)
            *pack = candidate;
          return lesson;
        }
    }
  return NULL;
}

/* Importing */

static void
ml_lesson_library_forget_broken (MlLessonLibrary *self,
                                 const char      *path)
{
  for (guint i = self->broken_paths->len; i-- > 0;)
    if (g_str_equal (g_ptr_array_index (self->broken_paths, i), path))
      {
        g_ptr_array_remove_index (self->broken, i);
        g_ptr_array_remove_index (self->broken_paths, i);
      }
}

static void
ml_lesson_library_put_back (const char *aside,
                            const char *path)
{
  if (aside != NULL && g_rename (aside, path) != 0)
    g_debug ("%s could not be put back as %s: %s", aside, path, g_strerror (errno));
}

static void
ml_lesson_library_delete (const char *path)
{
  g_autoptr(GError) error = NULL;

  if (path != NULL && !_ml_lesson_library_delete_tree (path, &error))
    g_debug ("%s", error->message);
}

/* The copy holds all a pack can read, so it reads as the original did, unless the pack
 * reads files from a hidden folder, which is not copied (it is where .git and the like go). */
static MlLessonPack *
ml_lesson_library_read_copy (const char  *source,
                             const char  *copy,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  MlLessonPack *pack = ml_lesson_pack_new_from_file (copy, NULL, &local_error);

  if (pack == NULL)
    {
      g_autofree char *shown = ml_file_display_name (source);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a pack's file or folder, then the copy's first problem */
                   _("%s: its copy in the library cannot be read (files in hidden folders are not copied): %s"),
                   shown, local_error->message);
    }
  return pack;
}

/* Renames @staged to ID/ or ID.mlpack, in place of any older import of the same id (of
 * either kind), and reads the pack from there; on failure, the older import is put back. */
static MlLessonPack *
ml_lesson_library_put_in_place (MlLessonLibrary  *self,
                                const char       *source,
                                const char       *staged,
                                const char       *id,
                                gboolean          is_folder,
                                GError          **error)
{
  g_autofree char *file_name = g_strconcat (id, SUFFIX, NULL);
  g_autofree char *folder_path = g_build_filename (self->directory, id, NULL);
  g_autofree char *file_path = g_build_filename (self->directory, file_name, NULL);
  g_autofree char *folder_aside = NULL, *file_aside = NULL;
  const char *target = is_folder ? folder_path : file_path;
  MlLessonPack *pack = NULL;
  gboolean placed = FALSE;

  if (_ml_lesson_library_set_aside (folder_path, &folder_aside, error) &&
      _ml_lesson_library_set_aside (file_path, &file_aside, error))
    {
      if (g_rename (staged, target) != 0)
        {
          int saved_errno = errno;
          g_autofree char *shown = ml_file_display_name (target);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: %s is a file's name, then why it failed */
                       _("%s: cannot be written: %s"), shown, g_strerror (saved_errno));
        }
      else
        {
          placed = TRUE;
          pack = ml_lesson_library_read_copy (source, target, error);
        }
    }

  if (pack == NULL)
    {
      ml_lesson_library_delete (placed ? target : staged);
      ml_lesson_library_put_back (folder_aside, folder_path);
      ml_lesson_library_put_back (file_aside, file_path);
      return NULL;
    }

  ml_lesson_library_delete (folder_aside);
  ml_lesson_library_delete (file_aside);
  ml_lesson_library_forget_broken (self, folder_path);
  ml_lesson_library_forget_broken (self, file_path);
  return pack;
}

static gboolean
ml_lesson_library_make_directory (MlLessonLibrary  *self,
                                  GError          **error)
{
  int saved_errno;
  g_autofree char *shown = NULL;

  if (g_mkdir_with_parents (self->directory, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  shown = ml_file_display_name (self->directory);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: %s is a folder's name, then why it could not be made */
               _("%s: cannot be created: %s"), shown, g_strerror (saved_errno));
  return FALSE;
}

/**
 * ml_lesson_library_import:
 * @path: a pack's folder, its manifest.json, or a single-file pack
 *
 * Reads and checks the pack, copies it into the library's folder (replacing an older import
 * of the same id) and adds it to the list, or puts it in place of the older one.
 *
 * Returns: (transfer none) (nullable): the pack as read from its copy, owned by the list as
 *   ml_lesson_library_find() gives it; or %NULL with @error: the pack's first problem, or why
 *   it could not be copied. Then the library's folder is as it was.
 */
MlLessonPack *
ml_lesson_library_import (MlLessonLibrary  *self,
                          const char       *path,
                          GError          **error)
{
  g_autoptr(MlLessonPack) checked = NULL;
  g_autoptr(MlLessonPack) pack = NULL;
  g_autofree char *base = NULL, *folder = NULL, *staged = NULL;
  const char *id;
  guint position;

  g_return_val_if_fail (ML_IS_LESSON_LIBRARY (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(checked = ml_lesson_pack_new_from_file (path, NULL, error)))
    return NULL;
  id = ml_lesson_pack_get_id (checked);
  if (ml_lesson_library_is_builtin (checked))
    {
      g_autofree char *shown = ml_file_display_name (path);

      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   /* Translators: %s is a file's name, then a pack's id */
                   _("%s: the pack id “%s” is the built-in course’s; give the pack an id of its own"),
                   shown, id);
      return NULL;
    }

  ml_lesson_library_ensure_loaded (self);
  if (!ml_lesson_library_make_directory (self, error))
    return NULL;

  base = g_path_get_basename (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    folder = g_strdup (path);
  else if (g_str_equal (base, MANIFEST))
    folder = g_path_get_dirname (path);

  staged = folder ? _ml_lesson_library_stage_folder (self->directory, folder, id, error)
                  : _ml_lesson_library_stage_file (self->directory, path, id, error);
  if (staged == NULL || !(pack = ml_lesson_library_put_in_place (self, folder ? folder : path, staged, id,
                                                                   folder != NULL, error)))
    return NULL;

  if (ml_lesson_library_find_position (self, id, &position))
    g_list_store_remove (self->packs, position);
  g_list_store_insert_sorted (self->packs, pack, ml_lesson_library_compare, NULL);
  /* The list keeps it. */
  return pack;
}

/**
 * ml_lesson_library_remove:
 * @pack: an imported pack of the library
 *
 * Deletes the pack's copy in the library's folder and takes it out of the list. The
 * built-in course cannot be removed.
 *
 * Returns: %TRUE if the pack is no longer in the library; %FALSE with @error if it was not
 *   taken out, or was taken out but its copy could not be deleted completely
 */
gboolean
ml_lesson_library_remove (MlLessonLibrary  *self,
                          MlLessonPack     *pack,
                          GError          **error)
{
  g_autofree char *parent = NULL, *folder = NULL, *directory = NULL, *aside = NULL;
  const char *source;
  guint position;

  g_return_val_if_fail (ML_IS_LESSON_LIBRARY (self), FALSE);
  g_return_val_if_fail (ML_IS_LESSON_PACK (pack), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ml_lesson_library_ensure_loaded (self);
  source = ml_lesson_pack_get_source (pack);
  parent = g_path_get_dirname (source);
  folder = g_canonicalize_filename (parent, NULL);
  directory = g_canonicalize_filename (self->directory, NULL);

  /* Only what the library copied in is ever deleted. */
  if (ml_lesson_library_is_builtin (pack) || !g_list_store_find (self->packs, pack, &position) ||
      !g_str_equal (folder, directory))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   /* Translators: %s is a pack's title */
                   _("“%s” is not a pack imported into the library, and cannot be removed"),
                   ml_lesson_pack_get_title (pack));
      return FALSE;
    }

  /* Out of sight at once; a folder is then deleted file by file. */
  if (!_ml_lesson_library_set_aside (source, &aside, error))
    return FALSE;
  g_list_store_remove (self->packs, position);
  return aside == NULL || _ml_lesson_library_delete_tree (aside, error);
}
