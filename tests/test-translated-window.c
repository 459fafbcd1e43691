/* test-translated-window.c — the window in another language: translated, and laid out whole
 *
 * Each case runs in a process of its own (tests/meson.build passes -p), since the built-in
 * course is read once per process, in the language of that moment.
 *
 *  - pseudo-locale: every string about 40 % longer and accented (tests/pseudo-locale.py); at
 *    800 × 600 nothing in the lab or a lesson is clipped or overlaps.
 *  - de, ar: the app's own translations, from the build tree; Arabic right to left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <locale.h>

#include "ml-explain-button.h"
#include "ml-lesson-card.h"
#include "ml-test-files.h"
#include "ml-test-window.h"

static char *pseudo_dir;

/* The pseudo-locale's catalogue, where gettext looks for language en_XA. */
static char *
make_pseudo_locale (void)
{
  const char *mo = g_getenv ("ML_TEST_PSEUDO_MO");
  char *dir = ml_test_make_tmp_dir ();
  g_autofree char *messages = g_build_filename (dir, "en_XA", "LC_MESSAGES", NULL);
  g_autofree char *link = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);

  g_assert_nonnull (mo);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_assert_cmpint (symlink (mo, link), ==, 0);
  return dir;
}

static void
remove_pseudo_locale (void)
{
  ml_test_remove_tree (pseudo_dir);
  g_clear_pointer (&pseudo_dir, g_free);
}

/* Reads the app's messages as the app does (src/main.c), in the language tests/meson.build sets
 * in LANGUAGE, from the build tree: before GTK starts, which reads its direction from it. */
static void
use_translations (void)
{
  const char *dir = g_getenv ("ML_TEST_LOCALEDIR");

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "en_XA") == 0)
    {
      dir = pseudo_dir = make_pseudo_locale ();
      atexit (remove_pseudo_locale);
    }
  g_assert_nonnull (dir);
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static gpointer
card_child (MlWindow   *window,
            const char *name)
{
  return gtk_widget_get_template_child (ml_test_window_child (window, "lesson_card"), ML_TYPE_LESSON_CARD, name);
}

/* Layout */

static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget) &&
         gtk_widget_get_opacity (widget) > 0;
}

/* A widget as the messages name it: a label by its text, with the kinds of widget it is in. */
static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) name = g_string_new (NULL);
  guint depth = 0;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (name, "label “%s”", gtk_label_get_text (GTK_LABEL (widget)));
  else
    g_string_append (name, G_OBJECT_TYPE_NAME (widget));
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && depth < 5; w = gtk_widget_get_parent (w), depth++)
    g_string_append_printf (name, " < %s", G_OBJECT_TYPE_NAME (w));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The part of the window that shows @widget: the window, or the viewport of the scrolled
 * window it scrolls in, where being out of view is what scrolling is for. */
static GtkWidget *
clip_of (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  return scrolled != NULL ? scrolled : GTK_WIDGET (gtk_widget_get_root (widget));
}

/* A label shows all of its text: it has at least the size it asks for, nothing is ellipsized,
 * and, unless it scrolls, it lies inside the window. */
static void
check_label (GtkWidget *label,
             GString   *problems)
{
  g_autofree char *name = describe (label);
  /* Measured sizes include the margins; allocated ones do not. */
  int width = gtk_widget_get_width (label) + gtk_widget_get_margin_start (label) + gtk_widget_get_margin_end (label);
  int height = gtk_widget_get_height (label) + gtk_widget_get_margin_top (label) + gtk_widget_get_margin_bottom (label);
  int min_width, min_height;
  graphene_rect_t bounds;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  if (width < min_width || height < min_height)
    g_string_append_printf (problems, "%s is %d × %d, smaller than its %d × %d\n", name, width, height, min_width, min_height);
  /* Unless its tooltip shows the whole text, as a position's line of details does. */
  if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))) && !gtk_widget_get_has_tooltip (label))
    g_string_append_printf (problems, "%s is ellipsized\n", name);
  if (gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW) == NULL &&
      gtk_widget_compute_bounds (label, GTK_WIDGET (gtk_widget_get_root (label)), &bounds))
    {
      GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (label));

      if (bounds.origin.x < -0.5 || bounds.origin.y < -0.5 ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (root) + 0.5 ||
          bounds.origin.y + bounds.size.height > gtk_widget_get_height (root) + 0.5)
        g_string_append_printf (problems, "%s lies outside the window\n", name);
    }
}

