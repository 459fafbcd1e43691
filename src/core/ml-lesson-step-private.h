/* ml-lesson-step-private.h — reading a step, and playing it at load
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lesson-reader.h"
#include "ml-lesson-step.h"

G_BEGIN_DECLS

MlLessonStep *_ml_lesson_step_new_from_json (JsonNode       *node,
                                             const char     *path,
                                             MlLessonReader *reader,
                                             guint           index,
                                             MlLessonStep   *previous);

G_END_DECLS
