/* ml-lesson-step.c — one step of a lesson: a starting state, a text, a task, a question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step is played once when it is loaded, headless, on an MlLab of its own: its task must be
 * false at the start and true after its solution, and every placeholder in its texts must name
 * a value at its start, after the solution ("solved.") or after the reveal too ("after.").
 * The numbers are kept, so that showing a text only formats them in the learner's locale.
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-enums.h"
#include "ml-json-private.h"
#include "ml-lesson-action.h"
#include "ml-lesson-question-private.h"
#include "ml-lesson-step-private.h"
#include "ml-lesson-task-private.h"
#include "ml-lesson-text.h"

struct _MlLessonStep
{
  GObject           parent_instance;

  char             *title;
  char             *text;
  MlScenario       *scenario;
  MlLessonControls  controls;
  MlLessonTask     *task;
  GPtrArray        *solution;  /* MlLessonAction */
  MlLessonQuestion *question;
  GHashTable       *values;    /* placeholder → MlLessonValue */
  MlAccount        *solved;    /* the account after the solution: a "previous" scenario */
};

G_DEFINE_FINAL_TYPE (MlLessonStep, ml_lesson_step, G_TYPE_OBJECT)

static void
ml_lesson_step_finalize (GObject *object)
{
  MlLessonStep *self = (MlLessonStep *)object;

  g_free (self->title);
  g_free (self->text);
  g_clear_object (&self->scenario);
  g_clear_object (&self->task);
  g_clear_pointer (&self->solution, g_ptr_array_unref);
  g_clear_object (&self->question);
  g_hash_table_unref (self->values);
  g_clear_object (&self->solved);

  G_OBJECT_CLASS (ml_lesson_step_parent_class)->finalize (object);
}

static void
ml_lesson_step_class_init (MlLessonStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_lesson_step_finalize;
}

