/* ml-position-list.h — the account's positions, a row built only for those on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_POSITION_LIST (ml_position_list_get_type ())

G_DECLARE_FINAL_TYPE (MlPositionList, ml_position_list, ML, POSITION_LIST, GtkWidget)

GtkWidget *ml_position_list_new         (void);
MlAccount *ml_position_list_get_account (MlPositionList *self);
void       ml_position_list_set_account (MlPositionList *self,
                                         MlAccount      *account);

G_END_DECLS
