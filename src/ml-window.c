/* ml-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lab: the order panel on the left; the account bar, the collateral chart, the mark price
 * control and the positions on the right. The window owns the account. Every change goes
 * through _ml_window_change() or _ml_window_move_mark(), which keep a copy of the state before
 * it for Undo; Undo swaps the copy in and every view follows the window's account.
 */

#define G_LOG_DOMAIN "ml-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-position-row.h"
#include "ml-utils.h"
#include "ml-window-private.h"

/* A fresh lab: a round balance to learn with, near BTC's price when the article was written. */
#define FRESH_BALANCE    1000.0
#define FRESH_MARK_PRICE 60000.0

G_DEFINE_FINAL_TYPE (MlWindow, ml_window, ADW_TYPE_APPLICATION_WINDOW)

/* The account bar and the mark control */

static const char *
ml_window_ratio_words (MlAccount *account)
{
  double ratio = ml_account_get_cross_margin_ratio (account);

  if (ml_account_get_n_cross_positions (account) == 0)
    return _("no cross positions");
  if (ratio >= 1)
    return _("liquidation at 100 %");
  if (ratio >= 0.8)
    return _("warning: above 80 %");
  return _("safe");
}

static void
ml_window_update_account_bar (MlWindow *self)
{
  g_autofree char *wallet = ml_money_format_usdt (ml_account_get_wallet_balance (self->account));
  g_autofree char *equity = ml_money_format_usdt (ml_account_get_equity (self->account));
  g_autofree char *pool = ml_money_format_usdt (ml_account_get_cross_pool (self->account));
  g_autofree char *percent = ml_money_format_percent (ml_account_get_cross_margin_ratio (self->account));
  /* Translators: the margin ratio with its reading, "12.34 %, safe" */
  g_autofree char *ratio = ml_account_get_n_cross_positions (self->account) == 0
                           ? g_strdup (ml_window_ratio_words (self->account))
                           : g_strdup_printf (_("%s, %s"), percent, ml_window_ratio_words (self->account));

  gtk_label_set_text (self->wallet_label, wallet);
  gtk_label_set_text (self->equity_label, equity);
  ml_explain_button_set_label (self->pool_button, pool);
  ml_explain_button_set_label (self->ratio_button, ratio);
  gtk_widget_remove_css_class (GTK_WIDGET (self->ratio_button), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->ratio_button), "error");
  if (ml_account_get_n_cross_positions (self->account) > 0 && ml_account_get_cross_margin_ratio (self->account) >= 0.8)
    gtk_widget_add_css_class (GTK_WIDGET (self->ratio_button),
                              ml_account_get_cross_margin_ratio (self->account) >= 1 ? "error" : "warning");
}

static void
ml_window_show_mark (MlWindow *self)
{
  g_autofree char *text = ml_money_format_price (ml_account_get_mark_price (self->account));

  gtk_editable_set_text (GTK_EDITABLE (self->mark_entry), text);
  ml_utils_show_error (self->mark_error, GTK_WIDGET (self->mark_entry), NULL);
}

/* The slider spans the chart's range, widened to hold the mark. While the mark is being moved
 * its ends stay put, so that they do not run away from the learner's pointer: the chart's
 * automatic range follows the mark. */
