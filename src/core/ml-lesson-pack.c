/* ml-lesson-pack.c — a pack of lessons: the built-in course or a teacher's, read untrusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack is one file (the manifest with its lessons inside) or a folder holding manifest.json
 * and the files it names. It is read through GFile, so that the built-in course comes from the
 * GResource like any other pack from disk, and it is accepted only whole: every problem found
 * is listed, one line each, and a pack with any is refused (data/lessons/README.md).
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-file.h"
#include "ml-json-private.h"
#include "ml-lesson-pack-private.h"
#include "ml-lesson-private.h"
#include "ml-lesson-reader.h"

#define FORMAT_VERSION 1
#define MANIFEST "manifest.json"
#define BUILTIN_URI "resource:///io/github/marginlab/MarginLab/lessons/course"

struct _MlLessonPack
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *description;
  char      *source;
  gboolean   in_order;
  GPtrArray *lessons;    /* MlLesson */
  GStrv      languages;
};

G_DEFINE_FINAL_TYPE (MlLessonPack, ml_lesson_pack, G_TYPE_OBJECT)

static void
ml_lesson_pack_finalize (GObject *object)
{
  MlLessonPack *self = (MlLessonPack *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->source);
  g_ptr_array_unref (self->lessons);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (ml_lesson_pack_parent_class)->finalize (object);
}

static void
ml_lesson_pack_class_init (MlLessonPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_lesson_pack_finalize;
}

