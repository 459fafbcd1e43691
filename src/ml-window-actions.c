/* ml-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions: every button, menu item and shortcut of the lab goes through one of
 * these, and _ml_window_update_actions() decides which are enabled.
 */

#define G_LOG_DOMAIN "ml-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-utils.h"
#include "ml-window-private.h"
#include "ml-worksheet.h"

/* One step of the price path each this many milliseconds, at the normal speed. */
#define PLAY_INTERVAL_MS 600

/* Undo and Redo */

/* Ctrl+Z in an entry undoes the typing there first, as in any text field: the window's
 * shortcuts would otherwise take it, and undo the lab's last change behind the learner's back.
 * Returns whether the entry had typing to undo or redo (@action is text.undo or text.redo). */
static gboolean
ml_window_actions_in_text (MlWindow   *self,
                           const char *action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autofree char *before = NULL;

  if (!GTK_IS_TEXT (focus))
    return FALSE;
  before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (focus)));
  gtk_widget_activate_action (focus, action, NULL);
  return g_strcmp0 (before, gtk_editable_get_text (GTK_EDITABLE (focus))) != 0;
}

static void
ml_window_actions_undo (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  if (ml_window_actions_in_text (self, "text.undo"))
    return;
  _ml_window_stop_playing (self);
  ml_lab_undo (self->lab);
}

static void
ml_window_actions_redo (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  if (ml_window_actions_in_text (self, "text.redo"))
    return;
  _ml_window_stop_playing (self);
  ml_lab_redo (self->lab);
}

/* Orders and positions */

static void
ml_window_actions_place_order (GtkWidget  *widget,
                               const char *name,
                               GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  MlOrder order;

  if (ml_order_panel_get_order (self->order_panel, &order) && !ml_lab_open_position (self->lab, &order, &error))
    _ml_window_toast_error (self, error);
}

static void
ml_window_actions_close_position (GtkWidget  *widget,
                                  const char *name,
                                  GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!ml_lab_close_position (self->lab, g_variant_get_string (param, NULL), &error))
    _ml_window_toast_error (self, error);
}

static void
ml_window_actions_change_margin (GtkWidget  *widget,
                                 const char *name,
                                 GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *id;
  double amount;
  gboolean done;

  g_variant_get (param, "(&sd)", &id, &amount);
  if (g_str_equal (name, "win.add-margin"))
    done = ml_lab_add_margin (self->lab, id, amount, &error);
  else
    done = ml_lab_remove_margin (self->lab, id, amount, &error);
  if (!done)
    _ml_window_toast_error (self, error);
}

/* The price path */

