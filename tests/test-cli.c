/* test-cli.c — the real margin-lab binary: report, bad files and usage errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * design.md promises scripts three exit codes (0 done, 1 a bad file, 2 a usage error) and, for
 * a bad file, one line on stderr naming the file and the place. Only running the binary shows
 * that main(), the option parser and the loader keep that promise together.
 */

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ml-test-util.h"

typedef struct
{
  int   status;   /* the exit code, or -1 if it did not exit normally */
  char *out;
  char *err;
} Run;

static void
test_cli_run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, test_cli_run_clear)

/* The arguments after the binary's name, ending with NULL. */
#define ARGS(...) ((const char * const[]) { __VA_ARGS__ })

/* Runs margin-lab with @args, a %NULL-terminated list. Returns %FALSE, having skipped the test,
 * when there is no binary to run (outside `meson test`). */
static gboolean
test_cli_run_in (Run                *run,
                 const char * const *args,
                 char              **envp)
{
  const char *binary = g_getenv ("MARGIN_LAB");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (binary == NULL)
    {
      g_test_skip ("MARGIN_LAB is not set: run the tests with meson test");
      return FALSE;
    }

  g_ptr_array_add (argv, (gpointer)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &run->out, &run->err, &wait_status, &error))
    g_error ("cannot run %s: %s", binary, error->message);

  /* The exit code comes back as a G_SPAWN_EXIT_ERROR error; anything else is a crash. */
  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    run->status = -1;

  g_test_message ("exit %d; stderr: %s", run->status, run->err);
  return TRUE;
}

static gboolean
test_cli_run (Run                *run,
              const char * const *args)
{
  return test_cli_run_in (run, args, NULL);
}

static char *
test_cli_scenario (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", name, NULL);
}

static char *
test_cli_bad_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
}

/* The report */

static void
test_report (void)
{
  g_autofree char *path = test_cli_scenario ("same-long-two-modes.mlscenario");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *positions;

  if (!test_cli_run (&run, ARGS ("--report", path, NULL)))
    return;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "margin-lab-report"));
  g_assert_cmpint (json_object_get_int_member (root, "margin-lab-report"), ==, 1);
  g_assert_true (json_object_has_member (root, "positions"));
  positions = json_object_get_array_member (root, "positions");
  g_assert_cmpuint (json_array_get_length (positions), ==, 2);
}

/* The report is C-locale JSON in every locale: "60000.5" in German too, never "60000,5". */
static void
test_report_in_german (void)
{
  static const char scenario[] =
    "{ \"margin-lab-scenario\": 1, \"wallet_balance\": 1000, \"mark_price\": 60000.5, \"positions\": ["
    " { \"id\": \"a\", \"side\": \"long\", \"mode\": \"isolated\", \"quantity\": 0.1,"
    " \"entry_price\": 60000.5, \"leverage\": 20 } ] }";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "german.mlscenario", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(Run) run = { 0 };
  gboolean ran;

  g_assert_no_error (error);
  if (!ml_test_use_locale ("de_DE.UTF-8"))
    return;
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_true (g_file_set_contents (path, scenario, -1, NULL));
  envp = g_environ_setenv (envp, "LC_ALL", "de_DE.UTF-8", TRUE);
  ran = test_cli_run_in (&run, ARGS ("--report", path, NULL), envp);
  g_unlink (path);
  g_rmdir (dir);
  if (!ran)
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "60000.5"));
  g_assert_null (strstr (run.out, "60000,5"));
  g_assert_null (strstr (run.out, "60.000"));
}

/* Bad files: exit 1, one line naming the file and the place */

/* @place may be %NULL: then only the file's name must come first. */
static void
test_cli_assert_bad_file (const char *path,
                          const char *place)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *start = g_strconcat (name, ": ", place, place ? ": " : NULL, NULL);
  g_auto(Run) run = { 0 };
  const char *newline;

  if (!test_cli_run (&run, ARGS ("--report", path, NULL)))
    return;

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  /* Exactly one line: one newline, at the very end. */
  newline = strchr (run.err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_true (g_str_has_prefix (run.err, start));
}

