/* first-frame-hook.c — an LD_PRELOAD module that ends a GTK 4 program at its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-startup loads it into every program it times (margin-lab, the bare window, GNOME
 * Calculator), so that all three are stopped the same way, whatever their code: it wraps
 * gtk_window_present() and gtk_window_present_with_time(), and when the first window is
 * presented it hooks the frame clocks' "after-paint". At the first one (the frame is rendered
 * and handed to the display server), BENCH_FIRST_FRAME=exit ends the process
 * there with _exit(0), so no program's shutdown is counted; =idle waits a second longer, prints
 * the VmRSS line of /proc/self/status and then ends it alike. Unset, it does nothing.
 * BENCH_CSS, when set, is a style sheet loaded over the program's own (at the user's priority)
 * before that first window is presented: bench-startup --explain uses it to leave parts of the
 * drawing out. A sheet GTK cannot parse ends the run with a failure, not with figures.
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <gtk/gtk.h>

static gboolean first_frame_hook_armed;

static gboolean
first_frame_hook_print_idle_memory (gpointer data)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmRSS:")) != NULL)
    printf ("%.*s\n", (int)strcspn (line, "\n"), line);
  fflush (stdout);
  _exit (0);
  return G_SOURCE_REMOVE;
}

/* An emission hook runs before every handler of the signal: no program's own after-paint work
 * is counted. */
static gboolean
first_frame_hook_after_paint (GSignalInvocationHint *hint,
                              guint                  n_values,
                              const GValue          *values,
                              gpointer               data)
{
  if (g_strcmp0 (g_getenv ("BENCH_FIRST_FRAME"), "idle") == 0)
    g_timeout_add (1000, first_frame_hook_print_idle_memory, NULL);
  else
    {
      fflush (stdout);
      _exit (0);
    }
  return FALSE;
}

static void
first_frame_hook_css_error (GtkCssProvider *provider,
                            GtkCssSection  *section,
                            const GError   *error,
                            gpointer        data)
{
  g_printerr ("BENCH_CSS: %s\n", error->message);
  _exit (1);
}

static void
first_frame_hook_load_css (const char *css)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  g_signal_connect (provider, "parsing-error", G_CALLBACK (first_frame_hook_css_error), NULL);
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
}

/* Called before the real present, which brings the window's first frame. */
static void
first_frame_hook_arm (GtkWindow *window)
{
  const char *css = g_getenv ("BENCH_CSS");

  if (first_frame_hook_armed || g_getenv ("BENCH_FIRST_FRAME") == NULL)
    return;
  first_frame_hook_armed = TRUE;
  if (css != NULL)
    first_frame_hook_load_css (css);
  g_signal_add_emission_hook (g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK), 0,
                              first_frame_hook_after_paint, NULL, NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *);

  if (real == NULL)
    real = (void (*) (GtkWindow *))dlsym (RTLD_NEXT, "gtk_window_present");
  first_frame_hook_arm (window);
  real (window);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{
  static void (*real) (GtkWindow *, guint32);

  if (real == NULL)
    real = (void (*) (GtkWindow *, guint32))dlsym (RTLD_NEXT, "gtk_window_present_with_time");
  first_frame_hook_arm (window);
  real (window, timestamp);
}
