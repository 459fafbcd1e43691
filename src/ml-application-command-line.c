/* ml-application-command-line.c — what margin-lab does with its command line
 *
 * --report, --check-pack, --export-chart and --export-worksheet never start GTK; --screenshot renders the real
 * window; otherwise the window opens, at a lesson or with a scenario if asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-application"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "margin-lab-core.h"
#include "ml-application-private.h"
#include "ml-chart.h"
#include "ml-screenshot.h"
#include "ml-window.h"
#include "ml-worksheet.h"

#define EXIT_BAD_FILE      1
#define EXIT_NOT_INSTALLED 1  /* a file Margin Lab needs is missing: a bad file too */
#define EXIT_USAGE         2

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
      /* Translators: an error on the command line; %s is the system's reason */
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

/* An --step or --answer the command line did not give: 0 and negative numbers are refused. */
#define NOT_GIVEN G_MININT

/* What --export-chart and --screenshot share: where, how large, how coloured. */
typedef struct
{
  char     *scenario;
  char     *output;
  char     *screenshot;
  char     *size;
  gboolean  dark;
  gboolean  compare;
  char     *lesson;   /* --lesson ID or PACK/ID, and where in it */
  char     *worksheet;  /* --export-worksheet ID or PACK/ID */
  int       step;     /* from 1; NOT_GIVEN when not given */
  int       answer;   /* --answer, from 1; NOT_GIVEN when not given */
  gboolean  solve;
  gboolean  presentation;
  gboolean  frame;    /* --frame: the screenshot with rounded corners and shadow */
} ExportOptions;

static void
ml_application_export_options_clear (ExportOptions *options)
{
  g_clear_pointer (&options->scenario, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->screenshot, g_free);
  g_clear_pointer (&options->size, g_free);
  g_clear_pointer (&options->lesson, g_free);
  g_clear_pointer (&options->worksheet, g_free);
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
    /* Translators: an error on the command line; --output is an option, kept as it is; %s is the file name given */
    return g_strdup_printf (chart ? _("--output: cannot tell the format of “%s”: name it .png, .svg or .pdf")
                                  /* Translators: an error on the command line; --screenshot is an option, kept as it is; %s is the file name given */
                                  : _("--screenshot writes a PNG image: name it .png, not “%s”"),
                            output);
  if (options->size != NULL && !ml_application_parse_size (options->size, width, height))
    /* Translators: an error on the command line; --size is an option and WIDTHxHEIGHT its argument, kept as they are; %dx%d is an example size, %s what was given */
    return g_strdup_printf (_("--size takes WIDTHxHEIGHT in pixels, such as %dx%d, not “%s”"),
                            rules->width, rules->height, options->size);
  if (*width < rules->min_width || *height < rules->min_height ||
      *width > rules->max_side || *height > rules->max_side)
    /* Translators: an error on the command line; --size is an option, kept as it is; the sizes are width × height in pixels: the smallest, the largest and the one given */
    return g_strdup_printf (chart ? _("--size: a chart is from %d × %d to %d × %d pixels; %d × %d is not possible")
                                  /* Translators: an error on the command line; --size is an option, kept as it is; the sizes are width × height in pixels: the smallest, the largest and the one given */
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
  /* The direction of the user's language, as the window takes it: GTK's translation of
   * "default:LTR", read without starting GTK. */
  if (gtk_get_locale_direction () == GTK_TEXT_DIR_RTL)
    ml_chart_set_direction (chart, PANGO_DIRECTION_RTL);
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

  /* Translators: an error on the command line; %s is the schema's id; GSETTINGS_SCHEMA_DIR and build-aux/run.sh are kept as they are */
  g_printerr (_("margin-lab: the settings schema %s is not installed: install Margin Lab, or set GSETTINGS_SCHEMA_DIR to the folder that holds its compiled schema (build-aux/run.sh does)\n"),
              APP_ID);
  return FALSE;
}

/* Splits "PACK/ID" or "ID" into the pack (NULL: any) and the lesson. */
void
_ml_application_split_lesson (const char  *name,
                             char       **pack,
                             char       **lesson)
{
  const char *slash = strchr (name, '/');

  *pack = slash ? g_strndup (name, slash - name) : NULL;
  *lesson = g_strdup (slash ? slash + 1 : name);
}

/* --lesson or --export-worksheet (@option) names a lesson that exists, in the built-in course
 * or an imported pack. */
static gboolean
ml_application_check_lesson (MlApplication *self,
                             const char    *option,
                             const char    *name)
{
  MlLessonLibrary *library = ml_application_get_library (self);
  GListModel *packs = ml_lesson_library_get_packs (library);
  g_autofree char *pack_id = NULL;
  g_autofree char *lesson_id = NULL;
  g_autoptr(GString) known = g_string_new (NULL);
  g_autofree char *shown = NULL;

  _ml_application_split_lesson (name, &pack_id, &lesson_id);
  if (ml_lesson_library_find_lesson (library, pack_id, lesson_id, NULL) != NULL)
    return TRUE;

  /* The line lists the lessons there are, in the pack named if one was. */
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(MlLessonPack) pack = g_list_model_get_item (packs, i);

      if (pack_id != NULL && g_strcmp0 (pack_id, ml_lesson_pack_get_id (pack)) != 0)
        continue;
      for (guint j = 0; j < ml_lesson_pack_get_n_lessons (pack); j++)
        g_string_append_printf (known, "%s%s", known->len ? ", " : "",
                                ml_lesson_get_id (ml_lesson_pack_get_lesson (pack, j)));
    }
  shown = ml_file_display_name (name);
  /* Translators: --lesson (the first %s) named no lesson; the last %s lists the lessons' ids */
  g_printerr (_("margin-lab: %s: there is no lesson “%s”; the lessons are: %s\n"), option, shown, known->str);
  return FALSE;
}

