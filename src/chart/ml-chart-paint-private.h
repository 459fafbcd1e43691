/* ml-chart-paint-private.h — the collateral chart painted from its layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ml-chart-layout-private.h"

G_BEGIN_DECLS

void _ml_chart_paint       (const MlChartLayout  *layout,
                            const MlChartPalette *palette,
                            PangoContext         *context,
                            cairo_t              *cr);
void _ml_chart_paint_hover (const MlChartLayout  *layout,
                            const MlChartPalette *palette,
                            PangoContext         *context,
                            cairo_t              *cr,
                            double                price);

G_END_DECLS
