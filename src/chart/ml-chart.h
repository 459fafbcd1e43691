/* ml-chart.h — the collateral chart, painted on any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_CHART (ml_chart_get_type ())

G_DECLARE_FINAL_TYPE (MlChart, ml_chart, ML, CHART, GObject)

typedef struct
{
  double red, green, blue, alpha;
} MlChartColor;

#define ML_CHART_N_POSITION_COLORS 6

/**
 * MlChartPalette:
 *
 * Every colour the chart uses. The widget fills it from the style (light, dark, high
 * contrast); exports and tests use the built-in ones.
 */
typedef struct
{
  MlChartColor background;
  MlChartColor foreground;
  MlChartColor grid;
  MlChartColor account;
  MlChartColor pool;
  MlChartColor danger;
  MlChartColor positions[ML_CHART_N_POSITION_COLORS];
} MlChartPalette;

const MlChartPalette *ml_chart_palette_light         (void);
const MlChartPalette *ml_chart_palette_dark          (void);
const MlChartPalette *ml_chart_palette_high_contrast (void);
const MlChartPalette *ml_chart_palette_projector     (void);

MlChart    *ml_chart_new           (MlAccount            *account);
MlAccount  *ml_chart_get_account   (MlChart              *self);
void        ml_chart_set_account   (MlChart              *self,
                                    MlAccount            *account);
gboolean    ml_chart_get_compare   (MlChart              *self);
void        ml_chart_set_compare   (MlChart              *self,
                                    gboolean              compare);
void        ml_chart_set_palette   (MlChart              *self,
                                    const MlChartPalette *palette);
PangoDirection ml_chart_get_direction (MlChart           *self);
void        ml_chart_set_direction (MlChart              *self,
                                    PangoDirection        direction);
double      ml_chart_get_scale     (MlChart              *self);
void        ml_chart_set_scale     (MlChart              *self,
                                    double                scale);
void        ml_chart_get_range     (MlChart              *self,
                                    double               *min_price,
                                    double               *max_price);
void        ml_chart_set_range     (MlChart              *self,
                                    double                min_price,
                                    double                max_price);
void        ml_chart_reset_range   (MlChart              *self);
double      ml_chart_x_for_price   (MlChart              *self,
                                    double                width,
                                    double                height,
                                    double                price);
double      ml_chart_y_for_value   (MlChart              *self,
                                    double                width,
                                    double                height,
                                    double                value);
double      ml_chart_price_for_x   (MlChart              *self,
                                    double                width,
                                    double                height,
                                    double                x);
void        ml_chart_draw          (MlChart              *self,
                                    cairo_t              *cr,
                                    double                width,
                                    double                height);
void        ml_chart_draw_hover    (MlChart              *self,
                                    cairo_t              *cr,
                                    double                width,
                                    double                height,
                                    double                price);
gboolean    ml_chart_export        (MlChart              *self,
                                    const char           *filename,
                                    int                   width,
                                    int                   height,
                                    GError              **error);
char       *ml_chart_describe      (MlChart              *self);

G_END_DECLS
