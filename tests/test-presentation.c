/* test-presentation.c — presentation mode, entered and left with the keys a presenter uses
 *
 * The keys go through the window's own shortcut controllers, capture phase first, as GTK
 * routes a key press that reaches the window (GTK 4.8 cannot make a key event, and the
 * X server here has no XTest). What is then checked is what the room sees: the header bar and
 * the sidebar gone, larger text, the chart's pixels, the lesson card's step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ml-chart-view.h"
#include "ml-lesson-card.h"
#include "ml-test-util.h"
#include "ml-test-window.h"

/* Runs @controller's shortcut for @keyval, if it has one, on @widget. */
static gboolean
run_shortcut (GtkShortcutController *controller,
              GtkWidget             *widget,
              guint                  keyval)
{
  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
          gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                        widget, gtk_shortcut_get_arguments (shortcut)))
        return TRUE;
    }
  return FALSE;
}

/* The shortcut controllers of @widget in @phase: its own (@managed FALSE), or those it leaves
 * to the window (@managed TRUE), which the window runs on their widgets for them. */
static gboolean
run_controllers (GtkWidget           *widget,
                 GtkPropagationPhase  phase,
                 gboolean             managed,
                 guint                keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      const char *name;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != phase ||
          (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_MANAGED) != managed)
        continue;
      /* The window's runners of the managed ones: those are run below, where they belong. */
      name = gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller));
      if (name != NULL && g_str_has_prefix (name, "gtk-shortcut-manager-"))
        continue;
      if (run_shortcut (GTK_SHORTCUT_CONTROLLER (controller), widget, keyval))
        return TRUE;
    }
  return FALSE;
}

static gboolean
run_managed (GtkWidget           *widget,
             GtkPropagationPhase  phase,
             guint                keyval)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) &&
        (run_controllers (child, phase, TRUE, keyval) || run_managed (child, phase, keyval)))
      return TRUE;
  return FALSE;
}

/* A key press of @keyval (no modifiers) that reaches the window, and that the focused widget
 * does not take: the window's shortcuts and those it manages, capture phase first, as
 * GtkShortcutController runs them. Returns whether one handled it. */
static gboolean
press_shortcut (MlWindow *window,
                guint     keyval)
{
  const GtkPropagationPhase phases[] = { GTK_PHASE_CAPTURE, GTK_PHASE_BUBBLE };
  gboolean handled = FALSE;

  for (guint p = 0; p < G_N_ELEMENTS (phases) && !handled; p++)
    handled = run_controllers (GTK_WIDGET (window), phases[p], FALSE, keyval) ||
              run_managed (GTK_WIDGET (window), phases[p], keyval);
  ml_test_wait_for_paint (window);
  return handled;
}

static gboolean
action_state (MlWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "presentation");

  return g_variant_get_boolean (state);
}

static int
natural_height (gpointer widget)
{
  int natural;

  gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static gpointer
card_child (MlWindow   *window,
            const char *name)
{
  return gtk_widget_get_template_child (ml_test_window_child (window, "lesson_card"), ML_TYPE_LESSON_CARD, name);
}

/* The chart as it is on screen: its widget rendered by the window's renderer. */
typedef struct
{
  int     width, height;
  gsize   stride;
  guchar *data;
} Picture;

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Picture, picture_clear)

static void
render_chart (MlWindow *window,
              Picture  *picture)
{
  picture->data = ml_test_render (ml_test_window_child (window, "chart_view"), &picture->width, &picture->height);
  picture->stride = picture->width * 4;
}

/* 0–255 per channel, from the texture's premultiplied native-endian ARGB. */
static void
pixel (const Picture *picture,
       int            x,
       int            y,
       int           *rgb)
{
  guint32 p = *(const guint32 *)(gconstpointer)(picture->data + y * picture->stride + x * 4);

  rgb[0] = (p >> 16) & 0xff;
  rgb[1] = (p >> 8) & 0xff;
  rgb[2] = p & 0xff;
}