static void
ml_lesson_step_init (MlLessonStep *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Reading */

static gboolean
ml_lesson_step_read_controls (MlLessonStep   *self,
                              MlLessonReader *reader,
                              JsonObject     *object,
                              const char     *path)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (ML_TYPE_LESSON_CONTROLS);
  g_autofree char *where = _ml_json_path_member (path, "controls");
  JsonArray *array;
  gboolean ok = TRUE;

  if (!json_object_has_member (object, "controls"))
    return TRUE;
  if (!(array = _ml_lesson_reader_get_array (reader, object, path, "controls", 0, klass->n_values)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = _ml_json_path_element (where, i);
      JsonNode *node = json_array_get_element (array, i);
      const GFlagsValue *control = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        control = g_flags_get_value_by_nick (klass, json_node_get_string (node));
      if (control == NULL || control->value == ML_LESSON_CONTROLS_NONE)
        {
          _ml_lesson_reader_problem (reader, element,
                                     _("not a control: the controls are side, mode, leverage, size, price, place, mark, path, compare, positions and chart"));
          ok = FALSE;
        }
      else if (self->controls & control->value)
        {
          /* Translators: a problem in a lesson pack; %s is a control's name in the file, kept as it is */
          _ml_lesson_reader_problem (reader, element, _("“%s” is named twice"), control->value_nick);
          ok = FALSE;
        }
      else
        self->controls |= control->value;
    }
  return ok;
}

static gboolean
ml_lesson_step_read_scenario (MlLessonStep   *self,
                              MlLessonReader *reader,
                              JsonObject     *object,
                              const char     *path,
                              guint           index,
                              MlLessonStep   *previous)
{
  g_autofree char *where = _ml_json_path_member (path, "scenario");
  JsonNode *node = json_object_get_member (object, "scenario");

  if (node == NULL)
    {
      _ml_lesson_reader_problem (reader, where, _("missing (this key is required)"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      strcmp (json_node_get_string (node), "previous") != 0)
    return (self->scenario = _ml_lesson_reader_read_scenario (reader, node, where, FALSE)) != NULL;

  if (index == 0)
    {
      _ml_lesson_reader_problem (reader, where, _("the first step of a lesson has no previous step to start from"));
      return FALSE;
    }
  /* A previous step that could not be read has said so already. */
  if (previous == NULL)
    return FALSE;
  self->scenario = ml_scenario_new_with_account (previous->scenario, previous->solved);
  return TRUE;
}

static gboolean
ml_lesson_step_read_task (MlLessonStep   *self,
                          MlLessonReader *reader,
                          JsonObject     *object,
                          const char     *path)
{
  g_autofree char *where = _ml_json_path_member (path, "task");
  g_autofree char *solution = _ml_json_path_member (path, "solution");
  JsonNode *node = json_object_get_member (object, "task");

  if (node == NULL)
    {
      if (!json_object_has_member (object, "solution"))
        return TRUE;
      _ml_lesson_reader_problem (reader, solution, _("a solution goes with a task, and this step has none"));
      return FALSE;
    }
  if (!json_object_has_member (object, "solution"))
    {
      _ml_lesson_reader_problem (reader, solution, _("missing: a step with a task needs the solution that completes it"));
      return FALSE;
    }
  /* Without the step's scenario, the positions the task names cannot be looked for. */
  if (self->scenario == NULL)
    return FALSE;

  self->task = _ml_lesson_task_new_from_json (node, where, reader, ml_scenario_get_account (self->scenario));
  self->solution = _ml_lesson_action_read_list (reader, object, path, "solution");
  return self->task != NULL && self->solution != NULL;
}

static gboolean
ml_lesson_step_read (MlLessonStep   *self,
                     MlLessonReader *reader,
                     JsonObject     *object,
                     const char     *path,
                     guint           index,
                     MlLessonStep   *previous)
{
  static const char * const keys[] = { "title", "text", "scenario", "controls", "task", "solution", "question", NULL };
  JsonNode *question = json_object_get_member (object, "question");
  g_autofree char *where = _ml_json_path_member (path, "question");
  gboolean ok;

  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  ok = _ml_lesson_reader_read_text (reader, object, path, "title", FALSE, ML_LESSON_TEXT_STEP, &self->title) && ok;
  ok = _ml_lesson_reader_read_text (reader, object, path, "text", TRUE, ML_LESSON_TEXT_STEP, &self->text) && ok;
  ok = ml_lesson_step_read_scenario (self, reader, object, path, index, previous) && ok;
  ok = ml_lesson_step_read_controls (self, reader, object, path) && ok;
  ok = ml_lesson_step_read_task (self, reader, object, path) && ok;
  if (question != NULL)
    ok = (self->question = _ml_lesson_question_new_from_json (question, where, reader)) != NULL && ok;
  return ok;
}

/* Playing at load */

static void
ml_lesson_step_start (MlLessonStep  *self,
                      MlLab         *lab,
                      MlLessonState *state)
{
  ml_lab_set_scenario (lab, self->scenario, NULL);
  ml_lab_set_compare (lab, FALSE);
  state->start = ml_scenario_get_account (self->scenario);
  state->account = ml_lab_get_account (lab);
  state->compare = FALSE;
  state->mark_low = state->mark_high = ml_account_get_mark_price (state->account);
}

static gboolean
ml_lesson_step_play_actions (GPtrArray      *actions,
                             MlLab          *lab,
                             MlLessonState  *state,
                             MlLessonReader *reader)
{
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      const MlLessonAction *action = actions->pdata[i];
      g_autoptr(GError) error = NULL;

      if (!_ml_lesson_action_play (action, lab, state, &error))
        {
          /* Translators: a problem in a lesson pack; %s is the lab's reason, already translated */
          _ml_lesson_reader_problem (reader, action->path, _("the lab refuses this action: %s"), error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
ml_lesson_step_play_task (MlLessonStep   *self,
                          MlLab          *lab,
                          MlLessonState  *state,
                          MlLessonReader *reader,
                          const char     *path)
{
  g_autofree char *task = _ml_json_path_member (path, "task");
  g_autofree char *solution = _ml_json_path_member (path, "solution");

  if (self->task == NULL)
    return TRUE;
  if (ml_lesson_task_check (self->task, state))
    {
      _ml_lesson_reader_problem (reader, task, _("the task is already done when the step starts: the learner would have nothing to do"));
      return FALSE;
    }
  if (!ml_lesson_step_play_actions (self->solution, lab, state, reader))
    return FALSE;
  if (!ml_lesson_task_check (self->task, state))
    {
      _ml_lesson_reader_problem (reader, solution, _("the solution does not complete the task: after it, the task’s check is still false"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
ml_lesson_step_play_question (MlLessonStep   *self,
                              MlLab          *lab,
                              MlLessonState  *state,
                              MlLessonReader *reader,
                              const char     *path)
{
  g_autofree char *question = _ml_json_path_member (path, "question");
  g_autofree char *where = _ml_json_path_member (question, "reveal");
  g_autoptr(GError) error = NULL;

  if (self->question == NULL || ml_lesson_step_play_reveal (self, lab, &error))
    return TRUE;
  /* Translators: a problem in a lesson pack; %s is the lab's reason, already translated */
  _ml_lesson_reader_problem (reader, where, _("the lab refuses this reveal: %s"), error->message);
  return FALSE;
}

static gboolean
ml_lesson_step_resolve (MlLessonStep      *self,
                        MlLessonReader    *reader,
                        MlAccount * const *accounts)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < reader->texts->len; i++)
    {
      const MlLessonTextRef *ref = reader->texts->pdata[i];
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      _ml_lesson_text_check (ref->text, TRUE, names, NULL);
      for (guint j = 0; j < names->len; j++)
        {
          const char *name = names->pdata[j];
          g_autoptr(GError) error = NULL;
          MlLessonValue value;

          if (g_hash_table_contains (self->values, name))
            continue;
          if (!_ml_lesson_text_resolve (name, accounts, &value, &error))
            {
              _ml_lesson_reader_problem (reader, ref->path, "%s", error->message);
              ok = FALSE;
              continue;
            }
          g_hash_table_insert (self->values, g_strdup (name), g_memdup2 (&value, sizeof value));
        }
    }
  return ok;
}

/* Plays the step as --check-pack does, and keeps the numbers its texts show. */
static gboolean
ml_lesson_step_play (MlLessonStep   *self,
                     MlLessonReader *reader,
                     const char     *path)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  g_autoptr(MlAccount) after = NULL;
  MlAccount *accounts[ML_LESSON_N_MOMENTS];
  MlLessonState state;

  ml_lesson_step_start (self, lab, &state);
  if (!ml_lesson_step_play_task (self, lab, &state, reader, path))
    return FALSE;
  self->solved = ml_account_copy (ml_lab_get_account (lab));
  if (!ml_lesson_step_play_question (self, lab, &state, reader, path))
    return FALSE;
  after = ml_account_copy (ml_lab_get_account (lab));

  accounts[ML_LESSON_MOMENT_START] = ml_scenario_get_account (self->scenario);
  accounts[ML_LESSON_MOMENT_SOLVED] = self->solved;
  accounts[ML_LESSON_MOMENT_AFTER] = after;
  return ml_lesson_step_resolve (self, reader, accounts);
}

/**
 * _ml_lesson_step_new_from_json:
 * @index: the step's place in its lesson
 * @previous: (nullable): the step before it, if it could be read
 *
 * Returns: (transfer full) (nullable): the step, read and played; or %NULL with its problems
 *   in @reader
 */
MlLessonStep *
_ml_lesson_step_new_from_json (JsonNode       *node,
                               const char     *path,
                               MlLessonReader *reader,
                               guint           index,
                               MlLessonStep   *previous)
{
  g_autoptr(MlLessonStep) self = NULL;

  if (!_ml_lesson_reader_expect_object (reader, node, path))
    return NULL;

  g_ptr_array_set_size (reader->texts, 0);
  self = g_object_new (ML_TYPE_LESSON_STEP, NULL);
  if (!ml_lesson_step_read (self, reader, json_node_get_object (node), path, index, previous) ||
      !ml_lesson_step_play (self, reader, path))
    return NULL;
  return g_steal_pointer (&self);
}

/* Getters. The texts are as written, with their placeholders: show them through
 * ml_lesson_step_expand(). */

/**
 * ml_lesson_step_get_title:
 *
 * Returns: (nullable): the step's title, if it has one
 */
const char *
ml_lesson_step_get_title (MlLessonStep *self)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), NULL);
  return self->title;
}

const char *
ml_lesson_step_get_text (MlLessonStep *self)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), NULL);
  return self->text;
}

/**
 * ml_lesson_step_get_scenario:
 *
 * Returns: (transfer none): the step's starting state
 */
MlScenario *
ml_lesson_step_get_scenario (MlLessonStep *self)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), NULL);
  return self->scenario;
}

