/* ml-order-panel.h — set up an order and see what it would do before placing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_ORDER_PANEL (ml_order_panel_get_type ())

G_DECLARE_FINAL_TYPE (MlOrderPanel, ml_order_panel, ML, ORDER_PANEL, GtkWidget)

GtkWidget *ml_order_panel_new         (void);
MlAccount *ml_order_panel_get_account (MlOrderPanel *self);
void       ml_order_panel_set_account (MlOrderPanel *self,
                                       MlAccount    *account);
gboolean   ml_order_panel_get_valid   (MlOrderPanel *self);
gboolean   ml_order_panel_get_order   (MlOrderPanel *self,
                                       MlOrder      *order);
void       ml_order_panel_update      (MlOrderPanel *self);
void       ml_order_panel_highlight   (MlOrderPanel *self,
                                       MlLessonControls controls);

G_END_DECLS
