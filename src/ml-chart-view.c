/* ml-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget around MlChart: it paints the chart in snapshot, takes its colours from the style,
 * and turns pointer and keyboard input into requests to move the mark price. It never changes
 * the account itself: the window does, so that every change can be undone.
 */

#define G_LOG_DOMAIN "ml-chart-view"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ml-chart-view.h"

#define ZOOM_STEP 1.25
#define MIN_SPAN  10.0  /* USDT: a hundred ticks, so that zooming in stops before nonsense */
/* On a projector: as much larger as the window's text (style.css), lines a little more; less
 * in a chart too short to keep its plot at that size (PRESENTATION_MIN_HEIGHT at 1:1). */
#define PRESENTATION_SCALE      1.75
#define PRESENTATION_MIN_HEIGHT 180.0

struct _MlChartView
{
  GtkWidget       parent_instance;

  MlAccount      *account;
  MlChart        *chart;
  MlChartPalette  palette;
  gboolean        compare;
  gboolean        presentation;
  gboolean        zoomed;
  gboolean        dragging;
  double          drag_x;       /* where the drag started */
  double          hover_price;  /* ML_PRICE_NONE when the pointer is away */
  double          pinch_lo, pinch_hi;
};

G_DEFINE_FINAL_TYPE (MlChartView, ml_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_COMPARE,
  PROP_PRESENTATION,
  PROP_ZOOMED,
  N_PROPS
};

enum {
  MOVE_MARK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ml_chart_view_set_zoomed (MlChartView *self,
                          gboolean     zoomed)
{
  if (self->zoomed == zoomed)
    return;
  self->zoomed = zoomed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOMED]);
}

/* The price under column @x, kept within the view: a drag past the edge stops there rather
 * than refitting the range under the pointer. */
static double
ml_chart_view_price_at (MlChartView *self,
                        double       x)
{
  double lo, hi;

  ml_chart_get_range (self->chart, &lo, &hi);
  return CLAMP (ml_chart_price_for_x (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                                      gtk_widget_get_height (GTK_WIDGET (self)), x), lo, hi);
}

/* A round step near @span: 1, 2 or 5 times a power of ten, nearest on a log scale, and never
 * below the price tick. */
static double
ml_chart_view_round_step (double span)
{
  double magnitude = pow (10, floor (log10 (span)));
  double f = span / magnitude;
  double step = (f < sqrt (2) ? 1 : f < sqrt (10) ? 2 : f < sqrt (50) ? 5 : 10) * magnitude;

  return MAX (step, 0.1);
}

/**
 * ml_chart_view_get_steps:
 * @step: (out): a round step near a hundredth of the view: an arrow key's
 * @page: (out): a round step near a tenth of it: Page Up's
 *
 * How far the keys move the mark, so that every control that moves it steps alike.
 */
void
ml_chart_view_get_steps (MlChartView *self,
                         double      *step,
                         double      *page)
{
  double lo, hi;

  g_return_if_fail (ML_IS_CHART_VIEW (self));

  ml_chart_get_range (self->chart, &lo, &hi);
  *step = ml_chart_view_round_step ((hi - lo) / 100);
  *page = ml_chart_view_round_step ((hi - lo) / 10);
}

/* Moves are requests: the window applies them to the model (and its undo history). */
static void
ml_chart_view_request_mark (MlChartView *self,
                            double       price,
                            gboolean     new_step)
{
  MlContract *contract = ml_account_get_contract (self->account);

  price = CLAMP (ml_contract_snap_to_tick (contract, price), ML_MIN_PRICE, ML_MAX_PRICE);
  g_signal_emit (self, signals[MOVE_MARK], 0, price, new_step);
}

/* Colours */