/* The chart's top left corner, above its legend's first entry: background. */
static gboolean
chart_is_white (MlWindow *window)
{
  g_auto(Picture) picture = { 0 };
  int rgb[3];

  render_chart (window, &picture);
  pixel (&picture, 2, 2, rgb);
  return rgb[0] == 255 && rgb[1] == 255 && rgb[2] == 255;
}

/* How many pixels thick the account's line is: a free lab's is level at the wallet's
 * 1,000 USDT, so one column crosses it. The column is a fifth of the way along, away from
 * the mark's line and the labels. */
static int
account_line_thickness (MlWindow *window)
{
  MlChartView *view = ml_test_window_child (window, "chart_view");
  MlChart *chart = ml_chart_view_get_chart (view);
  g_auto(Picture) picture = { 0 };
  double lo, hi;
  int x, y, background[3], rgb[3], thickness = 0;

  render_chart (window, &picture);
  ml_chart_get_range (chart, &lo, &hi);
  x = round (ml_chart_x_for_price (chart, picture.width, picture.height, lo + (hi - lo) * 0.2));
  y = round (ml_chart_y_for_value (chart, picture.width, picture.height, 1000));
  pixel (&picture, 2, 2, background);
  for (int row = MAX (0, y - 20); row < MIN (picture.height, y + 20); row++)
    {
      pixel (&picture, x, row, rgb);
      thickness += abs (rgb[0] - background[0]) + abs (rgb[1] - background[1]) + abs (rgb[2] - background[2]) > 240;
    }
  return thickness;
}

static void
setup_dark (void)
{
  /* The learner's own choice, which presentation mode sets aside and then puts back. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ml_test_flush ();
}

/* F5 in free practice: full screen's look without the header bar and the sidebar, larger
 * text, light, the projector's chart; Escape puts everything back. */
static void
test_enter_leave (void)
{
  MlWindow *window = ml_test_window_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *header = ml_test_window_child (window, "header_bar");
  GtkWidget *sidebar = ml_test_window_child (window, "sidebar");
  /* A caption: Adwaita sizes those in points, and they must grow too. */
  GtkWidget *hint = ml_test_window_panel_child (window, "size_hint");
  int label_before, line_before;

  ml_test_window_free_practice (window);
  setup_dark ();
  ml_test_wait_for_paint (window);
  g_assert_true (gtk_widget_get_mapped (header));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_false (action_state (window));
  g_assert_false (chart_is_white (window));
  label_before = natural_height (hint);
  line_before = account_line_thickness (window);
  g_assert_cmpint (line_before, >=, 3);

  g_assert_true (press_shortcut (window, GDK_KEY_F5));
  g_assert_true (action_state (window));
  g_assert_false (gtk_widget_get_mapped (header));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (ml_test_window_child (window, "flap"))));
  g_assert_false (gtk_widget_get_mapped (sidebar));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_false (adw_style_manager_get_dark (manager));
  g_assert_cmpint (natural_height (hint), >=, label_before * 3 / 2);
  g_assert_true (chart_is_white (window));
  g_assert_cmpint (account_line_thickness (window), >=, line_before * 3 / 2);
  /* No lesson: no lesson card, and the Page keys are not taken. */
  g_assert_false (gtk_widget_get_visible (ml_test_window_child (window, "lesson_card")));
  g_assert_false (press_shortcut (window, GDK_KEY_Page_Down));

  g_assert_true (press_shortcut (window, GDK_KEY_Escape));
  g_assert_false (action_state (window));
  g_assert_true (gtk_widget_get_mapped (header));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_assert_cmpint (natural_height (hint), ==, label_before);
  g_assert_false (chart_is_white (window));
  g_assert_cmpint (account_line_thickness (window), ==, line_before);
  /* Outside presentation mode Escape is not the window's. */
  g_assert_false (press_shortcut (window, GDK_KEY_Escape));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window closed while presenting leaves the learner's colours as they were. */
