/* ml-window-lessons.c — the window's lessons: the sidebar, the card and the lesson.* actions
 *
 * The window owns one MlLessonRun over its lab; the card and the sidebar show it, and every
 * lesson action goes through it, so that a lesson changes the lab only as the lab allows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-window-lessons"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-application.h"
#include "ml-limits-window.h"
#include "ml-utils.h"
#include "ml-window-private.h"

/* Which widgets light up for each control a step says matters. */
static void
ml_window_lessons_highlight (MlWindow         *self,
                             MlLessonControls  controls)
{
  const struct { MlLessonControls control; GtkWidget *widget; } targets[] = {
    { ML_LESSON_CONTROLS_MARK, GTK_WIDGET (self->mark_scale) },
    { ML_LESSON_CONTROLS_MARK, GTK_WIDGET (self->mark_entry) },
    { ML_LESSON_CONTROLS_PATH, self->path_box },
    { ML_LESSON_CONTROLS_COMPARE, self->compare_button },
    { ML_LESSON_CONTROLS_POSITIONS, GTK_WIDGET (self->position_list) },
    { ML_LESSON_CONTROLS_CHART, GTK_WIDGET (self->chart_view) },
  };

  ml_order_panel_highlight (self->order_panel, controls);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    ml_utils_set_css_class (targets[i].widget, "lesson-focus", (controls & targets[i].control) != 0);
}

void
_ml_window_update_lesson_actions (MlWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  MlLessonStep *step = ml_lesson_run_get_step (self->run);
  gboolean summary = ml_lesson_card_get_summary (self->lesson_card);
  gboolean answerable = step != NULL && !summary && ml_lesson_step_get_question (step) != NULL &&
                        ml_lesson_run_get_answer (self->run) == ML_LESSON_RUN_NO_ANSWER &&
                        (ml_lesson_step_get_task (step) == NULL || ml_lesson_run_get_task_done (self->run));

  gtk_widget_action_set_enabled (widget, "lesson.back", step != NULL && (summary || ml_lesson_run_get_step_index (self->run) > 0));
  gtk_widget_action_set_enabled (widget, "lesson.next", step != NULL && !summary);
  gtk_widget_action_set_enabled (widget, "lesson.reset-step", step != NULL);
  gtk_widget_action_set_enabled (widget, "lesson.answer", answerable);
  gtk_widget_action_set_enabled (widget, "lesson.next-lesson", step != NULL && summary);
  gtk_widget_action_set_enabled (widget, "win.export-worksheet", step != NULL);
}

static void
ml_window_lessons_run_changed (MlWindow *self)
{
  MlLessonStep *step = ml_lesson_run_get_step (self->run);

  gtk_widget_set_visible (GTK_WIDGET (self->lesson_card), step != NULL);
  ml_window_lessons_highlight (self, step != NULL ? ml_lesson_step_get_controls (step) : ML_LESSON_CONTROLS_NONE);
  _ml_window_update_title (self);
  _ml_window_update_lesson_actions (self);
}

static void
ml_window_lessons_save_failed (MlWindow *self,
                               GError   *error)
{
  /* Translators: a toast when the lesson progress file cannot be written; %s says why */
  g_autofree char *message = g_strdup_printf (_("Could not save your progress: %s"), error->message);

  _ml_window_toast (self, message);
}

/* Another window, or another program, damaged the progress file since it was read. */
static void
ml_window_lessons_kept_aside (MlWindow   *self,
                              const char *path)
{
  g_autofree char *message = ml_application_describe_kept_aside (path);

  _ml_window_toast (self, message);
}

/* Starts @lesson where the learner is in it: at its first step not yet done. */
static void
ml_window_lessons_start (MlWindow     *self,
                         MlLessonPack *pack,
                         MlLesson     *lesson,
                         int           step)
{
  MlProgress *progress = ml_lesson_run_get_progress (self->run);
  guint n = ml_lesson_get_n_steps (lesson);

  if (step < 0)
    {
      step = 0;
      for (guint i = 0; progress != NULL && i < n; i++)
        {
          MlStepProgress record;

          ml_progress_get_step (progress, ml_lesson_pack_get_id (pack), ml_lesson_get_id (lesson), i, &record);
          if (!record.done)
            {
              step = i;
              break;
            }
        }
    }
  _ml_window_stop_playing (self);
  ml_lesson_card_set_summary (self->lesson_card, FALSE);
  ml_lesson_run_start (self->run, pack, lesson, step);
}

