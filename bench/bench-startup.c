/* bench-startup.c — Margin Lab's start-up against a bare libadwaita window and GNOME
 * Calculator: time and memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Launches bare-window (the floor), margin-lab and gnome-calculator (another GTK 4 and
 * libadwaita app, from Debian) in turns on the same display, and times each from the spawn
 * until the process has exited. None is trusted to stop itself: all three are loaded with the
 * same LD_PRELOAD module, first-frame-hook.c, which ends the process with _exit() right after
 * the first frame of the first window presented is painted (BENCH_FIRST_FRAME=exit), so that
 * the same event ends every run and no program's shutdown is counted. Margin Lab's first
 * frame shows the lesson where the learner left off (the first lesson, at a first start), its
 * lessons read before it. Then it launches them
 * again with =idle, and reads the resident memory each prints a second after its first frame.
 * The processor time each used, every thread's, is told too: on a busy machine it shows what
 * the wall time of a run owes to the program rather than to its neighbours.
 * Every run gets an empty XDG_DATA_HOME and XDG_CONFIG_HOME, so what is measured is a first
 * start, and in-memory settings (margin-lab's schema from the build, Calculator's installed).
 * All inherit the session bus, if any, the same way. Calculator is left out, with a note, when
 * it is not installed (apt-get install gnome-calculator). Prints figures, never fails on time.
 *
 * --explain adds four runs that take margin-lab's difference from the floor apart: the bare
 * window showing a title (what drawing any text at all costs), margin-lab with nothing drawn
 * (its window built, styled and laid out, every part of it at opacity 0), margin-lab with no
 * box shadows, and margin-lab with GNOME's interface font, Cantarell, in place of the "Sans"
 * that GTK falls back to without a desktop's settings. The style sheets go through
 * first-frame-hook.c (BENCH_CSS), the font through the run's own gtk-4.0/settings.ini.
 *
 *   xvfb-run -a BUILDDIR/bench/bench-startup [--explain] [ROUNDS]      (15 rounds unless told)
 */

#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "bench-common.h"

#define ROUNDS    15
#define EXIT_SKIP 77

typedef struct
{
  const char *name;
  const char *path;
  gboolean    quiet;   /* its standard error goes to /dev/null */
  const char *env;     /* NAME=VALUE set for its runs alone, or NULL */
  const char *font;    /* gtk-font-name in the run's gtk-4.0/settings.ini, or NULL */
  double     *times;   /* µs from spawn to exit, one per round */
  double     *cpus;    /* µs of processor, every thread's */
  double     *memory;  /* KiB resident once idle, one per round */
  Result      time;
  Result      cpu;
  Result      rss;     /* in KiB, in the fields named for µs */
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

/* Reads @fd to its end. */
static char *
bench_startup_read_all (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (text, buffer, n);
  close (fd);
  return g_string_free (text, FALSE);
}

/* Gives GTK @font as the interface font, as a desktop's settings would, in the settings.ini
 * that GTK reads from @config_home. */
static void
bench_startup_write_settings (const char *config_home,
                              const char *font)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (config_home, "gtk-4.0", NULL);
  g_autofree char *path = g_build_filename (dir, "settings.ini", NULL);
  g_autofree char *text = g_strdup_printf ("[Settings]\ngtk-font-name=%s\n", font);

  g_mkdir (dir, 0700);
  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
}

/* Runs @program once in a fresh home with the hook set to @mode, and returns the µs it took
 * from spawn to exit; @cpu gets the µs of processor it used, every thread's, user and system,
 * and @output its standard output. Its standard error is ours unless it is quiet. Exits on a failed run: a
 * figure from a program that did not start would mean nothing. */
