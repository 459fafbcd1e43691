/* ml-lesson-run.h — a lesson being taken: the lesson, the lab it drives and the progress kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ml-lab.h"
#include "ml-lesson-pack.h"
#include "ml-progress.h"

G_BEGIN_DECLS

#define ML_TYPE_LESSON_RUN (ml_lesson_run_get_type ())

G_DECLARE_FINAL_TYPE (MlLessonRun, ml_lesson_run, ML, LESSON_RUN, GObject)

/* No answer committed yet to the step's question. */
#define ML_LESSON_RUN_NO_ANSWER (-1)

MlLessonRun  *ml_lesson_run_new            (MlLab        *lab,
                                            MlProgress   *progress);
MlLab        *ml_lesson_run_get_lab        (MlLessonRun  *self);
MlProgress   *ml_lesson_run_get_progress   (MlLessonRun  *self);
MlLessonPack *ml_lesson_run_get_pack       (MlLessonRun  *self);
MlLesson     *ml_lesson_run_get_lesson     (MlLessonRun  *self);
MlLessonStep *ml_lesson_run_get_step       (MlLessonRun  *self);
guint         ml_lesson_run_get_step_index (MlLessonRun  *self);
gboolean      ml_lesson_run_get_task_done  (MlLessonRun  *self);
int           ml_lesson_run_get_answer     (MlLessonRun  *self);
void          ml_lesson_run_get_state      (MlLessonRun  *self,
                                            MlLessonState *state);

void          ml_lesson_run_start          (MlLessonRun  *self,
                                            MlLessonPack *pack,
                                            MlLesson     *lesson,
                                            guint         step);
void          ml_lesson_run_stop           (MlLessonRun  *self);
void          ml_lesson_run_reset_step     (MlLessonRun  *self);
gboolean      ml_lesson_run_answer         (MlLessonRun  *self,
                                            guint         choice,
                                            GError      **error);

G_END_DECLS