static void
test_bad_syntax (void)
{
  g_autofree char *path = test_cli_bad_file ("syntax-missing-value.mlscenario");

  test_cli_assert_bad_file (path, "3:21");
}

static void
test_bad_value (void)
{
  g_autofree char *path = test_cli_bad_file ("leverage-above-bracket.mlscenario");

  test_cli_assert_bad_file (path, "positions[0].leverage");
}

static void
test_bad_version (void)
{
  g_autofree char *path = test_cli_bad_file ("version-2.mlscenario");

  test_cli_assert_bad_file (path, "margin-lab-scenario");
}

static void
test_missing_file (void)
{
  g_autofree char *path = test_cli_bad_file ("no-such-file.mlscenario");
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *start = g_strconcat (name, ": ", NULL);
  g_auto(Run) run = { 0 };

  if (!test_cli_run (&run, ARGS ("--report", path, NULL)))
    return;

  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, start));
  g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
}

static void
test_cli_assert_usage_error (Run *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "margin-lab: "));
}

/* --check-pack: a summary on stdout and exit 0, or every problem on stderr and exit 1 */

static void
test_check_pack (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "sample-pack", NULL);
  g_auto(Run) run = { 0 };

  if (!test_cli_run (&run, ARGS ("--check-pack", path, NULL)))
    return;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "sample-pack: 2 lessons, 4 steps, 4 tasks, 4 questions, languages: en, de\n");
}

static void
test_check_pack_problems (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "three-problems.mlpack", NULL);
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *expected = g_strdup_printf ("%s: colour: unknown key", name);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  if (!test_cli_run (&run, ARGS ("--check-pack", path, NULL)))
    return;

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* three lines, and nothing after the last */
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], expected));
  g_assert_true (g_str_has_prefix (lines[1] + strlen (name), ": lessons[0].title: a text is plain"));
  g_assert_true (g_str_has_prefix (lines[2] + strlen (name), ": lessons[0].steps[0].question.choices[1]: a second choice"));
}

static void
test_check_pack_usage (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "sample-pack", NULL);
  g_auto(Run) missing = { 0 };
  g_auto(Run) extra = { 0 };
  g_auto(Run) both = { 0 };

  if (!test_cli_run (&missing, ARGS ("--check-pack", NULL)))
    return;
  test_cli_assert_usage_error (&missing);
  g_assert_true (test_cli_run (&extra, ARGS ("--check-pack", path, "more", NULL)));
  test_cli_assert_usage_error (&extra);
  g_assert_nonnull (strstr (extra.err, "more"));
  g_assert_true (test_cli_run (&both, ARGS ("--check-pack", path, "--report", path, NULL)));
  test_cli_assert_usage_error (&both);
}

/* Usage errors: exit 2, nothing on stdout */

/* Without arguments it opens the window; with no display to open it on it says so in one line
 * rather than failing inside GTK. */
static void
test_no_display (void)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(Run) run = { 0 };

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11,wayland", TRUE);
  if (test_cli_run_in (&run, ARGS (NULL), envp))
    {
      test_cli_assert_usage_error (&run);
      g_assert_nonnull (strstr (run.err, "no display"));
    }
}

/* --pack with no display to open the window on imports nothing: an earlier import of the same
 * pack is not replaced for a window that never opens. */
