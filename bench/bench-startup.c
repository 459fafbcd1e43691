/* bench-startup.c — Margin Lab's start-up against a bare libadwaita window: time and memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Launches margin-lab and bare-window in turns (bare, lab, bare, lab …) on the same display and
 * times each from the spawn until the process has exited, which both do right after their first
 * painted frame (MARGIN_LAB_EXIT_AFTER_FIRST_FRAME=1, see ml-application.c). Then launches them
 * again with =idle, and reads the resident memory each prints a second after its first frame.
 * Every run gets an empty XDG_DATA_HOME and XDG_CONFIG_HOME, so what is measured is margin-lab's
 * first start, and in-memory settings from the build's schemas. Both programs inherit the
 * session bus, if any, the same way. Prints figures, never fails on time.
 *
 *   xvfb-run -a BUILDDIR/bench/bench-startup [ROUNDS]      (15 rounds unless told)
 */

#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "bench-common.h"

#define ROUNDS    15
#define EXIT_SKIP 77

typedef struct
{
  const char *name;
  const char *path;
  double     *times;   /* µs from spawn to exit, one per round */
  double     *memory;  /* KiB resident once idle, one per round */
  Result      time;
  Result      rss;     /* in KiB, through the same fields */
} Program;

static void
bench_startup_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bench_startup_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Runs @program once in a fresh home with the hook set to @mode, and returns the µs it took
 * from spawn to exit; its standard output goes into @output. Exits on a failed run: a figure
 * from a program that did not start would mean nothing. */
static double
bench_startup_run (const Program *program,
                   const char    *mode,
                   char         **output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  g_autofree char *data = NULL, *config = NULL, *errors = NULL;
  g_auto(GStrv) env = g_get_environ ();
  char *argv[] = { (char *)program->path, NULL };
  double begin, end;
  int status;

  if (home == NULL)
    g_error ("%s", error->message);
  data = g_build_filename (home, "data", NULL);
  config = g_build_filename (home, "config", NULL);
  g_mkdir (data, 0700);
  g_mkdir (config, 0700);
  env = g_environ_setenv (env, "MARGIN_LAB_EXIT_AFTER_FIRST_FRAME", mode, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", ML_BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);

  begin = bench_common_now_us ();
  if (!g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, output, &errors, &status, &error))
    g_error ("%s: %s", program->path, error->message);
  end = bench_common_now_us ();
  bench_startup_remove_tree (home);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n%s", program->path, error->message, errors);
      exit (EXIT_FAILURE);
    }
  return end - begin;
}

static double
bench_startup_idle_kib (const Program *program)
{
  g_autofree char *output = NULL;
  const char *line;
  double kib;

  bench_startup_run (program, "idle", &output);
  if ((line = strstr (output, "VmRSS:")) == NULL || sscanf (line, "VmRSS: %lf kB", &kib) != 1)
    {
      g_printerr ("%s printed no VmRSS line: “%s”\n", program->path, output);
      exit (EXIT_FAILURE);
    }
  return kib;
}

static void
bench_startup_print_row (const char *name,
                         const char *median,
                         const char *min)
{
  printf ("%-34s ", name);
  _print_cell (median, 11);
  printf (" ");
  _print_cell (min, 11);
  printf ("\n");
}

static void
bench_startup_print (Program *bare,
                     Program *lab,
                     guint    rounds)
{
  Program *programs[] = { bare, lab };
  g_autofree char *time_ratio = g_strdup_printf ("%.2f×", lab->time.median_us / bare->time.median_us);
  g_autofree char *time_min_ratio = g_strdup_printf ("%.2f×", lab->time.min_us / bare->time.min_us);
  g_autofree char *rss_ratio = g_strdup_printf ("%.2f×", lab->rss.median_us / bare->rss.median_us);
  g_autofree char *rss_min_ratio = g_strdup_printf ("%.2f×", lab->rss.min_us / bare->rss.min_us);

  printf ("Margin Lab start-up benchmark (%s build; %u rounds of each, interleaved)\n\n",
          ML_BENCH_BUILD, rounds);
  printf ("%-34s %11s %11s\n", "launch until the first frame", "median", "min");
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *median = _format_time (programs[i]->time.median_us);
      g_autofree char *min = _format_time (programs[i]->time.min_us);

      bench_startup_print_row (programs[i]->name, median, min);
    }
  bench_startup_print_row ("margin-lab / bare", time_ratio, time_min_ratio);

  printf ("\n%-34s %11s %11s\n", "resident memory, idle", "median", "min");
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *median = g_strdup_printf ("%.1f MiB", programs[i]->rss.median_us / 1024);
      g_autofree char *min = g_strdup_printf ("%.1f MiB", programs[i]->rss.min_us / 1024);

      bench_startup_print_row (programs[i]->name, median, min);
    }
  bench_startup_print_row ("margin-lab / bare", rss_ratio, rss_min_ratio);

  printf ("\nlaunch until the first frame: from the spawn until the process has exited, which it does once its\n"
          "first frame is painted; margin-lab takes %+.1f ms (%+.0f %%) on the median.\n"
          "resident memory: VmRSS a second after the first frame; margin-lab holds %+.1f MiB.\n",
          (lab->time.median_us - bare->time.median_us) / 1e3,
          (lab->time.median_us / bare->time.median_us - 1) * 100,
          (lab->rss.median_us - bare->rss.median_us) / 1024);
}

int
main (int    argc,
      char **argv)
{
  Program bare = { "bare libadwaita window", ML_BENCH_BARE_WINDOW };
  Program lab = { "margin-lab", ML_BENCH_MARGIN_LAB };
  Program *programs[] = { &bare, &lab };
  guint rounds = ROUNDS;

  if (argc > 2 || (argc == 2 && (rounds = g_ascii_strtoull (argv[1], NULL, 10)) == 0))
    {
      g_printerr ("usage: bench-startup [ROUNDS]   (%u unless told)\n", ROUNDS);
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display: run it under xvfb-run -a\n");
      return EXIT_SKIP;
    }

  /* A first run of each, not counted, brings their files into the page cache. */
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      g_autofree char *output = NULL;

      bench_startup_run (programs[p], "1", &output);
      programs[p]->times = g_new (double, rounds);
      programs[p]->memory = g_new (double, rounds);
    }
  for (guint i = 0; i < rounds; i++)
    for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
      {
        g_autofree char *output = NULL;

        programs[p]->times[i] = bench_startup_run (programs[p], "1", &output);
      }
  for (guint i = 0; i < rounds; i++)
    for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
      programs[p]->memory[i] = bench_startup_idle_kib (programs[p]);

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      bench_common_summarize (programs[p]->times, rounds, &programs[p]->time);
      bench_common_summarize (programs[p]->memory, rounds, &programs[p]->rss);
      g_free (programs[p]->times);
      g_free (programs[p]->memory);
    }
  bench_startup_print (&bare, &lab, rounds);
  return 0;
}
