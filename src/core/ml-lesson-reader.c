/* ml-lesson-reader.c — what the readers of a lesson pack share while one pack is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files, the problems found in them, the languages and the named scenarios. A file a pack
 * names is checked before it is read: a plain relative name, inside the pack once every
 * symbolic link is followed, a regular file, within the size limit and the count of files.
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-file.h"
#include "ml-json-private.h"
#include "ml-lesson-pack.h"
#include "ml-lesson-reader.h"
#include "ml-lesson-text.h"

#define MAX_NAME 255

static void
ml_lesson_reader_object_unref (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
ml_lesson_reader_text_ref_free (gpointer data)
{
  MlLessonTextRef *ref = data;

  g_free (ref->path);
  g_free (ref->text);
  g_free (ref);
}

/**
 * _ml_lesson_reader_new:
 * @root: (nullable): the folder the pack's file names are relative to; %NULL for a
 *   single-file pack, which may name no file
 * @file: the manifest as messages name it
 */
MlLessonReader *
_ml_lesson_reader_new (GFile      *root,
                       const char *file)
{
  MlLessonReader *self = g_new0 (MlLessonReader, 1);

  self->root = root ? g_object_ref (root) : NULL;
  if (root != NULL && g_file_is_native (root))
    {
      g_autofree char *path = g_file_get_path (root);

      self->root_real = realpath (path, NULL);
    }
  self->file = g_strdup (file);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->scenarios = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ml_lesson_reader_object_unref);
  self->lesson_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->texts = g_ptr_array_new_with_free_func (ml_lesson_reader_text_ref_free);
  return self;
}

void
_ml_lesson_reader_free (MlLessonReader *self)
{
  g_clear_object (&self->root);
  free (self->root_real);
  g_free (self->file);
  g_ptr_array_unref (self->problems);
  g_hash_table_unref (self->languages);
  g_hash_table_unref (self->scenarios);
  g_hash_table_unref (self->lesson_ids);
  g_ptr_array_unref (self->texts);
  g_free (self->context);
  g_free (self);
}

/**
 * _ml_lesson_reader_set_context:
 * @id: the id of the pack or lesson whose texts come next
 *
 * The built-in course's texts are translated in the context "lesson:ID", as
 * build-aux/course-strings.py marks them for xgettext.
 */
void
_ml_lesson_reader_set_context (MlLessonReader *self,
                               const char     *id)
{
  if (self->translated)
    {
      g_free (self->context);
      self->context = g_strconcat ("lesson:", id, NULL);
    }
}

/* Problems */

/**
 * _ml_lesson_reader_problem:
 * @path: (nullable): the JSON path of the value, or %NULL for the file as a whole
 *
 * Records "FILE: PATH: PROBLEM".
 */
void
_ml_lesson_reader_problem (MlLessonReader *self,
                           const char     *path,
                           const char     *format,
                           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL && path[0] != '\0')
    g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s: %s", self->file, path, message));
  else
    g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s", self->file, message));
}

/* Records @error (consumed), whose message starts with its JSON path. Returns %FALSE. */
gboolean
_ml_lesson_reader_take_error (MlLessonReader *self,
                              GError         *error)
{
  _ml_lesson_reader_problem (self, NULL, "%s", error->message);
  g_error_free (error);
  return FALSE;
}

/* Records a problem that already names its file: a scenario's. */
void
_ml_lesson_reader_add_line (MlLessonReader *self,
                            const char     *line)
{
  g_ptr_array_add (self->problems, g_strdup (line));
}

/* Makes @file (consumed) the file that problems name, returning the one before. */
char *
_ml_lesson_reader_swap_file (MlLessonReader *self,
                             char           *file)
{
  char *before = self->file;

  self->file = file;
  return before;
}

/* Reading files */

static gboolean
ml_lesson_reader_check_text (MlLessonReader  *self,
                             const char     **data,
                             gsize           *length)
{
  const char *end;

  if (*length >= 3 && memcmp (*data, "\xef\xbb\xbf", 3) == 0)
    *data += 3, *length -= 3;

  if (!g_utf8_validate_len (*data, *length, &end) || memchr (*data, '\0', *length) != NULL)
    {
      _ml_lesson_reader_problem (self, NULL,
                                 /* Translators: a problem in a lesson pack, after its file's name; %llu is where in the file, counted in bytes */
                                 _("is not a text file (byte %llu is not UTF-8 text): a pack’s files are UTF-8 JSON"),
                                 (unsigned long long)(end - *data) + 1);
      return FALSE;
    }
  for (gsize i = 0; i < *length; i++)
    if (!g_ascii_isspace ((*data)[i]))
      return TRUE;

  _ml_lesson_reader_problem (self, NULL, _("is empty: a pack’s files hold JSON objects"));
  return FALSE;
}

