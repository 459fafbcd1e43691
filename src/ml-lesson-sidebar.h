/* ml-lesson-sidebar.h — the lessons a learner can take, with their progress marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_LESSON_SIDEBAR (ml_lesson_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (MlLessonSidebar, ml_lesson_sidebar, ML, LESSON_SIDEBAR, GtkWidget)

GtkWidget *ml_lesson_sidebar_new  (void);
void       ml_lesson_sidebar_bind (MlLessonSidebar *self,
                                   MlLessonLibrary *library,
                                   MlLessonRun     *run);

G_END_DECLS