static void
test_close_while_presenting (void)
{
  MlWindow *window = ml_test_window_new ();

  ml_test_window_free_practice (window);
  setup_dark ();
  g_assert_true (press_shortcut (window, GDK_KEY_F5));
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_window_destroy (GTK_WINDOW (window));
  ml_test_flush ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The sidebar hidden before stays hidden after; the menu's action, the on-screen button and F5
 * all enter and leave. */
static void
test_restores_hidden_sidebar (void)
{
  MlWindow *window = ml_test_window_new ();
  AdwFlap *flap = ml_test_window_child (window, "flap");
  GtkWidget *leave = ml_test_window_child (window, "leave_presentation_button");

  ml_test_window_free_practice (window);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  ml_test_window_click_action (window, "win.show-sidebar");
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_widget_get_mapped (leave));

  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  ml_test_wait_for_paint (window);
  g_assert_true (action_state (window));
  g_assert_true (gtk_widget_get_mapped (leave));
  ml_test_click (leave);
  ml_test_wait_for_paint (window);
  g_assert_false (action_state (window));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_true (gtk_widget_get_mapped (ml_test_window_child (window, "header_bar")));

  g_assert_true (press_shortcut (window, GDK_KEY_F5));
  g_assert_true (press_shortcut (window, GDK_KEY_F5));
  g_assert_false (action_state (window));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens the course's first lesson as a learner does: its row in the sidebar. */
static void
open_first_lesson (MlWindow *window)
{
  MlLesson *lesson = ml_lesson_pack_get_lesson (ml_lesson_pack_get_builtin (), 0);
  GtkListBox *list = ml_test_window_lesson_list (window);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      g_autofree char *text = ml_test_shown_text (row);

      if (strstr (text, ml_lesson_get_title (lesson)) != NULL)
        {
          gtk_widget_activate (GTK_WIDGET (row));
          ml_test_flush ();
          g_assert_true (ml_lesson_run_get_lesson (ml_window_get_lesson_run (window)) == lesson);
          return;
        }
    }
  g_error ("no row shows “%s”", ml_lesson_get_title (lesson));
}

/* In a lesson, Page Down and Page Up step as a presenter remote's buttons, the card's Back and
 * Next grow large, and a focused entry keeps its Page keys. */
