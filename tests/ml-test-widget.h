/* ml-test-widget.h — acting on widgets as a user does, for the widget and window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test clicks, types and presses keys through the same signals a pointer, a keyboard or an
 * input method sets off, then reads what is shown. It never sets a toggle's state or an
 * entry's text itself: that is how a toggle that placed the wrong order passed every test.
 */

#pragma once

#include <locale.h>
#include <stdlib.h>
#include <adwaita.h>

#include "ml-test-files.h"

/* Runs what the main loop has pending: redraws, idle callbacks, bindings. */
static inline void
ml_test_flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* A pointer click on a button (or toggle button): what its click gesture emits. */
static inline void
ml_test_click (gpointer button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  ml_test_flush ();
}

static inline void
ml_test_set_true (gpointer flag)
{
  *(gboolean *)flag = TRUE;
}

/* A button activated from the keyboard shows itself held down for a quarter of a second before
 * it is clicked: this waits a little longer. */
static inline void
ml_test_wait_for_key_click (void)
{
  gboolean waited = FALSE;

  g_timeout_add_once (400, ml_test_set_true, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  ml_test_flush ();
}

/* Space or Enter on the focused widget: its keyboard activation. */
static inline void
ml_test_activate (gpointer widget)
{
  gtk_widget_grab_focus (GTK_WIDGET (widget));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (widget)));
  ml_test_wait_for_key_click ();
}

/* The GtkText inside an entry or spin button: where keys and input methods deliver text. */
static inline GtkWidget *
ml_test_text_of (gpointer editable)
{
  GtkEditable *e = GTK_EDITABLE (editable);

  while (!GTK_IS_TEXT (e))
    {
      e = gtk_editable_get_delegate (e);
      g_assert_nonnull (e);
    }
  return GTK_WIDGET (e);
}

/* Focuses @editable, selects what it holds, deletes it and types @text, as a user replacing
 * an entry's contents does (Home, Shift+End, then typing). Enter is not pressed. */
static inline void
ml_test_type (gpointer    editable,
              const char *text)
{
  GtkWidget *inner = ml_test_text_of (editable);

  gtk_widget_grab_focus (inner);
  g_signal_emit_by_name (inner, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
  g_signal_emit_by_name (inner, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, TRUE);
  g_signal_emit_by_name (inner, "delete-from-cursor", GTK_DELETE_CHARS, 1);
  if (*text != '\0')
    g_signal_emit_by_name (inner, "insert-at-cursor", text);
  ml_test_flush ();
}

/* Enter in an entry. */
static inline void
ml_test_press_enter (gpointer editable)
{
  g_signal_emit_by_name (ml_test_text_of (editable), "activate");
  ml_test_flush ();
}

/* A key press delivered to @widget's key controllers, as GTK does when it has focus.
 * Returns whether a controller handled it. */
static inline gboolean
ml_test_press_key (gpointer        widget,
                   guint           keyval,
                   GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
  gboolean handled = FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (widget));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  ml_test_flush ();
  return handled;
}

/* A few turns of the main loop without waiting: what GTK makes on the next frames (a toast's
 * label, a list rebuilt when idle) is there after it. */
static inline void
ml_test_iterate (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static inline void
ml_test_count_frame (GdkFrameClock *clock,
                     guint         *frames)
{
  (*frames)++;
}

/* Until @widget's window has painted twice: every size and style is what the learner sees. */
static inline void
ml_test_wait_for_paint (gpointer widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (widget));
  guint frames = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (ml_test_count_frame), &frames);

  while (frames < 2)
    {
      gtk_widget_queue_draw (GTK_WIDGET (widget));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
  ml_test_flush ();
}

/* The first widget under @widget, @widget itself first and then depth first, that @match
 * says yes to. */
typedef gboolean (*MlTestMatch) (GtkWidget *widget, gconstpointer data);

