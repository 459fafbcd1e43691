/* ml-chart-view.h — the collateral chart as a widget: drag the mark, hover, zoom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ml-chart.h"

G_BEGIN_DECLS

#define ML_TYPE_CHART_VIEW (ml_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (MlChartView, ml_chart_view, ML, CHART_VIEW, GtkWidget)

GtkWidget *ml_chart_view_new          (void);
MlAccount *ml_chart_view_get_account  (MlChartView *self);
void       ml_chart_view_set_account  (MlChartView *self,
                                       MlAccount   *account);
MlChart   *ml_chart_view_get_chart    (MlChartView *self);
gboolean   ml_chart_view_get_compare  (MlChartView *self);
void       ml_chart_view_set_compare  (MlChartView *self,
                                       gboolean     compare);
gboolean   ml_chart_view_get_presentation (MlChartView *self);
void       ml_chart_view_set_presentation (MlChartView *self,
                                           gboolean     presentation);
gboolean   ml_chart_view_get_zoomed   (MlChartView *self);
void       ml_chart_view_zoom         (MlChartView *self,
                                       double       factor,
                                       double       center);
void       ml_chart_view_reset_zoom   (MlChartView *self);
void       ml_chart_view_update       (MlChartView *self);
void       ml_chart_view_get_steps    (MlChartView *self,
                                       double      *step,
                                       double      *page);

G_END_DECLS
