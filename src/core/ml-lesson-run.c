/* ml-lesson-run.c — a lesson being taken: the lesson, the lab it drives and the progress kept
 *
 * The run drives the lab only through MlLab's own calls, as the window does, so that there is
 * one source of truth: after every change of the lab it checks the step's task again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-lesson-run"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ml-lesson-run.h"
#include "ml-types.h"

struct _MlLessonRun
{
  GObject       parent_instance;

  MlLab        *lab;
  MlProgress   *progress;      /* nullable: a run that keeps no record */
  MlLessonPack *pack;          /* NULL in free practice */
  MlLesson     *lesson;
  guint         step;
  gboolean      task_done;
  int           answer;
  double        mark_low;
  double        mark_high;
  gboolean      starting;      /* the lab is being put at the step's start by the run itself */
};

enum {
  PROP_0,
  PROP_LAB,
  PROP_PROGRESS,
  PROP_PACK,
  PROP_LESSON,
  PROP_STEP,
  PROP_TASK_DONE,
  PROP_ANSWER,
  N_PROPS
};

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MlLessonRun, ml_lesson_run, G_TYPE_OBJECT)

static void
ml_lesson_run_save (MlLessonRun *self)
{
  g_autoptr(GError) error = NULL;

  if (self->progress != NULL && !ml_progress_save (self->progress, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static MlLessonTask *
ml_lesson_run_get_task (MlLessonRun *self)
{
  MlLessonStep *step = ml_lesson_run_get_step (self);

  return step != NULL ? ml_lesson_step_get_task (step) : NULL;
}

static void
ml_lesson_run_record_done (MlLessonRun *self)
{
  if (self->progress == NULL)
    return;
  ml_progress_set_done (self->progress, ml_lesson_pack_get_id (self->pack),
                        ml_lesson_get_id (self->lesson), self->step);
  ml_lesson_run_save (self);
}

static void
ml_lesson_run_check (MlLessonRun *self)
{
  MlLessonTask *task = ml_lesson_run_get_task (self);
  MlLessonState state;
  gboolean done;

  /* Once the prediction is in, the lab plays the outcome: that is the lesson's doing, and the
   * task the learner did stays done. */
  if (task == NULL || (self->task_done && self->answer != ML_LESSON_RUN_NO_ANSWER))
    return;

  ml_lesson_run_get_state (self, &state);
  done = ml_lesson_task_check (task, &state);
  if (done == self->task_done)
    return;

  self->task_done = done;
  if (done)
    ml_lesson_run_record_done (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_DONE]);
}

static void
ml_lesson_run_lab_changed (MlLessonRun *self)
{
  double mark = ml_account_get_mark_price (ml_lab_get_account (self->lab));

  self->mark_low = MIN (self->mark_low, mark);
  self->mark_high = MAX (self->mark_high, mark);
  ml_lesson_run_check (self);
}

/* New Lab or Open Scenario… put another state in the lab: the learner left the lesson. */
static void
ml_lesson_run_lab_started (MlLessonRun *self)
{
  if (!self->starting)
    ml_lesson_run_stop (self);
}

static void
ml_lesson_run_set_lab (MlLessonRun *self,
                       MlLab       *lab)
{
  g_assert (self->lab == NULL);

  self->lab = g_object_ref (lab);
  g_signal_connect_object (lab, "started", G_CALLBACK (ml_lesson_run_lab_started), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lab, "changed", G_CALLBACK (ml_lesson_run_lab_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lab, "notify::compare", G_CALLBACK (ml_lesson_run_check), self, G_CONNECT_SWAPPED);
}

static void
ml_lesson_run_dispose (GObject *object)
{
  MlLessonRun *self = ML_LESSON_RUN (object);

  g_clear_object (&self->lab);
  g_clear_object (&self->progress);
  g_clear_object (&self->pack);
  g_clear_object (&self->lesson);

  G_OBJECT_CLASS (ml_lesson_run_parent_class)->dispose (object);
}

static void
ml_lesson_run_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MlLessonRun *self = ML_LESSON_RUN (object);

  switch (prop_id)
    {
    case PROP_LAB:
      g_value_set_object (value, self->lab);
      break;
    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    case PROP_TASK_DONE:
      g_value_set_boolean (value, self->task_done);
      break;
    case PROP_ANSWER:
      g_value_set_int (value, self->answer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_lesson_run_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MlLessonRun *self = ML_LESSON_RUN (object);

  switch (prop_id)
    {
    case PROP_LAB:
      ml_lesson_run_set_lab (self, g_value_get_object (value));
      break;
    case PROP_PROGRESS:
      self->progress = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_lesson_run_class_init (MlLessonRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ml_lesson_run_dispose;
  object_class->get_property = ml_lesson_run_get_property;
  object_class->set_property = ml_lesson_run_set_property;

  properties[PROP_LAB] = g_param_spec_object ("lab", NULL, NULL, ML_TYPE_LAB, construct);
  properties[PROP_PROGRESS] = g_param_spec_object ("progress", NULL, NULL, ML_TYPE_PROGRESS, construct);
  properties[PROP_PACK] = g_param_spec_object ("pack", NULL, NULL, ML_TYPE_LESSON_PACK, flags);
  properties[PROP_LESSON] = g_param_spec_object ("lesson", NULL, NULL, ML_TYPE_LESSON, flags);
  properties[PROP_STEP] = g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TASK_DONE] = g_param_spec_boolean ("task-done", NULL, NULL, FALSE, flags);
  properties[PROP_ANSWER] = g_param_spec_int ("answer", NULL, NULL, ML_LESSON_RUN_NO_ANSWER, G_MAXINT,
                                              ML_LESSON_RUN_NO_ANSWER, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MlLessonRun::save-failed:
   * @error: why the progress file could not be written
   *
   * The learner's progress is kept in memory and written again after the next change.
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
ml_lesson_run_init (MlLessonRun *self)
{
  self->answer = ML_LESSON_RUN_NO_ANSWER;
}

/**
 * ml_lesson_run_new:
 * @progress: (nullable): where the learner's progress is recorded and saved
 */
MlLessonRun *
ml_lesson_run_new (MlLab      *lab,
                   MlProgress *progress)
{
  g_return_val_if_fail (ML_IS_LAB (lab), NULL);
  g_return_val_if_fail (progress == NULL || ML_IS_PROGRESS (progress), NULL);

  return g_object_new (ML_TYPE_LESSON_RUN, "lab", lab, "progress", progress, NULL);
}

MlLab *
ml_lesson_run_get_lab (MlLessonRun *self)
{
  g_return_val_if_fail (ML_IS_LESSON_RUN (self), NULL);
  return self->lab;
}

MlProgress *
ml_lesson_run_get_progress (MlLessonRun *self)
{
  g_return_val_if_fail (ML_IS_LESSON_RUN (self), NULL);
  return self->progress;
}

/**
 * ml_lesson_run_get_pack:
 *
 * Returns: (transfer none) (nullable): the lesson's pack, or %NULL in free practice
 */
MlLessonPack *
ml_lesson_run_get_pack (MlLessonRun *self)
{
  g_return_val_if_fail (ML_IS_LESSON_RUN (self), NULL);
  return self->pack;
}

MlLesson *
ml_lesson_run_get_lesson (MlLessonRun *self)
{
  g_return_val_if_fail (ML_IS_LESSON_RUN (self), NULL);
  return self->lesson;
}

MlLessonStep *
ml_lesson_run_get_step (MlLessonRun *self)
{
  g_return_val_if_fail (ML_IS_LESSON_RUN (self), NULL);
  return self->lesson != NULL ? ml_lesson_get_step (self->lesson, self->step) : NULL;
}

guint
ml_lesson_run_get_step_index (MlLessonRun *self)
{
  g_return_val_if_fail (ML_IS_LESSON_RUN (self), 0);
  return self->step;
}

/**
 * ml_lesson_run_get_task_done:
 *
 * Returns: whether the step's task holds now; it is checked again after every change, so an
 *   undo can take it back (the progress keeps that it was done once)
 */
gboolean
ml_lesson_run_get_task_done (MlLessonRun *self)
{
  g_return_val_if_fail (ML_IS_LESSON_RUN (self), FALSE);
  return self->task_done;
}

/**
 * ml_lesson_run_get_answer:
 *
 * Returns: the choice committed to the step's question, or %ML_LESSON_RUN_NO_ANSWER
 */
int
ml_lesson_run_get_answer (MlLessonRun *self)
{
  g_return_val_if_fail (ML_IS_LESSON_RUN (self), ML_LESSON_RUN_NO_ANSWER);
  return self->answer;
}

/**
 * ml_lesson_run_get_state:
 * @state: (out caller-allocates): what the step's checks look at; its accounts are borrowed
 */
void
ml_lesson_run_get_state (MlLessonRun   *self,
                         MlLessonState *state)
{
  MlLessonStep *step;

  g_return_if_fail (ML_IS_LESSON_RUN (self));
  g_return_if_fail (state != NULL);

  step = ml_lesson_run_get_step (self);
  state->account = ml_lab_get_account (self->lab);
  state->start = step != NULL ? ml_scenario_get_account (ml_lesson_step_get_scenario (step)) : state->account;
  state->compare = ml_lab_get_compare (self->lab);
  state->mark_low = self->mark_low;
  state->mark_high = self->mark_high;
}

static void
ml_lesson_run_notify_all (MlLessonRun *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Puts the lab at the step's start. Compare Modes is turned off, as a step that asks for it
 * must not find it on already. */
static void
ml_lesson_run_enter_step (MlLessonRun *self)
{
  MlLessonStep *step = ml_lesson_run_get_step (self);
  MlScenario *scenario = ml_lesson_step_get_scenario (step);
  double mark = ml_account_get_mark_price (ml_scenario_get_account (scenario));

  self->task_done = FALSE;
  self->answer = ML_LESSON_RUN_NO_ANSWER;
  self->mark_low = self->mark_high = mark;

  self->starting = TRUE;
  ml_lab_set_compare (self->lab, FALSE);
  ml_lab_set_scenario (self->lab, scenario, NULL);
  self->starting = FALSE;

  if (self->progress != NULL)
    {
      ml_progress_set_last (self->progress, ml_lesson_pack_get_id (self->pack),
                            ml_lesson_get_id (self->lesson), self->step);
      /* A step with nothing to do or answer is done once it has been read. */
      if (ml_lesson_step_get_task (step) == NULL && ml_lesson_step_get_question (step) == NULL)
        ml_progress_set_done (self->progress, ml_lesson_pack_get_id (self->pack),
                              ml_lesson_get_id (self->lesson), self->step);
      ml_lesson_run_save (self);
    }
}

/**
 * ml_lesson_run_start:
 * @step: the step to start at; past the lesson's last, the last
 *
 * Starts @lesson's @step: the lab is put at the step's starting state.
 */
void
ml_lesson_run_start (MlLessonRun  *self,
                     MlLessonPack *pack,
                     MlLesson     *lesson,
                     guint         step)
{
  g_return_if_fail (ML_IS_LESSON_RUN (self));
  g_return_if_fail (ML_IS_LESSON_PACK (pack));
  g_return_if_fail (ML_IS_LESSON (lesson));
  g_return_if_fail (ml_lesson_get_n_steps (lesson) > 0);

  g_set_object (&self->pack, pack);
  g_set_object (&self->lesson, lesson);
  self->step = MIN (step, ml_lesson_get_n_steps (lesson) - 1);
  ml_lesson_run_enter_step (self);
  ml_lesson_run_notify_all (self);
}

/**
 * ml_lesson_run_stop:
 *
 * Leaves the lesson for free practice; the lab keeps its state.
 */
void
ml_lesson_run_stop (MlLessonRun *self)
{
  g_return_if_fail (ML_IS_LESSON_RUN (self));

  if (self->lesson == NULL)
    return;
  g_clear_object (&self->pack);
  g_clear_object (&self->lesson);
  self->step = 0;
  self->task_done = FALSE;
  self->answer = ML_LESSON_RUN_NO_ANSWER;
  if (self->progress != NULL)
    {
      ml_progress_set_last (self->progress, NULL, NULL, 0);
      ml_lesson_run_save (self);
    }
  ml_lesson_run_notify_all (self);
}

/**
 * ml_lesson_run_reset_step:
 *
 * Puts the lab back at the step's start, with its question open again.
 */
void
ml_lesson_run_reset_step (MlLessonRun *self)
{
  g_return_if_fail (ML_IS_LESSON_RUN (self));

  if (self->lesson == NULL)
    return;
  ml_lesson_run_enter_step (self);
  ml_lesson_run_notify_all (self);
}

/**
 * ml_lesson_run_answer:
 * @choice: the choice the learner commits to
 *
 * Commits the learner's prediction, records it, then plays the question's reveal in the lab.
 * Refused while the step's task is not done (the question is about its outcome) and once an
 * answer is committed (a prediction is not taken back: Reset this step asks again).
 */
gboolean
ml_lesson_run_answer (MlLessonRun  *self,
                      guint         choice,
                      GError      **error)
{
  MlLessonStep *step;
  MlLessonQuestion *question;
  gboolean right;

  g_return_val_if_fail (ML_IS_LESSON_RUN (self), FALSE);

  step = ml_lesson_run_get_step (self);
  if (step == NULL || (question = ml_lesson_step_get_question (step)) == NULL)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED, _("This step has no question"));
      return FALSE;
    }
  if (choice >= ml_lesson_question_get_n_choices (question))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED, _("This question has no such choice"));
      return FALSE;
    }
  if (self->answer != ML_LESSON_RUN_NO_ANSWER)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   _("Your prediction is already in: reset this step to answer again"));
      return FALSE;
    }
  if (ml_lesson_step_get_task (step) != NULL && !self->task_done)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
                   _("Do the task first: the question is about what it leads to"));
      return FALSE;
    }

  self->answer = choice;
  right = choice == ml_lesson_question_get_answer (question);
  if (self->progress != NULL)
    {
      const char *pack = ml_lesson_pack_get_id (self->pack), *lesson = ml_lesson_get_id (self->lesson);

      ml_progress_add_answer (self->progress, pack, lesson, self->step, right);
      if (ml_lesson_step_get_task (step) == NULL)
        ml_progress_set_done (self->progress, pack, lesson, self->step);
      ml_lesson_run_save (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);

  return ml_lesson_step_play_reveal (step, self->lab, error);
}
