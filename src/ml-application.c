/* ml-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application and its command line. It parses its own options so that it can keep
 * design.md's exit codes (0 done, 1 a bad file, 2 a usage error) and answer --report,
 * --check-pack and --export-chart without a display: those paths never initialise GTK. Without them it opens
 * the lab window; --screenshot opens it, renders it to a PNG file and exits.
 */

#define G_LOG_DOMAIN "ml-application"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "margin-lab-core.h"
#include "ml-application.h"
#include "ml-chart.h"
#include "ml-screenshot.h"
#include "ml-window.h"

#define EXIT_BAD_FILE      1
#define EXIT_NOT_INSTALLED 1  /* a file Margin Lab needs is missing: a bad file too */
#define EXIT_USAGE         2

struct _MlApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (MlApplication, ml_application, ADW_TYPE_APPLICATION)

/* @message may hold what was typed: it is escaped, so that it stays one line. */
static int
ml_application_usage_error (const char *message)
{
  g_autofree char *shown = ml_file_display_name (message);

  g_printerr ("margin-lab: %s\n", shown);
  g_printerr (_("Try “margin-lab --help” for the options.\n"));
  return EXIT_USAGE;
}

static int
ml_application_print_report (const char *filename)
{
  g_autoptr(MlScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gsize length;

  if (!(scenario = ml_scenario_new_from_file (filename, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_FILE;
    }

  report = ml_scenario_build_report (scenario, &length);
  if (fwrite (report, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr (_("margin-lab: could not write the report: %s\n"), g_strerror (errno));
      return EXIT_BAD_FILE;
    }
  return EXIT_SUCCESS;
}

/* Every problem on stderr, one a line, so that a teacher fixes them all in one go; a good
 * pack's summary on stdout. */
static int
ml_application_check_pack (const char *path)
{
  g_autoptr(MlLessonPack) pack = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *summary = NULL;

  if (!(pack = ml_lesson_pack_new_from_file (path, &problems, NULL)))
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *)problems->pdata[i]);
      return EXIT_BAD_FILE;
    }

  summary = ml_lesson_pack_describe (pack);
  g_print ("%s\n", summary);
  return EXIT_SUCCESS;
}

/* What --export-chart and --screenshot share: where, how large, how coloured. */
typedef struct
{
  char     *scenario;
  char     *output;
  char     *screenshot;
  char     *size;
  gboolean  dark;
  gboolean  compare;
} ExportOptions;

static void
ml_application_export_options_clear (ExportOptions *options)
{
  g_clear_pointer (&options->scenario, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->screenshot, g_free);
  g_clear_pointer (&options->size, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, ml_application_export_options_clear)

static gboolean
ml_application_parse_size (const char *text,
                           int        *width,
                           int        *height)
{
  char *end;
  gint64 w, h;

  w = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || w <= 0 || h <= 0 || w > G_MAXINT || h > G_MAXINT)
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

/* What --export-chart and --screenshot accept, checked before anything is drawn:
 * the chart as PNG, SVG or PDF; the window as PNG, from the 800 × 600 it works at. */
typedef struct
{
  const char * const *endings;
  int                 width, height;   /* by default */
  int                 min_width, min_height, max_side;
} OutputRules;

static const char * const chart_endings[] = { ".png", ".svg", ".pdf", NULL };
static const char * const screenshot_endings[] = { ".png", NULL };

static const OutputRules chart_rules = { chart_endings, 1200, 700, 200, 150, 8192 };
static const OutputRules screenshot_rules = { screenshot_endings, 1200, 800, 800, 600, 4096 };

static gboolean
ml_application_has_ending (const char         *filename,
                           const char * const *endings)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (lower, endings[i]))
      return TRUE;
  return FALSE;
}

/* Returns what is wrong with the output's name or size, or NULL with the size set. */
static char *
ml_application_check_output (const ExportOptions *options,
                             gboolean             chart,
                             int                 *width,
                             int                 *height)
{
  const OutputRules *rules = chart ? &chart_rules : &screenshot_rules;
  const char *output = chart ? options->output : options->screenshot;

  *width = rules->width;
  *height = rules->height;
  if (!ml_application_has_ending (output, rules->endings))
    return g_strdup_printf (chart ? _("--output: cannot tell the format of “%s”: name it .png, .svg or .pdf")
                                  : _("--screenshot writes a PNG image: name it .png, not “%s”"),
                            output);
  if (options->size != NULL && !ml_application_parse_size (options->size, width, height))
    return g_strdup_printf (_("--size takes WIDTHxHEIGHT in pixels, such as %dx%d, not “%s”"),
                            rules->width, rules->height, options->size);
  if (*width < rules->min_width || *height < rules->min_height ||
      *width > rules->max_side || *height > rules->max_side)
    return g_strdup_printf (chart ? _("--size: a chart is from %d × %d to %d × %d pixels; %d × %d is not possible")
                                  : _("--size: a screenshot is from %d × %d to %d × %d pixels; %d × %d is not possible"),
                            rules->min_width, rules->min_height, rules->max_side, rules->max_side,
                            *width, *height);
  return NULL;
}