static PangoDirection
ml_application_locale_direction (void)
{
  return gtk_get_locale_direction () == GTK_TEXT_DIR_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
}

/* --export-worksheet LESSON --output OUT.pdf [--step N]: with no display, as --export-chart. */
static int
ml_application_export_worksheet (MlApplication       *self,
                                 const ExportOptions *options)
{
  g_autofree char *pack_id = NULL;
  g_autofree char *lesson_id = NULL;
  g_autoptr(MlWorksheet) worksheet = NULL;
  g_autoptr(GError) error = NULL;
  MlLesson *lesson;
  guint n_steps;

  if (!g_str_has_suffix (options->output, ".pdf") && !g_str_has_suffix (options->output, ".PDF"))
    {
      /* Translators: --output named a file that is not a PDF; %s is that name */
      g_autofree char *message = g_strdup_printf (_("--output: a worksheet is a PDF document: name it .pdf, not “%s”"),
                                                  options->output);
      return ml_application_usage_error (message);
    }
  if (!ml_application_check_lesson (self, "--export-worksheet", options->worksheet))
    return EXIT_BAD_FILE;

  _ml_application_split_lesson (options->worksheet, &pack_id, &lesson_id);
  lesson = ml_lesson_library_find_lesson (ml_application_get_library (self), pack_id, lesson_id, NULL);
  n_steps = ml_lesson_get_n_steps (lesson);
  if (options->step > 0 && (guint)options->step > n_steps)
    {
      g_autofree char *shown = ml_file_display_name (options->worksheet);

      /* Translators: --step asked for a step past a lesson's last; the lesson, its steps, the step asked for */
      g_printerr (ngettext ("margin-lab: --step: the lesson “%s” has %u step, not %d\n",
                               "margin-lab: --step: the lesson “%s” has %u steps, not %d\n", n_steps),
                  shown, n_steps, options->step);
      return EXIT_BAD_FILE;
    }

  worksheet = ml_worksheet_new (lesson, options->step > 0 ? (guint)options->step - 1 : ML_WORKSHEET_ALL_STEPS);
  ml_worksheet_set_direction (worksheet, ml_application_locale_direction ());
  if (!ml_worksheet_write (worksheet, options->output, NULL, &error))
    {
      g_autofree char *name = ml_file_display_name (options->output);
      g_autofree char *message = ml_file_display_name (error->message);

      g_printerr ("%s: %s\n", name, message);
      return EXIT_BAD_FILE;
    }
  return EXIT_SUCCESS;
}

