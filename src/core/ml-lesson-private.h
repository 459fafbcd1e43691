/* ml-lesson-private.h — reading a lesson
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lesson-reader.h"
#include "ml-lesson.h"

G_BEGIN_DECLS

MlLesson *_ml_lesson_new_from_json (JsonNode       *node,
                                    const char     *path,
                                    MlLessonReader *reader);
guint     _ml_lesson_count_tasks   (MlLesson       *self);
guint     _ml_lesson_count_questions (MlLesson     *self);

G_END_DECLS
