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
MlAccount  *ml_window_get_account   (MlWindow       *self);
void        ml_window_set_scenario  (MlWindow       *self,
                                     MlScenario     *scenario,
                                     GFile          *file);
gboolean    ml_window_open_file     (MlWindow       *self,
                                     GFile          *file);
gboolean    ml_window_save_file     (MlWindow       *self,
                                     GFile          *file);

G_END_DECLS
