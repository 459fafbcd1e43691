/* ml-lesson-library-private.h — the library's file work, shared by ml-lesson-library*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lesson-library.h"

G_BEGIN_DECLS

char     *_ml_lesson_library_stage_file   (const char  *directory,
                                           const char  *source,
                                           const char  *id,
                                           GError     **error);
char     *_ml_lesson_library_stage_folder (const char  *directory,
                                           const char  *source,
                                           const char  *id,
                                           GError     **error);
gboolean  _ml_lesson_library_set_aside    (const char  *path,
                                           char       **aside,
                                           GError     **error);
gboolean  _ml_lesson_library_delete_tree  (const char  *path,
                                           GError     **error);

G_END_DECLS
