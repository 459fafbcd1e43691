/* ml-window-private.h — what ml-window.c and ml-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-chart-view.h"
#include "ml-explain-button.h"
#include "ml-order-panel.h"
#include "ml-window.h"

G_BEGIN_DECLS

struct _MlWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  MlAccount            *account;
  MlScenario           *scenario;        /* title, what-if prices and path of what was opened */
  GFile                *file;            /* where Save writes, NULL until opened or saved */
  GPtrArray            *undo;            /* MlAccount, the states before each change */
  GPtrArray            *redo;
  gboolean              mark_step_open;  /* further mark moves join the last undo step */
  gsize                 path_step;       /* the next price of the scenario's path */
  guint                 play_source;
  gulong                liquidated_handler;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  MlOrderPanel         *order_panel;
  GtkWidget            *account_bar;
  GtkLabel             *wallet_label;
  GtkLabel             *equity_label;
  MlExplainButton      *pool_button;
  MlExplainButton      *ratio_button;
  MlChartView          *chart_view;
  GtkScale             *mark_scale;
  GtkAdjustment        *mark_adjustment;
  GtkEntry             *mark_entry;
  GtkLabel             *mark_error;
  GtkButton            *play_button;
  GtkWidget            *reset_zoom_button;
  GtkListBox           *positions_list;
};

typedef gboolean (*MlChangeFunc) (MlAccount *account,
                                  gpointer   data,
                                  GError   **error);

void     _ml_window_class_add_actions (GtkWidgetClass *widget_class);
void     _ml_window_update_actions    (MlWindow       *self);
void     _ml_window_refresh           (MlWindow       *self);
void     _ml_window_replace_account   (MlWindow       *self,
                                       MlAccount      *account);
gboolean _ml_window_change            (MlWindow       *self,
                                       MlChangeFunc    func,
                                       gpointer        data);
gboolean _ml_window_move_mark         (MlWindow       *self,
                                       double          price,
                                       gboolean        new_step);
void     _ml_window_toast             (MlWindow       *self,
                                       const char     *message);
void     _ml_window_show_error        (MlWindow       *self,
                                       const char     *heading,
                                       const char     *message);

G_END_DECLS