typedef struct
{
  MlLessonPack *pack;
  MlLesson     *lesson;
  int           step;    /* -1: where the learner is in it */
} PendingLesson;

static void
ml_window_lessons_free_pending (gpointer data)
{
  PendingLesson *pending = data;

  g_object_unref (pending->pack);
  g_object_unref (pending->lesson);
  g_free (pending);
}

/* The lesson waits for the lab's unsaved changes: MlWindowThen passes only a file, so the
 * lesson to open is kept on the window meanwhile. */
static void
ml_window_lessons_open_pending (MlWindow *self,
                                GFile    *file)
{
  PendingLesson *pending = g_object_steal_data (G_OBJECT (self), "ml-pending-lesson");

  if (pending == NULL)
    return;
  ml_window_lessons_start (self, pending->pack, pending->lesson, pending->step);
  ml_window_lessons_free_pending (pending);
}

static void
ml_window_lessons_ask_open (MlWindow     *self,
                            MlLessonPack *pack,
                            MlLesson     *lesson,
                            int           step)
{
  PendingLesson *pending = g_new0 (PendingLesson, 1);

  pending->pack = g_object_ref (pack);
  pending->lesson = g_object_ref (lesson);
  pending->step = step;
  g_object_set_data_full (G_OBJECT (self), "ml-pending-lesson", pending, ml_window_lessons_free_pending);
  _ml_window_confirm_discard (self, ml_window_lessons_open_pending, NULL);
}

static void
ml_window_lessons_open (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  const char *pack_id, *lesson_id;
  MlLessonPack *pack;
  MlLesson *lesson;

  g_variant_get (param, "(&s&s)", &pack_id, &lesson_id);
  if ((lesson = ml_lesson_library_find_lesson (self->library, pack_id, lesson_id, &pack)) == NULL)
    return;
  if (lesson != ml_lesson_run_get_lesson (self->run))
    ml_window_lessons_ask_open (self, pack, lesson, -1);
}

static void
ml_window_lessons_free_practice (GtkWidget  *widget,
                                 const char *name,
                                 GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  self->lesson_chosen = TRUE;
  if (ml_lesson_run_get_lesson (self->run) == NULL)
    return;
  _ml_window_stop_playing (self);
  ml_lesson_card_set_summary (self->lesson_card, FALSE);
  ml_lesson_run_stop (self->run);
  ml_lab_reset (self->lab);
}

static void
ml_window_lessons_next (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  guint step = ml_lesson_run_get_step_index (self->run);
  MlLesson *lesson = ml_lesson_run_get_lesson (self->run);

  if (lesson == NULL)
    return;
  if (step + 1 < ml_lesson_get_n_steps (lesson))
    ml_window_lessons_start (self, ml_lesson_run_get_pack (self->run), lesson, step + 1);
  else
    {
      _ml_window_stop_playing (self);
      ml_lesson_card_set_summary (self->lesson_card, TRUE);
    }
}

static void
ml_window_lessons_back (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  guint step = ml_lesson_run_get_step_index (self->run);

  if (ml_lesson_run_get_lesson (self->run) == NULL)
    return;
  if (ml_lesson_card_get_summary (self->lesson_card))
    ml_lesson_card_set_summary (self->lesson_card, FALSE);
  else if (step > 0)
    ml_window_lessons_start (self, ml_lesson_run_get_pack (self->run), ml_lesson_run_get_lesson (self->run), step - 1);
}

static void
ml_window_lessons_next_lesson (GtkWidget  *widget,
                               const char *name,
                               GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  MlLessonPack *pack = ml_lesson_run_get_pack (self->run);
  guint index = 0;

  if (pack == NULL)
    return;
  ml_lesson_pack_find_lesson (pack, ml_lesson_get_id (ml_lesson_run_get_lesson (self->run)), &index);
  if (index + 1 < ml_lesson_pack_get_n_lessons (pack))
    ml_window_lessons_start (self, pack, ml_lesson_pack_get_lesson (pack, index + 1), 0);
}

static void
ml_window_lessons_reset_step (GtkWidget  *widget,
                              const char *name,
                              GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  _ml_window_stop_playing (self);
  ml_lesson_card_set_summary (self->lesson_card, FALSE);
  ml_lesson_run_reset_step (self->run);
}

