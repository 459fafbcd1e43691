/* ml-progress-file.c — the progress file's format: reading it strictly, writing it, the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The progress file, C-locale JSON, times in milliseconds since the Unix epoch:
 *
 *   {
 *     "margin-lab-progress": 1,
 *     "reset": 0,                          when the progress was last reset (0: never)
 *     "last": { "pack": "margin-lab", "lesson": "first", "step": 2, "time": T }
 *           | { "free": true, "time": T }  free practice
 *           | null,                        nothing recorded yet
 *     "steps": {
 *       "PACK/LESSON/N": {                 N counts from 0
 *         "done": true,
 *         "attempts": 2,                   answers committed to the step's question
 *         "prediction": "right" | "wrong" | null,   the first answer
 *         "answered": T | null,            when the first answer was committed
 *         "time": T                        when the step was first recorded
 *       }
 *     }
 *   }
 *
 * Every key is required, and nothing else is allowed: the app wrote the file, so anything
 * else means it is damaged, and the caller keeps it aside rather than guess. Steps of packs
 * that are not installed are kept as they are: a pack may come back.
 */

#define G_LOG_DOMAIN "ml-progress"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-json-private.h"
#include "ml-lesson-pack.h"
#include "ml-progress-private.h"
#include "ml-types.h"

#define FORMAT_VERSION 1
#define REPORT_VERSION 1
/* 13 digits reach the year 2286; the syntax checker allows 15. */
#define MAX_TIME       1e14

void
_ml_progress_state_init (MlProgressState *state)
{
  state->reset = 0;
  state->last = (MlProgressLast) { NULL, NULL, 0, 0 };
  state->steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_ml_progress_state_clear (MlProgressState *state)
{
  g_clear_pointer (&state->last.pack, g_free);
  g_clear_pointer (&state->last.lesson, g_free);
  g_clear_pointer (&state->steps, g_hash_table_unref);
}

char *
_ml_progress_step_key (const char *pack,
                       const char *lesson,
                       guint       step)
{
  return g_strdup_printf ("%s/%s/%u", pack, lesson, step);
}

/* The rule of pack and lesson ids (data/lessons/README.md): it keeps '/' out of them. */
static gboolean
ml_progress_file_is_id (const char *text,
                        gsize       length)
{
  if (length == 0 || length > ML_LESSON_PACK_MAX_ID)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (text[i]) && !g_ascii_isdigit (text[i]) && strchr ("-_.", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
_ml_progress_is_id (const char *text)
{
  return ml_progress_file_is_id (text, strlen (text));
}

/* Splits "PACK/LESSON/N", written exactly as _ml_progress_step_key writes it. */
static gboolean
ml_progress_file_split_key (const char  *key,
                            char       **pack,
                            char       **lesson,
                            guint       *step)
{
  const char *first = strchr (key, '/');
  const char *second = first ? strchr (first + 1, '/') : NULL;
  guint64 n;

  if (second == NULL || !ml_progress_file_is_id (key, first - key) ||
      !ml_progress_file_is_id (first + 1, second - first - 1) ||
      !g_ascii_string_to_unsigned (second + 1, 10, 0, ML_LESSON_PACK_MAX_STEPS - 1, &n, NULL) ||
      (second[1] == '0' && second[2] != '\0'))
    return FALSE;

  if (pack != NULL)
    *pack = g_strndup (key, first - key);
  if (lesson != NULL)
    *lesson = g_strndup (first + 1, second - first - 1);
  if (step != NULL)
    *step = n;
  return TRUE;
}

/* Reading */

static gboolean
ml_progress_file_read_integer (JsonNode    *node,
                               const char  *path,
                               double       min,
                               double       max,
                               gint64      *value,
                               GError     **error)
{
  double number;

  if (!_ml_json_read_number (node, path, &number, error) ||
      !_ml_json_check_range (number, path, NULL, min, TRUE, max, error))
    return FALSE;
  if (number != trunc (number))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: %s is a place in the file, "steps.x.attempts" */
                   _("%s: expected a whole number"), path);
      return FALSE;
    }
  *value = (gint64)number;
  return TRUE;
}

/* A required member that is a whole number from @min to @max. */
static gboolean
ml_progress_file_get_integer (JsonObject  *object,
                              const char  *path,
                              const char  *key,
                              double       min,
                              double       max,
                              gint64      *value,
                              GError     **error)
{
  g_autofree char *where = _ml_json_path_member (path, key);
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: %s is a place in the file, "steps.x.done" */
                   _("%s: missing (this key is required)"), where);
      return FALSE;
    }
  return ml_progress_file_read_integer (node, where, min, max, value, error);
}