static void
test_pack_no_display (void)
{
  g_autofree char *pack = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", "sample-pack", NULL);
  g_autofree char *data = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *packs = g_build_filename (data, "margin-lab", "packs", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(Run) run = { 0 };

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11,wayland", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  if (test_cli_run_in (&run, ARGS ("--pack", pack, NULL), envp))
    {
      test_cli_assert_usage_error (&run);
      g_assert_nonnull (strstr (run.err, "no display"));
      g_assert_false (g_file_test (packs, G_FILE_TEST_EXISTS));
    }
  g_rmdir (data);
}

static void
test_unknown_option (void)
{
  g_auto(Run) run = { 0 };

  if (test_cli_run (&run, ARGS ("--frobnicate", NULL)))
    {
      test_cli_assert_usage_error (&run);
      g_assert_nonnull (strstr (run.err, "--frobnicate"));
    }
}

static void
test_report_without_file (void)
{
  g_auto(Run) run = { 0 };

  if (test_cli_run (&run, ARGS ("--report", NULL)))
    test_cli_assert_usage_error (&run);
}

/* Even with a good file: a stray argument is a mistake, not something to ignore. */
static void
test_extra_argument (void)
{
  g_autofree char *path = test_cli_scenario ("same-long-two-modes.mlscenario");
  g_auto(Run) run = { 0 };

  if (test_cli_run (&run, ARGS ("--report", path, "extra.mlscenario", NULL)))
    {
      test_cli_assert_usage_error (&run);
      g_assert_nonnull (strstr (run.err, "extra.mlscenario"));
    }
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  if (!test_cli_run (&run, ARGS ("--version", NULL)))
    return;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "margin-lab "));
  g_assert_cmpstr (run.err, ==, "");
}

/* --export-chart: the file is written, usage mistakes exit 2, a bad scenario exits 1 */

static void
test_export_chart (void)
{
  g_autofree char *scenario = test_cli_scenario ("same-long-two-modes.mlscenario");
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *bad = test_cli_bad_file ("leverage-above-max.mlscenario");
  g_auto(Run) run = { 0 };
  g_auto(Run) dark = { 0 };
  g_auto(Run) broken = { 0 };

  if (!test_cli_run (&run, ARGS ("--export-chart", scenario, "--output", out, "--size", "640x400", NULL)))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_unlink (out);

  test_cli_run (&dark, ARGS ("--export-chart", scenario, "--output", out, "--dark", "--compare", NULL));
  g_assert_cmpint (dark.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_unlink (out);

  test_cli_run (&broken, ARGS ("--export-chart", bad, "--output", out, NULL));
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_cli_assert_usage (const char * const *args,
                       const char         *phrase)
{
  g_auto(Run) run = { 0 };

  if (!test_cli_run (&run, args))
    return;
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, phrase));
}

static void
test_export_chart_usage (void)
{
  g_autofree char *scenario = test_cli_scenario ("same-long-two-modes.mlscenario");

  test_cli_assert_usage (ARGS ("--export-chart", scenario, NULL), "needs --output");
  test_cli_assert_usage (ARGS ("--export-chart", scenario, "--output", "/tmp/x.png", "--size", "big", NULL),
                 "--size takes WIDTHxHEIGHT");
  test_cli_assert_usage (ARGS ("--export-chart", scenario, "--output", "/tmp/x.gif", NULL), ".png, .svg or .pdf");
  test_cli_assert_usage (ARGS ("--export-chart", scenario, "--output", "/tmp/x.png", "--size", "10x10", NULL),
                 "is not possible");
  test_cli_assert_usage (ARGS ("--dark", NULL), "go with --export-chart or --screenshot");
  test_cli_assert_usage (ARGS ("--report", scenario, "--export-chart", scenario, NULL), "only one of");
}

/* --screenshot: the real window as a PNG file of the asked size. It needs a display. */

static gboolean
test_cli_have_display (void)
{
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return TRUE;
  g_test_skip ("no display: run the tests with meson test --setup display");
  return FALSE;
}

static guint32
test_cli_read_be32 (const char *bytes)
{
  guint32 value;

  memcpy (&value, bytes, sizeof value);
  return GUINT32_FROM_BE (value);
}

/* The width and height in a PNG file's header. */
static void
test_cli_assert_png_size (const char *path,
                          guint32     width,
                          guint32     height)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (test_cli_read_be32 (data + 16), ==, width);
  g_assert_cmpuint (test_cli_read_be32 (data + 20), ==, height);
}

