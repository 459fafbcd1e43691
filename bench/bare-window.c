/* bare-window.c — a bare libadwaita window, what bench-startup measures Margin Lab against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication that presents an AdwApplicationWindow holding an AdwHeaderBar, at Margin
 * Lab's default size and with its application flags, so that the two differ only in what the
 * window holds and does. It answers margin-lab's benchmark hook alike (ml-application.c): with
 * MARGIN_LAB_EXIT_AFTER_FIRST_FRAME=1 it quits once its first frame is painted; with =idle it
 * waits a second longer, prints the VmRSS line of /proc/self/status and quits.
 */

#define G_LOG_DOMAIN "bare-window"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <adwaita.h>

static gboolean
bare_window_print_idle_memory (gpointer data)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmRSS:")) != NULL)
    printf ("%.*s\n", (int)strcspn (line, "\n"), line);
  fflush (stdout);
  g_application_quit (data);
  return G_SOURCE_REMOVE;
}

static void
bare_window_first_frame_painted (GdkFrameClock *clock,
                                 GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, bare_window_first_frame_painted, app);
  if (g_str_equal (g_getenv ("MARGIN_LAB_EXIT_AFTER_FIRST_FRAME"), "idle"))
    g_timeout_add (1000, bare_window_print_idle_memory, app);
  else
    g_application_quit (app);
}

static void
bare_window_realized (GtkWidget    *window,
                      GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bare_window_first_frame_painted), app);
}

static void
bare_window_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  if (g_getenv ("MARGIN_LAB_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (bare_window_realized), app);
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
