/* ml-screenshot.h — the real window, rendered to a PNG file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean ml_screenshot_window (GtkWindow   *window,
                               const char  *filename,
                               gboolean     framed,
                               GError     **error);

G_END_DECLS