static void
ml_lesson_pack_init (MlLessonPack *self)
{
  self->lessons = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The manifest */

static gboolean
ml_lesson_pack_read_version (MlLessonReader *reader,
                             JsonObject     *root)
{
  double version = 0;
  GError *error = NULL;

  if (!json_object_has_member (root, "margin-lab-pack"))
    {
      _ml_lesson_reader_problem (reader, "margin-lab-pack",
                                 _("missing; a Margin Lab lesson pack starts with \"margin-lab-pack\": 1"));
      return FALSE;
    }
  if (!_ml_json_get_number (root, NULL, "margin-lab-pack", TRUE, &version, &error))
    return _ml_lesson_reader_take_error (reader, error);
  if (version > FORMAT_VERSION && version == trunc (version))
    {
      _ml_lesson_reader_problem (reader, "margin-lab-pack",
                                 /* Translators: a problem in a lesson pack; %.0f is the file's version, %d the version this app reads */
                                 _("version %.0f was written for a newer Margin Lab; this one reads version %d"),
                                 version, FORMAT_VERSION);
      return FALSE;
    }
  if (version != FORMAT_VERSION)
    {
      /* Translators: a problem in a lesson pack; %d is the version this app reads */
      _ml_lesson_reader_problem (reader, "margin-lab-pack", _("the version must be %d"), FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ml_lesson_pack_read_scenarios (MlLessonReader *reader,
                               JsonObject     *root)
{
  JsonNode *node = json_object_get_member (root, "scenarios");
  g_autoptr(GList) members = NULL;
  JsonObject *scenarios;
  gboolean ok = TRUE;

  if (node == NULL)
    return TRUE;
  if (!_ml_lesson_reader_expect_object (reader, node, "scenarios"))
    return FALSE;
  scenarios = json_node_get_object (node);
  if (json_object_get_size (scenarios) > ML_LESSON_PACK_MAX_SCENARIOS)
    {
      /* Translators: a problem in a lesson pack; %u is how many scenarios it has, %d the most allowed */
      _ml_lesson_reader_problem (reader, "scenarios", _("%u scenarios is too many; a pack has at most %d"),
                                 json_object_get_size (scenarios), ML_LESSON_PACK_MAX_SCENARIOS);
      return FALSE;
    }

  members = json_object_get_members (scenarios);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *where = _ml_json_path_member ("scenarios", l->data);
      MlScenario *scenario;

      if (!_ml_lesson_reader_check_id (reader, l->data, where))
        {
          ok = FALSE;
          continue;
        }
      if (strcmp (l->data, "previous") == 0)
        {
          _ml_lesson_reader_problem (reader, where, _("“previous” names the previous step’s state in a step; a scenario may not take that name"));
          ok = FALSE;
          continue;
        }
      scenario = _ml_lesson_reader_read_scenario (reader, json_object_get_member (scenarios, l->data), where, TRUE);
      g_hash_table_insert (reader->scenarios, g_strdup (l->data), scenario);
      ok = ok && scenario != NULL;
    }
  return ok;
}

static MlLesson *
ml_lesson_pack_read_lesson_file (MlLessonReader *reader,
                                 const char     *name,
                                 const char     *where)
{
  g_autofree char *data = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(JsonNode) root = NULL;
  MlLesson *lesson = NULL;
  gsize length;

  if (!(data = _ml_lesson_reader_read_file (reader, name, where, &shown, &length)))
    return NULL;

  /* Problems inside the lesson's file name that file, and paths start at its root. */
  manifest = _ml_lesson_reader_swap_file (reader, g_steal_pointer (&shown));
  if ((root = _ml_lesson_reader_parse (reader, data, length)) != NULL)
    lesson = _ml_lesson_new_from_json (root, "", reader);
  g_free (_ml_lesson_reader_swap_file (reader, g_steal_pointer (&manifest)));
  return lesson;
}

static gboolean
ml_lesson_pack_read_lessons (MlLessonPack   *self,
                             MlLessonReader *reader,
                             JsonObject     *root)
{
  JsonArray *array;
  gboolean ok = TRUE;

  if (!(array = _ml_lesson_reader_get_array (reader, root, NULL, "lessons", 1, ML_LESSON_PACK_MAX_LESSONS)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = _ml_json_path_element ("lessons", i);
      JsonNode *node = json_array_get_element (array, i);
      MlLesson *lesson;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        lesson = ml_lesson_pack_read_lesson_file (reader, json_node_get_string (node), where);
      else if (JSON_NODE_HOLDS_OBJECT (node))
        lesson = _ml_lesson_new_from_json (node, where, reader);
      else
        {
          _ml_lesson_reader_problem (reader, where, _("expected a lesson object, or the name of a file holding one"));
          lesson = NULL;
        }

      if (lesson != NULL)
        g_ptr_array_add (self->lessons, lesson);
      ok = ok && lesson != NULL;
    }
  return ok;
}

static int
ml_lesson_pack_compare_languages (gconstpointer a,
                                  gconstpointer b)
{
  const char *x = *(const char * const *)a, *y = *(const char * const *)b;

  /* English first: every pack has it, and the others follow in order. */
  if (strcmp (x, "en") == 0 || strcmp (y, "en") == 0)
    return (strcmp (y, "en") == 0) - (strcmp (x, "en") == 0);
  return strcmp (x, y);
}

static void
ml_lesson_pack_take_languages (MlLessonPack   *self,
                               MlLessonReader *reader)
{
  g_autofree const char **codes = (const char **)g_hash_table_get_keys_as_array (reader->languages, NULL);
  guint n = g_hash_table_size (reader->languages);

  qsort (codes, n, sizeof *codes, ml_lesson_pack_compare_languages);
  self->languages = g_strdupv ((char **)codes);
}

static MlLessonPack *
ml_lesson_pack_read (MlLessonReader *reader,
                     JsonNode       *node,
                     const char     *source)
{
  static const char * const keys[] = {
    "margin-lab-pack", "id", "title", "description", "in_order", "scenarios", "lessons", NULL
  };
  g_autoptr(MlLessonPack) self = g_object_new (ML_TYPE_LESSON_PACK, NULL);
  JsonObject *root;
  const char *id = NULL;
  GError *error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _ml_lesson_reader_problem (reader, NULL, _("the file holds JSON but not an object; a pack’s manifest is one JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);
  if (!ml_lesson_pack_read_version (reader, root))
    return NULL;

  _ml_lesson_reader_check_keys (reader, root, NULL, keys);
  if (_ml_lesson_reader_read_id (reader, root, NULL, &id))
    {
      self->id = g_strdup (id);
      _ml_lesson_reader_set_context (reader, id);
    }
  _ml_lesson_reader_read_text (reader, root, NULL, "title", TRUE, ML_LESSON_TEXT_PLAIN, &self->title);
  _ml_lesson_reader_read_text (reader, root, NULL, "description", FALSE, ML_LESSON_TEXT_PLAIN, &self->description);
  if (!_ml_json_get_boolean (root, NULL, "in_order", &self->in_order, &error))
    _ml_lesson_reader_take_error (reader, error);
  ml_lesson_pack_read_scenarios (reader, root);
  ml_lesson_pack_read_lessons (self, reader, root);

  self->source = g_strdup (source);
  ml_lesson_pack_take_languages (self, reader);
  return reader->problems->len == 0 ? g_steal_pointer (&self) : NULL;
}

/* Hands over what @reader found: the pack, or %NULL with every problem. */
static MlLessonPack *
ml_lesson_pack_finish (MlLessonReader  *reader,
                       MlLessonPack    *pack,
                       GPtrArray      **problems,
                       GError         **error)
{
  if (pack == NULL)
    g_set_error_literal (error, ML_ERROR, ML_ERROR_INVALID, reader->problems->pdata[0]);
  if (problems != NULL)
    *problems = g_ptr_array_ref (reader->problems);
  return pack;
}

/**
 * _ml_lesson_pack_new_from_data:
 * @name: how messages name the data, usually the file's name
 *
 * Reads a single-file pack: the manifest, every lesson and scenario written inside it.
 *
 * Returns: (transfer full) (nullable): as ml_lesson_pack_new_from_file()
 */
MlLessonPack *
_ml_lesson_pack_new_from_data (const char  *data,
                               gsize        length,
                               const char  *name,
                               GPtrArray  **problems,
                               GError     **error)
{
  g_autofree char *shown = ml_file_display_name (name);
  g_autoptr(MlLessonReader) reader = _ml_lesson_reader_new (NULL, shown);
  g_autoptr(JsonNode) root = NULL;
  MlLessonPack *pack = NULL;

  if (length > ML_LESSON_PACK_MAX_FILE_SIZE)
    /* Translators: a problem in a lesson pack, after its file's name; %llu is the file's size in bytes, %d the largest allowed */
    _ml_lesson_reader_problem (reader, NULL, _("is too large (%llu bytes); a pack’s files are at most %d bytes"),
                               (unsigned long long)length, ML_LESSON_PACK_MAX_FILE_SIZE);
  else if ((root = _ml_lesson_reader_parse (reader, data, length)) != NULL)
    pack = ml_lesson_pack_read (reader, root, name);
  return ml_lesson_pack_finish (reader, pack, problems, error);
}

static char *
ml_lesson_pack_describe_file (GFile *file)
{
  g_autofree char *name = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);

  return ml_file_display_name (name);
}

/* @translated: the built-in course, whose plain texts gettext translates. */
static MlLessonPack *
ml_lesson_pack_read_folder (GFile      *folder,
                            gboolean    translated,
                            GPtrArray **problems,
                            GError    **error)
{
  g_autoptr(GFile) manifest = g_file_get_child (folder, MANIFEST);
  g_autofree char *shown = ml_lesson_pack_describe_file (manifest);
  g_autofree char *source = g_file_is_native (folder) ? g_file_get_path (folder) : g_file_get_uri (folder);
  g_autoptr(MlLessonReader) reader = _ml_lesson_reader_new (folder, shown);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *read_as = NULL;
  MlLessonPack *pack = NULL;
  gsize length;

  reader->translated = translated;
  if (!g_file_query_exists (manifest, NULL))
    {
      g_autofree char *folder_shown = ml_lesson_pack_describe_file (folder);

      g_free (_ml_lesson_reader_swap_file (reader, g_steal_pointer (&folder_shown)));
      _ml_lesson_reader_problem (reader, NULL, _("there is no manifest.json here: a pack’s folder holds a manifest.json that names its lessons"));
    }
  else if ((data = _ml_lesson_reader_read_file (reader, MANIFEST, NULL, &read_as, &length)) != NULL &&
           (root = _ml_lesson_reader_parse (reader, data, length)) != NULL)
    pack = ml_lesson_pack_read (reader, root, source);
  return ml_lesson_pack_finish (reader, pack, problems, error);
}

/**
 * _ml_lesson_pack_new_from_folder:
 * @folder: a pack's folder, local or in a GResource
 *
 * Returns: (transfer full) (nullable): as ml_lesson_pack_new_from_file()
 */
MlLessonPack *
_ml_lesson_pack_new_from_folder (GFile      *folder,
                                 GPtrArray **problems,
                                 GError    **error)
{
  return ml_lesson_pack_read_folder (folder, FALSE, problems, error);
}

/**
 * _ml_lesson_pack_new_builtin:
 *
 * Reads the built-in course afresh, its texts in the learner's language through gettext: the
 * tests read it in each language, where ml_lesson_pack_get_builtin() keeps the first.
 *
 * Returns: (transfer full) (nullable): as ml_lesson_pack_new_from_file()
 */
MlLessonPack *
_ml_lesson_pack_new_builtin (GPtrArray **problems,
                             GError    **error)
{
  g_autoptr(GFile) folder = g_file_new_for_uri (BUILTIN_URI);

  return ml_lesson_pack_read_folder (folder, TRUE, problems, error);
}

/**
 * ml_lesson_pack_new_from_file:
 * @path: a pack's folder, its manifest.json, or a single-file pack (NAME.mlpack)
 * @problems: (out) (optional) (transfer full) (element-type utf8): every problem found, one
 *   line each, "FILE: JSON.PATH: PROBLEM"; an empty list when there is none
 *
 * Reads a pack and plays every step's solution and reveal, headless, to check them.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set to the first problem
 */
MlLessonPack *
ml_lesson_pack_new_from_file (const char  *path,
                              GPtrArray  **problems,
                              GError     **error)
{
  g_autofree char *base = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR) || strcmp (base, MANIFEST) == 0)
    {
      g_autofree char *folder = g_file_test (path, G_FILE_TEST_IS_DIR) ? g_strdup (path) : g_path_get_dirname (path);
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      return _ml_lesson_pack_new_from_folder (file, problems, error);
    }

  if (!(data = ml_file_read_contents (path, ML_LESSON_PACK_MAX_FILE_SIZE, &length, &local_error)))
    {
      g_autofree char *shown = ml_file_display_name (path);
      g_autoptr(MlLessonReader) reader = _ml_lesson_reader_new (NULL, shown);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        _ml_lesson_reader_problem (reader, NULL, _("is too large (%llu bytes); a pack’s files are at most %d bytes"),
                                   (unsigned long long)length, ML_LESSON_PACK_MAX_FILE_SIZE);
      else
        _ml_lesson_reader_problem (reader, NULL, "%s", local_error->message);
      return ml_lesson_pack_finish (reader, NULL, problems, error);
    }
  return _ml_lesson_pack_new_from_data (data, length, path, problems, error);
}

/**
 * ml_lesson_pack_get_builtin:
 *
 * Reads the built-in course from the GResource the first time it is asked for. It ships with
 * Margin Lab and its tests check it, so a problem in it is a bug, told as a critical.
 *
 * Returns: (transfer none) (nullable): the course
 */
MlLessonPack *
ml_lesson_pack_get_builtin (void)
{
  static MlLessonPack *builtin;
  static gsize tried;  /* g_once_init_leave () takes no NULL, which a broken course would give */

  if (g_once_init_enter (&tried))
    {
      g_autoptr(GError) error = NULL;

      if ((builtin = _ml_lesson_pack_new_builtin (NULL, &error)) == NULL)
        g_critical ("The built-in course cannot be read: %s", error->message);
      g_once_init_leave (&tried, 1);
    }
  return builtin;
}

/* Getters */

const char *
ml_lesson_pack_get_id (MlLessonPack *self)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), NULL);
  return self->id;
}

