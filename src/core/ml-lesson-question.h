/* ml-lesson-question.h — predict, then observe: a question answered before the lab shows why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ML_TYPE_LESSON_QUESTION (ml_lesson_question_get_type ())

G_DECLARE_FINAL_TYPE (MlLessonQuestion, ml_lesson_question, ML, LESSON_QUESTION, GObject)

#define ML_LESSON_QUESTION_MIN_CHOICES 2
#define ML_LESSON_QUESTION_MAX_CHOICES 6

/**
 * MlLessonReveal:
 * @ML_LESSON_REVEAL_NONE: feedback at once (a review quiz)
 * @ML_LESSON_REVEAL_MARK: the lab moves the mark to the reveal price
 * @ML_LESSON_REVEAL_PATH: the lab plays the scenario's price path
 * @ML_LESSON_REVEAL_COMPARE: the lab turns Compare Modes on
 */
typedef enum
{
  ML_LESSON_REVEAL_NONE,
  ML_LESSON_REVEAL_MARK,
  ML_LESSON_REVEAL_PATH,
  ML_LESSON_REVEAL_COMPARE,
} MlLessonReveal;

const char     *ml_lesson_question_get_text         (MlLessonQuestion *self);
guint           ml_lesson_question_get_n_choices    (MlLessonQuestion *self);
const char     *ml_lesson_question_get_choice       (MlLessonQuestion *self,
                                                     guint             index);
const char     *ml_lesson_question_get_why          (MlLessonQuestion *self,
                                                     guint             index);
guint           ml_lesson_question_get_answer       (MlLessonQuestion *self);
MlLessonReveal  ml_lesson_question_get_reveal       (MlLessonQuestion *self);
double          ml_lesson_question_get_reveal_price (MlLessonQuestion *self);

G_END_DECLS