static inline GtkWidget *
ml_test_find_widget (GtkWidget    *widget,
                     MlTestMatch   match,
                     gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ml_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
ml_test_activates (GtkWidget    *widget,
                   gconstpointer action)
{
  return GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The first widget under @widget that activates @action: the button a learner would click. */
static inline GtkWidget *
ml_test_find_action (GtkWidget  *widget,
                     const char *action)
{
  return ml_test_find_widget (widget, ml_test_activates, action);
}

static inline gboolean
ml_test_is_of_type (GtkWidget    *widget,
                    gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @widget. */
static inline GtkWidget *
ml_test_find_type (GtkWidget *widget,
                   GType      type)
{
  return ml_test_find_widget (widget, ml_test_is_of_type, GSIZE_TO_POINTER (type));
}

/* The first toplevel of @type that is shown (or, unless @shown_only, hidden too), or NULL. */
static inline GtkWindow *
ml_test_find_toplevel (GType    type,
                       gboolean shown_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && (!shown_only || gtk_widget_get_visible (GTK_WIDGET (window))))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static inline AdwMessageDialog *
ml_test_find_message_dialog (void)
{
  return (AdwMessageDialog *)ml_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE);
}

static inline gboolean
ml_test_is_labelled (GtkWidget    *widget,
                     gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The first button under @widget whose label is @label ("_Add"). */
static inline GtkWidget *
ml_test_find_labelled_button (GtkWidget  *widget,
                              const char *label)
{
  return ml_test_find_widget (widget, ml_test_is_labelled, label);
}

/* Clicks the dialog's button labelled @label ("_Discard"), as the learner answers it. */
static inline void
ml_test_answer_dialog (AdwMessageDialog *dialog,
                       const char       *label)
{
  GtkWidget *button = ml_test_find_labelled_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  ml_test_click (button);
}

/* The texts of every label under @widget, one a line: what a sighted learner reads there. */
static inline void
ml_test_collect_text (GtkWidget *widget,
                          GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    ml_test_collect_text (child, text);
}

static inline char *
ml_test_shown_text (gpointer widget)
{
  GString *text = g_string_new (NULL);

  ml_test_collect_text (GTK_WIDGET (widget), text);
  return g_string_free (text, FALSE);
}

/* The text a label shows. */
static inline const char *
ml_test_label (gpointer label)
{
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Starts GTK and libadwaita for a widget test, or returns FALSE after telling TAP the test is
 * skipped: plain `meson test` has no display; build-aux/test.sh runs these under Xvfb.
 * gtk_test_init() picks en_US.UTF-8 where the machine has it; the expected texts are in the
 * C.UTF-8 locale that every machine has. */
static char *ml_test_data_home G_GNUC_UNUSED;

static void
ml_test_remove_data_home (void)
{
  ml_test_remove_tree (ml_test_data_home);
  g_clear_pointer (&ml_test_data_home, g_free);
}

/* @widget as its window's renderer draws it: *@width × *@height pixels of premultiplied
 * native-endian ARGB, four bytes each, row after row (g_free() them). */
static inline guchar *
ml_test_render (GtkWidget *widget,
                int       *width,
                int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guchar *data;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  data = g_malloc ((gsize)*width * *height * 4);
  gdk_texture_download (texture, data, *width * 4);
  return data;
}

/* The application's stylesheet on the display, as AdwApplication loads it for the real window.
 * Returns it, so that a test can take it off again. */
static inline GtkCssProvider *
ml_test_add_app_style (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/marginlab/MarginLab/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return provider;
}

/* Each window test starts as a learner's first start does: no progress, no imported packs.
 * Set before GLib reads the variable, which it does once. */
static inline void
ml_test_private_data_home (void)
{
  ml_test_data_home = ml_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", ml_test_data_home, TRUE);
  atexit (ml_test_remove_data_home);
}

static inline gboolean
ml_test_init_display (int    *argc,
                      char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run with meson test --setup display\n");
      return FALSE;
    }
  ml_test_private_data_home ();
  gtk_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  return TRUE;
}

/* The drag gesture of @widget: tests drag by emitting its signals, as GTK does for a pointer. */
static inline GtkGesture *
ml_test_drag_gesture (gpointer widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}