/**
 * _ml_lesson_reader_parse:
 *
 * Returns: (transfer full) (nullable): the JSON in @data, or %NULL with the problem recorded
 *   against the current file: not UTF-8, empty, or its syntax error's line and column
 */
JsonNode *
_ml_lesson_reader_parse (MlLessonReader *self,
                         const char     *data,
                         gsize           length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GError *error = NULL;

  if (!ml_lesson_reader_check_text (self, &data, &length))
    return NULL;
  if (!_ml_json_check_syntax (data, length, &error) ||
      !json_parser_load_from_data (parser, data, length, &error))
    {
      _ml_lesson_reader_take_error (self, error);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* A name a pack may use: relative, plain, and with no way out of its folder. */
static gboolean
ml_lesson_reader_check_name (MlLessonReader *self,
                             const char     *name,
                             const char     *path)
{
  g_auto(GStrv) parts = NULL;

  if (self->root == NULL)
    {
      _ml_lesson_reader_problem (self, path,
                                 _("a single-file pack holds its lessons and scenarios inside it; to use files, make the pack a folder with a manifest.json"));
      return FALSE;
    }
  if (name[0] == '/' || name[0] == '~')
    {
      _ml_lesson_reader_problem (self, path, _("an absolute path leaves the pack: name files relative to the manifest’s folder"));
      return FALSE;
    }
  if (strlen (name) == 0 || strlen (name) > MAX_NAME)
    {
      /* Translators: a problem in a lesson pack; %d is the longest name allowed */
      _ml_lesson_reader_problem (self, path, _("a file’s name is from 1 to %d characters long"), MAX_NAME);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_./", *p) == NULL)
      {
        _ml_lesson_reader_problem (self, path,
                                   _("a file’s name in a pack is made of the letters a-z and A-Z, digits, “-”, “_”, “.” and “/”"));
        return FALSE;
      }

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (strcmp (parts[i], "..") == 0)
        {
          _ml_lesson_reader_problem (self, path, _("“..” leaves the pack: a pack may only name files inside its folder"));
          return FALSE;
        }
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        {
          _ml_lesson_reader_problem (self, path, _("a file’s name may not hold an empty part, “//” or “.”"));
          return FALSE;
        }
    }
  return TRUE;
}

static char *
ml_lesson_reader_read_local (MlLessonReader *self,
                             GFile          *file,
                             const char     *path,
                             gsize          *length)
{
  g_autofree char *filename = g_file_get_path (file);
  g_autofree char *real = NULL;
  g_autoptr(GError) error = NULL;
  char *resolved;
  char *data;

  if ((resolved = realpath (filename, NULL)) == NULL)
    {
      /* Translators: a problem in a lesson pack, after its file's name; %s is the system's reason */
      _ml_lesson_reader_problem (self, path, _("cannot be read: %s"), g_strerror (errno));
      return NULL;
    }
  real = g_strdup (resolved);
  free (resolved);

  if (self->root_real == NULL || !g_str_has_prefix (real, self->root_real) || real[strlen (self->root_real)] != '/')
    {
      _ml_lesson_reader_problem (self, path, _("a symbolic link leads out of the pack: a pack may only name files inside its folder"));
      return NULL;
    }

  if (!(data = ml_file_read_contents (real, ML_LESSON_PACK_MAX_FILE_SIZE, length, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        /* Translators: a problem in a lesson pack, after its file's name; %llu is the file's size in bytes, %d the largest allowed */
        _ml_lesson_reader_problem (self, path, _("the file is too large (%llu bytes); a pack’s files are at most %d bytes"),
                                   (unsigned long long)*length, ML_LESSON_PACK_MAX_FILE_SIZE);
      else
        _ml_lesson_reader_problem (self, path, "%s", error->message);
    }
  return data;
}

static char *
ml_lesson_reader_read_other (MlLessonReader *self,
                             GFile          *file,
                             const char     *path,
                             gsize          *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  if (!g_file_load_contents (file, NULL, &data, length, NULL, &error))
    {
      _ml_lesson_reader_problem (self, path, _("cannot be read: %s"), error->message);
      return NULL;
    }
  if (*length > ML_LESSON_PACK_MAX_FILE_SIZE)
    {
      _ml_lesson_reader_problem (self, path, _("the file is too large (%llu bytes); a pack’s files are at most %d bytes"),
                                 (unsigned long long)*length, ML_LESSON_PACK_MAX_FILE_SIZE);
      g_clear_pointer (&data, g_free);
    }
  return data;
}

/**
 * _ml_lesson_reader_read_file:
 * @name: a file's name as the pack gives it
 * @path: the JSON path where it is given, for problems
 * @shown: (out): the file as messages name it
 *
 * Returns: (transfer full) (nullable): its contents, or %NULL with the problem recorded
 */
char *
_ml_lesson_reader_read_file (MlLessonReader *self,
                             const char     *name,
                             const char     *path,
                             char          **shown,
                             gsize          *length)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *parse_name = NULL;

  if (!ml_lesson_reader_check_name (self, name, path))
    return NULL;
  if (++self->n_files > ML_LESSON_PACK_MAX_FILES)
    {
      /* Translators: a problem in a lesson pack; %d is the most files allowed */
      _ml_lesson_reader_problem (self, path, _("a pack has at most %d files"), ML_LESSON_PACK_MAX_FILES);
      return NULL;
    }

  file = g_file_resolve_relative_path (self->root, name);
  parse_name = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);
  *shown = ml_file_display_name (parse_name);
  *length = 0;
  return g_file_is_native (file) ? ml_lesson_reader_read_local (self, file, path, length)
                                 : ml_lesson_reader_read_other (self, file, path, length);
}

/* JSON values */

gboolean
_ml_lesson_reader_check_keys (MlLessonReader     *self,
                              JsonObject         *object,
                              const char         *path,
                              const char * const *allowed)
{
  GError *error = NULL;

  return _ml_json_check_keys (object, path, allowed, &error) || _ml_lesson_reader_take_error (self, error);
}

gboolean
_ml_lesson_reader_expect_object (MlLessonReader *self,
                                 JsonNode       *node,
                                 const char     *path)
{
  GError *error = NULL;

  return _ml_json_expect_object (node, path, &error) || _ml_lesson_reader_take_error (self, error);
}

/**
 * _ml_lesson_reader_get_array:
 *
 * Returns: (transfer none) (nullable): the list at @key, of @min to @max elements; %NULL with
 *   a problem recorded if it is missing (when @min > 0) or not such a list
 */
JsonArray *
_ml_lesson_reader_get_array (MlLessonReader *self,
                             JsonObject     *object,
                             const char     *path,
                             const char     *key,
                             guint           min,
                             guint           max)
{
  g_autofree char *where = _ml_json_path_member (path, key);
  JsonNode *node = json_object_get_member (object, key);
  GError *error = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL)
    {
      if (min > 0)
        _ml_lesson_reader_problem (self, where, _("missing (this key is required)"));
      return NULL;
    }
  if (!_ml_json_expect_array (node, where, &error))
    {
      _ml_lesson_reader_take_error (self, error);
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < min || n > max)
    {
      if (n == 0)
        /* Translators: a problem in a lesson pack, after the list's place in the file; %u is the fewest items allowed */
        _ml_lesson_reader_problem (self, where, _("the list is empty; it needs at least %u"), min);
      else if (n < min)
        /* Translators: a problem in a lesson pack, after the list's place in the file; %u are how many items it has, then the fewest allowed */
        _ml_lesson_reader_problem (self, where, _("%u is too few; it needs at least %u"), n, min);
      else
        /* Translators: a problem in a lesson pack, after the list's place in the file; %u are how many items it has, then the most allowed */
        _ml_lesson_reader_problem (self, where, _("%u is too many; at most %u are allowed"), n, max);
      return NULL;
    }
  return array;
}

/* An id of a pack, a lesson or a scenario: it names things in the progress file. */
gboolean
_ml_lesson_reader_check_id (MlLessonReader *self,
                            const char     *id,
                            const char     *path)
{
  gsize n = strlen (id);

  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_' || *p == '.'))
      n = 0;

  if (n == 0 || n > ML_LESSON_PACK_MAX_ID)
    {
      g_autofree char *quoted = _ml_json_quote (id);

      _ml_lesson_reader_problem (self, path,
                                 /* Translators: a problem in a lesson pack; %s is the id found, %d the longest allowed; the characters in quotes are kept as they are */
                                 _("%s is not an id: an id is 1 to %d characters from a-z, 0-9, “-”, “_” and “.”"),
                                 quoted, ML_LESSON_PACK_MAX_ID);
      return FALSE;
    }
  return TRUE;
}

/**
 * _ml_lesson_reader_read_position:
 *
 * Reads the id of a position a check or an action names. It is the scenario's to choose, so
 * only what would break a one-line message, or a placeholder, is refused.
 *
 * Returns: %TRUE with @id set, or %FALSE with the problem recorded
 */
gboolean
_ml_lesson_reader_read_position (MlLessonReader  *self,
                                 JsonNode        *node,
                                 const char      *path,
                                 const char     **id)
{
  glong n;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _ml_lesson_reader_problem (self, path, _("expected the id of a position"));
      return FALSE;
    }
  *id = json_node_get_string (node);
  n = g_utf8_strlen (*id, -1);
  for (const char *p = *id; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT || type == G_UNICODE_LINE_SEPARATOR ||
          type == G_UNICODE_PARAGRAPH_SEPARATOR || *p == '{' || *p == '}')
        n = 0;
    }
  if (n == 0 || n > ML_LESSON_PACK_MAX_ID)
    {
      g_autofree char *quoted = _ml_json_quote (*id);

      /* Translators: a problem in a lesson pack; %s is the id found, %d the longest allowed */
      _ml_lesson_reader_problem (self, path, _("%s is not a position’s id: 1 to %d characters, without braces or invisible characters"),
                                 quoted, ML_LESSON_PACK_MAX_ID);
      return FALSE;
    }
  return TRUE;
}