static gboolean
ml_window_actions_step_path (MlWindow  *self,
                             MlLabStep  step)
{
  g_autoptr(GError) error = NULL;

  if (!ml_lab_step_path (self->lab, step, &error))
    {
      if (error != NULL)
        _ml_window_toast_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ml_window_actions_play_tick (gpointer data)
{
  MlWindow *self = data;

  /* Playing stops at the end of the path; Play then starts it again from the beginning. */
  if (ml_lab_get_path_position (self->lab) < ml_lab_get_path_length (self->lab)
      && ml_window_actions_step_path (self, ML_LAB_STEP_JOIN)
      && ml_lab_get_path_position (self->lab) < ml_lab_get_path_length (self->lab))
    return G_SOURCE_CONTINUE;
  self->play_source = 0;
  _ml_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

void
_ml_window_stop_playing (MlWindow *self)
{
  if (self->play_source == 0)
    return;
  g_clear_handle_id (&self->play_source, g_source_remove);
  _ml_window_update_actions (self);
}

static void
ml_window_actions_play (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  if (self->play_source != 0)
    {
      _ml_window_stop_playing (self);
      return;
    }
  /* At the end, Play goes back to the start first and then plays the whole path. */
  if (ml_lab_get_path_position (self->lab) >= ml_lab_get_path_length (self->lab)
      && !ml_window_actions_step_path (self, ML_LAB_STEP_NEW))
    return;
  if (ml_window_actions_step_path (self, ML_LAB_STEP_NEW)
      && ml_lab_get_path_position (self->lab) < ml_lab_get_path_length (self->lab))
    self->play_source = g_timeout_add ((guint)(PLAY_INTERVAL_MS / self->play_speed),
                                       ml_window_actions_play_tick, self);
  _ml_window_update_actions (self);
}

static void
ml_window_actions_step (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  _ml_window_stop_playing (self);
  ml_window_actions_step_path (self, ML_LAB_STEP_NEW);
}

/* Play's speed is a menu of choices: a stateful action in the window's action map, since
 * widget class actions hold no state. */
static void
ml_window_actions_play_speed (GSimpleAction *action,
                              GVariant      *value,
                              gpointer       user_data)
{
  MlWindow *self = user_data;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  self->play_speed = g_variant_get_double (value);
  g_simple_action_set_state (action, value);
  label = ml_money_format_times (self->play_speed);
  gtk_menu_button_set_label (self->speed_button, label);
  /* The menu button's own button, which takes the focus, would be called by its label alone. */
  /* Translators: what a screen reader calls the button of Play's speed; %s is the speed, "2×" */
  name = g_strdup_printf (_("Playback speed: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->speed_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (self->play_source != 0)
    {
      g_source_remove (self->play_source);
      self->play_source = g_timeout_add ((guint)(PLAY_INTERVAL_MS / self->play_speed),
                                         ml_window_actions_play_tick, self);
    }
}

void
_ml_window_add_actions (MlWindow *self)
{
  g_autoptr(GSimpleAction) speed = g_simple_action_new_stateful ("play-speed", G_VARIANT_TYPE_DOUBLE,
                                                                 g_variant_new_double (1));

  g_signal_connect_object (speed, "change-state", G_CALLBACK (ml_window_actions_play_speed), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (speed));
  g_action_change_state (G_ACTION (speed), g_variant_new_double (1));
}

static void
ml_window_actions_reset_zoom (GtkWidget  *widget,
                              const char *name,
                              GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  ml_chart_view_reset_zoom (self->chart_view);
}

/* Files */

/* Offers @chooser a filter of files named like @pattern or of @mime_type. The chooser takes a
 * reference of its own. */
static void
ml_window_actions_add_filter (GtkFileChooserNative *chooser,
                              const char           *name,
                              const char           *pattern,
                              const char           *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

static void
ml_window_actions_add_scenario_filter (GtkFileChooserNative *chooser)
{
  ml_window_actions_add_filter (chooser, _("Margin Lab scenarios"), "*.mlscenario", "application/x-margin-lab-scenario");
}

/* A file chooser of the window's, through the portal where there is one. */
GtkFileChooserNative *
_ml_window_new_chooser (MlWindow             *self,
                        const char           *title,
                        GtkFileChooserAction  action,
                        const char           *accept)
{
  return gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
}

/* The chosen file, or NULL; the chooser, ours since _ml_window_new_chooser(), is done with. */
GFile *
_ml_window_take_chosen_file (GtkNativeDialog *dialog,
                             int              response)
{
  GFile *file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;

  g_object_unref (dialog);
  return file;
}

static void
ml_window_actions_new_now (MlWindow *self,
                           GFile    *file)
{
  ml_lab_reset (self->lab);
}

static void
ml_window_actions_new (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  _ml_window_confirm_discard (ML_WINDOW (widget), ml_window_actions_new_now, NULL);
}

static void
ml_window_actions_open_response (GtkNativeDialog *dialog,
                                 int              response,
                                 MlWindow        *self)
{
  g_autoptr(GFile) file = _ml_window_take_chosen_file (dialog, response);

  if (file != NULL)
    ml_window_open_file (self, file);
}

static void
ml_window_actions_open (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  GtkFileChooserNative *chooser = _ml_window_new_chooser (self, _("Open Scenario"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  GFile *current = ml_lab_get_file (self->lab);
  g_autoptr(GFile) folder = current ? g_file_get_parent (current) : NULL;

  ml_window_actions_add_scenario_filter (chooser);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (ml_window_actions_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves to @file; a failure is told in a dialog that names the file, and nothing on disk has
 * changed. */
static gboolean
ml_window_actions_save_to (MlWindow *self,
                           GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (ml_lab_save_file (self->lab, file, &error))
    return TRUE;
  _ml_window_show_file_error (self, TRUE, file, error);
  return FALSE;
}

typedef struct
{
  MlWindow     *self;
  MlWindowThen  then;
} MlWindowActionsSave;

static void
ml_window_actions_save_response (GtkNativeDialog     *dialog,
                                 int                  response,
                                 MlWindowActionsSave *save)
{
  g_autoptr(GFile) file = _ml_window_take_chosen_file (dialog, response);
  g_autoptr(MlWindow) self = save->self;
  MlWindowThen then = save->then;

  g_free (save);
  if (file != NULL && ml_window_actions_save_to (self, file) && then != NULL)
    then (self, NULL);
}

/**
 * _ml_window_save_as:
 * @then: (nullable): what to do once saved; nothing happens if the learner cancels
 *
 * Asks where to save, suggesting the open file's name and folder.
 */
void
_ml_window_save_as (MlWindow     *self,
                    MlWindowThen  then)
{
  GtkFileChooserNative *chooser = _ml_window_new_chooser (self, _("Save Scenario"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  MlWindowActionsSave *save = g_new (MlWindowActionsSave, 1);
  GFile *current = ml_lab_get_file (self->lab);

  ml_window_actions_add_scenario_filter (chooser);
  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("scenario.mlscenario"));
  save->self = g_object_ref (self);
  save->then = then;
  g_signal_connect (chooser, "response", G_CALLBACK (ml_window_actions_save_response), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ml_window_actions_save_as (GtkWidget  *widget,
                           const char *name,
                           GVariant   *param)
{
  _ml_window_save_as (ML_WINDOW (widget), NULL);
}

static void
ml_window_actions_save (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  if (ml_lab_get_file (self->lab) != NULL)
    ml_window_actions_save_to (self, ml_lab_get_file (self->lab));
  else
    _ml_window_save_as (self, NULL);
}

/* Unsaved changes: Save, Discard or Cancel, as GNOME Text Editor asks. */

static void
ml_window_actions_then (MlWindow *self,
                        GFile    *unused)
{
  MlWindowThen then = self->then;
  g_autoptr(GFile) file = g_steal_pointer (&self->then_file);

  self->then = NULL;
  if (then != NULL)
    then (self, file);
}

static void
ml_window_actions_confirm_response (AdwMessageDialog *dialog,
                                    const char       *response,
                                    MlWindow         *self)
{
  GFile *current = ml_lab_get_file (self->lab);

  if (g_str_equal (response, "discard"))
    ml_window_actions_then (self, NULL);
  else if (g_str_equal (response, "save") && current != NULL)
    {
      if (ml_window_actions_save_to (self, current))
        ml_window_actions_then (self, NULL);
    }
  else if (g_str_equal (response, "save"))
    _ml_window_save_as (self, ml_window_actions_then);
  else
    {
      self->then = NULL;
      g_clear_object (&self->then_file);
    }
}

/**
 * _ml_window_confirm_discard:
 * @then: what to do once the lab's unsaved changes are saved or discarded
 * @file: (nullable): passed on to @then
 *
 * Runs @then at once when nothing is unsaved; otherwise asks first.
 */
void
_ml_window_confirm_discard (MlWindow     *self,
                            MlWindowThen  then,
                            GFile        *file)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* A lesson's lab is the lesson's, started again from its step at will: nothing to lose. */
  if (!ml_lab_get_dirty (self->lab) || ml_lesson_run_get_lesson (self->run) != NULL)
    {
      then (self, file);
      return;
    }
  self->then = then;
  g_set_object (&self->then_file, file);

  title = ml_lab_dup_title (self->lab);
  if (title != NULL)
    {
      /* Isolated, so that a title's own direction marks cannot reorder the sentence around it. */
      g_autofree char *isolated = g_strconcat ("\u2068", title, "\u2069", NULL);

      /* Translators: %s is the scenario's title or file name */
      body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be permanently lost."), isolated);
    }
  else
    body = g_strdup (_("The lab has unsaved changes. Changes which are not saved will be permanently lost."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (ml_window_actions_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ml_window_actions_export_response (GtkNativeDialog *dialog,
                                   int              response,
                                   MlWindow        *self)
{
  g_autoptr(GFile) file = _ml_window_take_chosen_file (dialog, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  name = ml_utils_display_name (file);
  if (path != NULL && ml_chart_export (ml_chart_view_get_chart (self->chart_view), path, 1200, 700, &error))
    {
      /* Translators: %s is the file's name */
      text = g_strdup_printf (_("Chart exported to “%s”"), name);
      _ml_window_toast (self, text);
      return;
    }
  /* Translators: the heading of a dialog; %s is a file's name */
  text = g_strdup_printf (_("Could Not Export to “%s”"), name);
  _ml_window_show_error (self, text, error ? error->message : _("Only local files can be written."));
}

static void
ml_window_actions_export_chart (GtkWidget  *widget,
                                const char *name,
                                GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  GtkFileChooserNative *chooser = _ml_window_new_chooser (self, _("Export Chart"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));

  ml_window_actions_add_filter (chooser, _("PNG image"), "*.png", "image/png");
  ml_window_actions_add_filter (chooser, _("SVG image"), "*.svg", "image/svg+xml");
  ml_window_actions_add_filter (chooser, _("PDF document"), "*.pdf", "application/pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("collateral-chart.png"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (ml_window_actions_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ml_window_actions_export_worksheet_response (GtkNativeDialog *dialog,
                                             int              response,
                                             MlWindow        *self)
{
  /* The choice is read before the chooser goes. */
  gboolean one_step = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "scope"), "step") == 0;
  g_autoptr(GFile) file = _ml_window_take_chosen_file (dialog, response);
  MlLesson *lesson = ml_lesson_run_get_lesson (self->run);
  g_autoptr(MlWorksheet) worksheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (file == NULL || lesson == NULL)
    return;
  worksheet = ml_worksheet_new (lesson, one_step ? ml_lesson_run_get_step_index (self->run) : ML_WORKSHEET_ALL_STEPS);
  ml_worksheet_set_direction (worksheet, gtk_get_locale_direction () == GTK_TEXT_DIR_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  if ((path = g_file_get_path (file)) != NULL && ml_worksheet_write (worksheet, path, NULL, &error))
    {
      _ml_window_toast (self, _("Worksheet saved"));
      return;
    }
  /* Translators: a toast; %s says why, as a sentence */
  text = g_strdup_printf (_("Could not save the worksheet: %s"), error ? error->message : _("Only local files can be written."));
  _ml_window_toast (self, text);
}

/* This lesson or this step, on the locale's paper: a handout to print. */
static void
ml_window_actions_export_worksheet (GtkWidget  *widget,
                                    const char *name,
                                    GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  MlLesson *lesson = ml_lesson_run_get_lesson (self->run);
  const char *ids[] = { "lesson", "step", NULL };
  /* Translators: the choice in the worksheet's save dialog: the whole lesson, or the step open now */
  const char *labels[] = { _("This lesson"), _("This step"), NULL };
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  if (lesson == NULL)
    return;
  chooser = _ml_window_new_chooser (self, _("Export Worksheet"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  ml_window_actions_add_filter (chooser, _("PDF document"), "*.pdf", "application/pdf");
  /* Translators: the label of the choice between the whole lesson and the step in the save dialog */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scope", _("Print"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scope", "lesson");
  suggested = g_strdup_printf ("%s.pdf", ml_lesson_get_id (lesson));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect_object (chooser, "response", G_CALLBACK (ml_window_actions_export_worksheet_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The Keyboard Shortcuts window is made when first asked for, not with the window, as
 * GtkApplication would make gtk/help-overlay.ui: start-up has no use for it. Given to the
 * window as its help overlay, its shortcuts show the application's accelerators. Its groups
 * go on two pages, so that it fits a 1024 × 768 projector; the section is paged once it holds
 * them all, since GTK 4.8 moves the groups of a later page ahead of an earlier one's each time
 * it pages them again, as it does for every group added. */
static void
ml_window_actions_show_shortcuts (GtkWidget  *widget,
                                  const char *name,
                                  GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/marginlab/MarginLab/ml-shortcuts-window.ui");

      g_object_set (gtk_builder_get_object (builder, "section"), "max-height", 14, NULL);
      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

void
_ml_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, ml_window_actions_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, ml_window_actions_redo);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, ml_window_actions_new);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, ml_window_actions_open);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, ml_window_actions_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, ml_window_actions_save_as);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, ml_window_actions_export_chart);
  gtk_widget_class_install_action (widget_class, "win.export-worksheet", NULL, ml_window_actions_export_worksheet);
  gtk_widget_class_install_action (widget_class, "win.place-order", NULL, ml_window_actions_place_order);
  gtk_widget_class_install_action (widget_class, "win.close-position", "s", ml_window_actions_close_position);
  gtk_widget_class_install_action (widget_class, "win.add-margin", "(sd)", ml_window_actions_change_margin);
  gtk_widget_class_install_action (widget_class, "win.remove-margin", "(sd)", ml_window_actions_change_margin);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, ml_window_actions_play);
  gtk_widget_class_install_action (widget_class, "win.step", NULL, ml_window_actions_step);
  gtk_widget_class_install_action (widget_class, "win.reset-zoom", NULL, ml_window_actions_reset_zoom);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, ml_window_actions_show_shortcuts);
}

void
_ml_window_update_actions (MlWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_path = ml_lab_get_path_length (self->lab) > 0;
  gboolean playing = self->play_source != 0;
  const char *play = playing ? _("Pause the price path") : _("Play the price path");

  gtk_widget_action_set_enabled (widget, "win.undo", ml_lab_get_can_undo (self->lab));
  gtk_widget_action_set_enabled (widget, "win.redo", ml_lab_get_can_redo (self->lab));
  gtk_widget_action_set_enabled (widget, "win.place-order", ml_order_panel_get_valid (self->order_panel));
  gtk_widget_action_set_enabled (widget, "win.play", has_path);
  gtk_widget_action_set_enabled (widget, "win.step", has_path);
  gtk_widget_action_set_enabled (widget, "win.reset-zoom", ml_chart_view_get_zoomed (self->chart_view));

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), play);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL, play, -1);
}