static void
test_screenshot (void)
{
  g_autofree char *scenario = test_cli_scenario ("same-long-two-modes.mlscenario");
  g_autofree char *bad = test_cli_bad_file ("leverage-above-max.mlscenario");
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "window.png", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) broken = { 0 };

  if (!test_cli_have_display () || !test_cli_run (&run, ARGS ("--screenshot", out, "--size", "900x640", "--dark", scenario, NULL)))
    return;
  g_assert_cmpint (run.status, ==, 0);
  test_cli_assert_png_size (out, 900, 640);
  g_unlink (out);

  /* A broken scenario: the command line's one line, and no file. */
  test_cli_run (&broken, ARGS ("--screenshot", out, bad, NULL));
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_true (g_str_has_prefix (broken.err, bad));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* A screenshot of an answered lesson step, made on the learner's own account, leaves their
 * progress and their settings as they were: nothing is written under their data or config. */
static void
test_screenshot_keeps_progress (void)
{
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *out = g_build_filename (dir, "step.png", NULL);
  g_autofree char *progress = g_build_filename (data, "margin-lab", "progress.json", NULL);
  g_autofree char *keyfile = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(Run) run = { 0 };

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  if (!test_cli_have_display ()
      || !test_cli_run_in (&run, ARGS ("--screenshot", out, "--size", "1000x700", "--compare",
                                       "--lesson", "worked-example", "--step", "1", "--answer", "1", NULL), envp))
    return;
  g_assert_cmpint (run.status, ==, 0);
  test_cli_assert_png_size (out, 1000, 700);
  g_assert_false (g_file_test (progress, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (keyfile, G_FILE_TEST_EXISTS));
  g_unlink (out);
  g_rmdir (dir);
}

/* A write that fails says why, in one line that names the file asked for. */
static void
test_screenshot_write_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "no-such-folder", "window.png", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: cannot be saved in its folder: %s\n", out, g_strerror (ENOENT));
  g_auto(Run) run = { 0 };

  if (!test_cli_have_display () || !test_cli_run (&run, ARGS ("--screenshot", out, "--size", "800x600", NULL)))
    return;
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_rmdir (dir);
}

/* Without the compiled settings schema the window cannot start: one line says what to do,
 * instead of a crash; --report needs no schema. */
static void
test_missing_schema (void)
{
  g_autofree char *empty = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *scenario = test_cli_scenario ("same-long-two-modes.mlscenario");
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(Run) window = { 0 };
  g_auto(Run) screenshot = { 0 };
  g_auto(Run) report = { 0 };

  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", empty, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_DIRS", empty, TRUE);
  if (!test_cli_run_in (&window, ARGS (NULL), envp))
    return;
  test_cli_run_in (&screenshot, ARGS ("--screenshot", "/tmp/x.png", NULL), envp);
  test_cli_run_in (&report, ARGS ("--report", scenario, NULL), envp);
  g_rmdir (empty);

  g_assert_cmpint (window.status, ==, 1);
  g_assert_true (g_str_has_prefix (window.err, "margin-lab: the settings schema io.github.marginlab.MarginLab"));
  g_assert_nonnull (strstr (window.err, "GSETTINGS_SCHEMA_DIR"));
  g_assert_cmpstr (strchr (window.err, '\n'), ==, "\n");
  g_assert_cmpint (screenshot.status, ==, 1);
  g_assert_cmpstr (screenshot.err, ==, window.err);
  g_assert_cmpint (report.status, ==, 0);
}

/* A name from outside, printed in a one-line message, has its line breaks, control and bidi
 * characters escaped. */
static void
test_names_escaped (void)
{
  g_autofree char *scenario = test_cli_scenario ("same-long-two-modes.mlscenario");
  g_autofree char *missing = test_cli_bad_file ("no\u202Esuch\n\x1b.mlscenario");
  g_autofree char *shown = g_strndup (missing, strlen (missing) - strlen ("no\u202Esuch\n\x1b.mlscenario"));
  g_autofree char *expected = g_strconcat (shown, "no\\u202Esuch\\n\\x1b.mlscenario: cannot be read: ", NULL);
  g_auto(Run) bad_file = { 0 };
  g_auto(Run) usage = { 0 };

  if (!test_cli_run (&bad_file, ARGS ("--report", missing, NULL)))
    return;
  g_assert_cmpint (bad_file.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad_file.err, expected));
  g_assert_cmpstr (strchr (bad_file.err, '\n'), ==, "\n");

  test_cli_run (&usage, ARGS ("--report", scenario, "extra\u202E\n.mlscenario", NULL));
  test_cli_assert_usage_error (&usage);
  g_assert_nonnull (strstr (usage.err, "“extra\\u202E\\n.mlscenario”"));
  g_assert_null (strstr (usage.err, "\u202E"));
}

