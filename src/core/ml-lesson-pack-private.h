/* ml-lesson-pack-private.h — reading a pack from memory or from any GFile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lesson-pack.h"

G_BEGIN_DECLS

MlLessonPack *_ml_lesson_pack_new_from_data   (const char  *data,
                                               gsize        length,
                                               const char  *name,
                                               GPtrArray  **problems,
                                               GError     **error);
MlLessonPack *_ml_lesson_pack_new_from_folder (GFile       *folder,
                                               GPtrArray  **problems,
                                               GError     **error);
MlLessonPack *_ml_lesson_pack_new_builtin     (GPtrArray  **problems,
                                               GError     **error);

G_END_DECLS
