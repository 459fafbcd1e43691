/* ml-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: its windows, its actions, and the lessons and progress every window shares.
 * It parses its own options (ml-application-command-line.c) so that it can keep design.md's
 * exit codes (0 done, 1 a bad file, 2 a usage error) and answer --report, --check-pack and
 * --export-chart without a display.
 */

#define G_LOG_DOMAIN "ml-application"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "margin-lab-core.h"
#include "ml-about.h"
#include "ml-application-private.h"
#include "ml-preferences-window.h"
#include "ml-window.h"

G_DEFINE_FINAL_TYPE (MlApplication, ml_application, ADW_TYPE_APPLICATION)

static gboolean
ml_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_auto(GStrv) argv = g_strdupv (*arguments);

  *exit_status = _ml_application_run_command_line (ML_APPLICATION (app), argv);
  return TRUE;
}

/* The lessons and the progress, shared by every window */

/**
 * ml_application_new_library:
 *
 * Returns: (transfer full): the built-in course and the packs imported under the user data directory
 */
MlLessonLibrary *
ml_application_new_library (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "margin-lab", "packs", NULL);

  return ml_lesson_library_new (directory);
}

/**
 * ml_application_new_progress:
 * @notice: (out) (optional) (nullable): what to tell the learner about the file, or %NULL
 *
 * Returns: (transfer full): the learner's progress, read from the user data directory; a file
 *   that cannot be read is kept aside, never reset silently, and @notice says so
 */
MlProgress *
ml_application_new_progress (char **notice)
{
  g_autofree char *filename = g_build_filename (g_get_user_data_dir (), "margin-lab", "progress.json", NULL);
  g_autoptr(MlProgress) progress = ml_progress_new (filename);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_aside = NULL;

  if (notice != NULL)
    *notice = NULL;
  if (!ml_progress_load (progress, &kept_aside, &error))
    {
      if (notice != NULL)
        /* Translators: a toast; %s says why the progress file could not be read */
        *notice = g_strdup_printf (_("Your lesson progress could not be read: %s"), error->message);
    }
  else if (kept_aside != NULL && notice != NULL)
    *notice = ml_application_describe_kept_aside (kept_aside);
  return g_steal_pointer (&progress);
}

/**
 * ml_application_describe_kept_aside:
 * @path: where a damaged progress file was moved
 *
 * Returns: (transfer full): what the learner is told, in a toast
 */
char *
ml_application_describe_kept_aside (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *shown = ml_file_display_name (base);

  /* Translators: a toast; %s is the name the unreadable progress file was given */
  return g_strdup_printf (_("Your lesson progress could not be read, so it starts afresh; the old file is kept as “%s”"),
                          shown);
}

MlLessonLibrary *
ml_application_get_library (MlApplication *self)
{
  g_return_val_if_fail (ML_IS_APPLICATION (self), NULL);

  if (self->library == NULL)
    self->library = ml_application_new_library ();
  return self->library;
}

MlProgress *
ml_application_get_progress (MlApplication *self)
{
  g_return_val_if_fail (ML_IS_APPLICATION (self), NULL);

  if (self->progress == NULL)
    self->progress = ml_application_new_progress (&self->progress_notice);
  return self->progress;
}

/**
 * ml_application_steal_progress_notice:
 *
 * Returns: (transfer full) (nullable): what the learner must be told about their progress file,
 *   once: the first window shows it
 */
char *
ml_application_steal_progress_notice (MlApplication *self)
{
  g_return_val_if_fail (ML_IS_APPLICATION (self), NULL);
  return g_steal_pointer (&self->progress_notice);
}

/**
 * ml_application_take_broken_notice:
 *
 * Returns: whether the calling window is the one to tell of the lesson packs that could not be
 *   read: the first to ask
 */
gboolean
ml_application_take_broken_notice (MlApplication *self)
{
  gboolean first;

  g_return_val_if_fail (ML_IS_APPLICATION (self), FALSE);
  first = !self->broken_told;
  self->broken_told = TRUE;
  return first;
}