static void
ml_window_update_mark_control (MlWindow *self)
{
  double mark = ml_account_get_mark_price (self->account);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  double lo, hi;

  if (self->mark_step_open)
    {
      lo = gtk_adjustment_get_lower (self->mark_adjustment);
      hi = gtk_adjustment_get_upper (self->mark_adjustment);
    }
  else
    ml_chart_get_range (ml_chart_view_get_chart (self->chart_view), &lo, &hi);
  gtk_adjustment_configure (self->mark_adjustment, mark, MIN (lo, mark), MAX (hi, mark),
                            (hi - lo) / 200, (hi - lo) / 20, 0);
  /* Not while the learner is typing a price there. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->mark_entry)))
    ml_window_show_mark (self);
}

static void
ml_window_update_title (MlWindow *self)
{
  const char *title = self->scenario ? ml_scenario_get_title (self->scenario) : NULL;
  g_autofree char *name = self->file ? g_file_get_basename (self->file) : NULL;

  adw_window_title_set_subtitle (self->window_title,
                                 title && *title ? title : name ? name : _("Free practice"));
}

/**
 * _ml_window_refresh:
 *
 * Brings every view up to date after the account changed. The rows follow their positions
 * by themselves.
 */
void
_ml_window_refresh (MlWindow *self)
{
  ml_window_update_account_bar (self);
  ml_chart_view_update (self->chart_view);
  ml_window_update_mark_control (self);
  ml_order_panel_update (self->order_panel);
  ml_window_update_title (self);
  _ml_window_update_actions (self);
}

/* The account */

static GtkWidget *
ml_window_create_row (gpointer item,
             gpointer user_data)
{
  MlWindow *self = user_data;

  return ml_position_row_new (self->account, item);
}

static void
ml_window_liquidated (MlWindow   *self,
             MlPosition *position,
             double      price)
{
  g_autofree char *size = ml_money_format_btc (ml_position_get_quantity (position));
  g_autofree char *at = ml_money_format_price (price);
  g_autofree char *message = NULL;

  if (ml_position_get_mode (position) == ML_MARGIN_MODE_ISOLATED)
    /* Translators: a toast, "Position a (0.1000 BTC, isolated) was liquidated at 54,321.0" */
    message = g_strdup_printf (_("Position %s (%s, isolated) was liquidated at %s"),
                               ml_position_get_id (position), size, at);
  else
    /* Translators: a toast when the cross pool runs out, naming one of its positions */
    message = g_strdup_printf (_("Position %s (%s, cross) was liquidated at %s with the whole cross pool"),
                               ml_position_get_id (position), size, at);
  _ml_window_toast (self, message);
}

/**
 * _ml_window_replace_account:
 *
 * Puts @account in the lab: every view follows it. Used by Undo, Redo and Open.
 */
void
_ml_window_replace_account (MlWindow  *self,
                            MlAccount *account)
{
  if (self->account != NULL)
    g_clear_signal_handler (&self->liquidated_handler, self->account);
  g_set_object (&self->account, account);
  self->liquidated_handler = g_signal_connect_object (account, "liquidated", G_CALLBACK (ml_window_liquidated),
                                                      self, G_CONNECT_SWAPPED);
  self->mark_step_open = FALSE;

  ml_chart_view_set_account (self->chart_view, account);
  ml_order_panel_set_account (self->order_panel, account);
  gtk_list_box_bind_model (self->positions_list, ml_account_get_positions (account), ml_window_create_row, self, NULL);
  _ml_window_refresh (self);
}

static void
ml_window_push_undo (MlWindow  *self,
            MlAccount *before)
{
  g_ptr_array_add (self->undo, before);
  g_ptr_array_set_size (self->redo, 0);
}

/* Applies one change; @before (nullable, consumed) is kept for Undo if the change is made. */
static gboolean
ml_window_apply (MlWindow     *self,
        MlChangeFunc  func,
        gpointer      data,
        MlAccount    *before,
        gboolean      mark_step)
{
  g_autoptr(MlAccount) owned = before;
  g_autoptr(GError) error = NULL;

  if (!func (self->account, data, &error))
    {
      _ml_window_toast (self, error->message);
      return FALSE;
    }
  if (owned != NULL)
    ml_window_push_undo (self, g_steal_pointer (&owned));
  self->mark_step_open = mark_step;
  _ml_window_refresh (self);
  return TRUE;
}

/**
 * _ml_window_change:
 * @func: changes the account, or refuses and changes nothing
 *
 * Applies one change the learner made; a refusal is told in a toast.
 *
 * Returns: %TRUE if the account changed
 */
gboolean
_ml_window_change (MlWindow     *self,
                   MlChangeFunc  func,
                   gpointer      data)
{
  return ml_window_apply (self, func, data, ml_account_copy (self->account), FALSE);
}

static gboolean
ml_window_move_mark (MlAccount *account,
            gpointer   data,
            GError   **error)
{
  return ml_account_move_mark_price (account, *(double *)data, NULL, error);
}

/**
 * _ml_window_move_mark:
 * @new_step: %FALSE to join the previous mark move in one undo step (a drag, the slider)
 */
gboolean
_ml_window_move_mark (MlWindow *self,
                      double    price,
                      gboolean  new_step)
{
  if (price == ml_account_get_mark_price (self->account))
    return TRUE;
  return ml_window_apply (self, ml_window_move_mark, &price,
                 new_step || !self->mark_step_open ? ml_account_copy (self->account) : NULL, TRUE);
}

/* Messages */

void
_ml_window_toast (MlWindow   *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_ml_window_show_error (MlWindow   *self,
                       const char *heading,
                       const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Template callbacks */

static void
ml_window_chart_moved_mark (MlWindow *self,
                   double    price,
                   gboolean  new_step)
{
  _ml_window_move_mark (self, price, new_step);
}

static gboolean
ml_window_mark_slid (MlWindow      *self,
            GtkScrollType  scroll,
            double         value)
{
  MlContract *contract = ml_account_get_contract (self->account);

  _ml_window_move_mark (self, CLAMP (ml_contract_snap_to_tick (contract, value), ML_MIN_PRICE, ML_MAX_PRICE), FALSE);
  return TRUE;
}

static void
ml_window_mark_editing (MlWindow *self)
{
  ml_utils_show_error (self->mark_error, GTK_WIDGET (self->mark_entry), NULL);
}

static void
ml_window_mark_typed (MlWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->mark_entry));
  g_autofree char *lowest = ml_money_format_price (ML_MIN_PRICE);
  g_autofree char *highest = ml_money_format_price (ML_MAX_PRICE);
  g_autofree char *problem = NULL;
  double price;

  if (ml_utils_is_blank (text))
    {
      ml_window_show_mark (self);
      return;
    }
  if (!ml_money_parse (text, &price))
    problem = g_strdup_printf (_("“%s” is not a price. Type one such as 60,000.0."), text);
  else if (!ml_price_is_valid (price))
    problem = g_strdup_printf (_("The mark price must be between %s and %s USDT."), lowest, highest);

  if (problem != NULL)
    {
      ml_utils_show_error (self->mark_error, GTK_WIDGET (self->mark_entry), problem);
      return;
    }
  _ml_window_move_mark (self, ml_contract_snap_to_tick (ml_account_get_contract (self->account), price), TRUE);
  ml_window_show_mark (self);
}

/* Zooming in or back out is a new view: the mark slider spans it. */
static void
ml_window_zoom_changed (MlWindow *self)
{
  self->mark_step_open = FALSE;
  _ml_window_refresh (self);
}

static char *
ml_window_explain_pool (gpointer data)
{
  MlWindow *self = data;

  return ml_explain_remaining_collateral (self->account, NULL);
}

static char *
ml_window_explain_ratio (gpointer data)
{
  MlWindow *self = data;

  return ml_explain_margin_ratio (self->account);
}

/* GObject */

static void
ml_window_dispose (GObject *object)
{
  MlWindow *self = ML_WINDOW (object);

  g_clear_handle_id (&self->play_source, g_source_remove);
  if (self->account != NULL)
    g_clear_signal_handler (&self->liquidated_handler, self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_WINDOW);
  g_clear_object (&self->account);
  g_clear_object (&self->scenario);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  G_OBJECT_CLASS (ml_window_parent_class)->dispose (object);
}

static void
ml_window_class_init (MlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_window_dispose;

  g_type_ensure (ML_TYPE_CHART_VIEW);
  g_type_ensure (ML_TYPE_EXPLAIN_BUTTON);
  g_type_ensure (ML_TYPE_ORDER_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, order_panel);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, account_bar);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, wallet_label);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, equity_label);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, pool_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, ratio_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mark_scale);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mark_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mark_entry);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mark_error);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, reset_zoom_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, positions_list);
  gtk_widget_class_bind_template_callback (widget_class, ml_window_chart_moved_mark);
  gtk_widget_class_bind_template_callback (widget_class, ml_window_mark_slid);
  gtk_widget_class_bind_template_callback (widget_class, ml_window_mark_typed);
  gtk_widget_class_bind_template_callback (widget_class, ml_window_mark_editing);

  _ml_window_class_add_actions (widget_class);
}