/* What a learner reads or presses: labels, entries, images and the chart. */
static gboolean
is_leaf (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) || GTK_IS_TEXT (widget) || GTK_IS_IMAGE (widget) || GTK_IS_DRAWING_AREA (widget);
}

static void
collect (GtkWidget *widget,
         GString   *problems,
         GPtrArray *leaves)
{
  if (!is_shown (widget) || GTK_IS_POPOVER (widget))
    return;
  /* The header bar's title ellipsizes, as every GNOME app's does; the lesson card shows the
   * lesson's title in full. */
  if (ADW_IS_WINDOW_TITLE (widget))
    return;
  if (GTK_IS_LABEL (widget))
    check_label (widget, problems);
  if (is_leaf (widget))
    g_ptr_array_add (leaves, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, problems, leaves);
}

/* Two leaves overlap if their areas, cut to what their scrolled windows show, meet by more than
 * a pixel each way. */
static gboolean
visible_area (GtkWidget       *widget,
              graphene_rect_t *area)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t clip;

  if (!gtk_widget_compute_bounds (widget, root, area) ||
      !gtk_widget_compute_bounds (clip_of (widget), root, &clip))
    return FALSE;
  return graphene_rect_intersection (area, &clip, area);
}

static void
check_overlaps (GPtrArray *leaves,
                GString   *problems)
{
  for (guint i = 0; i < leaves->len; i++)
    for (guint j = i + 1; j < leaves->len; j++)
      {
        graphene_rect_t a, b, both;

        if (gtk_widget_is_ancestor (leaves->pdata[i], leaves->pdata[j]) ||
            gtk_widget_is_ancestor (leaves->pdata[j], leaves->pdata[i]) ||
            !visible_area (leaves->pdata[i], &a) || !visible_area (leaves->pdata[j], &b))
          continue;
        if (graphene_rect_intersection (&a, &b, &both) && both.size.width > 1 && both.size.height > 1)
          {
            g_autofree char *first = describe (leaves->pdata[i]);
            g_autofree char *second = describe (leaves->pdata[j]);

            g_string_append_printf (problems, "%s overlaps %s\n", first, second);
          }
      }
}

/* A window of @width × @height, which assert_laid_out_whole() checks it keeps. */
static MlWindow *
sized_window (int width,
              int height)
{
  MlWindow *window = ml_test_window_new_sized (width, height);

  g_object_set_data (G_OBJECT (window), "asked-width", GINT_TO_POINTER (width));
  g_object_set_data (G_OBJECT (window), "asked-height", GINT_TO_POINTER (height));
  return window;
}

/* Fails with every label that is clipped, every pair of things that overlap, and a window that
 * outgrew its size. */
static void
assert_laid_out_whole (MlWindow   *window,
                       const char *what)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  GtkWidget *content = gtk_widget_get_first_child (GTK_WIDGET (window));
  int min_width, min_height, width, height;

  ml_test_wait_for_paint (window);
  /* GTK keeps the default size up to date: a window whose content needs more than the size it
   * was given grows, past a small screen. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  if (width != GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), "asked-width")) ||
      height != GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), "asked-height")))
    g_string_append_printf (problems, "the window has grown to %d × %d\n", width, height);
  /* The window's content, inside its frame: as large as it needs to be, or GTK cuts it. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (content), &min_height, NULL, NULL, NULL);
  if (min_width > gtk_widget_get_width (content) || min_height > gtk_widget_get_height (content))
    g_string_append_printf (problems, "the window's content needs %d × %d\n", min_width, min_height);
  collect (GTK_WIDGET (window), problems, leaves);
  check_overlaps (leaves, problems);
  if (problems->len > 0)
    g_error ("%s at %d × %d:\n%s", what, gtk_widget_get_width (GTK_WIDGET (window)),
             gtk_widget_get_height (GTK_WIDGET (window)), problems->str);
}

static void
test_pseudo_locale (void)
{
  MlWindow *window;

  window = sized_window (800, 600);
  /* The pseudo-translation is what the window shows. */
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, "Šţéƥ 1 öƒ 2 ẋẋẋ");
  assert_laid_out_whole (window, "lesson 1, step 1");

  ml_test_click (card_child (window, "next_button"));
  assert_laid_out_whole (window, "lesson 1, step 2");

  ml_test_window_free_practice (window);
  assert_laid_out_whole (window, "free practice");

  gtk_window_destroy (GTK_WINDOW (window));
  ml_test_flush ();
}