/* A required member that is true or false. */
static gboolean
ml_progress_file_get_boolean (JsonObject  *object,
                              const char  *path,
                              const char  *key,
                              gboolean    *value,
                              GError     **error)
{
  g_autofree char *where = _ml_json_path_member (path, key);

  if (!json_object_has_member (object, key))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: %s is a place in the file, "steps.x.done" */
                   _("%s: missing (this key is required)"), where);
      return FALSE;
    }
  return _ml_json_get_boolean (object, path, key, value, error);
}

static gboolean
ml_progress_file_invalid (GError     **error,
                          const char  *path,
                          const char  *problem)
{
  g_set_error (error, ML_ERROR, ML_ERROR_INVALID, "%s: %s", path, problem);
  return FALSE;
}

static gboolean
ml_progress_file_read_prediction (JsonObject       *object,
                                  const char       *path,
                                  MlProgressEntry  *entry,
                                  GError          **error)
{
  g_autofree char *answered_path = _ml_json_path_member (path, "answered");
  g_autofree char *prediction_path = _ml_json_path_member (path, "prediction");
  JsonNode *answered = json_object_get_member (object, "answered");
  JsonNode *prediction = json_object_get_member (object, "prediction");
  const char *text = NULL;

  if (answered == NULL || prediction == NULL)
    return ml_progress_file_invalid (error, path, _("“prediction” and “answered” are required"));

  if (JSON_NODE_HOLDS_NULL (prediction) != JSON_NODE_HOLDS_NULL (answered) ||
      JSON_NODE_HOLDS_NULL (prediction) != (entry->attempts == 0))
    return ml_progress_file_invalid (error, path,
                                     _("a step has a prediction and the time of its first answer exactly when it has answers"));
  if (JSON_NODE_HOLDS_NULL (prediction))
    return TRUE;

  if (!ml_progress_file_read_integer (answered, answered_path, 1, MAX_TIME, &entry->answered, error) ||
      !_ml_json_get_string (object, path, "prediction", TRUE, &text, error))
    return FALSE;
  if (g_str_equal (text, "right"))
    entry->prediction = ML_PREDICTION_RIGHT;
  else if (g_str_equal (text, "wrong"))
    entry->prediction = ML_PREDICTION_WRONG;
  else
    return ml_progress_file_invalid (error, prediction_path, _("expected “right”, “wrong” or null"));
  return TRUE;
}

static gboolean
ml_progress_file_read_entry (JsonNode         *node,
                             const char       *path,
                             MlProgressEntry  *entry,
                             GError          **error)
{
  static const char * const keys[] = { "done", "attempts", "prediction", "answered", "time", NULL };
  JsonObject *object;
  gint64 attempts;

  if (!_ml_json_expect_object (node, path, error))
    return FALSE;
  object = json_node_get_object (node);

  if (!_ml_json_check_keys (object, path, keys, error) ||
      !ml_progress_file_get_boolean (object, path, "done", &entry->done, error) ||
      !ml_progress_file_get_integer (object, path, "attempts", 0, G_MAXUINT, &attempts, error) ||
      !ml_progress_file_get_integer (object, path, "time", 1, MAX_TIME, &entry->time, error))
    return FALSE;
  entry->attempts = attempts;
  return ml_progress_file_read_prediction (object, path, entry, error);
}

static gboolean
ml_progress_file_read_steps (MlProgressState  *state,
                             JsonObject       *root,
                             GError          **error)
{
  JsonNode *node = json_object_get_member (root, "steps");
  g_autoptr(GList) members = NULL;

  if (node == NULL)
    return ml_progress_file_invalid (error, "steps", _("missing (this key is required)"));
  if (!_ml_json_expect_object (node, "steps", error))
    return FALSE;

  members = json_object_get_members (json_node_get_object (node));
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *where = _ml_json_path_member ("steps", key);
      g_autofree MlProgressEntry *entry = g_new0 (MlProgressEntry, 1);

      if (!ml_progress_file_split_key (key, NULL, NULL, NULL))
        return ml_progress_file_invalid (error, where, _("expected a key “PACK/LESSON/STEP”"));
      if (!ml_progress_file_read_entry (json_object_get_member (json_node_get_object (node), key),
                                        where, entry, error))
        return FALSE;
      g_hash_table_insert (state->steps, g_strdup (key), g_steal_pointer (&entry));
    }
  return TRUE;
}