MlLessonControls
ml_lesson_step_get_controls (MlLessonStep *self)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), ML_LESSON_CONTROLS_NONE);
  return self->controls;
}

/**
 * ml_lesson_step_get_task:
 *
 * Returns: (transfer none) (nullable): what the step asks the learner to do
 */
MlLessonTask *
ml_lesson_step_get_task (MlLessonStep *self)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), NULL);
  return self->task;
}

/**
 * ml_lesson_step_get_question:
 *
 * Returns: (transfer none) (nullable): the step's question
 */
MlLessonQuestion *
ml_lesson_step_get_question (MlLessonStep *self)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), NULL);
  return self->question;
}

/**
 * ml_lesson_step_expand:
 * @text: one of the step's texts, or of its task's or question's
 *
 * Returns: (transfer full): @text with its placeholders replaced by the numbers computed when
 *   the pack was loaded, formatted in the user's locale; "{{" and "}}" become braces
 */
char *
ml_lesson_step_expand (MlLessonStep *self,
                       const char   *text)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  return _ml_lesson_text_expand (text, self->values);
}

/**
 * ml_lesson_step_play_solution:
 * @lab: a lab at the step's start
 *
 * Plays the step's solution through @lab, as the learner would ("Show me"); a step without a
 * task has none, and nothing changes.
 *
 * Returns: %TRUE if the lab took every action; else %FALSE with @error saying why it refused
 */
