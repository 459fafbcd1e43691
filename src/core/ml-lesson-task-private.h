/* ml-lesson-task-private.h — reading a step's task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lesson-reader.h"
#include "ml-lesson-task.h"

G_BEGIN_DECLS

MlLessonTask *_ml_lesson_task_new_from_json (JsonNode       *node,
                                             const char     *path,
                                             MlLessonReader *reader,
                                             MlAccount      *start);

G_END_DECLS