static void
ml_window_bind_settings (MlWindow *self)
{
  g_autoptr(GAction) compare = NULL;

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "compare-modes", self->chart_view, "compare", G_SETTINGS_BIND_DEFAULT);
  compare = g_settings_create_action (self->settings, "compare-modes");
  g_action_map_add_action (G_ACTION_MAP (self), compare);
}

static void
ml_window_init (MlWindow *self)
{
  g_autoptr(MlAccount) fresh = NULL;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
  ml_window_bind_settings (self);

  placeholder = gtk_label_new (_("No open positions. Set up an order on the left and open it."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->positions_list, placeholder);

  /* The account bar is a flow box only so that it wraps in a narrow window: its cells are not
   * things to select or to stop at with Tab. */
  for (GtkWidget *cell = gtk_widget_get_first_child (self->account_bar); cell; cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);

  ml_explain_button_set_title (self->pool_button, _("Cross pool"));
  ml_explain_button_set_title (self->ratio_button, _("Margin ratio"));
  ml_explain_button_set_func (self->pool_button, ml_window_explain_pool, self, NULL);
  ml_explain_button_set_func (self->ratio_button, ml_window_explain_ratio, self, NULL);

  g_signal_connect_object (self->order_panel, "notify::valid", G_CALLBACK (_ml_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_view, "notify::zoomed", G_CALLBACK (ml_window_zoom_changed),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->chart_view, "zoomed", self->reset_zoom_button, "visible", G_BINDING_SYNC_CREATE);

  fresh = ml_account_new (ml_brackets_get_default (), FRESH_BALANCE, FRESH_MARK_PRICE);
  _ml_window_replace_account (self, fresh);
}

MlWindow *
ml_window_new (GtkApplication *application)
{
  return g_object_new (ML_TYPE_WINDOW, "application", application, NULL);
}

MlAccount *
ml_window_get_account (MlWindow *self)
{
  g_return_val_if_fail (ML_IS_WINDOW (self), NULL);
  return self->account;
}

/**
 * ml_window_set_scenario:
 * @file: (nullable): where it came from, and where Save writes
 *
 * Starts the lab afresh from @scenario; the undo history starts again too.
 */
void
ml_window_set_scenario (MlWindow   *self,
                        MlScenario *scenario,
                        GFile      *file)
{
  g_return_if_fail (ML_IS_WINDOW (self));
  g_return_if_fail (ML_IS_SCENARIO (scenario));

  g_clear_handle_id (&self->play_source, g_source_remove);
  g_set_object (&self->scenario, scenario);
  g_set_object (&self->file, file);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->path_step = 0;
  ml_chart_view_reset_zoom (self->chart_view);
  _ml_window_replace_account (self, ml_scenario_get_account (scenario));
}

/**
 * ml_window_open_file:
 *
 * Opens a scenario file. A broken one is refused with the same one-line reason the command
 * line gives, and the lab is kept as it was.
 *
 * Returns: %TRUE if the file was opened
 */
gboolean
ml_window_open_file (MlWindow *self,
                     GFile    *file)
{
  g_autoptr(MlScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ML_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s: only local files can be opened"), uri);

      _ml_window_show_error (self, _("Could Not Open the Scenario"), message);
      return FALSE;
    }
  if (!(scenario = ml_scenario_new_from_file (path, &error)))
    {
      _ml_window_show_error (self, _("Could Not Open the Scenario"), error->message);
      return FALSE;
    }
  ml_window_set_scenario (self, scenario, file);
  return TRUE;
}

/**
 * ml_window_save_file:
 *
 * Saves the lab as a scenario, atomically; on failure the dialog says why and nothing on disk
 * has changed.
 */
gboolean
ml_window_save_file (MlWindow *self,
                     GFile    *file)
{
  g_autoptr(MlScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ML_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  scenario = self->scenario ? ml_scenario_new_with_account (self->scenario, self->account)
                            : ml_scenario_new (self->account);
  path = g_file_get_path (file);
  if (path == NULL || !ml_scenario_save (scenario, path, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf ("%s: %s", name, error ? error->message : _("only local files can be saved"));

      _ml_window_show_error (self, _("Could Not Save the Scenario"), message);
      return FALSE;
    }
  g_set_object (&self->scenario, scenario);
  g_set_object (&self->file, file);
  ml_window_update_title (self);
  return TRUE;
}
