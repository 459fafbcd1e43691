/* ml-chart-private.h — the chart's layout, for the chart library and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-chart.h"
#include "ml-chart-layout-private.h"

G_BEGIN_DECLS

const MlChartLayout *_ml_chart_get_layout (MlChart *self,
                                           double   width,
                                           double   height);

G_END_DECLS
