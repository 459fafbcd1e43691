/* ml-lesson.h — one lesson: an idea taught in a few steps, and what was learnt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ml-lesson-step.h"

G_BEGIN_DECLS

#define ML_TYPE_LESSON (ml_lesson_get_type ())

G_DECLARE_FINAL_TYPE (MlLesson, ml_lesson, ML, LESSON, GObject)

const char   *ml_lesson_get_id       (MlLesson *self);
const char   *ml_lesson_get_title    (MlLesson *self);
const char   *ml_lesson_get_summary  (MlLesson *self);
guint         ml_lesson_get_n_steps  (MlLesson *self);
MlLessonStep *ml_lesson_get_step     (MlLesson *self,
                                      guint     index);

G_END_DECLS