static gboolean
ml_progress_file_read_last (MlProgressState  *state,
                            JsonObject       *root,
                            GError          **error)
{
  static const char * const step_keys[] = { "pack", "lesson", "step", "time", NULL };
  static const char * const free_keys[] = { "free", "time", NULL };
  JsonNode *node = json_object_get_member (root, "last");
  const char *pack = NULL, *lesson = NULL;
  gboolean free_practice = FALSE;
  JsonObject *object;
  gint64 step;

  if (node == NULL)
    return ml_progress_file_invalid (error, "last", _("missing (this key is required)"));
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!_ml_json_expect_object (node, "last", error))
    return FALSE;
  object = json_node_get_object (node);

  if (!ml_progress_file_get_integer (object, "last", "time", 1, MAX_TIME, &state->last.time, error))
    return FALSE;

  if (json_object_has_member (object, "free"))
    {
      if (!_ml_json_check_keys (object, "last", free_keys, error) ||
          !_ml_json_get_boolean (object, "last", "free", &free_practice, error))
        return FALSE;
      if (!free_practice)
        return ml_progress_file_invalid (error, "last.free", _("expected true"));
      return TRUE;
    }

  if (!_ml_json_check_keys (object, "last", step_keys, error) ||
      !_ml_json_get_string (object, "last", "pack", TRUE, &pack, error) ||
      !_ml_json_get_string (object, "last", "lesson", TRUE, &lesson, error) ||
      !ml_progress_file_get_integer (object, "last", "step", 0, ML_LESSON_PACK_MAX_STEPS - 1, &step, error))
    return FALSE;
  if (!_ml_progress_is_id (pack))
    return ml_progress_file_invalid (error, "last.pack", _("expected a pack id"));
  if (!_ml_progress_is_id (lesson))
    return ml_progress_file_invalid (error, "last.lesson", _("expected a lesson id"));

  state->last.pack = g_strdup (pack);
  state->last.lesson = g_strdup (lesson);
  state->last.step = step;
  return TRUE;
}

static gboolean
ml_progress_file_read_root (MlProgressState  *state,
                            JsonNode         *node,
                            GError          **error)
{
  static const char * const keys[] = { "margin-lab-progress", "reset", "last", "steps", NULL };
  JsonObject *root;
  double version;

  if (!_ml_json_expect_object (node, "", error))
    return FALSE;
  root = json_node_get_object (node);

  if (!_ml_json_get_number (root, "", "margin-lab-progress", TRUE, &version, error))
    return FALSE;
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_VERSION,
                   /* Translators: %g is the version number found in the file */
                   _("margin-lab-progress: version %g is not one this Margin Lab reads"), version);
      return FALSE;
    }

  return _ml_json_check_keys (root, "", keys, error) &&
         ml_progress_file_get_integer (root, "", "reset", 0, MAX_TIME, &state->reset, error) &&
         ml_progress_file_read_last (state, root, error) &&
         ml_progress_file_read_steps (state, root, error);
}

/**
 * _ml_progress_state_parse:
 * @state: an empty state, which receives what the file holds (in part, on failure)
 *
 * Returns: %TRUE if @data is a valid progress file; else %FALSE with @error in %ML_ERROR
 *   saying what is wrong ("steps.x: expected a key “PACK/LESSON/STEP”")
 */
gboolean
_ml_progress_state_parse (MlProgressState  *state,
                          const char       *data,
                          gsize             length,
                          GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *end;

  if (!g_utf8_validate_len (data, length, &end) || memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_NOT_TEXT, _("is not a text file"));
      return FALSE;
    }
  if (!_ml_json_check_syntax (data, length, error))
    return FALSE;
  /* Only valid JSON gets here, so json-glib has no reason to refuse it. */
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_SYNTAX,
                   /* Translators: %s is the JSON parser's message */
                   _("syntax error: %s"), local_error->message);
      return FALSE;
    }
  return ml_progress_file_read_root (state, json_parser_get_root (parser), error);
}