const char *
ml_lesson_pack_get_title (MlLessonPack *self)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), NULL);
  return self->title;
}

/**
 * ml_lesson_pack_get_description:
 *
 * Returns: (nullable): what the pack is about
 */
const char *
ml_lesson_pack_get_description (MlLessonPack *self)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), NULL);
  return self->description;
}

/**
 * ml_lesson_pack_get_source:
 *
 * Returns: where the pack was read from: its folder or file, or a resource:// URI
 */
const char *
ml_lesson_pack_get_source (MlLessonPack *self)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), NULL);
  return self->source;
}

/**
 * ml_lesson_pack_get_in_order:
 *
 * Returns: whether a lesson opens only when the one before it is done
 */
gboolean
ml_lesson_pack_get_in_order (MlLessonPack *self)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), FALSE);
  return self->in_order;
}

guint
ml_lesson_pack_get_n_lessons (MlLessonPack *self)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), 0);
  return self->lessons->len;
}

/**
 * ml_lesson_pack_get_lesson:
 *
 * Returns: (transfer none): lesson @index
 */
MlLesson *
ml_lesson_pack_get_lesson (MlLessonPack *self,
                           guint         index)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), NULL);
  g_return_val_if_fail (index < self->lessons->len, NULL);
  return self->lessons->pdata[index];
}

