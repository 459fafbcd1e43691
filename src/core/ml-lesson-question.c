/* ml-lesson-question.c — predict, then observe: a question answered before the lab shows why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-json-private.h"
#include "ml-lesson-action.h"
#include "ml-lesson-question-private.h"

typedef struct
{
  char *text;
  char *why;
} Choice;

struct _MlLessonQuestion
{
  GObject         parent_instance;

  char           *text;
  GArray         *choices;  /* Choice */
  guint           answer;
  MlLessonReveal  reveal;
  double          reveal_price;
};

G_DEFINE_FINAL_TYPE (MlLessonQuestion, ml_lesson_question, G_TYPE_OBJECT)

static void
ml_lesson_question_choice_clear (gpointer data)
{
  Choice *choice = data;

  g_free (choice->text);
  g_free (choice->why);
}

static void
ml_lesson_question_finalize (GObject *object)
{
  MlLessonQuestion *self = (MlLessonQuestion *)object;

  g_free (self->text);
  g_array_unref (self->choices);

  G_OBJECT_CLASS (ml_lesson_question_parent_class)->finalize (object);
}

static void
ml_lesson_question_class_init (MlLessonQuestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_lesson_question_finalize;
}

static void
ml_lesson_question_init (MlLessonQuestion *self)
{
  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (self->choices, ml_lesson_question_choice_clear);
}

/* Reading */

static gboolean
ml_lesson_question_read_choice (MlLessonQuestion *self,
                                MlLessonReader   *reader,
                                JsonNode         *node,
                                const char       *path,
                                gboolean         *correct)
{
  static const char * const keys[] = { "text", "why", "correct", NULL };
  Choice choice = { NULL, NULL };
  JsonObject *object;
  GError *error = NULL;
  gboolean ok;

  *correct = FALSE;
  if (!_ml_lesson_reader_expect_object (reader, node, path))
    return FALSE;
  object = json_node_get_object (node);

  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  ok = _ml_lesson_reader_read_text (reader, object, path, "text", TRUE, ML_LESSON_TEXT_STEP, &choice.text) && ok;
  ok = _ml_lesson_reader_read_text (reader, object, path, "why", TRUE, ML_LESSON_TEXT_STEP, &choice.why) && ok;
  if (!_ml_json_get_boolean (object, path, "correct", correct, &error))
    ok = _ml_lesson_reader_take_error (reader, error);
  g_array_append_val (self->choices, choice);
  return ok;
}