static void
ml_chart_view_lookup (GtkStyleContext *context,
                      const char      *name,
                      MlChartColor    *color)
{
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, name, &rgba))
    *color = (MlChartColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

/* The built-in palette for the style's scheme and contrast, with the style's own background,
 * text and error colours on top, so that the chart sits in the window like a native view;
 * in presentation mode the projector's own, whatever the style. */
static void
ml_chart_view_update_palette (MlChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (self->presentation)
    {
      self->palette = *ml_chart_palette_projector ();
      if (self->chart != NULL)
        ml_chart_set_palette (self->chart, &self->palette);
      return;
    }
  if (adw_style_manager_get_high_contrast (manager))
    self->palette = *ml_chart_palette_high_contrast ();
  else if (adw_style_manager_get_dark (manager))
    self->palette = *ml_chart_palette_dark ();
  else
    self->palette = *ml_chart_palette_light ();

  ml_chart_view_lookup (context, "view_bg_color", &self->palette.background);
  ml_chart_view_lookup (context, "view_fg_color", &self->palette.foreground);
  ml_chart_view_lookup (context, "view_fg_color", &self->palette.account);
  ml_chart_view_lookup (context, "error_color", &self->palette.danger);
  if (self->chart != NULL)
    ml_chart_set_palette (self->chart, &self->palette);
}

static void
ml_chart_view_style_changed (MlChartView *self)
{
  ml_chart_view_update_palette (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The chart's text runs as the widget's does; its plot is never mirrored. */
static void
ml_chart_view_update_direction (MlChartView *self)
{
  if (self->chart != NULL)
    ml_chart_set_direction (self->chart, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                         ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
}

static void
ml_chart_view_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (ml_chart_view_parent_class)->direction_changed (widget, previous);
  ml_chart_view_update_direction (ML_CHART_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

static void
ml_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ml_chart_view_parent_class)->css_changed (widget, change);
  ml_chart_view_style_changed (ML_CHART_VIEW (widget));
}

/* Drawing */

static void
ml_chart_view_update_scale (MlChartView *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale = CLAMP (height / PRESENTATION_MIN_HEIGHT, 1, PRESENTATION_SCALE);

  if (self->chart != NULL)
    ml_chart_set_scale (self->chart, self->presentation ? scale : 1);
}

static void
ml_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  ml_chart_view_update_scale (ML_CHART_VIEW (widget));
}

static void
ml_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MlChartView *self = ML_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width < 1 || height < 1)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ml_chart_draw (self->chart, cr, width, height);
  if (self->hover_price != ML_PRICE_NONE && !self->dragging)
    ml_chart_draw_hover (self->chart, cr, width, height, self->hover_price);
  cairo_destroy (cr);
}

static void
ml_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 420;
}

/* Pointer */

static void
ml_chart_view_drag_begin (MlChartView    *self,
                          double          x,
                          double          y,
                          GtkGestureDrag *gesture)
{
  if (self->account == NULL)
    return;
  self->dragging = TRUE;
  self->drag_x = x;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  ml_chart_view_request_mark (self, ml_chart_view_price_at (self, x), TRUE);
}

static void
ml_chart_view_drag_update (MlChartView    *self,
                           double          dx,
                           double          dy,
                           GtkGestureDrag *gesture)
{
  if (self->dragging)
    ml_chart_view_request_mark (self, ml_chart_view_price_at (self, self->drag_x + dx), FALSE);
}