static double
bench_startup_run (const Program *program,
                   const char    *mode,
                   double        *cpu,
                   char         **output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  g_autofree char *data = NULL, *config = NULL;
  g_auto(GStrv) env = g_get_environ ();
  char *argv[] = { (char *)program->path, NULL };
  struct rusage usage;
  double begin, end;
  GPid pid;
  int out, status;

  if (home == NULL)
    g_error ("%s", error->message);
  data = g_build_filename (home, "data", NULL);
  config = g_build_filename (home, "config", NULL);
  g_mkdir (data, 0700);
  g_mkdir (config, 0700);
  if (program->font != NULL)
    bench_startup_write_settings (config, program->font);
  env = g_environ_setenv (env, "BENCH_FIRST_FRAME", mode, TRUE);
  env = g_environ_setenv (env, "LD_PRELOAD", ML_BENCH_FIRST_FRAME_HOOK, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", ML_BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  /* In a sanitizer build, GTK's and Mesa's leaks at exit would fail the run: the tests look
   * for ours. */
  env = g_environ_setenv (env, "ASAN_OPTIONS", "detect_leaks=0", FALSE);
  if (program->env != NULL)
    {
      g_autofree char *name = g_strndup (program->env, strcspn (program->env, "="));

      env = g_environ_setenv (env, name, program->env + strlen (name) + 1, TRUE);
    }

  begin = bench_common_now_us ();
  if (!g_spawn_async_with_pipes (NULL, argv, env,
                                 G_SPAWN_DO_NOT_REAP_CHILD | (program->quiet ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                                 NULL, NULL,
                                 &pid, NULL, &out, NULL, &error))
    g_error ("%s: %s", program->path, error->message);
  *output = bench_startup_read_all (out);
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      g_error ("%s: %s", program->path, g_strerror (errno));
  end = bench_common_now_us ();
  g_spawn_close_pid (pid);
  bench_startup_remove_tree (home);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n", program->path, error->message);
      exit (EXIT_FAILURE);
    }
  *cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
  return end - begin;
}

static double
bench_startup_idle_kib (const Program *program)
{
  g_autofree char *output = NULL;
  const char *line;
  double kib, cpu;

  bench_startup_run (program, "idle", &cpu, &output);
  if ((line = strstr (output, "VmRSS:")) == NULL || sscanf (line, "VmRSS: %lf kB", &kib) != 1)
    {
      g_printerr ("%s printed no VmRSS line: “%s”\n", program->path, output);
      exit (EXIT_FAILURE);
    }
  return kib;
}

static char *
bench_startup_format (double   value,
                      gboolean kib)
{
  return kib ? g_strdup_printf ("%.1f MiB", value / 1024) : _format_time (value);
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

/* One figure of every program, and each one's over the bare window's (the first). @kib: the
 * figure is memory in KiB, else a time in µs (Result holds either). */
static void
bench_startup_print_block (const char    *title,
                           Program      **programs,
                           guint          n_programs,
                           gsize          offset,
                           gboolean       kib)
{
  const Result *bare = G_STRUCT_MEMBER_P (programs[0], offset);

  printf ("%-34s %11s %11s\n", title, "median", "min");
  for (guint i = 0; i < n_programs; i++)
    {
      const Result *result = G_STRUCT_MEMBER_P (programs[i], offset);
      g_autofree char *median = bench_startup_format (result->median_us, kib);
      g_autofree char *min = bench_startup_format (result->min_us, kib);

      bench_startup_print_row (programs[i]->name, median, min);
    }
  for (guint i = 1; i < n_programs; i++)
    {
      const Result *result = G_STRUCT_MEMBER_P (programs[i], offset);
      g_autofree char *name = g_strdup_printf ("%s / bare", programs[i]->name);
      g_autofree char *ratio = g_strdup_printf ("%.2f×", result->median_us / bare->median_us);
      g_autofree char *min_ratio = g_strdup_printf ("%.2f×", result->min_us / bare->min_us);

      bench_startup_print_row (name, ratio, min_ratio);
    }
  printf ("\n");
}

static void
bench_startup_print (Program **programs,
                     guint     n_programs,
                     guint     rounds)
{
  const Program *bare = programs[0], *lab = programs[1];

  printf ("Margin Lab start-up benchmark (%s build; %u rounds of each, interleaved)\n\n",
          ML_BENCH_BUILD, rounds);
  bench_startup_print_block ("launch until the first frame", programs, n_programs,
                             G_STRUCT_OFFSET (Program, time), FALSE);
  bench_startup_print_block ("  processor time, all threads", programs, n_programs,
                             G_STRUCT_OFFSET (Program, cpu), FALSE);
  bench_startup_print_block ("resident memory, idle", programs, n_programs,
                             G_STRUCT_OFFSET (Program, rss), TRUE);

  printf ("launch until the first frame: from the spawn until the process has exited, which it does\n"
          "(first-frame-hook.c) once its first frame is painted; margin-lab, whose first frame is the\n"
          "learner's lesson, takes %+.1f ms (%+.0f %%) over the bare window on the median.\n"
          "processor time: user and system, of every thread, as the kernel counts it for the child;\n"
          "margin-lab uses %+.1f ms (%+.0f %%).\n"
          "resident memory: VmRSS a second after the first frame; margin-lab holds %+.1f MiB (%+.0f %%).\n",
          (lab->time.median_us - bare->time.median_us) / 1e3,
          (lab->time.median_us / bare->time.median_us - 1) * 100,
          (lab->cpu.median_us - bare->cpu.median_us) / 1e3,
          (lab->cpu.median_us / bare->cpu.median_us - 1) * 100,
          (lab->rss.median_us - bare->rss.median_us) / 1024,
          (lab->rss.median_us / bare->rss.median_us - 1) * 100);
}

/* What the runs --explain adds stand for. */
static void
bench_startup_print_explained (void)
{
  printf ("\n--explain rows:\n"
          "bare window, with a title: the floor with \"Margin Lab\" in its header bar: what drawing\n"
          "  any text at all costs.\n"
          "margin-lab, nothing drawn: every part of its window at opacity 0, so that it is built,\n"
          "  styled and laid out, and GTK draws none of it.\n"
          "margin-lab, no box shadows: without libadwaita's blurred shadows under its two sliders'\n"
          "  knobs and the order preview's card, the only ones in its first frame.\n"
          "margin-lab, Cantarell 11: with GNOME's interface font, as a GNOME session sets it; with no\n"
          "  desktop settings, as here, GTK asks for \"Sans 10\" (fc-match Sans): Noto Sans where\n"
          "  fonts-noto-core is installed, whose TrueType hinting FreeType runs for every glyph.\n");
}

int
main (int    argc,
      char **argv)
{
  Program bare = { "bare libadwaita window", ML_BENCH_BARE_WINDOW };
  Program lab = { "margin-lab", ML_BENCH_MARGIN_LAB };
  /* Calculator warns on every start that it could not download exchange rates. */
  Program calculator = { "gnome-calculator", ML_BENCH_CALCULATOR, TRUE };
  Program explained[] = {
    { "bare window, with a title", ML_BENCH_BARE_WINDOW, .env = "BARE_WINDOW_TITLE=Margin Lab" },
    { "margin-lab, nothing drawn", ML_BENCH_MARGIN_LAB, .env = "BENCH_CSS=window > * { opacity: 0; }" },
    { "margin-lab, no box shadows", ML_BENCH_MARGIN_LAB, .env = "BENCH_CSS=* { box-shadow: none; }" },
    { "margin-lab, Cantarell 11", ML_BENCH_MARGIN_LAB, .font = "Cantarell 11" },
  };
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  Program **programs;
  gboolean explain = argc > 1 && g_str_equal (argv[1], "--explain");
  gboolean have_calculator = g_file_test (ML_BENCH_CALCULATOR, G_FILE_TEST_IS_EXECUTABLE);
  guint n_programs, rounds = ROUNDS;

  if (explain)
    argv++, argc--;
  if (argc > 2 || (argc == 2 && (rounds = g_ascii_strtoull (argv[1], NULL, 10)) == 0))
    {
      g_printerr ("usage: bench-startup [--explain] [ROUNDS]   (%u rounds unless told)\n", ROUNDS);
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display: run it under xvfb-run -a\n");
      return EXIT_SKIP;
    }
  g_ptr_array_add (list, &bare);
  g_ptr_array_add (list, &lab);
  if (have_calculator)
    g_ptr_array_add (list, &calculator);
  for (guint i = 0; explain && i < G_N_ELEMENTS (explained); i++)
    g_ptr_array_add (list, &explained[i]);
  programs = (Program **)list->pdata;
  n_programs = list->len;

  /* A first run of each, not counted, brings their files into the page cache. */
  for (guint p = 0; p < n_programs; p++)
    {
      g_autofree char *output = NULL;
      double cpu;

      bench_startup_run (programs[p], "exit", &cpu, &output);
      programs[p]->times = g_new (double, rounds);
      programs[p]->cpus = g_new (double, rounds);
      programs[p]->memory = g_new (double, rounds);
    }
  for (guint i = 0; i < rounds; i++)
    for (guint p = 0; p < n_programs; p++)
      {
        g_autofree char *output = NULL;

        programs[p]->times[i] = bench_startup_run (programs[p], "exit", &programs[p]->cpus[i], &output);
      }
  for (guint i = 0; i < rounds; i++)
    for (guint p = 0; p < n_programs; p++)
      programs[p]->memory[i] = bench_startup_idle_kib (programs[p]);

  for (guint p = 0; p < n_programs; p++)
    {
      bench_common_summarize (programs[p]->times, rounds, &programs[p]->time);
      bench_common_summarize (programs[p]->cpus, rounds, &programs[p]->cpu);
      bench_common_summarize (programs[p]->memory, rounds, &programs[p]->rss);
      g_free (programs[p]->times);
      g_free (programs[p]->cpus);
      g_free (programs[p]->memory);
    }
  bench_startup_print (programs, n_programs, rounds);
  if (explain)
    bench_startup_print_explained ();
  if (!have_calculator)
    printf ("GNOME Calculator is not installed (%s): apt-get install gnome-calculator.\n",
            ML_BENCH_CALCULATOR);
  return 0;
}