/* Writing */

/* Pack, then lesson, then the step in numeric order: 2 before 10. Both keys are valid. */
static int
ml_progress_file_compare_keys (gconstpointer a,
                               gconstpointer b)
{
  const char *key_a = *(const char * const *)a, *key_b = *(const char * const *)b;
  const char *step_a = strrchr (key_a, '/'), *step_b = strrchr (key_b, '/');
  gsize len_a = step_a - key_a, len_b = step_b - key_b;
  int order = strncmp (key_a, key_b, MIN (len_a, len_b));

  if (order == 0 && len_a != len_b)
    order = len_a < len_b ? -1 : 1;
  if (order != 0)
    return order;
  return (int)strtoul (step_a + 1, NULL, 10) - (int)strtoul (step_b + 1, NULL, 10);
}

static const char **
ml_progress_file_sorted_keys (MlProgressState *state,
                              guint           *n)
{
  const char **keys = (const char **)g_hash_table_get_keys_as_array (state->steps, n);

  qsort (keys, *n, sizeof *keys, ml_progress_file_compare_keys);
  return keys;
}

static void
ml_progress_file_write_time (MlJsonWriter *writer,
                             const char   *key,
                             gint64        time)
{
  _ml_json_writer_key (writer, key);
  if (time == 0)
    _ml_json_writer_null (writer);
  else
    _ml_json_writer_number (writer, time);
}

static void
ml_progress_file_write_last (MlJsonWriter   *writer,
                             MlProgressLast *last)
{
  _ml_json_writer_key (writer, "last");
  if (last->time == 0)
    {
      _ml_json_writer_null (writer);
      return;
    }

  _ml_json_writer_begin_object (writer);
  if (last->pack == NULL)
    {
      _ml_json_writer_key (writer, "free");
      _ml_json_writer_boolean (writer, TRUE);
    }
  else
    {
      _ml_json_writer_key (writer, "pack");
      _ml_json_writer_string (writer, last->pack);
      _ml_json_writer_key (writer, "lesson");
      _ml_json_writer_string (writer, last->lesson);
      _ml_json_writer_key (writer, "step");
      _ml_json_writer_number (writer, last->step);
    }
  _ml_json_writer_key (writer, "time");
  _ml_json_writer_number (writer, last->time);
  _ml_json_writer_end_object (writer);
}

static void
ml_progress_file_write_entry (MlJsonWriter    *writer,
                              const char      *key,
                              MlProgressEntry *entry)
{
  _ml_json_writer_key (writer, key);
  _ml_json_writer_begin_object (writer);
  _ml_json_writer_key (writer, "done");
  _ml_json_writer_boolean (writer, entry->done);
  _ml_json_writer_key (writer, "attempts");
  _ml_json_writer_number (writer, entry->attempts);
  _ml_json_writer_key (writer, "prediction");
  if (entry->prediction == ML_PREDICTION_NONE)
    _ml_json_writer_null (writer);
  else
    _ml_json_writer_string (writer, entry->prediction == ML_PREDICTION_RIGHT ? "right" : "wrong");
  ml_progress_file_write_time (writer, "answered", entry->answered);
  ml_progress_file_write_time (writer, "time", entry->time);
  _ml_json_writer_end_object (writer);
}

/**
 * _ml_progress_state_serialize:
 *
 * Returns: (transfer full): @state as a progress file, its steps in order
 */
char *
_ml_progress_state_serialize (MlProgressState *state,
                              gsize           *length)
{
  g_autoptr(MlJsonWriter) writer = _ml_json_writer_new ();
  g_autofree const char **keys = NULL;
  guint n;

  _ml_json_writer_begin_object (writer);
  _ml_json_writer_key (writer, "margin-lab-progress");
  _ml_json_writer_number (writer, FORMAT_VERSION);
  _ml_json_writer_key (writer, "reset");
  _ml_json_writer_number (writer, state->reset);
  ml_progress_file_write_last (writer, &state->last);

  _ml_json_writer_key (writer, "steps");
  _ml_json_writer_begin_object (writer);
  keys = ml_progress_file_sorted_keys (state, &n);
  for (guint i = 0; i < n; i++)
    ml_progress_file_write_entry (writer, keys[i], g_hash_table_lookup (state->steps, keys[i]));
  _ml_json_writer_end_object (writer);

  _ml_json_writer_end_object (writer);
  return _ml_json_writer_finish (writer, length);
}