static void
test_page_keys (void)
{
  MlWindow *window = ml_test_window_new ();
  GtkWidget *next = card_child (window, "next_button");
  guint n;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  int next_before;

  open_first_lesson (window);
  n = ml_lesson_get_n_steps (ml_lesson_run_get_lesson (ml_window_get_lesson_run (window)));
  first = g_strdup_printf ("Step 1 of %u", n);
  second = g_strdup_printf ("Step 2 of %u", n);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, first);
  /* Outside presentation mode the Page keys are not the lesson's. */
  g_assert_false (press_shortcut (window, GDK_KEY_Page_Down));
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, first);
  ml_test_wait_for_paint (window);
  next_before = natural_height (next);

  /* F5 from the sidebar, which presentation mode hides: the step's heading takes the focus,
   * not the card's next button, Reset This Step, which a Space would press. */
  gtk_widget_grab_focus (ml_test_window_child (window, "sidebar"));
  g_assert_true (press_shortcut (window, GDK_KEY_F5));
  g_assert_true (gtk_widget_has_focus (card_child (window, "heading_label")));
  g_assert_cmpint (natural_height (next), >=, 56);
  g_assert_cmpint (natural_height (next), >, next_before * 3 / 2);

  g_assert_true (press_shortcut (window, GDK_KEY_Page_Down));
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, second);
  g_assert_true (press_shortcut (window, GDK_KEY_Page_Up));
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, first);

  /* Typing a price: the entry's, not the lesson's. */
  gtk_widget_grab_focus (ml_test_text_of (ml_test_window_child (window, "mark_entry")));
  g_assert_false (press_shortcut (window, GDK_KEY_Page_Down));
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, first);
  /* Reading an explanation: the open popover's. */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (gtk_widget_get_first_child (ml_test_window_child (window, "wallet_button")));

    gtk_menu_button_popup (menu);
    ml_test_wait_for_paint (window);
    g_assert_false (press_shortcut (window, GDK_KEY_Page_Down));
    g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, first);
    gtk_menu_button_popdown (menu);
    ml_test_wait_for_paint (window);
  }
  /* The chart keeps its arrow keys; its Page keys step the lesson while presenting. */
  gtk_widget_grab_focus (ml_test_window_child (window, "chart_view"));
  g_assert_true (press_shortcut (window, GDK_KEY_KP_Page_Down));
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, second);

  /* Past the last step, the summary; from there, the course's next lesson. */
  for (guint i = 2; i <= n; i++)
    g_assert_true (press_shortcut (window, GDK_KEY_Page_Down));
  g_assert_true (ml_lesson_card_get_summary (ml_test_window_child (window, "lesson_card")));
  g_assert_true (press_shortcut (window, GDK_KEY_Page_Down));
  g_assert_true (ml_lesson_run_get_lesson (ml_window_get_lesson_run (window)) ==
                 ml_lesson_pack_get_lesson (ml_lesson_pack_get_builtin (), 1));
  g_assert_false (ml_lesson_card_get_summary (ml_test_window_child (window, "lesson_card")));

  g_assert_true (press_shortcut (window, GDK_KEY_Escape));
  g_assert_cmpint (natural_height (next), ==, next_before);
  ml_lab_reset (ml_window_get_lab (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chart stays a control: a drag moves the mark, at the projector's scale. */
static void
test_drag (void)
{
  MlWindow *window = ml_test_window_new ();
  MlChartView *view = ml_test_window_child (window, "chart_view");
  MlChart *chart = ml_chart_view_get_chart (view);
  GtkGesture *drag = ml_test_drag_gesture (view);
  double w, h, lo, hi, start_x, end_x, target;

  ml_test_window_free_practice (window);
  g_assert_true (press_shortcut (window, GDK_KEY_F5));
  g_assert_cmpfloat (ml_chart_get_scale (chart), >, 1.5);
  w = gtk_widget_get_width (GTK_WIDGET (view));
  h = gtk_widget_get_height (GTK_WIDGET (view));
  ml_chart_get_range (chart, &lo, &hi);
  start_x = ml_chart_x_for_price (chart, w, h, 60000);
  target = lo + (hi - lo) * 0.25;
  end_x = ml_chart_x_for_price (chart, w, h, target);
  g_assert_cmpfloat (start_x, <, w);

  g_signal_emit_by_name (drag, "drag-begin", start_x, h / 2);
  g_signal_emit_by_name (drag, "drag-update", (end_x - start_x) / 2, 0.0);
  g_signal_emit_by_name (drag, "drag-update", end_x - start_x, 0.0);
  g_signal_emit_by_name (drag, "drag-end", end_x - start_x, 0.0);
  ml_test_flush ();

  ml_assert_close (ml_account_get_mark_price (ml_lab_get_account (ml_window_get_lab (window))), target, 0.1 / target);
  g_assert_true (press_shortcut (window, GDK_KEY_Escape));
  g_assert_cmpfloat (ml_chart_get_scale (chart), ==, 1);
  ml_lab_reset (ml_window_get_lab (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a narrower projector each pixel is larger on the wall, so the text grows less (below
 * 1280 pixels, not at all), and at 1024 × 768 the lesson and the lab still fit the screen:
 * the window keeps its size and the lab does not scroll. Leaving puts the text back, and presenting again at another width
 * takes that width's size. Entered at the window's own size, as --screenshot does: F5 goes
 * full screen, to the monitor's width, 1920 here (enter-leave). */
static void
test_text_follows_width (void)
{
  const struct { int width, height; double least, most; } sizes[] = {
    { 1920, 1080, 1.5, 1.9 },
    { 1440, 900, 1.25, 1.5 },
    { 1280, 800, 1.08, 1.25 },
    { 1366, 768, 1.08, 1.25 },
    { 1024, 768, 0.9, 1.1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      MlWindow *window = ml_test_window_new_sized (sizes[i].width, sizes[i].height);
      GtkWidget *hint = ml_test_window_panel_child (window, "size_hint");
      GtkAdjustment *lab = gtk_scrolled_window_get_vadjustment (ml_test_window_child (window, "lab_scroller"));
      double grown;
      int before, width, height;

      open_first_lesson (window);
      ml_test_wait_for_paint (window);
      before = natural_height (hint);
      width = gtk_widget_get_width (GTK_WIDGET (window));
      height = gtk_widget_get_height (GTK_WIDGET (window));
      ml_window_set_presentation (window, TRUE, FALSE);
      ml_test_wait_for_paint (window);
      grown = (double)natural_height (hint) / before;
      g_test_message ("%d × %d: text %.2f×, window %d × %d, lab %g of %g",
                      sizes[i].width, sizes[i].height, grown,
                      gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                      gtk_adjustment_get_page_size (lab), gtk_adjustment_get_upper (lab));
      g_assert_cmpfloat (grown, >=, sizes[i].least);
      g_assert_cmpfloat (grown, <, sizes[i].most);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height);
      g_assert_cmpfloat (gtk_adjustment_get_upper (lab), <=, gtk_adjustment_get_page_size (lab) + 0.5);
      ml_window_set_presentation (window, FALSE, FALSE);
      ml_test_wait_for_paint (window);
      g_assert_cmpint (natural_height (hint), ==, before);
      /* Presenting again, wider: the text takes the new width's size, not the last one's. */
      if (sizes[i].width < 1600)
        {
          gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
          ml_test_wait_for_paint (window);
          ml_window_set_presentation (window, TRUE, FALSE);
          ml_test_wait_for_paint (window);
          g_assert_cmpfloat ((double)natural_height (hint) / before, >=, sizes[0].least);
          ml_window_set_presentation (window, FALSE, FALSE);
        }
      ml_lab_reset (ml_window_get_lab (window));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The pixel at the middle of the top row of @path, a --screenshot of margin-lab's window. */
static void
screenshot_top (const char *presentation,
                int        *rgb)
{
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-presentation-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "shot.png", NULL);
  const char *argv[] = { g_getenv ("MARGIN_LAB"), "--screenshot", out, "--size", "1280x800",
                         "--lesson", "cross-margin", "--step", "2", presentation, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *err = NULL;
  g_auto(Picture) picture = { 0 };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  texture = gdk_texture_new_from_filename (out, &error);
  g_assert_no_error (error);
  picture.width = gdk_texture_get_width (texture);
  picture.height = gdk_texture_get_height (texture);
  g_assert_cmpint (picture.width, ==, 1280);
  g_assert_cmpint (picture.height, ==, 800);
  picture.stride = picture.width * 4;
  picture.data = g_malloc (picture.stride * picture.height);
  gdk_texture_download (texture, picture.data, picture.stride);
  pixel (&picture, picture.width / 2, 6, rgb);
  g_unlink (out);
  g_rmdir (dir);
}

/* --screenshot --presentation, for the screenshot script: at the size asked, the lesson card
 * (tinted with the accent colour) at the top where the grey header bar was. */
static void
test_command_line (void)
{
  int plain[3], presenting[3];

  if (g_getenv ("MARGIN_LAB") == NULL)
    {
      g_test_skip ("MARGIN_LAB is not set: run the tests with meson test");
      return;
    }
  screenshot_top (NULL, plain);
  screenshot_top ("--presentation", presenting);
  g_assert_cmpint (abs (plain[2] - plain[0]), <=, 3);
  g_assert_cmpint (presenting[2] - presenting[0], >=, 8);
}

int
main (int   argc,
      char *argv[])
{
  if (!ml_test_init_display (&argc, &argv))
    return 0;
  /* Libadwaita follows this: the sidebar is hidden at once, not after its animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_object_unref (ml_test_add_app_style ());

  g_test_add_func ("/presentation/enter-leave", test_enter_leave);
  g_test_add_func ("/presentation/close-while-presenting", test_close_while_presenting);
  g_test_add_func ("/presentation/restores-hidden-sidebar", test_restores_hidden_sidebar);
  g_test_add_func ("/presentation/page-keys", test_page_keys);
  g_test_add_func ("/presentation/drag", test_drag);
  g_test_add_func ("/presentation/text-follows-width", test_text_follows_width);
  g_test_add_func ("/presentation/command-line", test_command_line);
  return g_test_run ();
}