/* --lesson, --step, --solve and --answer for a screenshot: the step, worked as asked. */
static gboolean
ml_application_screenshot_lesson (MlWindow            *window,
                                  const ExportOptions *options)
{
  g_autofree char *pack = NULL;
  g_autofree char *lesson = NULL;
  g_autoptr(GError) error = NULL;
  MlLessonRun *run = ml_window_get_lesson_run (window);
  MlLessonStep *step;

  if (options->lesson == NULL)
    return TRUE;
  _ml_application_split_lesson (options->lesson, &pack, &lesson);
  ml_window_open_lesson (window, pack, lesson, MAX (options->step, 1) - 1);
  step = ml_lesson_run_get_step (run);
  if ((options->solve || options->answer > 0) && !ml_lesson_step_play_solution (step, ml_window_get_lab (window), &error))
    {
      g_printerr ("margin-lab: --solve: %s\n", error->message);
      return FALSE;
    }
  if (options->answer > 0 && !ml_lesson_run_answer (run, options->answer - 1, &error))
    {
      g_printerr ("margin-lab: --answer: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* The window, set up as asked and rendered to a PNG file. */
static int
ml_application_screenshot_window (MlApplication       *self,
                                  const ExportOptions *options,
                                  int                  width,
                                  int                  height)
{
  g_autoptr(GError) error = NULL;
  MlWindow *window;

  /* Fixed look, as libadwaita's own screenshot tool does: no animations, and GNOME's own font
   * and window buttons (only Close), which software centres ask screenshots to show. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "Cantarell 11",
                "gtk-decoration-layout", "appmenu:close",
                NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      options->dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = ml_window_new (GTK_APPLICATION (self));
  /* Without --lesson, the bare lab: what a screenshot shows must not depend on past runs. */
  if (options->lesson == NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "lesson.free-practice", NULL);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "compare-modes", g_variant_new_boolean (FALSE));
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
  if (!ml_application_screenshot_lesson (window, options))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return EXIT_BAD_FILE;
    }
  if (options->compare)
    g_action_group_change_action_state (G_ACTION_GROUP (window), "compare-modes", g_variant_new_boolean (TRUE));
  /* Its look at the size asked for, which also picks its text's size: a screenshot is not a
   * screen to fill. */
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (options->presentation)
    ml_window_set_presentation (window, TRUE, FALSE);
  gtk_window_present (GTK_WINDOW (window));

  if (!ml_screenshot_window (GTK_WINDOW (window), options->screenshot, options->frame, &error))
    {
      g_autofree char *name = ml_file_display_name (options->screenshot);

      g_printerr ("%s: %s\n", name, error->message);
      gtk_window_destroy (GTK_WINDOW (window));
      return EXIT_BAD_FILE;
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}

/* The window, rendered to a PNG file: needs a display, and the application registered. A
 * screenshot may be made on the learner's own account: it neither reads nor changes their
 * settings (window size, Compare modes, fees) nor their lesson progress, which a lesson step
 * worked with --solve or --answer would mark done. */
static int
ml_application_screenshot (MlApplication       *self,
                           const ExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL, *folder = NULL, *progress = NULL;
  int width, height, status;

  if ((problem = ml_application_check_output (options, FALSE, &width, &height)) != NULL)
    return ml_application_usage_error (problem);
  if (!ml_application_check_schema ())
    return EXIT_NOT_INSTALLED;
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (!gtk_init_check ())
    return ml_application_usage_error (_("--screenshot needs a display: run it under a desktop session or xvfb-run"));
  if (!g_application_register (G_APPLICATION (self), NULL, &error)
      || (folder = g_dir_make_tmp ("margin-lab-screenshot-XXXXXX", &error)) == NULL)
    {
      g_printerr ("margin-lab: %s\n", error->message);
      return EXIT_BAD_FILE;
    }
  progress = g_build_filename (folder, "progress.json", NULL);
  g_clear_object (&self->progress);
  self->progress = ml_progress_new (progress);

  status = ml_application_screenshot_window (self, options, width, height);
  g_clear_object (&self->progress);
  g_remove (progress);
  g_rmdir (folder);
  return status;
}

/* What the window needs before anything is done for it: its settings schema and a display. */
static int
ml_application_can_open_window (void)
{
  if (!ml_application_check_schema ())
    return EXIT_NOT_INSTALLED;
  if (!gtk_init_check ())
    return ml_application_usage_error (_("there is no display to open the window on; --report, --check-pack, --export-chart and --export-worksheet need none"));
  return EXIT_SUCCESS;
}

/* The lab itself: GApplication's own handling registers, then activates or opens. */
static int
ml_application_run_window (MlApplication *self,
                           char          *program,
                           const char    *scenario,
                           const char    *lesson,
                           int            step,
                           gboolean       presentation)
{
  char *argv[] = { program, (char *)scenario, NULL };
  char **arguments;
  int status;

  if ((status = ml_application_can_open_window ()) != EXIT_SUCCESS)
    return status;
  arguments = g_strdupv (argv);
  self->lesson = g_strdup (lesson);
  self->step = MAX (step, 1) - 1;
  self->presentation = presentation;

  G_APPLICATION_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION))->local_command_line (G_APPLICATION (self), &arguments, &status);
  g_strfreev (arguments);
  return status;
}

