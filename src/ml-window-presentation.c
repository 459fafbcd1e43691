/* ml-window-presentation.c — presentation mode, for a classroom's projector
 *
 * The window fills the screen with the lab alone: no header bar, no sidebar, text larger
 * (style.css, under the window's "presentation" class), light whatever the learner chose, and
 * the chart in the projector palette and larger. Page Up and Page Down, what a presenter
 * remote sends, step through the lesson. Leaving puts back everything as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-window-presentation"

#include "config.h"

#include "ml-window-private.h"

/* How much larger presentation mode makes the text, as style.css says, by the width the window
 * presents at. 1.7× fills a 1920-pixel projector's picture with text about 1.3 % of its width
 * tall; a narrower projector spreads fewer pixels over the same wall, so the least scale that
 * keeps text that large there is enough, and leaves the lab its room: below 1280 pixels the
 * usual size already is. */
static const struct
{
  int         min_width;
  double      scale;
  const char *css_class;   /* beside "presentation", or NULL */
} text_scales[] = {
  { 1600, 1.7, NULL },
  { 1440, 1.4, "presentation-large" },
  { 1280, 1.2, "presentation-medium" },
  { 0,    1,   "presentation-small" },
};

/* Whether the focus is where Page Up and Page Down already mean something to the presenter:
 * typing in an entry, a text view, a scrolled text that can scroll (GtkScrolledWindow pages
 * with them), or an open popover, so that those keep them. The lab's own scroller is not one:
 * it only scrolls where the window is too small for the lab, and the remote's keys stay the
 * lesson's. */
static gboolean
ml_window_presentation_focus_pages (MlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_EDITABLE (w) || GTK_IS_TEXT_VIEW (w) || GTK_IS_POPOVER (w))
        return TRUE;
      if (GTK_IS_SCROLLED_WINDOW (w) && w != self->lab_scroller)
        {
          GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (w);
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
          GtkPolicyType policy;

          gtk_scrolled_window_get_policy (scrolled, NULL, &policy);
          if (policy != GTK_POLICY_NEVER && policy != GTK_POLICY_EXTERNAL &&
              gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) >
              gtk_adjustment_get_page_size (adjustment) + 0.5)
            return TRUE;
        }
    }
  return FALSE;
}

/* Page Down goes on to the next step, and from a lesson's summary to the next lesson; Page Up
 * goes back. Not handled (so that the key goes on as usual) outside presentation mode, in
 * free practice, and where the focus pages itself. */
static gboolean
ml_window_presentation_page (GtkWidget *widget,
                             GVariant  *args,
                             gpointer   data)
{
  MlWindow *self = ML_WINDOW (widget);
  gboolean forward = GPOINTER_TO_INT (data);

  if (!self->presenting || ml_lesson_run_get_step (self->run) == NULL || ml_window_presentation_focus_pages (self))
    return FALSE;
  if (!forward)
    gtk_widget_activate_action (widget, "lesson.back", NULL);
  else if (ml_lesson_card_get_summary (self->lesson_card))
    gtk_widget_activate_action (widget, "lesson.next-lesson", NULL);
  else
    gtk_widget_activate_action (widget, "lesson.next", NULL);
  return TRUE;
}

/* Escape leaves, and only then is it taken: popovers and dialogs, which close with it, have
 * it first, being windows of their own. */
static gboolean
ml_window_presentation_escape (GtkWidget *widget,
                               GVariant  *args,
                               gpointer   data)
{
  MlWindow *self = ML_WINDOW (widget);

  if (!self->presenting)
    return FALSE;
  ml_window_set_presentation (self, FALSE, TRUE);
  return TRUE;
}

static void
ml_window_presentation_add_shortcut (GtkShortcutController *controller,
                                     guint                  keyval,
                                     GtkShortcutFunc        func,
                                     gboolean               forward)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_callback_action_new (func, GINT_TO_POINTER (forward), NULL)));
}

static void
ml_window_presentation_change_state (GSimpleAction *action,
                                     GVariant      *state,
                                     MlWindow      *self)
{
  ml_window_set_presentation (self, g_variant_get_boolean (state), TRUE);
}

/* F5 and Escape come last, after every widget on the way to the focus; Page Up and Page Down
 * come first, before the chart and the mark slider, which would move the mark with them: in
 * presentation mode their arrow keys still do. */
void
_ml_window_setup_presentation (MlWindow *self)
{
  GSimpleAction *action = g_simple_action_new_stateful ("presentation", NULL, g_variant_new_boolean (FALSE));
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkEventController *pages = gtk_shortcut_controller_new ();

  g_signal_connect_object (action, "change-state", G_CALLBACK (ml_window_presentation_change_state), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  /* The window's map holds it as long as the window lives. */
  self->presentation_action = action;
  g_object_unref (action);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("win.presentation")));
  ml_window_presentation_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, ml_window_presentation_escape, FALSE);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_event_controller_set_propagation_phase (pages, GTK_PHASE_CAPTURE);
  ml_window_presentation_add_shortcut (GTK_SHORTCUT_CONTROLLER (pages), GDK_KEY_Page_Down, ml_window_presentation_page, TRUE);
  ml_window_presentation_add_shortcut (GTK_SHORTCUT_CONTROLLER (pages), GDK_KEY_KP_Page_Down, ml_window_presentation_page, TRUE);
  ml_window_presentation_add_shortcut (GTK_SHORTCUT_CONTROLLER (pages), GDK_KEY_Page_Up, ml_window_presentation_page, FALSE);
  ml_window_presentation_add_shortcut (GTK_SHORTCUT_CONTROLLER (pages), GDK_KEY_KP_Page_Up, ml_window_presentation_page, FALSE);
  gtk_widget_add_controller (GTK_WIDGET (self), pages);
}