gboolean
_ml_lesson_reader_read_id (MlLessonReader  *self,
                           JsonObject      *object,
                           const char      *path,
                           const char     **id)
{
  g_autofree char *where = _ml_json_path_member (path, "id");
  GError *error = NULL;

  if (!_ml_json_get_string (object, path, "id", TRUE, id, &error))
    return _ml_lesson_reader_take_error (self, error);
  return _ml_lesson_reader_check_id (self, *id, where);
}

/* Text */

static gboolean
ml_lesson_reader_is_language (const char *code)
{
  gsize n = 0;

  while (g_ascii_islower (code[n]))
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  if (code[n] == '\0')
    return TRUE;
  return code[n] == '_' && g_ascii_isupper (code[n + 1]) && g_ascii_isupper (code[n + 2]) && code[n + 3] == '\0';
}

static gboolean
ml_lesson_reader_check_one_text (MlLessonReader  *self,
                                 const char      *text,
                                 const char      *where,
                                 MlLessonTextUse  use)
{
  g_autoptr(GError) error = NULL;

  if (!_ml_lesson_text_check (text, use == ML_LESSON_TEXT_STEP, NULL, &error))
    {
      _ml_lesson_reader_problem (self, where, "%s", error->message);
      return FALSE;
    }
  if (use == ML_LESSON_TEXT_STEP)
    {
      MlLessonTextRef *ref = g_new0 (MlLessonTextRef, 1);

      ref->path = g_strdup (where);
      ref->text = g_strdup (text);
      g_ptr_array_add (self->texts, ref);
    }
  return TRUE;
}