static void
test_screenshot_usage (void)
{
  g_autofree char *scenario = test_cli_scenario ("same-long-two-modes.mlscenario");

  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.png", "--size", "wide", NULL), "--size takes WIDTHxHEIGHT");
  test_cli_assert_usage (ARGS ("--screenshot", "", NULL), "need the name of a file");
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.png", "--report", scenario, NULL), "only one of");
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.png", scenario, "more.mlscenario", NULL), "more.mlscenario");
  test_cli_assert_usage (ARGS ("--output", "/tmp/x.png", NULL), "goes with --export-chart");
  /* Refused as --export-chart refuses them, before any display is needed. */
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.jpg", NULL), "name it .png, not “/tmp/x.jpg”");
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x", scenario, NULL), "name it .png");
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.png", "--size", "10x10", NULL), "10 × 10 is not possible");
  test_cli_assert_usage (ARGS ("--frame", scenario, NULL), "--frame goes with --screenshot");
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.png", "--size", "100000x800", NULL), "is not possible");
  test_cli_assert_usage (ARGS ("--export-chart", scenario, "--output", "/tmp/x.png", "--size", "9000x700", NULL),
                         "9000 × 700 is not possible");
}

/* Every fixture of test-scenario-errors through the real binary: the loader's message is
 * checked there, the exit code and the one line here. */
static void
test_every_bad_fixture (gconstpointer data)
{
  test_cli_assert_bad_file (data, NULL);
}

static int
test_cli_compare_names (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
test_cli_add_every_bad_fixture (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, test_cli_compare_names); /* the same order in every run */

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strconcat ("/cli/bad-file/every/", (char *)names->pdata[i], NULL);

      /* Each test owns its path, freed with it. */
      g_test_add_data_func_full (test, g_build_filename (folder, names->pdata[i], NULL),
                                 test_every_bad_fixture, g_free);
    }
}

/* --lesson, --step, --solve, --answer and --pack: mistakes are told before any window opens. */
static void
test_lesson_usage (void)
{
  g_autofree char *scenario = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "same-long-two-modes.mlscenario", NULL);

  test_cli_assert_usage (ARGS ("--step", "2", NULL), "--step goes with --lesson");
  test_cli_assert_usage (ARGS ("--lesson", "what-is-margin", "--step", "-1", NULL), "--step counts from 1");
  test_cli_assert_usage (ARGS ("--lesson", "what-is-margin", "--step", "0", NULL), "--step counts from 1");
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.png", "--lesson", "what-is-margin", "--answer", "0", NULL),
                         "--answer counts from 1");
  test_cli_assert_usage (ARGS ("--lesson", "what-is-margin", "--report", scenario, NULL), "--lesson goes with the window");
  test_cli_assert_usage (ARGS ("--lesson", "what-is-margin", scenario, NULL), "unexpected argument");
  test_cli_assert_usage (ARGS ("--lesson", "what-is-margin", "--solve", NULL), "--solve and --answer go with --screenshot");
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.png", "--answer", "2", NULL), "--solve and --answer go with");
  test_cli_assert_usage (ARGS ("--pack", scenario, "--report", scenario, NULL), "--pack opens the window");
  test_cli_assert_usage (ARGS ("--step", "two", NULL), "two");
}

