/* ml-lesson-pack.h — a pack of lessons: the built-in course or a teacher's, read untrusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ml-lesson.h"

G_BEGIN_DECLS

#define ML_TYPE_LESSON_PACK (ml_lesson_pack_get_type ())

G_DECLARE_FINAL_TYPE (MlLessonPack, ml_lesson_pack, ML, LESSON_PACK, GObject)

/* Limits on an untrusted pack (data/lessons/README.md states them for teachers). */
#define ML_LESSON_PACK_MAX_FILE_SIZE  (1024 * 1024)
#define ML_LESSON_PACK_MAX_FILES      200
#define ML_LESSON_PACK_MAX_LESSONS    200
#define ML_LESSON_PACK_MAX_STEPS      100
#define ML_LESSON_PACK_MAX_SCENARIOS  64
#define ML_LESSON_PACK_MAX_TEXT       2000
#define ML_LESSON_PACK_MAX_ID         64

/* The id of the built-in course, in the progress file. */
#define ML_LESSON_PACK_BUILTIN_ID "margin-lab"

MlLessonPack *ml_lesson_pack_new_from_file     (const char   *path,
                                                GPtrArray   **problems,
                                                GError      **error);
MlLessonPack *ml_lesson_pack_get_builtin       (void);

const char   *ml_lesson_pack_get_id            (MlLessonPack *self);
const char   *ml_lesson_pack_get_title         (MlLessonPack *self);
const char   *ml_lesson_pack_get_description   (MlLessonPack *self);
const char   *ml_lesson_pack_get_source        (MlLessonPack *self);
gboolean      ml_lesson_pack_get_in_order      (MlLessonPack *self);
guint         ml_lesson_pack_get_n_lessons     (MlLessonPack *self);
MlLesson     *ml_lesson_pack_get_lesson        (MlLessonPack *self,
                                                guint         index);
MlLesson     *ml_lesson_pack_find_lesson       (MlLessonPack *self,
                                                const char   *id,
                                                guint        *index);
const char * const *ml_lesson_pack_get_languages (MlLessonPack *self);
char         *ml_lesson_pack_describe          (MlLessonPack *self);

G_END_DECLS
