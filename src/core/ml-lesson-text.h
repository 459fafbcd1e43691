/* ml-lesson-text.h — a lesson's plain text and its placeholders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-account.h"

G_BEGIN_DECLS

/* How a placeholder's number is shown: through ml-money.h, in the learner's locale. */
typedef enum
{
  ML_LESSON_VALUE_USDT,
  ML_LESSON_VALUE_PRICE,
  ML_LESSON_VALUE_BTC,
  ML_LESSON_VALUE_PERCENT,
  ML_LESSON_VALUE_LEVERAGE,
} MlLessonValueKind;

typedef struct
{
  MlLessonValueKind kind;
  double            value;
} MlLessonValue;

/* The states a step's placeholders read: at its start, after its solution ("solved."), and
 * after its solution and its question's reveal ("after."). */
typedef enum
{
  ML_LESSON_MOMENT_START,
  ML_LESSON_MOMENT_SOLVED,
  ML_LESSON_MOMENT_AFTER,
  ML_LESSON_N_MOMENTS,
} MlLessonMoment;

gboolean  _ml_lesson_text_check   (const char        *text,
                                   gboolean           placeholders,
                                   GPtrArray         *names,
                                   GError           **error);
gboolean  _ml_lesson_text_resolve (const char        *name,
                                   MlAccount * const *accounts,
                                   MlLessonValue     *value,
                                   GError           **error);
char     *_ml_lesson_text_format  (const MlLessonValue *value);
char     *_ml_lesson_text_expand  (const char        *text,
                                   GHashTable        *values);

G_END_DECLS