/* The report */

typedef struct
{
  guint done;
  guint seen;
  guint answered;
  guint right;
} MlProgressCounts;

static void
ml_progress_file_write_lesson (MlJsonWriter     *writer,
                               const char       *lesson,
                               MlProgressCounts *counts)
{
  _ml_json_writer_begin_object (writer);
  _ml_json_writer_key (writer, "id");
  _ml_json_writer_string (writer, lesson);
  _ml_json_writer_key (writer, "steps_done");
  _ml_json_writer_number (writer, counts->done);
  _ml_json_writer_key (writer, "steps_seen");
  _ml_json_writer_number (writer, counts->seen);
  _ml_json_writer_key (writer, "questions_answered");
  _ml_json_writer_number (writer, counts->answered);
  _ml_json_writer_key (writer, "right_first_try");
  _ml_json_writer_number (writer, counts->right);
  _ml_json_writer_end_object (writer);
}

/* Steps come sorted, so each lesson's steps, and each pack's lessons, come together. */
static void
ml_progress_file_write_packs (MlJsonWriter    *writer,
                              MlProgressState *state)
{
  g_autofree const char **keys = NULL;
  g_autofree char *pack = NULL, *lesson = NULL;
  MlProgressCounts counts = { 0 };
  guint n;

  keys = ml_progress_file_sorted_keys (state, &n);
  for (guint i = 0; i < n; i++)
    {
      MlProgressEntry *entry = g_hash_table_lookup (state->steps, keys[i]);
      g_autofree char *next_pack = NULL, *next_lesson = NULL;
      gboolean new_pack, new_lesson;

      ml_progress_file_split_key (keys[i], &next_pack, &next_lesson, NULL);
      new_pack = g_strcmp0 (pack, next_pack) != 0;
      new_lesson = new_pack || !g_str_equal (lesson, next_lesson);

      if (lesson != NULL && new_lesson)
        ml_progress_file_write_lesson (writer, lesson, &counts);
      if (pack != NULL && new_pack)
        {
          _ml_json_writer_end_array (writer);
          _ml_json_writer_end_object (writer);
        }
      if (new_pack)
        {
          _ml_json_writer_begin_object (writer);
          _ml_json_writer_key (writer, "id");
          _ml_json_writer_string (writer, next_pack);
          _ml_json_writer_key (writer, "lessons");
          _ml_json_writer_begin_array (writer, FALSE);
          g_free (pack);
          pack = g_steal_pointer (&next_pack);
        }
      if (new_lesson)
        {
          counts = (MlProgressCounts) { 0 };
          g_free (lesson);
          lesson = g_steal_pointer (&next_lesson);
        }

      counts.seen++;
      counts.done += entry->done;
      counts.answered += entry->attempts > 0;
      counts.right += entry->prediction == ML_PREDICTION_RIGHT;
    }

  if (pack != NULL)
    {
      ml_progress_file_write_lesson (writer, lesson, &counts);
      _ml_json_writer_end_array (writer);
      _ml_json_writer_end_object (writer);
    }
}

/**
 * _ml_progress_state_report:
 * @date: when the report is made, as it is to be shown
 *
 * Returns: (transfer full): a short JSON report for a teacher: per pack and lesson, the
 *   steps done and seen, the questions answered, and the first answers that were right
 */
char *
_ml_progress_state_report (MlProgressState *state,
                           const char      *date,
                           gsize           *length)
{
  g_autoptr(MlJsonWriter) writer = _ml_json_writer_new ();

  _ml_json_writer_begin_object (writer);
  _ml_json_writer_key (writer, "margin-lab-report");
  _ml_json_writer_number (writer, REPORT_VERSION);
  _ml_json_writer_key (writer, "app_version");
  _ml_json_writer_string (writer, PACKAGE_VERSION);
  _ml_json_writer_key (writer, "date");
  _ml_json_writer_string (writer, date);
  _ml_json_writer_key (writer, "packs");
  _ml_json_writer_begin_array (writer, FALSE);
  ml_progress_file_write_packs (writer, state);
  _ml_json_writer_end_array (writer);
  _ml_json_writer_end_object (writer);
  return _ml_json_writer_finish (writer, length);
}
