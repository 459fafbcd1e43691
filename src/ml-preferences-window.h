/* ml-preferences-window.h — the Preferences: the fees Free Practice and new labs start with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ML_TYPE_PREFERENCES_WINDOW (ml_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MlPreferencesWindow, ml_preferences_window, ML, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *ml_preferences_window_new (GtkWindow *parent);

G_END_DECLS
