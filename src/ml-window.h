/* ml-window.h — the lab window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_WINDOW (ml_window_get_type ())

G_DECLARE_FINAL_TYPE (MlWindow, ml_window, ML, WINDOW, AdwApplicationWindow)

MlWindow   *ml_window_new           (GtkApplication *application);
MlLab      *ml_window_get_lab       (MlWindow       *self);
void        ml_window_open_file     (MlWindow       *self,
                                     GFile          *file);
gboolean    ml_window_open_lesson   (MlWindow       *self,
                                     const char     *pack_id,
                                     const char     *lesson_id,
                                     guint           step);
void        ml_window_import_pack   (MlWindow       *self,
                                     GFile          *file);
MlLessonRun *ml_window_get_lesson_run (MlWindow     *self);
gboolean    ml_window_get_presentation (MlWindow    *self);
void        ml_window_set_presentation (MlWindow    *self,
                                        gboolean     presentation,
                                        gboolean     fullscreen);

G_END_DECLS