gboolean
ml_lesson_step_play_solution (MlLessonStep  *self,
                              MlLab         *lab,
                              GError       **error)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), FALSE);
  g_return_val_if_fail (ML_IS_LAB (lab), FALSE);

  for (guint i = 0; self->solution != NULL && i < self->solution->len; i++)
    if (!_ml_lesson_action_play (self->solution->pdata[i], lab, NULL, error))
      return FALSE;
  return TRUE;
}

/**
 * ml_lesson_step_play_reveal:
 *
 * Plays the question's reveal through @lab: moves the mark, plays the whole price path or
 * turns Compare Modes on. A step without a question or reveal changes nothing.
 *
 * Returns: %TRUE if the lab took it; else %FALSE with @error saying why it refused
 */
gboolean
ml_lesson_step_play_reveal (MlLessonStep  *self,
                            MlLab         *lab,
                            GError       **error)
{
  MlLessonAction action = { 0 };

  g_return_val_if_fail (ML_IS_LESSON_STEP (self), FALSE);
  g_return_val_if_fail (ML_IS_LAB (lab), FALSE);

  switch (self->question ? ml_lesson_question_get_reveal (self->question) : ML_LESSON_REVEAL_NONE)
    {
    case ML_LESSON_REVEAL_MARK:
      action.kind = ML_LESSON_ACTION_MARK;
      action.price = ml_lesson_question_get_reveal_price (self->question);
      break;
    case ML_LESSON_REVEAL_PATH:
      action.kind = ML_LESSON_ACTION_PATH;
      break;
    case ML_LESSON_REVEAL_COMPARE:
      action.kind = ML_LESSON_ACTION_COMPARE;
      break;
    case ML_LESSON_REVEAL_NONE:
    default:
      return TRUE;
    }
  return _ml_lesson_action_play (&action, lab, NULL, error);
}

/**
 * _ml_lesson_step_get_solution:
 *
 * For the window tests, which play a solution as a learner would, through the widgets.
 *
 * Returns: (transfer none) (element-type MlLessonAction) (nullable): the step's solution
 */
GPtrArray *
_ml_lesson_step_get_solution (MlLessonStep *self)
{
  g_return_val_if_fail (ML_IS_LESSON_STEP (self), NULL);
  return self->solution;
}
