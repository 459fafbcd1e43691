/* ml-lesson-library.h — the packs a learner can take: the built-in course and imported packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ml-lesson-pack.h"

G_BEGIN_DECLS

#define ML_TYPE_LESSON_LIBRARY (ml_lesson_library_get_type ())

G_DECLARE_FINAL_TYPE (MlLessonLibrary, ml_lesson_library, ML, LESSON_LIBRARY, GObject)

MlLessonLibrary *ml_lesson_library_new        (const char       *directory);
const char      *ml_lesson_library_get_directory (MlLessonLibrary *self);
GListModel      *ml_lesson_library_get_packs  (MlLessonLibrary  *self);
const char * const *ml_lesson_library_get_broken (MlLessonLibrary *self);
MlLessonPack    *ml_lesson_library_find       (MlLessonLibrary  *self,
                                               const char       *id);
MlLesson        *ml_lesson_library_find_lesson (MlLessonLibrary *self,
                                               const char       *pack_id,
                                               const char       *lesson_id,
                                               MlLessonPack    **pack);
MlLessonPack    *ml_lesson_library_import     (MlLessonLibrary  *self,
                                               const char       *path,
                                               GError          **error);
gboolean         ml_lesson_library_remove     (MlLessonLibrary  *self,
                                               MlLessonPack     *pack,
                                               GError          **error);

G_END_DECLS
