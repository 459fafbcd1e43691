/* ml-chart-layout-private.h — what the chart shows and where, computed once per change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "ml-chart.h"

G_BEGIN_DECLS

typedef enum
{
  ML_CHART_INK_POOL,
  ML_CHART_INK_POSITION,  /* with the line's colour index */
  ML_CHART_INK_GHOST,
  ML_CHART_INK_ACCOUNT,
} MlChartInk;

typedef struct
{
  double x, y, width, height;
} MlChartRect;

/* One curve, drawn in the order of the layout's lines: the account last, on top. */
typedef struct
{
  MlCurve    *curve;
  MlChartInk  ink;
  guint       color;     /* into the palette's positions, for ML_CHART_INK_POSITION */
  MlPosition *position;  /* an isolated position's line: its label is made when shown */
  char       *label;     /* the other lines' */
  gboolean    flat;      /* within a few pixels of zero across the plot: drawn solid, as
                          * dashes there would show nothing and cost most of a paint */
} MlChartLine;

/* A liquidation price and its band up to the bankruptcy price (0 when it has none). The key
 * names the marker across accounts ("i" and the position's id, "l" or "h" for the pool's low
 * and high ends) so that the chart can tell when one it showed has moved out of view. */
typedef struct
{
  char   *key;
  double  price;
  double  bankruptcy;
} MlChartMarker;

/* A text placed on the chart: its top-left corner and its size in pixels. */
typedef struct
{
  char        *text;
  MlChartRect  rect;
} MlChartLabel;

typedef struct
{
  double       x;      /* the pixel column (or row, for the value axis) */
  double       value;
  MlChartLabel label;  /* no text when it would overlap its neighbour */
} MlChartTick;

/* A liquidation price beyond the plot's edge: an arrow pointing at it, and its value. */
typedef struct
{
  double       tip_x, y;  /* the arrow's point, on the plot's edge */
  int          side;      /* −1 left, +1 right */
  MlChartLabel label;
} MlChartArrow;

typedef struct
{
  guint  line;             /* index into lines */
  double x, y;             /* the sample stroke's left end, centred on the row: before the
                            * label, or after it right to left */
  MlChartLabel label;
} MlChartLegendEntry;

typedef struct
{
  /* What is shown: from the account, whatever the size. */
  double   mark;
  GArray  *lines;          /* MlChartLine */
  GArray  *markers;        /* MlChartMarker, the real account's only */

  /* Where, at one size and range, in one direction of text. */
  double       width, height;
  gboolean     rtl;              /* the legend and the callouts mirrored; never the plot */
  MlChartRect  plot;
  double       lo, hi;           /* prices at the plot's left and right edges */
  double       top_value;        /* USDT at its top, a whole number of value steps */
  double       value_step;
  double       row;              /* a line of text */
  GArray      *price_ticks;      /* MlChartTick */
  GArray      *value_ticks;      /* MlChartTick */
  GArray      *marker_labels;    /* MlChartLabel, the liquidation prices in view */
  GArray      *arrows;           /* MlChartArrow */
  gboolean     mark_shown;
  double       mark_x;
  MlChartLabel mark_label;
  MlChartRect  legend;           /* outside the plot, above it */
  GArray      *legend_entries;   /* MlChartLegendEntry */
  MlChartLabel legend_more;      /* "and 994 more", or no text */
  MlChartLabel price_title;
  MlChartLabel value_title;
} MlChartLayout;

MlChartLayout *_ml_chart_layout_new          (MlAccount           *account,
                                              gboolean             compare);
void           _ml_chart_layout_free         (MlChartLayout       *layout);
void           _ml_chart_layout_auto_range   (const MlChartLayout *layout,
                                              double              *lo,
                                              double              *hi);
void           _ml_chart_layout_place        (MlChartLayout       *layout,
                                              PangoContext        *context,
                                              double               lo,
                                              double               hi,
                                              double               width,
                                              double               height);
double         _ml_chart_layout_x            (const MlChartLayout *layout,
                                              double               price);
double         _ml_chart_layout_y            (const MlChartLayout *layout,
                                              double               value);
char          *_ml_chart_layout_position_label (MlPosition        *position);
char          *_ml_chart_layout_pool_ids     (MlAccount           *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlChartLayout, _ml_chart_layout_free)

G_END_DECLS
