/* ml-lesson-step.h — one step of a lesson: a starting state, a text, a task, a question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ml-lab.h"
#include "ml-lesson-question.h"
#include "ml-lesson-task.h"
#include "ml-scenario.h"

G_BEGIN_DECLS

#define ML_TYPE_LESSON_STEP (ml_lesson_step_get_type ())

G_DECLARE_FINAL_TYPE (MlLessonStep, ml_lesson_step, ML, LESSON_STEP, GObject)

/**
 * MlLessonControls:
 *
 * The lab controls a step says matter (its "controls"); the window highlights them.
 */
typedef enum /*< flags >*/
{
  ML_LESSON_CONTROLS_NONE      = 0,
  ML_LESSON_CONTROLS_SIDE      = 1 << 0,
  ML_LESSON_CONTROLS_MODE      = 1 << 1,
  ML_LESSON_CONTROLS_LEVERAGE  = 1 << 2,
  ML_LESSON_CONTROLS_SIZE      = 1 << 3,
  ML_LESSON_CONTROLS_PRICE     = 1 << 4,
  ML_LESSON_CONTROLS_PLACE     = 1 << 5,
  ML_LESSON_CONTROLS_MARK      = 1 << 6,
  ML_LESSON_CONTROLS_PATH      = 1 << 7,
  ML_LESSON_CONTROLS_COMPARE   = 1 << 8,
  ML_LESSON_CONTROLS_POSITIONS = 1 << 9,
  ML_LESSON_CONTROLS_CHART     = 1 << 10,
} MlLessonControls;

const char       *ml_lesson_step_get_title     (MlLessonStep *self);
const char       *ml_lesson_step_get_text      (MlLessonStep *self);
MlScenario       *ml_lesson_step_get_scenario  (MlLessonStep *self);
MlLessonControls  ml_lesson_step_get_controls  (MlLessonStep *self);
MlLessonTask     *ml_lesson_step_get_task      (MlLessonStep *self);
MlLessonQuestion *ml_lesson_step_get_question  (MlLessonStep *self);

char             *ml_lesson_step_expand        (MlLessonStep *self,
                                                const char   *text);
gboolean          ml_lesson_step_play_solution (MlLessonStep *self,
                                                MlLab        *lab,
                                                GError      **error);
gboolean          ml_lesson_step_play_reveal   (MlLessonStep *self,
                                                MlLab        *lab,
                                                GError      **error);

G_END_DECLS