/* The GUI */

static void
ml_application_about (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ml_about_show (gtk_application_get_active_window (user_data));
}

static void
ml_application_preferences (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (ml_preferences_window_new (gtk_application_get_active_window (user_data))));
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
  { "preferences", ml_application_preferences },
  { "quit", ml_application_quit },
};

static const struct { const char *action; const char *accels[3]; } accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
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
  { "win.show-sidebar", { "F9", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "lesson.next", { "<Alt>Right", NULL } },
  { "lesson.back", { "<Alt>Left", NULL } },
  { "lesson.reset-step", { "<Control>r", NULL } },
};

/* The style the learner picked in the main menu, for every window; the command line's
 * screenshots and presentation mode set their own over it. */
static void
ml_application_color_scheme_changed (GSettings     *settings,
                                     const char    *key,
                                     MlApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
ml_application_startup (GApplication *app)
{
  MlApplication *self = ML_APPLICATION (app);
  g_autoptr(GAction) color_scheme = NULL;

  G_APPLICATION_CLASS (ml_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  self->settings = g_settings_new (APP_ID);
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (app), color_scheme);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (ml_application_color_scheme_changed), self, 0);
  ml_application_color_scheme_changed (self->settings, "color-scheme", self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accelerators[i].action,
                                           accelerators[i].accels);
  /* Right to left, Back points right and Next left, and their keys follow, as in GNOME Web. */
  if (gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL)
    {
      const char *next[] = { "<Alt>Left", NULL }, *back[] = { "<Alt>Right", NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), "lesson.next", next);
      gtk_application_set_accels_for_action (GTK_APPLICATION (app), "lesson.back", back);
    }
  gtk_window_set_default_icon_name (APP_ID);
}

/* A test hook, for tests/test-cli.c: with MARGIN_LAB_EXIT_AFTER_FIRST_FRAME set, the
 * application quits once the window's first frame is painted, so that a test can open the
 * window and see it paint. Unset, nothing is connected. (bench-startup stops every program it
 * times alike, with bench/first-frame-hook.c.) */

static void
ml_application_first_frame_painted (GdkFrameClock *clock,
                                    GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, ml_application_first_frame_painted, app);
  g_application_quit (app);
}

static void
ml_application_window_realized (GtkWidget    *window,
                                GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (ml_application_first_frame_painted), app);
}

static void
ml_application_activate (GApplication *app)
{
  MlApplication *self = ML_APPLICATION (app);
  MlWindow *window = ml_window_new (GTK_APPLICATION (app));

  if (self->lesson != NULL)
    {
      g_autofree char *pack = NULL;
      g_autofree char *lesson = NULL;

      _ml_application_split_lesson (self->lesson, &pack, &lesson);
      ml_window_open_lesson (window, pack, lesson, self->step);
      g_clear_pointer (&self->lesson, g_free);
    }
  /* A launcher's --presentation alone: the bare lab to show, not wherever the learner left off. */
  else if (self->presentation)
    gtk_widget_activate_action (GTK_WIDGET (window), "lesson.free-practice", NULL);
  if (g_getenv ("MARGIN_LAB_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (ml_application_window_realized), app);
  ml_window_set_presentation (window, self->presentation, TRUE);
  gtk_window_present (GTK_WINDOW (window));
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

      ml_window_set_presentation (window, ML_APPLICATION (app)->presentation, TRUE);
      gtk_window_present (GTK_WINDOW (window));
      ml_window_open_file (window, files[i]);
    }
}

static void
ml_application_dispose (GObject *object)
{
  MlApplication *self = ML_APPLICATION (object);

  g_clear_object (&self->library);
  g_clear_object (&self->progress);
  g_clear_pointer (&self->progress_notice, g_free);
  g_clear_pointer (&self->lesson, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ml_application_parent_class)->dispose (object);
}

static void
ml_application_class_init (MlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ml_application_dispose;
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