/* The translation the learner reads: the first of their languages that @translations has. */
static const char *
ml_lesson_reader_choose (JsonObject *translations)
{
  const char * const *wanted = g_get_language_names ();

  for (guint i = 0; wanted[i] != NULL; i++)
    if (json_object_has_member (translations, wanted[i]))
      return json_object_get_string_member (translations, wanted[i]);
  return json_object_get_string_member (translations, "en");
}

static gboolean
ml_lesson_reader_read_translations (MlLessonReader   *self,
                                    JsonObject       *translations,
                                    const char       *where,
                                    MlLessonTextUse   use,
                                    const char      **chosen)
{
  g_autoptr(GList) members = json_object_get_members (translations);
  gboolean ok = TRUE;

  if (!json_object_has_member (translations, "en"))
    {
      _ml_lesson_reader_problem (self, where, _("translations need “en”, the English text, which every learner can fall back on"));
      ok = FALSE;
    }

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *code = l->data;
      g_autofree char *member = _ml_json_path_member (where, code);
      JsonNode *node = json_object_get_member (translations, code);

      if (!ml_lesson_reader_is_language (code))
        {
          _ml_lesson_reader_problem (self, member, _("not a language code: translations are named like “en”, “de” or “pt_BR”"));
          ok = FALSE;
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          _ml_lesson_reader_problem (self, member, _("expected text"));
          ok = FALSE;
          continue;
        }
      ok = ml_lesson_reader_check_one_text (self, json_node_get_string (node), member, use) && ok;
      g_hash_table_add (self->languages, g_strdup (code));
    }

  if (ok)
    *chosen = ml_lesson_reader_choose (translations);
  return ok;
}