/* The text of @button's label, as the learner reads it. */
static const char *
button_text (gpointer button)
{
  return gtk_button_get_label (GTK_BUTTON (button));
}

/* @shown is @english as the catalogue has it (German keeps “Long”, as its exchanges do). */
static void
assert_translated (const char *shown,
                   const char *english)
{
  g_assert_cmpstr (shown, ==, g_dgettext (GETTEXT_PACKAGE, english));
}

/* The order panel and the lesson card, in the window's language: the labels a learner reads
 * first, and the lesson's own text, from the course's catalogue. */
static void
assert_window_translated (MlWindow *window)
{
  g_autofree char *counter = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Step %u of %u"), 1, 2);

  assert_translated (button_text (ml_test_window_panel_child (window, "long_button")), "Long");
  assert_translated (button_text (ml_test_window_panel_child (window, "short_button")), "Short");
  assert_translated (button_text (ml_test_window_panel_child (window, "cross_button")), "Cross");
  assert_translated (button_text (ml_test_window_panel_child (window, "isolated_button")), "Isolated");
  assert_translated (button_text (card_child (window, "next_button")), "Next");
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, counter);
  g_assert_null (strstr (ml_test_label (card_child (window, "heading_label")), "What margin means"));
  g_assert_null (strstr (ml_test_label (card_child (window, "text_label")), "collateral"));
}

/* German, with German numbers where the machine has the locale (build-aux/test.sh makes it). */
static void
test_german (void)
{
  gboolean numbers = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;
  MlWindow *window = ml_test_window_new ();

  assert_window_translated (window);
  if (numbers)
    g_assert_cmpstr (ml_explain_button_get_label (ml_test_window_child (window, "wallet_button")), ==, "\u20681.000,00\u00a0USDT\u2069");
  else
    g_test_message ("no de_DE.UTF-8 locale: German numbers not checked");
  g_assert_cmpstr (button_text (ml_test_window_panel_child (window, "isolated_button")), ==, "Isoliert");
  g_assert_cmpstr (ml_test_label (card_child (window, "counter_label")), ==, "Schritt 1 von 2");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);
  gtk_window_destroy (GTK_WINDOW (window));
  ml_test_flush ();
}

/* The left edge of the character at @index of @layout's text, as drawn. */
static int
drawn_at (PangoLayout *layout,
          int          index)
{
  PangoRectangle pos;

  pango_layout_index_to_pos (layout, index, &pos);
  return MIN (pos.x, pos.x + pos.width);
}

/* @label shows @number (an ASCII number and a sign after it, as ml-money writes "10×") with
 * its number drawn left of its sign, as it reads in every language. */
static void
assert_reads_left_to_right (GtkWidget  *label,
                            const char *number)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *text = pango_layout_get_text (layout);
  const char *found = strstr (text, number);
  const char *sign;

  g_assert_nonnull (found);
  sign = g_utf8_prev_char (found + strlen (number));
  g_assert_cmpint (drawn_at (layout, found - text), <, drawn_at (layout, sign - text));
}

/* Arabic: translated, and right to left, as GTK lays it out in the direction the tests set
 * rather than one a locale would have to be installed for. */
static void
test_arabic (void)
{
  MlWindow *window;
  graphene_rect_t long_bounds, short_bounds;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = sized_window (1200, 800);
  assert_window_translated (window);
  g_assert_cmpstr (button_text (ml_test_window_panel_child (window, "long_button")), ==, "طويل");
  g_assert_cmpstr (button_text (ml_test_window_panel_child (window, "isolated_button")), ==, "معزول");
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  /* Long comes first, which in Arabic is on the right. */
  g_assert_true (gtk_widget_compute_bounds (ml_test_window_panel_child (window, "long_button"), GTK_WIDGET (window), &long_bounds));
  g_assert_true (gtk_widget_compute_bounds (ml_test_window_panel_child (window, "short_button"), GTK_WIDGET (window), &short_bounds));
  g_assert_cmpfloat (long_bounds.origin.x, >, short_bounds.origin.x);
  /* The task's “10×” reads as it does in every language: the sign after its number. */
  assert_reads_left_to_right (card_child (window, "task_label"), "10×");
  assert_laid_out_whole (window, "Arabic, lesson 1, step 1");
  gtk_window_destroy (GTK_WINDOW (window));
  ml_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  use_translations ();
  if (!ml_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/translated/pseudo-locale", test_pseudo_locale);
  g_test_add_func ("/translated/de", test_german);
  g_test_add_func ("/translated/ar", test_arabic);

  return g_test_run ();
}
