/* ml-utils.h — small helpers the lab's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     ml_utils_show_error (GtkLabel   *label,
                              GtkWidget  *control,
                              const char *message);
gboolean ml_utils_is_blank   (const char *text);
char    *ml_utils_display_name (GFile    *file);
void     ml_utils_set_css_class (GtkWidget  *widget,
                                 const char *css_class,
                                 gboolean    set);
void     ml_utils_announce    (GtkLabel   *label);

G_END_DECLS
