/* ml-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line. It parses its own options so that it can keep design.md's exit codes
 * (0 done, 1 a bad file, 2 a usage error) and answer --report without a display: nothing
 * here touches GTK.
 */

#define G_LOG_DOMAIN "ml-application"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "margin-lab-core.h"
#include "ml-application.h"
#include "ml-chart.h"

#define EXIT_BAD_FILE 1
#define EXIT_USAGE    2

struct _MlApplication
{
  GApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (MlApplication, ml_application, G_TYPE_APPLICATION)

static int
_usage_error (const char *message)
{
  g_printerr ("margin-lab: %s\n", message);
  g_printerr (_("Try “margin-lab --help” for the options.\n"));
  return EXIT_USAGE;
}

static int
_print_report (const char *filename)
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

typedef struct
{
  char     *scenario;
  char     *output;
  char     *size;
  gboolean  dark;
  gboolean  compare;
} ExportOptions;

static void
_export_options_clear (ExportOptions *options)
{
  g_clear_pointer (&options->scenario, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->size, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, _export_options_clear)

static gboolean
_parse_size (const char *text,
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

static int
_export_chart (const ExportOptions *options)
{
  g_autoptr(MlScenario) scenario = NULL;
  g_autoptr(MlChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  int width = 1200, height = 700;

  if (options->output == NULL)
    return _usage_error (_("--export-chart needs --output OUT.png, OUT.svg or OUT.pdf"));
  if (options->size != NULL && !_parse_size (options->size, &width, &height))
    {
      g_autofree char *message = g_strdup_printf (_("--size takes WIDTHxHEIGHT in pixels, such as 1200x700, not “%s”"),
                                                  options->size);
      return _usage_error (message);
    }

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
      g_autofree char *name = g_filename_display_name (options->output);

      g_printerr ("%s: %s\n", name, error->message);
      return error->domain == G_IO_ERROR && error->code == G_IO_ERROR_INVALID_ARGUMENT ? EXIT_USAGE
                                                                                        : EXIT_BAD_FILE;
    }
  return EXIT_SUCCESS;
}

static int
_run (char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_auto(ExportOptions) export = { NULL };
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report,
      N_("Print the report of a scenario file as JSON"), N_("FILE") },
    { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, &export.scenario,
      N_("Draw the collateral chart of a scenario file into --output"), N_("FILE") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &export.output,
      N_("Where --export-chart writes: a .png, .svg or .pdf file"), N_("OUT") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &export.size,
      N_("The chart's size in pixels (default 1200x700)"), N_("WxH") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &export.dark,
      N_("Draw the chart in dark colours"), NULL },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &export.compare,
      N_("Also draw the account with every position in the other margin mode"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Margin Lab shows how cross and isolated margin behave on a BTC/USDT perpetual."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &argv, &error))
    return _usage_error (error->message);
  if (g_strv_length (argv) > 1)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[1]);
      return _usage_error (message);
    }

  if (version)
    {
      g_print ("margin-lab %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if ((report != NULL && report[0] == '\0') || (export.scenario != NULL && export.scenario[0] == '\0'))
    return _usage_error (_("--report and --export-chart need the name of a scenario file"));
  if (report != NULL && export.scenario != NULL)
    return _usage_error (_("give either --report or --export-chart, not both"));
  if (export.scenario == NULL && (export.output || export.size || export.dark || export.compare))
    return _usage_error (_("--output, --size, --dark and --compare go with --export-chart"));

  if (report != NULL)
    return _print_report (report);
  if (export.scenario != NULL)
    return _export_chart (&export);
  return _usage_error (_("nothing to do: give --report FILE or --export-chart FILE --output OUT"));
}

static gboolean
ml_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_auto(GStrv) argv = g_strdupv (*arguments);

  *exit_status = _run (argv);
  return TRUE;
}

static void
ml_application_class_init (MlApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = ml_application_local_command_line;
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
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}
