/* ml-fold-box.h — children side by side, or one above the other where there is no room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ML_TYPE_FOLD_BOX (ml_fold_box_get_type ())

G_DECLARE_FINAL_TYPE (MlFoldBox, ml_fold_box, ML, FOLD_BOX, GtkWidget)

G_END_DECLS
