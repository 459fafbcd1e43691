/* ml-lesson-question-private.h — reading a step's question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lesson-reader.h"
#include "ml-lesson-question.h"

G_BEGIN_DECLS

MlLessonQuestion *_ml_lesson_question_new_from_json (JsonNode       *node,
                                                     const char     *path,
                                                     MlLessonReader *reader);

G_END_DECLS