static int
ml_application_export_chart (const ExportOptions *options)
{
  g_autoptr(MlScenario) scenario = NULL;
  g_autoptr(MlChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  int width, height;

  if ((problem = ml_application_check_output (options, TRUE, &width, &height)) != NULL)
    return ml_application_usage_error (problem);

  if (!(scenario = ml_scenario_new_from_file (options->scenario, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_FILE;
    }

  chart = ml_chart_new (ml_scenario_get_account (scenario));
  ml_chart_set_compare (chart, options->compare);
  ml_chart_set_palette (chart, options->dark ? ml_chart_palette_dark () : ml_chart_palette_light ());
  if (!ml_chart_export (chart, options->output, width, height, &error))
    {
      g_autofree char *name = ml_file_display_name (options->output);
      g_autofree char *message = ml_file_display_name (error->message);

      g_printerr ("%s: %s\n", name, message);
      return EXIT_BAD_FILE;
    }
  return EXIT_SUCCESS;
}

/* The window reads its settings from the compiled schema, and GSettings aborts without it:
 * said in one line instead, before any window is made. */
static gboolean
ml_application_check_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL)
    return TRUE;

  g_printerr (_("margin-lab: the settings schema %s is not installed: install Margin Lab, or set GSETTINGS_SCHEMA_DIR to the folder that holds its compiled schema (build-aux/run.sh does)\n"),
              APP_ID);
  return FALSE;
}

/* The window, rendered to a PNG file: needs a display, and the application registered. */
static int
ml_application_screenshot (MlApplication       *self,
                           const ExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  MlWindow *window;
  int width, height;

  if ((problem = ml_application_check_output (options, FALSE, &width, &height)) != NULL)
    return ml_application_usage_error (problem);
  if (!ml_application_check_schema ())
    return EXIT_NOT_INSTALLED;
  if (!gtk_init_check ())
    return ml_application_usage_error (_("--screenshot needs a display: run it under a desktop session or xvfb-run"));
  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("margin-lab: %s\n", error->message);
      return EXIT_BAD_FILE;
    }

  /* Fixed look, as libadwaita's own screenshot tool does: no animations, GNOME's font. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "Cantarell 11",
                NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      options->dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = ml_window_new (GTK_APPLICATION (self));
  if (options->scenario != NULL)
    {
      g_autoptr(MlScenario) scenario = ml_scenario_new_from_file (options->scenario, &error);

      if (scenario == NULL)
        {
          g_printerr ("%s\n", error->message);
          gtk_window_destroy (GTK_WINDOW (window));
          return EXIT_BAD_FILE;
        }
      ml_lab_set_scenario (ml_window_get_lab (window), scenario, NULL);
    }
  g_action_group_change_action_state (G_ACTION_GROUP (window), "compare-modes", g_variant_new_boolean (options->compare));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  if (!ml_screenshot_window (GTK_WINDOW (window), options->screenshot, &error))
    {
      g_autofree char *name = ml_file_display_name (options->screenshot);

      g_printerr ("%s: %s\n", name, error->message);
      gtk_window_destroy (GTK_WINDOW (window));
      return EXIT_BAD_FILE;
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}

/* The lab itself: GApplication's own handling registers, then activates or opens. */
static int
ml_application_run_window (MlApplication *self,
                           char          *program,
                           const char    *scenario)
{
  char *argv[] = { program, (char *)scenario, NULL };
  char **arguments;
  int status = EXIT_SUCCESS;

  if (!ml_application_check_schema ())
    return EXIT_NOT_INSTALLED;
  if (!gtk_init_check ())
    return ml_application_usage_error (_("there is no display to open the window on; --report, --check-pack and --export-chart need none"));
  arguments = g_strdupv (argv);

  G_APPLICATION_CLASS (ml_application_parent_class)->local_command_line (G_APPLICATION (self), &arguments, &status);
  g_strfreev (arguments);
  return status;
}

/* Returns what is wrong with this combination of options, or NULL. */
static const char *
ml_application_check_combination (const char          *report,
                                  const char          *pack,
                                  const char          *chart,
                                  const ExportOptions *export)
{
  if ((report != NULL && report[0] == '\0') || (chart != NULL && chart[0] == '\0')
      || (pack != NULL && pack[0] == '\0')
      || (export->output != NULL && export->output[0] == '\0')
      || (export->screenshot != NULL && export->screenshot[0] == '\0'))
    return _("--report, --check-pack, --export-chart, --output and --screenshot need the name of a file");
  if ((report != NULL) + (pack != NULL) + (chart != NULL) + (export->screenshot != NULL) > 1)
    return _("give only one of --report, --check-pack, --export-chart and --screenshot");
  if (export->output != NULL && chart == NULL)
    return _("--output goes with --export-chart");
  if ((export->size || export->dark || export->compare) && chart == NULL && export->screenshot == NULL)
    return _("--size, --dark and --compare go with --export-chart or --screenshot");
  if (chart != NULL && export->output == NULL)
    return _("--export-chart needs --output OUT.png, OUT.svg or OUT.pdf");
  return NULL;
}

static int
ml_application_run (MlApplication *self,
                    char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *pack = NULL;
  g_autofree char *chart = NULL;
  g_auto(ExportOptions) export = { NULL };
  gboolean version = FALSE;
  const char *problem;
  const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report,
      N_("Print the report of a scenario file as JSON"), N_("FILE") },
    { "check-pack", 0, 0, G_OPTION_ARG_FILENAME, &pack,
      N_("Check a lesson pack, a folder or a .mlpack file, and print its problems or a summary"), N_("PACK") },
    { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, &chart,
      N_("Draw the collateral chart of a scenario file into --output"), N_("FILE") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &export.output,
      N_("Where --export-chart writes: a .png, .svg or .pdf file"), N_("OUT") },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &export.screenshot,
      N_("Render the window, with the scenario FILE if given, into a PNG file and exit"), N_("OUT.png") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &export.size,
      N_("The chart's or the window's size in pixels (default 1200x700 and 1200x800)"), N_("WxH") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &export.dark,
      N_("Use dark colours"), NULL },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &export.compare,
      N_("Also draw the account with every position in the other margin mode"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("[FILE.mlscenario]"));
  g_option_context_set_summary (context,
                                _("Margin Lab shows how cross and isolated margin behave on a BTC/USDT perpetual."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &argv, &error))
    return ml_application_usage_error (error->message);
  if (g_strv_length (argv) > 2)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[2]);
      return ml_application_usage_error (message);
    }

  if (version)
    {
      g_print ("margin-lab %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if ((problem = ml_application_check_combination (report, pack, chart, &export)) != NULL)
    return ml_application_usage_error (problem);
  /* A scenario file of its own goes with the window and --screenshot only. */
  if (argv[1] != NULL && (report != NULL || pack != NULL || chart != NULL))
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[1]);
      return ml_application_usage_error (message);
    }
  export.scenario = g_strdup (chart ? chart : argv[1]);

  if (report != NULL)
    return ml_application_print_report (report);
  if (pack != NULL)
    return ml_application_check_pack (pack);
  if (chart != NULL)
    return ml_application_export_chart (&export);
  if (export.screenshot != NULL)
    return ml_application_screenshot (self, &export);
  return ml_application_run_window (self, argv[0], export.scenario);
}

