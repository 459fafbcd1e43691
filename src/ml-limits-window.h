/* ml-limits-window.h — what this simulator leaves out, in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ML_TYPE_LIMITS_WINDOW (ml_limits_window_get_type ())

G_DECLARE_FINAL_TYPE (MlLimitsWindow, ml_limits_window, ML, LIMITS_WINDOW, AdwWindow)

GtkWidget *ml_limits_window_new (GtkWindow *parent);

G_END_DECLS
