/* ml-position-row.h — one position in the positions list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_POSITION_ROW (ml_position_row_get_type ())

G_DECLARE_FINAL_TYPE (MlPositionRow, ml_position_row, ML, POSITION_ROW, GtkWidget)

GtkWidget  *ml_position_row_new          (MlAccount     *account,
                                          MlPosition    *position);
void        ml_position_row_set_position (MlPositionRow *self,
                                          MlAccount     *account,
                                          MlPosition    *position);
MlPosition *ml_position_row_get_position (MlPositionRow *self);

G_END_DECLS