static gboolean
ml_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_auto(GStrv) argv = g_strdupv (*arguments);

  *exit_status = ml_application_run (ML_APPLICATION (app), argv);
  return TRUE;
}

/* The GUI */

static void
ml_application_about (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Margin Lab developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Margin Lab"),
                         "application-icon", APP_ID,
                         "developer-name", _("Margin Lab developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/marginlab/margin-lab",
                         "issue-url", "https://github.com/marginlab/margin-lab/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("See what cross and isolated margin do to a BTC/USDT perpetual position before you risk money. Risk brackets: Binance BTCUSDT, as published from 2024-05-30, a labelled stand-in."),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Quitting closes each window as its close button would: one with unsaved changes asks
 * first, and the application ends with its last window. */
static void
ml_application_quit (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", ml_application_about },
  { "quit", ml_application_quit },
};

static const struct { const char *action; const char *accels[3]; } accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.export-chart", { "<Control>e", NULL } },
  { "win.place-order", { "<Control>Return", NULL } },
  { "win.play", { "<Control>p", NULL } },
  { "win.step", { "<Control>period", NULL } },
  { "win.compare-modes", { "<Control>m", NULL } },
  { "win.reset-zoom", { "<Control>0", NULL } },
};

static void
ml_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (ml_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accelerators[i].action,
                                           accelerators[i].accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
ml_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ml_window_new (GTK_APPLICATION (app))));
}

static void
ml_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      MlWindow *window = ml_window_new (GTK_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      ml_window_open_file (window, files[i]);
    }
}

static void
ml_application_class_init (MlApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = ml_application_local_command_line;
  app_class->startup = ml_application_startup;
  app_class->activate = ml_application_activate;
  app_class->open = ml_application_open;
}

static void
ml_application_init (MlApplication *self)
{
}

MlApplication *
ml_application_new (void)
{
  return g_object_new (ML_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/marginlab/MarginLab",
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
