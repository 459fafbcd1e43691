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

static int
_run (char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report,
      N_("Print the report of a scenario file as JSON"), N_("FILE") },
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
  if (report != NULL && report[0] == '\0')
    return _usage_error (_("--report needs the name of a scenario file"));
  if (report != NULL)
    return _print_report (report);

  return _usage_error (_("nothing to do: give --report FILE"));
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
