/* ml-lesson-card.h — the lesson card above the lab: the step, its task, its question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_LESSON_CARD (ml_lesson_card_get_type ())

G_DECLARE_FINAL_TYPE (MlLessonCard, ml_lesson_card, ML, LESSON_CARD, GtkWidget)

GtkWidget   *ml_lesson_card_new         (void);
MlLessonRun *ml_lesson_card_get_run     (MlLessonCard *self);
void         ml_lesson_card_set_run     (MlLessonCard *self,
                                         MlLessonRun  *run);
gboolean     ml_lesson_card_get_summary (MlLessonCard *self);
void         ml_lesson_card_set_summary (MlLessonCard *self,
                                         gboolean      summary);
void         ml_lesson_card_set_text_scale (MlLessonCard *self,
                                            double        scale);

G_END_DECLS
