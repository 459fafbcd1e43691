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

#include "ml-window-private.h"

#define PLAY_INTERVAL_MS 600

/* Undo and Redo */

static void
ml_window_actions_swap_history (MlWindow  *self,
               GPtrArray *from,
               GPtrArray *to)
{
  MlAccount *state;

  if (from->len == 0)
    return;
  state = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, g_object_ref (self->account));
  _ml_window_replace_account (self, state);
  g_object_unref (state);
}

static void
ml_window_actions_undo (GtkWidget  *widget,
       const char *name,
       GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  ml_window_actions_swap_history (self, self->undo, self->redo);
}

static void
ml_window_actions_redo (GtkWidget  *widget,
       const char *name,
       GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  ml_window_actions_swap_history (self, self->redo, self->undo);
}

/* Orders and positions */

static gboolean
ml_window_actions_open_order (MlAccount *account,
             gpointer   data,
             GError   **error)
{
  return ml_account_open_position (account, data, error) != NULL;
}

static void
ml_window_actions_place_order (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  MlOrder order;

  if (ml_order_panel_get_order (self->order_panel, &order))
    _ml_window_change (self, ml_window_actions_open_order, &order);
}

typedef struct
{
  const char *id;
  double      amount;
} MarginChange;

static gboolean
ml_window_actions_close (MlAccount *account,
        gpointer   data,
        GError   **error)
{
  MlPosition *position = ml_account_find_position (account, data);

  g_return_val_if_fail (position != NULL, FALSE);
  return ml_account_close_position (account, position, error);
}

static gboolean
ml_window_actions_add_margin (MlAccount *account,
             gpointer   data,
             GError   **error)
{
  MarginChange *change = data;
  MlPosition *position = ml_account_find_position (account, change->id);

  g_return_val_if_fail (position != NULL, FALSE);
  return ml_account_add_margin (account, position, change->amount, error);
}

static gboolean
ml_window_actions_remove_margin (MlAccount *account,
                gpointer   data,
                GError   **error)
{
  MarginChange *change = data;
  MlPosition *position = ml_account_find_position (account, change->id);

  g_return_val_if_fail (position != NULL, FALSE);
  return ml_account_remove_margin (account, position, change->amount, error);
}

static void
ml_window_actions_close_position (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);

  if (ml_account_find_position (self->account, id) != NULL)
    _ml_window_change (self, ml_window_actions_close, (gpointer)id);
}

static void
ml_window_actions_change_margin (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  MarginChange change;

  g_variant_get (param, "(&sd)", &change.id, &change.amount);
  if (ml_account_find_position (self->account, change.id) != NULL)
    _ml_window_change (self, g_str_equal (name, "win.add-margin") ? ml_window_actions_add_margin : ml_window_actions_remove_margin, &change);
}

/* The price path */

static gboolean
ml_window_actions_step_path (MlWindow *self,
            gboolean  new_step)
{
  gsize n;
  const double *path = self->scenario ? ml_scenario_get_path (self->scenario, &n) : NULL;

  if (path == NULL || n == 0)
    return FALSE;
  if (self->path_step >= n)
    self->path_step = 0;
  _ml_window_move_mark (self, path[self->path_step++], new_step);
  return self->path_step < n;
}