/**
 * ml_lesson_pack_find_lesson:
 * @index: (out) (optional): its place in the pack
 *
 * Returns: (transfer none) (nullable): the lesson with @id
 */
MlLesson *
ml_lesson_pack_find_lesson (MlLessonPack *self,
                            const char   *id,
                            guint        *index)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->lessons->len; i++)
    if (strcmp (ml_lesson_get_id (self->lessons->pdata[i]), id) == 0)
      {
        if (index != NULL)
          *index = i;
        return self->lessons->pdata[i];
      }
  return NULL;
}

/**
 * ml_lesson_pack_get_languages:
 *
 * Returns: (transfer none): the languages its texts are written in, English first
 */
const char * const *
ml_lesson_pack_get_languages (MlLessonPack *self)
{
  g_return_val_if_fail (ML_IS_LESSON_PACK (self), NULL);
  return (const char * const *)self->languages;
}

/**
 * ml_lesson_pack_describe:
 *
 * Returns: (transfer full): what --check-pack prints for a good pack, on one line:
 *   "NAME: 2 lessons, 5 steps, 5 tasks, 4 questions, languages: en, de", NAME being the
 *   pack's folder or file
 */
char *
ml_lesson_pack_describe (MlLessonPack *self)
{
  g_autofree char *base = NULL, *name = NULL, *languages = NULL;
  g_autofree char *n_lessons = NULL, *n_steps = NULL, *n_tasks = NULL, *n_questions = NULL;
  guint steps = 0, tasks = 0, questions = 0;

  g_return_val_if_fail (ML_IS_LESSON_PACK (self), NULL);

  for (guint i = 0; i < self->lessons->len; i++)
    {
      steps += ml_lesson_get_n_steps (self->lessons->pdata[i]);
      tasks += _ml_lesson_count_tasks (self->lessons->pdata[i]);
      questions += _ml_lesson_count_questions (self->lessons->pdata[i]);
    }
  base = g_path_get_basename (self->source);
  name = ml_file_display_name (base);
  languages = g_strjoinv (", ", self->languages);
  /* Translators: the parts of --check-pack's summary of a good pack */
  n_lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lesson", "%u lessons", self->lessons->len),
                               self->lessons->len);
  /* Translators: part of a pack's summary, “9 lessons, 33 steps, 25 tasks and 30 questions” */
  n_steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", steps), steps);
  /* Translators: part of a pack's summary, “9 lessons, 33 steps, 25 tasks and 30 questions” */
  n_tasks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", tasks), tasks);
  /* Translators: part of a pack's summary, “9 lessons, 33 steps, 25 tasks and 30 questions” */
  n_questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", questions), questions);

  /* Translators: "my-pack: 2 lessons, 5 steps, 5 tasks, 4 questions, languages: en, de" */
  return g_strdup_printf (_("%s: %s, %s, %s, %s, languages: %s"), name, n_lessons, n_steps, n_tasks,
                          n_questions, languages);
}