/* --presentation: for the window and --screenshot only, and always light. */
static void
test_presentation_usage (void)
{
  g_autofree char *scenario = test_cli_scenario ("same-long-two-modes.mlscenario");

  test_cli_assert_usage (ARGS ("--presentation", "--report", scenario, NULL), "--presentation goes with the window or --screenshot");
  test_cli_assert_usage (ARGS ("--presentation", "--export-chart", scenario, "--output", "/tmp/x.png", NULL),
                         "--presentation goes with the window");
  test_cli_assert_usage (ARGS ("--presentation", "--export-worksheet", "worked-example", "--output", "/tmp/x.pdf", NULL),
                         "--presentation goes with the window or --screenshot");
  test_cli_assert_usage (ARGS ("--screenshot", "/tmp/x.png", "--presentation", "--dark", NULL), "--presentation is always light");
}

/* A teacher's launcher: the window opens at the lesson, in presentation mode, and paints. */
static void
test_presentation_window (void)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "MARGIN_LAB_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  g_auto(Run) run = { 0 };

  if (!test_cli_have_display ()
      || !test_cli_run_in (&run, ARGS ("--lesson", "cross-margin", "--step", "2", "--presentation", NULL), envp))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
}

/* A lesson that does not exist: exit 1, and the line lists the lessons there are. */
static void
test_lesson_unknown (void)
{
  g_auto(Run) run = { 0 };

  if (!test_cli_run (&run, ARGS ("--lesson", "no-such-lesson", NULL)))
    return;
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "margin-lab: --lesson: there is no lesson “no-such-lesson”; the lessons are: what-is-margin, cross-margin,"));
  g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
}

/* A broken pack given to --pack is refused on the command line, with its first problem. */
static void
test_pack_broken (void)
{
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.mlpack", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (path, "{\"margin-lab-pack\": 1, \"id\": \"x\", \"title\": \"X\", \"lessons\": []}", -1, NULL));
  if (test_cli_run (&run, ARGS ("--pack", path, NULL)))
    {
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "empty.mlpack"));
      g_assert_nonnull (strstr (run.err, "lessons"));
      g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
    }
  g_remove (path);
  g_rmdir (dir);
}

/* --export-worksheet: a PDF of the lesson, or of one step, and no display needed. */
static void
test_export_worksheet (void)
{
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "worksheet.pdf", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) env = g_environ_unsetenv (g_environ_unsetenv (g_get_environ (), "DISPLAY"), "WAYLAND_DISPLAY");
  g_auto(Run) run = { 0 };
  g_auto(Run) step = { 0 };

  /* No DISPLAY, no WAYLAND_DISPLAY: as on a server that prints the class's handouts. */
  if (!test_cli_run_in (&run, ARGS ("--export-worksheet", "margin-lab/worked-example", "--output", out, NULL), env))
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_unlink (out);

  test_cli_run_in (&step, ARGS ("--export-worksheet", "worked-example", "--step", "3", "--output", out, NULL), env);
  g_assert_cmpint (step.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_unlink (out);
  g_rmdir (dir);
}

/* A mistake in the bad data: exit 1 and one line that names what is wrong, and no file. */
static void
test_cli_assert_worksheet_fails (const char * const *args,
                                 const char         *line)
{
  g_auto(Run) run = { 0 };

  if (!test_cli_run (&run, args))
    return;
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, line));
  g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
}

static void
test_export_worksheet_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "worksheet.pdf", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "no-such-folder", "worksheet.pdf", NULL);
  g_autofree char *cannot = g_strdup_printf ("%s: cannot be saved in its folder: %s\n", unwritable, g_strerror (ENOENT));

  test_cli_assert_worksheet_fails (ARGS ("--export-worksheet", "no-such-lesson", "--output", out, NULL),
                                   "margin-lab: --export-worksheet: there is no lesson “no-such-lesson”; the lessons are: what-is-margin,");
  test_cli_assert_worksheet_fails (ARGS ("--export-worksheet", "no-such-pack/worked-example", "--output", out, NULL),
                                   "margin-lab: --export-worksheet: there is no lesson “no-such-pack/worked-example”");
  test_cli_assert_worksheet_fails (ARGS ("--export-worksheet", "worked-example", "--step", "4", "--output", out, NULL),
                                   "margin-lab: --step: the lesson “worked-example” has 3 steps, not 4\n");
  test_cli_assert_worksheet_fails (ARGS ("--export-worksheet", "worked-example", "--output", unwritable, NULL), cannot);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* Usage mistakes: exit 2, as every option's. */