/**
 * _ml_lesson_reader_read_text:
 * @text: (out): the text in the learner's language; a plain one with its braces read, a
 *   step's as written, for ml_lesson_step_expand()
 *
 * Returns: %TRUE if the text is there (or optional and absent) and every translation of it is
 *   plain text; a step's texts are kept in @self for their placeholders to be resolved
 */
gboolean
_ml_lesson_reader_read_text (MlLessonReader   *self,
                             JsonObject       *object,
                             const char       *path,
                             const char       *key,
                             gboolean          required,
                             MlLessonTextUse   use,
                             char            **text)
{
  g_autofree char *where = _ml_json_path_member (path, key);
  JsonNode *node = json_object_get_member (object, key);
  const char *chosen = NULL;

  if (node == NULL)
    {
      if (required)
        _ml_lesson_reader_problem (self, where, _("missing (this key is required)"));
      return !required;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      chosen = json_node_get_string (node);
      /* Checked as translated: a translation's placeholders are resolved like the English. */
      if (self->context != NULL)
        chosen = g_dpgettext2 (GETTEXT_PACKAGE, self->context, chosen);
      if (!ml_lesson_reader_check_one_text (self, chosen, where, use))
        return FALSE;
      g_hash_table_add (self->languages, g_strdup ("en"));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      if (!ml_lesson_reader_read_translations (self, json_node_get_object (node), where, use, &chosen))
        return FALSE;
    }
  else
    {
      _ml_lesson_reader_problem (self, where,
                                 _("expected text, or translations such as {\"en\": \"…\", \"de\": \"…\"}"));
      return FALSE;
    }

  *text = use == ML_LESSON_TEXT_STEP ? g_strdup (chosen) : _ml_lesson_text_expand (chosen, NULL);
  return TRUE;
}

/* Scenarios */

static MlScenario *
ml_lesson_reader_scenario_file (MlLessonReader *self,
                                const char     *name,
                                const char     *path)
{
  g_autofree char *data = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  MlScenario *scenario;
  gsize length;

  if (!(data = _ml_lesson_reader_read_file (self, name, path, &shown, &length)))
    return NULL;
  if (!(scenario = ml_scenario_new_from_data (data, length, shown, &error)))
    _ml_lesson_reader_add_line (self, error->message);
  return scenario;
}

static MlScenario *
ml_lesson_reader_scenario_inline (MlLessonReader *self,
                                  JsonNode       *node,
                                  const char     *path)
{
  g_autofree char *data = json_to_string (node, FALSE);
  g_autofree char *name = g_strdup_printf ("%s: %s", self->file, path);
  g_autoptr(GError) error = NULL;
  MlScenario *scenario;

  if (!(scenario = ml_scenario_new_from_data (data, -1, name, &error)))
    _ml_lesson_reader_add_line (self, error->message);
  return scenario;
}

/**
 * _ml_lesson_reader_read_scenario:
 * @node: a scenario object written inline, or a name
 * @by_file: whether a name is of a file in the pack (in the manifest's "scenarios") or of one
 *   of the pack's scenarios (in a step)
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL with the problem recorded
 */
MlScenario *
_ml_lesson_reader_read_scenario (MlLessonReader *self,
                                 JsonNode       *node,
                                 const char     *path,
                                 gboolean        by_file)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return ml_lesson_reader_scenario_inline (self, node, path);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *name = json_node_get_string (node);
      MlScenario *scenario;

      if (by_file)
        return ml_lesson_reader_scenario_file (self, name, path);
      if ((scenario = g_hash_table_lookup (self->scenarios, name)) != NULL)
        return g_object_ref (scenario);
      /* One that could not be read has said so already. */
      if (g_hash_table_contains (self->scenarios, name))
        return NULL;

      {
        g_autofree char *quoted = _ml_json_quote (name);

        /* Translators: a problem in a lesson pack; %s is the scenario's name; “scenarios” is a key of the manifest, kept as it is */
        _ml_lesson_reader_problem (self, path, _("the pack has no scenario named %s (its scenarios are named in the manifest’s “scenarios”)"),
                                   quoted);
      }
      return NULL;
    }

  _ml_lesson_reader_problem (self, path, _("expected a scenario’s name, or a scenario object"));
  return NULL;
}