static gboolean
ml_window_actions_play_tick (gpointer data)
{
  MlWindow *self = data;

  if (ml_window_actions_step_path (self, FALSE))
    return G_SOURCE_CONTINUE;
  self->play_source = 0;
  _ml_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
ml_window_actions_play (GtkWidget  *widget,
       const char *name,
       GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  if (self->play_source != 0)
    g_clear_handle_id (&self->play_source, g_source_remove);
  else if (ml_window_actions_step_path (self, TRUE))
    self->play_source = g_timeout_add (PLAY_INTERVAL_MS, ml_window_actions_play_tick, self);
  _ml_window_update_actions (self);
}

static void
ml_window_actions_step (GtkWidget  *widget,
       const char *name,
       GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  g_clear_handle_id (&self->play_source, g_source_remove);
  ml_window_actions_step_path (self, TRUE);
  _ml_window_update_actions (self);
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

static GtkFileFilter *
ml_window_actions_filter (const char *name,
         const char *pattern,
         const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

static GtkFileFilter *
ml_window_actions_scenario_filter (void)
{
  return ml_window_actions_filter (_("Margin Lab scenarios"), "*.mlscenario", "application/x-margin-lab-scenario");
}

static GtkFileChooserNative *
ml_window_actions_chooser (MlWindow             *self,
          const char           *title,
          GtkFileChooserAction  action,
          const char           *accept)
{
  return gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
}

/* The chosen file, or NULL; the chooser, ours since ml_window_actions_chooser(), is done with. */
static GFile *
ml_window_actions_chosen (GtkNativeDialog *dialog,
         int              response)
{
  GFile *file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;

  g_object_unref (dialog);
  return file;
}

static void
ml_window_actions_open_response (GtkNativeDialog *dialog,
                int              response,
                MlWindow        *self)
{
  g_autoptr(GFile) file = ml_window_actions_chosen (dialog, response);

  if (file != NULL)
    ml_window_open_file (self, file);
}

static void
ml_window_actions_open (GtkWidget  *widget,
       const char *name,
       GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  GtkFileChooserNative *chooser = ml_window_actions_chooser (self, _("Open Scenario"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               ml_window_actions_scenario_filter ());
  g_signal_connect_object (chooser, "response", G_CALLBACK (ml_window_actions_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ml_window_actions_save_response (GtkNativeDialog *dialog,
                int              response,
                MlWindow        *self)
{
  g_autoptr(GFile) file = ml_window_actions_chosen (dialog, response);

  if (file != NULL)
    ml_window_save_file (self, file);
}

static void
ml_window_actions_save_as (GtkWidget  *widget,
          const char *name,
          GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  GtkFileChooserNative *chooser = ml_window_actions_chooser (self, _("Save Scenario"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               ml_window_actions_scenario_filter ());
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("scenario.mlscenario"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (ml_window_actions_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ml_window_actions_save (GtkWidget  *widget,
       const char *name,
       GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);

  if (self->file != NULL)
    ml_window_save_file (self, self->file);
  else
    ml_window_actions_save_as (widget, name, param);
}

static void
ml_window_actions_export_response (GtkNativeDialog *dialog,
                  int              response,
                  MlWindow        *self)
{
  g_autoptr(GFile) file = ml_window_actions_chosen (dialog, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  name = g_file_get_parse_name (file);
  if (path != NULL && ml_chart_export (ml_chart_view_get_chart (self->chart_view), path, 1200, 700, &error))
    {
      message = g_strdup_printf (_("Chart exported to %s"), name);
      _ml_window_toast (self, message);
      return;
    }
  message = g_strdup_printf ("%s: %s", name, error ? error->message : _("only local files can be written"));
  _ml_window_show_error (self, _("Could Not Export the Chart"), message);
}

static void
ml_window_actions_export_chart (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MlWindow *self = ML_WINDOW (widget);
  GtkFileChooserNative *chooser = ml_window_actions_chooser (self, _("Export Chart"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ml_window_actions_filter (_("PNG image"), "*.png", "image/png"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ml_window_actions_filter (_("SVG image"), "*.svg", "image/svg+xml"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ml_window_actions_filter (_("PDF document"), "*.pdf", "application/pdf"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("collateral-chart.png"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (ml_window_actions_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ml_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, ml_window_actions_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, ml_window_actions_redo);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, ml_window_actions_open);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, ml_window_actions_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, ml_window_actions_save_as);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, ml_window_actions_export_chart);
  gtk_widget_class_install_action (widget_class, "win.place-order", NULL, ml_window_actions_place_order);
  gtk_widget_class_install_action (widget_class, "win.close-position", "s", ml_window_actions_close_position);
  gtk_widget_class_install_action (widget_class, "win.add-margin", "(sd)", ml_window_actions_change_margin);
  gtk_widget_class_install_action (widget_class, "win.remove-margin", "(sd)", ml_window_actions_change_margin);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, ml_window_actions_play);
  gtk_widget_class_install_action (widget_class, "win.step", NULL, ml_window_actions_step);
  gtk_widget_class_install_action (widget_class, "win.reset-zoom", NULL, ml_window_actions_reset_zoom);
}

void
_ml_window_update_actions (MlWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gsize n_path = 0;
  gboolean playing = self->play_source != 0;

  if (self->scenario != NULL)
    ml_scenario_get_path (self->scenario, &n_path);

  gtk_widget_action_set_enabled (widget, "win.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (widget, "win.redo", self->redo->len > 0);
  gtk_widget_action_set_enabled (widget, "win.place-order", ml_order_panel_get_valid (self->order_panel));
  gtk_widget_action_set_enabled (widget, "win.play", n_path > 0);
  gtk_widget_action_set_enabled (widget, "win.step", n_path > 0);
  gtk_widget_action_set_enabled (widget, "win.reset-zoom", ml_chart_view_get_zoomed (self->chart_view));

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play the Price Path"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause the price path") : _("Play the price path"), -1);
}
