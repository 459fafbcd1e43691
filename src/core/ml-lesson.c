/* ml-lesson.c — one lesson: an idea taught in a few steps, and what was learnt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-json-private.h"
#include "ml-lesson-pack.h"
#include "ml-lesson-private.h"
#include "ml-lesson-step-private.h"

struct _MlLesson
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *summary;
  GPtrArray *steps;  /* MlLessonStep */
};

G_DEFINE_FINAL_TYPE (MlLesson, ml_lesson, G_TYPE_OBJECT)

static void
ml_lesson_finalize (GObject *object)
{
  MlLesson *self = (MlLesson *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_ptr_array_unref (self->steps);

  G_OBJECT_CLASS (ml_lesson_parent_class)->finalize (object);
}

static void
ml_lesson_class_init (MlLessonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_lesson_finalize;
}

static void
ml_lesson_init (MlLesson *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
ml_lesson_read_id (MlLesson       *self,
                   MlLessonReader *reader,
                   JsonObject     *object,
                   const char     *path)
{
  g_autofree char *where = _ml_json_path_member (path, "id");
  const char *id = NULL;

  if (!_ml_lesson_reader_read_id (reader, object, path, &id))
    return FALSE;
  if (g_hash_table_contains (reader->lesson_ids, id))
    {
      g_autofree char *quoted = _ml_json_quote (id);

      /* Translators: a problem in a lesson pack; %s is the lesson's id */
      _ml_lesson_reader_problem (reader, where, _("another lesson of the pack has the id %s; ids must be unique"), quoted);
      return FALSE;
    }
  g_hash_table_add (reader->lesson_ids, g_strdup (id));
  _ml_lesson_reader_set_context (reader, id);
  self->id = g_strdup (id);
  return TRUE;
}

static gboolean
ml_lesson_read_steps (MlLesson       *self,
                      MlLessonReader *reader,
                      JsonObject     *object,
                      const char     *path)
{
  g_autofree char *where = _ml_json_path_member (path, "steps");
  MlLessonStep *previous = NULL;
  JsonArray *array;
  gboolean ok = TRUE;

  if (!(array = _ml_lesson_reader_get_array (reader, object, path, "steps", 1, ML_LESSON_PACK_MAX_STEPS)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = _ml_json_path_element (where, i);

      previous = _ml_lesson_step_new_from_json (json_array_get_element (array, i), element, reader, i, previous);
      if (previous != NULL)
        g_ptr_array_add (self->steps, previous);
      ok = ok && previous != NULL;
    }
  return ok;
}

/**
 * _ml_lesson_new_from_json:
 *
 * Returns: (transfer full) (nullable): the lesson, its steps read and played; or %NULL with
 *   its problems in @reader
 */
MlLesson *
_ml_lesson_new_from_json (JsonNode       *node,
                          const char     *path,
                          MlLessonReader *reader)
{
  static const char * const keys[] = { "id", "title", "summary", "steps", NULL };
  g_autoptr(MlLesson) self = NULL;
  JsonObject *object;
  gboolean ok;

  if (!_ml_lesson_reader_expect_object (reader, node, path))
    return NULL;
  object = json_node_get_object (node);

  self = g_object_new (ML_TYPE_LESSON, NULL);
  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  ok = ml_lesson_read_id (self, reader, object, path) && ok;
  ok = _ml_lesson_reader_read_text (reader, object, path, "title", TRUE, ML_LESSON_TEXT_PLAIN, &self->title) && ok;
  ok = _ml_lesson_reader_read_text (reader, object, path, "summary", TRUE, ML_LESSON_TEXT_PLAIN, &self->summary) && ok;
  ok = ml_lesson_read_steps (self, reader, object, path) && ok;
  return ok ? g_steal_pointer (&self) : NULL;
}

guint
_ml_lesson_count_tasks (MlLesson *self)
{
  guint n = 0;

  for (guint i = 0; i < self->steps->len; i++)
    n += ml_lesson_step_get_task (self->steps->pdata[i]) != NULL;
  return n;
}

guint
_ml_lesson_count_questions (MlLesson *self)
{
  guint n = 0;

  for (guint i = 0; i < self->steps->len; i++)
    n += ml_lesson_step_get_question (self->steps->pdata[i]) != NULL;
  return n;
}

const char *
ml_lesson_get_id (MlLesson *self)
{
  g_return_val_if_fail (ML_IS_LESSON (self), NULL);
  return self->id;
}

const char *
ml_lesson_get_title (MlLesson *self)
{
  g_return_val_if_fail (ML_IS_LESSON (self), NULL);
  return self->title;
}

/**
 * ml_lesson_get_summary:
 *
 * Returns: what the learner has learnt, shown when the lesson is done
 */
const char *
ml_lesson_get_summary (MlLesson *self)
{
  g_return_val_if_fail (ML_IS_LESSON (self), NULL);
  return self->summary;
}

guint
ml_lesson_get_n_steps (MlLesson *self)
{
  g_return_val_if_fail (ML_IS_LESSON (self), 0);
  return self->steps->len;
}

/**
 * ml_lesson_get_step:
 *
 * Returns: (transfer none): step @index
 */
MlLessonStep *
ml_lesson_get_step (MlLesson *self,
                    guint     index)
{
  g_return_val_if_fail (ML_IS_LESSON (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return self->steps->pdata[index];
}
