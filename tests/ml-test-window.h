/* ml-test-window.h — the lab window, opened and reached into as the window tests do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-lesson-sidebar.h"
#include "ml-order-panel.h"
#include "ml-test-widget.h"
#include "ml-window.h"

static inline gpointer
ml_test_window_child (MlWindow   *window,
                      const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), ML_TYPE_WINDOW, name);
}

static inline gpointer
ml_test_window_panel_child (MlWindow   *window,
                            const char *name)
{
  return gtk_widget_get_template_child (ml_test_window_child (window, "order_panel"), ML_TYPE_ORDER_PANEL, name);
}

static inline GtkListBox *
ml_test_window_lesson_list (MlWindow *window)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (ml_test_window_child (window, "sidebar"),
                                                      ML_TYPE_LESSON_SIDEBAR, "list"));
}

/* A window of @width × @height, shown, once its lessons have loaded: they load as it is
 * realized, and then the sidebar lists them. */
static inline MlWindow *
ml_test_window_new_sized (int width,
                          int height)
{
  MlWindow *window = ml_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_list_box_get_row_at_index (ml_test_window_lesson_list (window), 0) == NULL)
    g_main_context_iteration (NULL, TRUE);
  ml_test_flush ();
  return window;
}

/* A window of 1200 × 800, as ml_test_window_new_sized() gives it. */
static inline MlWindow *
ml_test_window_new (void)
{
  return ml_test_window_new_sized (1200, 800);
}

/* Clicks the first button in the window that activates @action, as the learner would. */
static inline void
ml_test_window_click_action (MlWindow   *window,
                             const char *action)
{
  GtkWidget *button = ml_test_find_action (GTK_WIDGET (window), action);

  g_assert_nonnull (button);
  /* A pointer click gives the button the focus first, as GTK's buttons take it on click. */
  if (gtk_widget_get_focus_on_click (button))
    gtk_widget_grab_focus (button);
  ml_test_click (button);
}

/* Activates Free Practice, the sidebar's first row: the lesson card goes, the bare lab stays. */
static inline void
ml_test_window_free_practice (MlWindow *window)
{
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (ml_test_window_lesson_list (window), 0)));
  ml_test_flush ();
  g_assert_false (gtk_widget_get_visible (ml_test_window_child (window, "lesson_card")));
}

static inline GtkWidget *
ml_test_window_find_main_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ml_test_window_find_main_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The menu item whose label reads @text: menus build their items from the menu model, with
 * no action name on the widget. */
static inline GtkWidget *
ml_test_window_find_menu_item (GtkWidget  *widget,
                               const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return gtk_widget_get_ancestor (widget, g_type_from_name ("GtkModelButton"));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ml_test_window_find_menu_item (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens the main menu (F10) and clicks its item (or its submenus' item) labelled @text. */
static inline void
ml_test_window_click_menu_item (MlWindow   *window,
                                const char *text)
{
  GtkWidget *menu_button = ml_test_window_find_main_menu (GTK_WIDGET (window));
  GtkWidget *item;

  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  ml_test_flush ();
  item = ml_test_window_find_menu_item (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))), text);
  g_assert_nonnull (item);
  /* What the item's click gesture emits. */
  g_signal_emit_by_name (item, "clicked");
  ml_test_flush ();
}