static void
test_export_worksheet_usage (void)
{
  test_cli_assert_usage (ARGS ("--export-worksheet", "worked-example", NULL), "--export-worksheet needs --output OUT.pdf");
  test_cli_assert_usage (ARGS ("--export-worksheet", "worked-example", "--output", "/tmp/x.png", NULL),
                         "a worksheet is a PDF document: name it .pdf, not “/tmp/x.png”");
  test_cli_assert_usage (ARGS ("--export-worksheet", "", "--output", "/tmp/x.pdf", NULL), "needs a lesson’s id");
  test_cli_assert_usage (ARGS ("--export-worksheet", "worked-example", "--lesson", "worked-example", "--output", "/tmp/x.pdf", NULL),
                         "leave out --lesson");
  test_cli_assert_usage (ARGS ("--export-worksheet", "worked-example", "--step", "-1", "--output", "/tmp/x.pdf", NULL),
                         "--step counts from 1");
  test_cli_assert_usage (ARGS ("--export-worksheet", "worked-example", "--step", "0", "--output", "/tmp/x.pdf", NULL),
                         "--step counts from 1");
  test_cli_assert_usage (ARGS ("--export-worksheet", "worked-example", "--output", "/tmp/x.pdf", "--dark", NULL),
                         "go with --export-chart or --screenshot");
  test_cli_assert_usage (ARGS ("--output", "/tmp/x.pdf", NULL), "--output goes with --export-chart or --export-worksheet");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/report/german", test_report_in_german);
  g_test_add_func ("/cli/bad-file/syntax", test_bad_syntax);
  g_test_add_func ("/cli/bad-file/value", test_bad_value);
  g_test_add_func ("/cli/bad-file/version", test_bad_version);
  g_test_add_func ("/cli/bad-file/missing", test_missing_file);
  g_test_add_func ("/cli/check-pack", test_check_pack);
  g_test_add_func ("/cli/check-pack/problems", test_check_pack_problems);
  g_test_add_func ("/cli/check-pack/usage", test_check_pack_usage);
  g_test_add_func ("/cli/usage/no-display", test_no_display);
  g_test_add_func ("/cli/usage/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/usage/report-without-file", test_report_without_file);
  g_test_add_func ("/cli/usage/extra-argument", test_extra_argument);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/export-chart", test_export_chart);
  g_test_add_func ("/cli/export-chart/usage", test_export_chart_usage);
  g_test_add_func ("/cli/screenshot", test_screenshot);
  g_test_add_func ("/cli/pack-no-display", test_pack_no_display);
  g_test_add_func ("/cli/screenshot-keeps-progress", test_screenshot_keeps_progress);
  g_test_add_func ("/cli/screenshot/usage", test_screenshot_usage);
  g_test_add_func ("/cli/screenshot/write-fails", test_screenshot_write_fails);
  g_test_add_func ("/cli/missing-schema", test_missing_schema);
  g_test_add_func ("/cli/names-escaped", test_names_escaped);
  g_test_add_func ("/cli/lesson/usage", test_lesson_usage);
  g_test_add_func ("/cli/lesson/unknown", test_lesson_unknown);
  g_test_add_func ("/cli/presentation/usage", test_presentation_usage);
  g_test_add_func ("/cli/presentation/window", test_presentation_window);
  g_test_add_func ("/cli/pack/broken", test_pack_broken);
  g_test_add_func ("/cli/export-worksheet", test_export_worksheet);
  g_test_add_func ("/cli/export-worksheet/errors", test_export_worksheet_errors);
  g_test_add_func ("/cli/export-worksheet/usage", test_export_worksheet_usage);
  test_cli_add_every_bad_fixture ();

  return g_test_run ();
}
