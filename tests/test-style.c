/* test-style.c — the Style submenu of the main menu: light, dark or the desktop's, kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The learner picks a style in the main menu; the application follows it and keeps it in the
 * settings, and the next start comes up in it.
 */

#include "config.h"

#include <adwaita.h>

#include "ml-application.h"
#include "ml-test-util.h"
#include "ml-test-window.h"

static AdwColorScheme
test_style_scheme (void)
{
  return adw_style_manager_get_color_scheme (adw_style_manager_get_default ());
}

static char *
test_style_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "color-scheme");
}

/* A style picked at an earlier run comes back at the start, before the first window shows;
 * the learner then changes it from the menu. (One application per test process: the session
 * bus keeps the first one's object path.) */
static void
test_style_menu (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MlApplication) app = ml_application_new ();
  g_autofree char *light = NULL, *system = NULL, *dark = NULL;
  MlWindow *window;

  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (test_style_scheme (), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_cmpint (test_style_scheme (), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  window = ml_test_window_new ();
  gtk_application_add_window (GTK_APPLICATION (app), GTK_WINDOW (window));
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  ml_test_window_click_menu_item (window, "Light");
  g_assert_cmpint (test_style_scheme (), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  light = test_style_setting ();
  g_assert_cmpstr (light, ==, "light");

  ml_test_window_click_menu_item (window, "Follow System");
  g_assert_cmpint (test_style_scheme (), ==, ADW_COLOR_SCHEME_DEFAULT);
  system = test_style_setting ();
  g_assert_cmpstr (system, ==, "default");

  ml_test_window_click_menu_item (window, "Dark");
  g_assert_cmpint (test_style_scheme (), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = test_style_setting ();
  g_assert_cmpstr (dark, ==, "dark");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ml_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/style/menu", test_style_menu);
  return g_test_run ();
}