static void
ml_chart_view_drag_end (MlChartView    *self,
                        double          dx,
                        double          dy,
                        GtkGestureDrag *gesture)
{
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ml_chart_view_motion (MlChartView *self,
                      double       x,
                      double       y)
{
  if (self->chart == NULL)
    return;
  /* Not kept within the view: outside the plot there is nothing to hover. */
  self->hover_price = ml_chart_price_for_x (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                                            gtk_widget_get_height (GTK_WIDGET (self)), x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ml_chart_view_leave (MlChartView *self)
{
  self->hover_price = ML_PRICE_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
ml_chart_view_scroll (MlChartView              *self,
                      double                    dx,
                      double                    dy,
                      GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double lo, hi;

  /* Without Ctrl the scroll belongs to whatever scrolls around the chart. */
  if (!(state & GDK_CONTROL_MASK) || dy == 0 || self->chart == NULL)
    return FALSE;
  ml_chart_get_range (self->chart, &lo, &hi);
  ml_chart_view_zoom (self, pow (ZOOM_STEP, dy),
                      self->hover_price != ML_PRICE_NONE ? self->hover_price : (lo + hi) / 2);
  return TRUE;
}

static void
ml_chart_view_pinch_begin (MlChartView *self,
                           GdkEventSequence *sequence,
                           GtkGesture  *gesture)
{
  ml_chart_get_range (self->chart, &self->pinch_lo, &self->pinch_hi);
}

static void
ml_chart_view_pinch_changed (MlChartView    *self,
                             double          scale,
                             GtkGestureZoom *gesture)
{
  double lo, hi;

  /* Relative to the range at the start of the pinch, so that the fingers stay put. */
  ml_chart_get_range (self->chart, &lo, &hi);
  ml_chart_view_zoom (self, (self->pinch_hi - self->pinch_lo) / MAX (scale, 0.01) / (hi - lo),
                      (self->pinch_lo + self->pinch_hi) / 2);
}

/* Keyboard: arrows move the mark by a round step near a hundredth of the view, Page Up and
 * Down (or Shift with an arrow) by one near a tenth, Home/End to its edges; plus, minus and 0
 * zoom. */
static gboolean
ml_chart_view_key_pressed (MlChartView           *self,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GtkEventControllerKey *controller)
{
  double lo, hi, step, page, mark;

  if (self->chart == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  ml_chart_get_range (self->chart, &lo, &hi);
  mark = ml_account_get_mark_price (self->account);
  ml_chart_view_get_steps (self, &step, &page);
  if (state & GDK_SHIFT_MASK)
    step = page;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: case GDK_KEY_Down: case GDK_KEY_KP_Down:
      ml_chart_view_request_mark (self, mark - step, TRUE);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: case GDK_KEY_Up: case GDK_KEY_KP_Up:
      ml_chart_view_request_mark (self, mark + step, TRUE);
      return TRUE;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      ml_chart_view_request_mark (self, mark - page, TRUE);
      return TRUE;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      ml_chart_view_request_mark (self, mark + page, TRUE);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      ml_chart_view_request_mark (self, lo, TRUE);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      ml_chart_view_request_mark (self, hi, TRUE);
      return TRUE;
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      ml_chart_view_zoom (self, 1 / ZOOM_STEP, mark);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      ml_chart_view_zoom (self, ZOOM_STEP, mark);
      return TRUE;
    case GDK_KEY_0: case GDK_KEY_KP_0:
      ml_chart_view_reset_zoom (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* GObject */

static void
ml_chart_view_dispose (GObject *object)
{
  MlChartView *self = ML_CHART_VIEW (object);

  g_clear_object (&self->chart);
  g_clear_object (&self->account);
  G_OBJECT_CLASS (ml_chart_view_parent_class)->dispose (object);
}

static void
ml_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MlChartView *self = ML_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_COMPARE:
      g_value_set_boolean (value, self->compare);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    case PROP_ZOOMED:
      g_value_set_boolean (value, self->zoomed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MlChartView *self = ML_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      ml_chart_view_set_account (self, g_value_get_object (value));
      break;
    case PROP_COMPARE:
      ml_chart_view_set_compare (self, g_value_get_boolean (value));
      break;
    case PROP_PRESENTATION:
      ml_chart_view_set_presentation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_chart_view_class_init (MlChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_chart_view_dispose;
  object_class->get_property = ml_chart_view_get_property;
  object_class->set_property = ml_chart_view_set_property;

  widget_class->snapshot = ml_chart_view_snapshot;
  widget_class->measure = ml_chart_view_measure;
  widget_class->size_allocate = ml_chart_view_size_allocate;
  widget_class->css_changed = ml_chart_view_css_changed;
  widget_class->direction_changed = ml_chart_view_direction_changed;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ML_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOMED] =
    g_param_spec_boolean ("zoomed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MlChartView::move-mark:
   * @price: the requested mark price, on the tick
   * @new_step: %FALSE while a drag continues, so that one drag is one step to undo
   */
  signals[MOVE_MARK] =
    g_signal_new ("move-mark", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ml_chart_view_init (MlChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->hover_price = ML_PRICE_NONE;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_cursor_from_name (widget, "col-resize");

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (ml_chart_view_drag_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (ml_chart_view_drag_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (ml_chart_view_drag_end), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (pinch, "begin", G_CALLBACK (ml_chart_view_pinch_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "scale-changed", G_CALLBACK (ml_chart_view_pinch_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect_object (motion, "enter", G_CALLBACK (ml_chart_view_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (ml_chart_view_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (ml_chart_view_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect_object (scroll, "scroll", G_CALLBACK (ml_chart_view_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (ml_chart_view_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, keys);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (ml_chart_view_style_changed), self, G_CONNECT_SWAPPED);
  ml_chart_view_update_palette (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Collateral chart"),
                                  -1);
}

GtkWidget *
ml_chart_view_new (void)
{
  return g_object_new (ML_TYPE_CHART_VIEW, NULL);
}

MlAccount *
ml_chart_view_get_account (MlChartView *self)
{
  g_return_val_if_fail (ML_IS_CHART_VIEW (self), NULL);
  return self->account;
}

/* A new account (after undo, or a scenario opened) keeps the view's chart, and with it the
 * range (zoomed or not), Compare and the colours. */
void
ml_chart_view_set_account (MlChartView *self,
                           MlAccount   *account)
{
  g_return_if_fail (ML_IS_CHART_VIEW (self));
  g_return_if_fail (account == NULL || ML_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  g_set_object (&self->account, account);
  if (account == NULL)
    g_clear_object (&self->chart);
  else if (self->chart != NULL)
    ml_chart_set_account (self->chart, account);
  else
    {
      self->chart = ml_chart_new (account);
      ml_chart_set_compare (self->chart, self->compare);
      ml_chart_set_palette (self->chart, &self->palette);
      ml_chart_view_update_direction (self);
      ml_chart_view_update_scale (self);
    }
  ml_chart_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

MlChart *
ml_chart_view_get_chart (MlChartView *self)
{
  g_return_val_if_fail (ML_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

gboolean
ml_chart_view_get_compare (MlChartView *self)
{
  g_return_val_if_fail (ML_IS_CHART_VIEW (self), FALSE);
  return self->compare;
}

void
ml_chart_view_set_compare (MlChartView *self,
                           gboolean     compare)
{
  g_return_if_fail (ML_IS_CHART_VIEW (self));

  compare = !!compare;
  if (self->compare == compare)
    return;
  self->compare = compare;
  if (self->chart != NULL)
    ml_chart_set_compare (self->chart, compare);
  ml_chart_view_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
}

gboolean
ml_chart_view_get_presentation (MlChartView *self)
{
  g_return_val_if_fail (ML_IS_CHART_VIEW (self), FALSE);
  return self->presentation;
}

/**
 * ml_chart_view_set_presentation:
 *
 * Draws for a projector: the projector palette, whatever the style, and everything larger
 * (ml_chart_set_scale()). Dragging, hovering and the keys work as before.
 */
void
ml_chart_view_set_presentation (MlChartView *self,
                                gboolean     presentation)
{
  g_return_if_fail (ML_IS_CHART_VIEW (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  ml_chart_view_update_scale (self);
  ml_chart_view_style_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

gboolean
ml_chart_view_get_zoomed (MlChartView *self)
{
  g_return_val_if_fail (ML_IS_CHART_VIEW (self), FALSE);
  return self->zoomed;
}

/**
 * ml_chart_view_zoom:
 * @factor: below 1 zooms in, above 1 out
 * @center: the price that stays where it is
 */
void
ml_chart_view_zoom (MlChartView *self,
                    double       factor,
                    double       center)
{
  double lo, hi;

  g_return_if_fail (ML_IS_CHART_VIEW (self));

  if (self->chart == NULL || !(factor > 0) || !isfinite (factor))
    return;
  ml_chart_get_range (self->chart, &lo, &hi);
  center = CLAMP (center, lo, hi);
  lo = center - (center - lo) * factor;
  hi = center + (hi - center) * factor;
  if (hi - lo < MIN_SPAN)
    return;
  ml_chart_set_range (self->chart, MAX (lo, ML_MIN_PRICE), MIN (hi, ML_MAX_PRICE));
  ml_chart_view_set_zoomed (self, TRUE);
  ml_chart_view_update (self);
}

void
ml_chart_view_reset_zoom (MlChartView *self)
{
  g_return_if_fail (ML_IS_CHART_VIEW (self));

  if (self->chart != NULL)
    ml_chart_reset_range (self->chart);
  ml_chart_view_set_zoomed (self, FALSE);
  ml_chart_view_update (self);
}

/**
 * ml_chart_view_update:
 *
 * Repaints after the account changed, and says in words what the chart now shows; the view
 * does so itself after a zoom.
 */
void
ml_chart_view_update (MlChartView *self)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ML_IS_CHART_VIEW (self));

  if (self->chart != NULL)
    description = ml_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