/* The width the window will present at: the monitor's when it goes full screen, else its own,
 * as its default size keeps it (which, unlike the widget's, counts the frame). */
static int
ml_window_presentation_width (MlWindow *self,
                              gboolean  fullscreen)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  g_autoptr(GdkMonitor) first = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  GdkMonitor *monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : first;
  GdkRectangle geometry;
  int width, height;

  if (fullscreen && monitor != NULL)
    {
      gdk_monitor_get_geometry (monitor, &geometry);
      return geometry.width;
    }
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  return width > 0 ? width : gtk_widget_get_width (GTK_WIDGET (self));
}

static guint
ml_window_presentation_text_scale (int width)
{
  guint i = 0;

  while (width < text_scales[i].min_width)
    i++;
  return i;
}

static void
ml_window_presentation_enter (MlWindow *self,
                              gboolean  fullscreen)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint scale = ml_window_presentation_text_scale (ml_window_presentation_width (self, fullscreen));

  self->presentation_scheme = adw_style_manager_get_color_scheme (manager);
  self->presentation_revealed = adw_flap_get_reveal_flap (self->flap);
  self->presentation_locked = adw_flap_get_locked (self->flap);
  self->presentation_fullscreen = fullscreen && !gtk_window_is_fullscreen (GTK_WINDOW (self));
  gtk_window_get_default_size (GTK_WINDOW (self), &self->presentation_width, &self->presentation_height);

  /* Forced for the time being only: the learner's own choice comes back on leaving. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_set_visible (self->header_bar, FALSE);
  /* Locked, the flap does not open by itself when the larger text folds it and then, back to
   * normal, unfolds it. */
  adw_flap_set_locked (self->flap, TRUE);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  if (text_scales[scale].css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), text_scales[scale].css_class);
  ml_chart_view_set_presentation (self->chart_view, TRUE);
  ml_lesson_card_set_text_scale (self->lesson_card, text_scales[scale].scale);
  if (self->presentation_fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (self));
  /* The focus may have been in what is now hidden, and GTK would give it to the card's next
   * button, Reset This Step, which the presenter's next Space would press: the step's heading
   * takes it, where Space does nothing and the remote's Page keys stay the lesson's. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->lesson_card)))
    gtk_widget_grab_focus (GTK_WIDGET (self->lesson_card));
}

/* Once the window is laid out at its normal size again, and the flap has unfolded if it will. */
static void
ml_window_presentation_unlock (GdkFrameClock *clock,
                               MlWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, ml_window_presentation_unlock, self);
  if (!self->presenting)
    adw_flap_set_locked (self->flap, self->presentation_locked);
}

static void
ml_window_presentation_leave (MlWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->presentation_fullscreen)
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_window_set_default_size (GTK_WINDOW (self), self->presentation_width, self->presentation_height);
    }
  ml_chart_view_set_presentation (self->chart_view, FALSE);
  ml_lesson_card_set_text_scale (self->lesson_card, 1);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
  for (guint i = 0; i < G_N_ELEMENTS (text_scales); i++)
    if (text_scales[i].css_class != NULL)
      gtk_widget_remove_css_class (GTK_WIDGET (self), text_scales[i].css_class);
  adw_flap_set_reveal_flap (self->flap, self->presentation_revealed);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (ml_window_presentation_unlock), self, 0);
  else
    adw_flap_set_locked (self->flap, self->presentation_locked);
  gtk_widget_set_visible (self->header_bar, TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), self->presentation_scheme);
}

/**
 * ml_window_set_presentation:
 * @fullscreen: whether to fill the screen as well; a screenshot keeps its own size
 *
 * Enters or leaves presentation mode, as the win.presentation action (F5, Escape) does.
 */
void
ml_window_set_presentation (MlWindow *self,
                            gboolean  presentation,
                            gboolean  fullscreen)
{
  g_return_if_fail (ML_IS_WINDOW (self));

  presentation = !!presentation;
  if (self->presenting == presentation)
    return;
  self->presenting = presentation;
  if (presentation)
    ml_window_presentation_enter (self, fullscreen);
  else
    ml_window_presentation_leave (self);
  gtk_widget_set_visible (self->leave_presentation_button, presentation);
  g_simple_action_set_state (self->presentation_action, g_variant_new_boolean (presentation));
}

/* A window closed while presenting gives the other windows their colours back. */
void
_ml_window_dispose_presentation (MlWindow *self)
{
  if (self->presenting)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), self->presentation_scheme);
  self->presenting = FALSE;
}

gboolean
ml_window_get_presentation (MlWindow *self)
{
  g_return_val_if_fail (ML_IS_WINDOW (self), FALSE);
  return self->presenting;
}