static gboolean
ml_lesson_question_read_choices (MlLessonQuestion *self,
                                 MlLessonReader   *reader,
                                 JsonObject       *object,
                                 const char       *path)
{
  g_autofree char *where = _ml_json_path_member (path, "choices");
  JsonArray *array;
  guint n_correct = 0;
  gboolean ok = TRUE;

  if (!(array = _ml_lesson_reader_get_array (reader, object, path, "choices",
                                             ML_LESSON_QUESTION_MIN_CHOICES, ML_LESSON_QUESTION_MAX_CHOICES)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = _ml_json_path_element (where, i);
      gboolean correct;

      ok = ml_lesson_question_read_choice (self, reader, json_array_get_element (array, i), element, &correct) && ok;
      if (correct)
        {
          self->answer = i;
          if (++n_correct == 2)
            {
              _ml_lesson_reader_problem (reader, element,
                                         _("a second choice is marked correct: exactly one choice is \"correct\": true"));
              ok = FALSE;
            }
        }
    }
  if (n_correct == 0)
    {
      _ml_lesson_reader_problem (reader, where, _("no choice is right: mark exactly one with \"correct\": true"));
      ok = FALSE;
    }
  return ok;
}

static gboolean
ml_lesson_question_read_reveal (MlLessonQuestion *self,
                                MlLessonReader   *reader,
                                JsonObject       *object,
                                const char       *path)
{
  g_autofree char *where = _ml_json_path_member (path, "reveal");
  g_autoptr(MlLessonAction) action = NULL;
  JsonNode *node = json_object_get_member (object, "reveal");

  if (node == NULL)
    return TRUE;
  if (!(action = _ml_lesson_action_read (reader, node, where, TRUE)))
    return FALSE;

  switch (action->kind)
    {
    case ML_LESSON_ACTION_MARK:
      self->reveal = ML_LESSON_REVEAL_MARK;
      self->reveal_price = action->price;
      break;
    case ML_LESSON_ACTION_PATH:
      self->reveal = ML_LESSON_REVEAL_PATH;
      break;
    case ML_LESSON_ACTION_COMPARE:
      self->reveal = ML_LESSON_REVEAL_COMPARE;
      break;
    case ML_LESSON_ACTION_OPEN:
    case ML_LESSON_ACTION_ADD_MARGIN:
    case ML_LESSON_ACTION_REMOVE_MARGIN:
    case ML_LESSON_ACTION_CLOSE:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/**
 * _ml_lesson_question_new_from_json:
 *
 * Returns: (transfer full) (nullable): the question, or %NULL with its problems in @reader
 */
MlLessonQuestion *
_ml_lesson_question_new_from_json (JsonNode       *node,
                                   const char     *path,
                                   MlLessonReader *reader)
{
  static const char * const keys[] = { "text", "choices", "reveal", NULL };
  g_autoptr(MlLessonQuestion) self = NULL;
  JsonObject *object;
  gboolean ok;

  if (!_ml_lesson_reader_expect_object (reader, node, path))
    return NULL;
  object = json_node_get_object (node);

  self = g_object_new (ML_TYPE_LESSON_QUESTION, NULL);
  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  ok = _ml_lesson_reader_read_text (reader, object, path, "text", TRUE, ML_LESSON_TEXT_STEP, &self->text) && ok;
  ok = ml_lesson_question_read_choices (self, reader, object, path) && ok;
  ok = ml_lesson_question_read_reveal (self, reader, object, path) && ok;
  return ok ? g_steal_pointer (&self) : NULL;
}

/* Getters. The texts are as written: show them through ml_lesson_step_expand(). */

const char *
ml_lesson_question_get_text (MlLessonQuestion *self)
{
  g_return_val_if_fail (ML_IS_LESSON_QUESTION (self), NULL);
  return self->text;
}

guint
ml_lesson_question_get_n_choices (MlLessonQuestion *self)
{
  g_return_val_if_fail (ML_IS_LESSON_QUESTION (self), 0);
  return self->choices->len;
}

const char *
ml_lesson_question_get_choice (MlLessonQuestion *self,
                               guint             index)
{
  g_return_val_if_fail (ML_IS_LESSON_QUESTION (self), NULL);
  g_return_val_if_fail (index < self->choices->len, NULL);
  return g_array_index (self->choices, Choice, index).text;
}

/**
 * ml_lesson_question_get_why:
 *
 * Returns: why choice @index is right or wrong
 */
const char *
ml_lesson_question_get_why (MlLessonQuestion *self,
                            guint             index)
{
  g_return_val_if_fail (ML_IS_LESSON_QUESTION (self), NULL);
  g_return_val_if_fail (index < self->choices->len, NULL);
  return g_array_index (self->choices, Choice, index).why;
}

/**
 * ml_lesson_question_get_answer:
 *
 * Returns: the index of the one right choice
 */
guint
ml_lesson_question_get_answer (MlLessonQuestion *self)
{
  g_return_val_if_fail (ML_IS_LESSON_QUESTION (self), 0);
  return self->answer;
}

MlLessonReveal
ml_lesson_question_get_reveal (MlLessonQuestion *self)
{
  g_return_val_if_fail (ML_IS_LESSON_QUESTION (self), ML_LESSON_REVEAL_NONE);
  return self->reveal;
}

/**
 * ml_lesson_question_get_reveal_price:
 *
 * Returns: the mark price %ML_LESSON_REVEAL_MARK moves to; 0 for the other reveals
 */
double
ml_lesson_question_get_reveal_price (MlLessonQuestion *self)
{
  g_return_val_if_fail (ML_IS_LESSON_QUESTION (self), 0);
  return self->reveal_price;
}
