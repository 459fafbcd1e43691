/* ml-lesson-task.h — what a step asks the learner to do, as a check over the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ml-account.h"

G_BEGIN_DECLS

#define ML_TYPE_LESSON_TASK (ml_lesson_task_get_type ())

G_DECLARE_FINAL_TYPE (MlLessonTask, ml_lesson_task, ML, LESSON_TASK, GObject)

/**
 * MlLessonState:
 * @account: the lab's account now
 * @start: the step's starting account
 * @compare: whether Compare Modes is on
 * @mark_low: the lowest mark price since the step started (its start included)
 * @mark_high: the highest
 *
 * What a check may look at: the model, and the little history a step keeps.
 */
typedef struct
{
  MlAccount *account;
  MlAccount *start;
  gboolean   compare;
  double     mark_low;
  double     mark_high;
} MlLessonState;

const char *ml_lesson_task_get_text (MlLessonTask        *self);
gboolean    ml_lesson_task_check    (MlLessonTask        *self,
                                     const MlLessonState *state);

G_END_DECLS