/* --pack: imported before the window opens, so that a broken pack is told on the command line. */
static int
ml_application_import_pack (MlApplication *self,
                            char          *program,
                            const char    *path,
                            gboolean       presentation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lesson = NULL;
  MlLessonPack *pack;
  int status;

  /* Nothing is imported for a window that cannot open. */
  if ((status = ml_application_can_open_window ()) != EXIT_SUCCESS)
    return status;
  if (!(pack = ml_lesson_library_import (ml_application_get_library (self), path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_FILE;
    }
  lesson = g_strdup_printf ("%s/%s", ml_lesson_pack_get_id (pack), ml_lesson_get_id (ml_lesson_pack_get_lesson (pack, 0)));
  return ml_application_run_window (self, program, NULL, lesson, 1, presentation);
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
  if (export->worksheet != NULL && export->worksheet[0] == '\0')
    return _("--export-worksheet needs a lesson’s id, such as worked-example");
  if ((report != NULL) + (pack != NULL) + (chart != NULL) + (export->screenshot != NULL) + (export->worksheet != NULL) > 1)
    return _("give only one of --report, --check-pack, --export-chart, --export-worksheet and --screenshot");
  if (export->output != NULL && chart == NULL && export->worksheet == NULL)
    return _("--output goes with --export-chart or --export-worksheet");
  if (export->worksheet != NULL && export->output == NULL)
    return _("--export-worksheet needs --output OUT.pdf");
  if (export->worksheet != NULL && export->lesson != NULL)
    return _("--export-worksheet names its lesson itself: leave out --lesson");
  if ((export->size || export->dark || export->compare) && chart == NULL && export->screenshot == NULL)
    return _("--size, --dark and --compare go with --export-chart or --screenshot");
  if (chart != NULL && export->output == NULL)
    return _("--export-chart needs --output OUT.png, OUT.svg or OUT.pdf");
  if (export->lesson != NULL && (report != NULL || pack != NULL || chart != NULL))
    return _("--lesson goes with the window or --screenshot, not with --report, --check-pack or --export-chart");
  if (export->step != NOT_GIVEN && export->lesson == NULL && export->worksheet == NULL)
    return _("--step goes with --lesson or --export-worksheet");
  if (export->step != NOT_GIVEN && export->step < 1)
    return _("--step counts from 1, the lesson’s first step");
  if (export->frame && export->screenshot == NULL)
    return _("--frame goes with --screenshot");
  if ((export->solve || export->answer != NOT_GIVEN) && (export->screenshot == NULL || export->lesson == NULL))
    return _("--solve and --answer go with --screenshot and --lesson");
  if (export->answer != NOT_GIVEN && export->answer < 1)
    return _("--answer counts from 1, the question’s first choice");
  if (export->presentation && (report != NULL || pack != NULL || chart != NULL || export->worksheet != NULL))
    return _("--presentation goes with the window or --screenshot, not with --report, --check-pack, --export-chart or --export-worksheet");
  if (export->presentation && export->dark)
    return _("--presentation is always light, for a projector: give it without --dark");
  return NULL;
}

int
_ml_application_run_command_line (MlApplication  *self,
                                  char          **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *check = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *import = NULL;
  g_auto(ExportOptions) export = { .step = NOT_GIVEN, .answer = NOT_GIVEN };
  gboolean version = FALSE;
  const char *problem;
  const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report,
      N_("Print the report of a scenario file as JSON"), N_("FILE") },
    { "check-pack", 0, 0, G_OPTION_ARG_FILENAME, &check,
      N_("Check a lesson pack, a folder or a .mlpack file, and print its problems or a summary"), N_("PACK") },
    { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, &chart,
      N_("Draw the collateral chart of a scenario file into --output"), N_("FILE") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &export.output,
      N_("Where --export-chart writes: a .png, .svg or .pdf file; --export-worksheet: a .pdf file"), N_("OUT") },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &export.screenshot,
      N_("Render the window, with the scenario FILE if given, into a PNG file and exit"), N_("OUT.png") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &export.size,
      N_("The chart's or the window's size in pixels (default 1200x700 and 1200x800)"), N_("WxH") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &export.dark,
      N_("Use dark colours"), NULL },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &export.compare,
      N_("Also draw the account with every position in the other margin mode"), NULL },
    { "lesson", 0, 0, G_OPTION_ARG_STRING, &export.lesson,
      N_("Open the window at a lesson, by its id (or PACK/ID)"), N_("ID") },
    { "step", 0, 0, G_OPTION_ARG_INT, &export.step,
      N_("The lesson’s step to open or to print, from 1"), N_("N") },
    { "export-worksheet", 0, 0, G_OPTION_ARG_STRING, &export.worksheet,
      N_("Write a lesson (by its id, or PACK/ID) as a PDF worksheet into --output; with --step, that step alone"), N_("LESSON") },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &import,
      N_("Import a lesson pack (a .mlpack file or a folder) and open its first lesson"), N_("PATH") },
    { "solve", 0, 0, G_OPTION_ARG_NONE, &export.solve,
      N_("With --screenshot: do the step’s task first, as its solution does"), NULL },
    { "answer", 0, 0, G_OPTION_ARG_INT, &export.answer,
      N_("With --screenshot: do the task, then commit to choice N of the step’s question"), N_("N") },
    { "frame", 0, 0, G_OPTION_ARG_NONE, &export.frame,
      N_("With --screenshot: draw the window as a desktop shows it, with rounded corners and a shadow"), NULL },
    { "presentation", 0, 0, G_OPTION_ARG_NONE, &export.presentation,
      N_("Open the window in presentation mode, full screen, for a projector"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("[FILE.mlscenario]"));
  g_option_context_set_summary (context,
                                /* Translators: the summary of “margin-lab --help”; BTC/USDT is the contract's name */
                                _("Margin Lab shows how cross and isolated margin behave on a BTC/USDT perpetual."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &argv, &error))
    return ml_application_usage_error (error->message);
  if (g_strv_length (argv) > 2)
    {
      /* Translators: an error on the command line; %s is the argument given */
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[2]);
      return ml_application_usage_error (message);
    }

  if (version)
    {
      g_print ("margin-lab %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if ((problem = ml_application_check_combination (report, check, chart, &export)) != NULL)
    return ml_application_usage_error (problem);
  /* A scenario file of its own goes with the window and --screenshot only. */
  if (argv[1] != NULL && (report != NULL || check != NULL || chart != NULL || import != NULL || export.lesson != NULL ||
                          export.worksheet != NULL))
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[1]);
      return ml_application_usage_error (message);
    }
  export.scenario = g_strdup (chart ? chart : argv[1]);

  if (import != NULL && (report != NULL || check != NULL || chart != NULL || export.screenshot != NULL || export.lesson != NULL ||
                         export.worksheet != NULL))
    return ml_application_usage_error (_("--pack opens the window at the pack’s first lesson: give it alone"));
  if (import != NULL)
    return ml_application_import_pack (self, argv[0], import, export.presentation);
  if (export.lesson != NULL && !ml_application_check_lesson (self, "--lesson", export.lesson))
    return EXIT_BAD_FILE;
  if (export.worksheet != NULL)
    return ml_application_export_worksheet (self, &export);

  if (report != NULL)
    return ml_application_print_report (report);
  if (check != NULL)
    return ml_application_check_pack (check);
  if (chart != NULL)
    return ml_application_export_chart (&export);
  if (export.screenshot != NULL)
    return ml_application_screenshot (self, &export);
  return ml_application_run_window (self, argv[0], export.scenario, export.lesson, export.step, export.presentation);
}

