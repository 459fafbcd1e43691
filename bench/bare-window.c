/* bare-window.c — a bare libadwaita window, what bench-startup measures Margin Lab against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication that presents an AdwApplicationWindow holding an AdwHeaderBar, at Margin
 * Lab's default size and with its application flags, so that the two differ only in what the
 * window holds and does. bench-startup ends it at its first frame, as it does the others,
 * with first-frame-hook.c. BARE_WINDOW_TITLE, when set, is the window's title, which the
 * header bar shows: the one piece of text that bench-startup --explain lets it draw.
 */

#include <adwaita.h>

static void
bare_window_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_title (GTK_WINDOW (window), g_getenv ("BARE_WINDOW_TITLE"));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.marginlab.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (bare_window_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