static void
ml_window_lessons_answer (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  _ml_window_stop_playing (self);
  if (!ml_lesson_run_answer (self->run, g_variant_get_int32 (param), &error))
    _ml_window_toast_error (self, error);
}

static void
ml_window_lessons_remove_response (AdwMessageDialog *dialog,
                                  const char       *response,
                                  MlWindow         *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "pack");
  MlLessonPack *pack = ml_lesson_library_find (self->library, id);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || pack == NULL)
    return;
  if (ml_lesson_run_get_pack (self->run) == pack)
    gtk_widget_activate_action (GTK_WIDGET (self), "lesson.free-practice", NULL);
  if (!ml_lesson_library_remove (self->library, pack, &error))
    _ml_window_show_error (self, _("Could Not Remove the Lesson Pack"), error->message);
}

static void
ml_window_lessons_remove_pack (GtkWidget  *widget,
                               const char *name,
                               GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  MlLessonPack *pack = ml_lesson_library_find (self->library, g_variant_get_string (param, NULL));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (pack == NULL)
    return;
  /* Translators: the heading of a dialog; %s is a lesson pack's title */
  heading = g_strdup_printf (_("Remove “%s”?"), ml_lesson_pack_get_title (pack));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its lessons leave the sidebar. Your progress in them is kept, and comes back if you import the pack again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pack", g_strdup (ml_lesson_pack_get_id (pack)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (ml_window_lessons_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ml_window_import_pack:
 *
 * Imports a lesson pack (a .mlpack file, or a folder or its manifest.json) into the learner's
 * library and opens its first lesson; a broken pack is refused in a dialog naming the problem.
 */
void
ml_window_import_pack (MlWindow *self,
                       GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  MlLessonPack *pack;

  g_return_if_fail (ML_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path != NULL && g_str_has_suffix (path, G_DIR_SEPARATOR_S "manifest.json"))
    path[strlen (path) - strlen (G_DIR_SEPARATOR_S "manifest.json")] = '\0';
  if (path == NULL || (pack = ml_lesson_library_import (self->library, path, &error)) == NULL)
    {
      g_autofree char *name = ml_utils_display_name (file);
      /* Translators: the heading of a dialog; %s is a file's name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

      _ml_window_show_error (self, heading, error ? error->message : _("Only lesson packs on this computer can be imported"));
      return;
    }
  ml_window_open_lesson (self, ml_lesson_pack_get_id (pack), ml_lesson_get_id (ml_lesson_pack_get_lesson (pack, 0)), 0);
}

static void
ml_window_lessons_import_response (GtkNativeDialog *dialog,
                                  int              response,
                                  MlWindow        *self)
{
  g_autoptr(GFile) file = _ml_window_take_chosen_file (dialog, response);

  if (file != NULL)
    ml_window_import_pack (self, file);
}

/* A pack in one file, or a pack's folder: a folder chosen as such, since a sandbox's file chooser
 * grants what was chosen and no more, a manifest.json without the lessons beside it. */
static void
ml_window_lessons_import (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  gboolean folder = g_str_equal (name, "win.import-pack-folder");
  GtkFileChooserNative *chooser;

  if (folder)
    chooser = _ml_window_new_chooser (self, _("Import Lesson Pack Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Import"));
  else
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      chooser = _ml_window_new_chooser (self, _("Import Lesson Pack"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
      /* Translators: a file chooser's filter: a pack in one file, or a pack folder's manifest */
      gtk_file_filter_set_name (filter, _("Lesson packs (.mlpack, manifest.json)"));
      gtk_file_filter_add_pattern (filter, "*.mlpack");
      gtk_file_filter_add_pattern (filter, "manifest.json");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (ml_window_lessons_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ml_window_lessons_export_response (GtkNativeDialog *dialog,
                                  int              response,
                                  MlWindow        *self)
{
  g_autoptr(GFile) file = _ml_window_take_chosen_file (dialog, response);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL || !ml_progress_export (ml_lesson_run_get_progress (self->run), path, &error))
    _ml_window_show_file_error (self, TRUE, file, error);
  else
    _ml_window_toast (self, _("Progress exported"));
}

static void
ml_window_lessons_export (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = _ml_window_new_chooser (self, _("Export Progress"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name suggested for an exported progress record; keep .json */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("margin-lab-progress.json"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (ml_window_lessons_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ml_window_lessons_reset_response (AdwMessageDialog *dialog,
                                  const char       *response,
                                  MlWindow         *self)
{
  MlProgress *progress = ml_lesson_run_get_progress (self->run);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reset") != 0)
    return;
  ml_progress_reset (progress);
  if (!ml_progress_save (progress, &error))
    ml_window_lessons_save_failed (self, error);
  else
    _ml_window_toast (self, _("Progress reset"));
}

static void
ml_window_lessons_reset_progress (GtkWidget  *widget,
                                  const char *name,
                                  GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reset Progress?"),
                                   _("Every lesson’s check marks and your predictions are forgotten, in every window. This cannot be undone; Export Progress… keeps a copy first."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reset", _("_Reset"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (ml_window_lessons_reset_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ml_window_lessons_limits (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  gtk_window_present (GTK_WINDOW (ml_limits_window_new (GTK_WINDOW (widget))));
}

void
_ml_window_class_add_lesson_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "lesson.open", "(ss)", ml_window_lessons_open);
  gtk_widget_class_install_action (widget_class, "lesson.free-practice", NULL, ml_window_lessons_free_practice);
  gtk_widget_class_install_action (widget_class, "lesson.next", NULL, ml_window_lessons_next);
  gtk_widget_class_install_action (widget_class, "lesson.back", NULL, ml_window_lessons_back);
  gtk_widget_class_install_action (widget_class, "lesson.next-lesson", NULL, ml_window_lessons_next_lesson);
  gtk_widget_class_install_action (widget_class, "lesson.reset-step", NULL, ml_window_lessons_reset_step);
  gtk_widget_class_install_action (widget_class, "lesson.answer", "i", ml_window_lessons_answer);
  gtk_widget_class_install_action (widget_class, "lesson.remove-pack", "s", ml_window_lessons_remove_pack);
  gtk_widget_class_install_action (widget_class, "win.import-pack", NULL, ml_window_lessons_import);
  gtk_widget_class_install_action (widget_class, "win.import-pack-folder", NULL, ml_window_lessons_import);
  gtk_widget_class_install_action (widget_class, "win.export-progress", NULL, ml_window_lessons_export);
  gtk_widget_class_install_action (widget_class, "win.reset-progress", NULL, ml_window_lessons_reset_progress);
  gtk_widget_class_install_action (widget_class, "win.limits", NULL, ml_window_lessons_limits);
}

/* A file dropped on the window: a scenario opens in the lab, anything else is imported as a
 * lesson pack (a .mlpack file, a pack's folder or its manifest), which says what is wrong. */
static gboolean
ml_window_lessons_dropped (GtkDropTarget *target,
                           const GValue  *value,
                           double         x,
                           double         y,
                           MlWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  GFile *file;
  g_autofree char *name = NULL;

  if (files == NULL)
    return FALSE;
  file = files->data;
  name = g_file_get_basename (file);
  if (name != NULL && g_str_has_suffix (name, ".mlscenario"))
    ml_window_open_file (self, file);
  else
    ml_window_import_pack (self, file);
  return TRUE;
}

/* The first window opens at the first lesson, so that a newcomer knows what to do; later
 * starts resume where the learner left off. */
static void
ml_window_lessons_resume (MlWindow *self)
{
  MlProgress *progress = ml_lesson_run_get_progress (self->run);
  g_autofree char *pack_id = NULL;
  g_autofree char *lesson_id = NULL;
  guint step = 0;
  MlLessonPack *pack;
  MlLesson *lesson;

  if (!ml_progress_get_last (progress, &pack_id, &lesson_id, &step))
    {
      if ((pack = ml_lesson_pack_get_builtin ()) == NULL)
        return;
      lesson = ml_lesson_pack_get_lesson (pack, 0);
    }
  else if (pack_id == NULL ||
           (pack = ml_lesson_library_find (self->library, pack_id)) == NULL ||
           (lesson = ml_lesson_pack_find_lesson (pack, lesson_id, NULL)) == NULL)
    return;

  ml_window_lessons_start (self, pack, lesson, step);
}

/* The lessons are read when the window is realized, after the application has asked for a
 * lesson (a launcher's --lesson) and before the first frame: the window's first frame is the
 * lesson the learner left off at, with no flash of the bare lab before it, and the lab and the
 * lesson are laid out and drawn once, not twice. */
/* An imported pack that can no longer be read (edited by hand, or from a newer Margin Lab) is
 * left out of the sidebar, and the learner is told which and why, once: by the application's
 * first window. */
static void
ml_window_lessons_tell_broken (MlWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char * const *broken = ml_lesson_library_get_broken (self->library);
  guint n = g_strv_length ((char **)broken);
  g_autofree char *message = NULL;

  if (n == 0 || (ML_IS_APPLICATION (app) && !ml_application_take_broken_notice (ML_APPLICATION (app))))
    return;
  /* Translators: a toast; %s is the pack's file and its problem, "FILE: WHERE: PROBLEM" */
  message = n == 1 ? g_strdup_printf (_("A lesson pack could not be read and is left out: %s"), broken[0])
                   /* Translators: a toast; %u is how many packs, %s the first one's file and its problem */
                   : g_strdup_printf (g_dngettext (NULL, "%u lesson pack could not be read and is left out; the first: %s",
                                                   "%u lesson packs could not be read and are left out; the first: %s", n),
                                      n, broken[0]);
  _ml_window_toast (self, message);
}

static void
ml_window_lessons_realized (GtkWidget *widget)
{
  MlWindow *self = ML_WINDOW (widget);

  if (self->lessons_loaded)
    return;
  self->lessons_loaded = TRUE;
  ml_lesson_sidebar_bind (self->sidebar, self->library, self->run);
  ml_window_lessons_tell_broken (self);
  if (!self->lesson_chosen)
    ml_window_lessons_resume (self);
}

void
_ml_window_setup_lessons (MlWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(MlProgress) own_progress = NULL;
  g_autoptr(GPropertyAction) sidebar = NULL;
  g_autofree char *notice = NULL;
  GtkDropTarget *drop;
  MlProgress *progress;

  if (ML_IS_APPLICATION (app))
    {
      self->library = g_object_ref (ml_application_get_library (ML_APPLICATION (app)));
      progress = ml_application_get_progress (ML_APPLICATION (app));
      notice = ml_application_steal_progress_notice (ML_APPLICATION (app));
    }
  else
    {
      /* A window of its own, in the tests: the same files, read afresh. */
      self->library = ml_application_new_library ();
      progress = own_progress = ml_application_new_progress (&notice);
    }
  if (notice != NULL)
    _ml_window_toast (self, notice);

  self->run = ml_lesson_run_new (self->lab, progress);
  /* "step" is told at every start, reset and stop, another lesson's too. */
  g_signal_connect_object (self->run, "notify::step", G_CALLBACK (ml_window_lessons_run_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "notify::task-done", G_CALLBACK (_ml_window_update_lesson_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "notify::answer", G_CALLBACK (_ml_window_update_lesson_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "save-failed", G_CALLBACK (ml_window_lessons_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (progress, "kept-aside", G_CALLBACK (ml_window_lessons_kept_aside), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lesson_card, "notify::summary", G_CALLBACK (_ml_window_update_lesson_actions), self, G_CONNECT_SWAPPED);
  ml_lesson_card_set_run (self->lesson_card, self->run);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (ml_window_lessons_dropped), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  sidebar = g_property_action_new ("show-sidebar", self->flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (sidebar));

  g_signal_connect (self, "realize", G_CALLBACK (ml_window_lessons_realized), NULL);
  ml_window_lessons_run_changed (self);
}

/**
 * ml_window_open_lesson:
 * @pack_id: (nullable): the pack, or %NULL for the first pack that has @lesson_id
 * @step: the step, from 0
 *
 * Returns: whether there is such a lesson; the window opens it (after asking about unsaved changes)
 */
gboolean
ml_window_open_lesson (MlWindow   *self,
                       const char *pack_id,
                       const char *lesson_id,
                       guint       step)
{
  MlLessonPack *pack;
  MlLesson *lesson;

  g_return_val_if_fail (ML_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (lesson_id != NULL, FALSE);

  self->lesson_chosen = TRUE;
  if ((lesson = ml_lesson_library_find_lesson (self->library, pack_id, lesson_id, &pack)) == NULL)
    return FALSE;
  ml_window_lessons_ask_open (self, pack, lesson, MIN (step, ml_lesson_get_n_steps (lesson) - 1));
  return TRUE;
}

/**
 * ml_window_get_lesson_run:
 *
 * Returns: (transfer none): the lesson the window is taking, over its lab
 */
MlLessonRun *
ml_window_get_lesson_run (MlWindow *self)
{
  g_return_val_if_fail (ML_IS_WINDOW (self), NULL);
  return self->run;
}
