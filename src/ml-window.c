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

#include "ml-fold-box.h"
#include "ml-utils.h"
#include "ml-window-private.h"

G_DEFINE_FINAL_TYPE (MlWindow, ml_window, ADW_TYPE_APPLICATION_WINDOW)

/* The account bar and the mark control */

static const char *
ml_window_ratio_words (MlRatioLevel level)
{
  switch (level)
    {
    case ML_RATIO_LEVEL_NONE:
      return _("no cross positions");
    case ML_RATIO_LEVEL_LIQUIDATION:
      /* Translators: a mark on the margin ratio's scale; % is a percent sign: use your language's spacing before it */
      return _("liquidation at 100\u00a0%");
    case ML_RATIO_LEVEL_WARNING:
      /* Translators: a mark on the margin ratio's scale; % is a percent sign: use your language's spacing before it */
      return _("warning: above 80\u00a0%");
    case ML_RATIO_LEVEL_SAFE:
    default:
      return _("safe");
    }
}

static void
ml_window_update_account_bar (MlWindow  *self,
                              MlAccount *account)
{
  MlRatioLevel level = ml_account_get_margin_ratio_level (account);
  g_autofree char *wallet = ml_money_format_usdt (ml_account_get_wallet_balance (account));
  g_autofree char *equity = ml_money_format_usdt (ml_account_get_equity (account));
  g_autofree char *pool = ml_money_format_usdt (ml_account_get_cross_pool (account));
  g_autofree char *percent = ml_money_format_percent (ml_account_get_cross_margin_ratio (account));
  /* Translators: the margin ratio with its reading, "12.34 %, safe" */
  g_autofree char *ratio = level == ML_RATIO_LEVEL_NONE ? g_strdup (ml_window_ratio_words (level))
                                                        : g_strdup_printf (_("%s, %s"), percent, ml_window_ratio_words (level));

  ml_explain_button_set_label (self->wallet_button, wallet);
  ml_explain_button_set_label (self->equity_button, equity);
  ml_explain_button_set_label (self->pool_button, pool);
  ml_explain_button_set_label (self->ratio_button, ratio);
  gtk_widget_remove_css_class (GTK_WIDGET (self->ratio_button), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->ratio_button), "error");
  if (level == ML_RATIO_LEVEL_WARNING)
    gtk_widget_add_css_class (GTK_WIDGET (self->ratio_button), "warning");
  else if (level == ML_RATIO_LEVEL_LIQUIDATION)
    gtk_widget_add_css_class (GTK_WIDGET (self->ratio_button), "error");
}

static void
ml_window_show_mark (MlWindow *self,
                     double    mark)
{
  g_autofree char *text = ml_money_format_price (mark);

  self->mark_shown = mark;
  gtk_editable_set_text (GTK_EDITABLE (self->mark_entry), text);
  ml_utils_show_error (self->mark_error, GTK_WIDGET (self->mark_entry), NULL);
}

/* Whether the learner has typed in the mark entry and not yet pressed Enter: then what they
 * typed stays. Anything else shows the mark, whatever moved it. */
static gboolean
ml_window_mark_is_being_typed (MlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autofree char *shown = ml_money_format_price (self->mark_shown);

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->mark_entry))
         && !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->mark_entry)), shown);
}

/* The slider spans the chart's range, widened to hold the mark. While the slider is being
 * moved its ends stay put, so that they do not run away from the learner's pointer. */
static void
ml_window_update_mark_control (MlWindow  *self,
                               MlAccount *account)
{
  double mark = ml_account_get_mark_price (account);
  double lo, hi, step, page;

  ml_chart_view_get_steps (self->chart_view, &step, &page);
  if (self->sliding)
    {
      lo = gtk_adjustment_get_lower (self->mark_adjustment);
      hi = gtk_adjustment_get_upper (self->mark_adjustment);
    }
  else
    ml_chart_get_range (ml_chart_view_get_chart (self->chart_view), &lo, &hi);
  /* The slider's keys step as the chart's do: by round amounts. */
  gtk_adjustment_configure (self->mark_adjustment, mark, MIN (lo, mark), MAX (hi, mark), step, page, 0);
  if (!ml_window_mark_is_being_typed (self))
    ml_window_show_mark (self, mark);
}

static void
ml_window_update_path (MlWindow *self)
{
  guint n = ml_lab_get_path_length (self->lab);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->path_box, n > 0);
  if (n == 0)
    return;
  /* Translators: where playback of the scenario's price path has got to */
  text = g_strdup_printf (_("Step %u of %u"), ml_lab_get_path_position (self->lab), n);
  gtk_label_set_text (self->path_label, text);
}

/* The subtitle names the lesson being taken, or else the scenario and whether it is saved. */
void
_ml_window_update_title (MlWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  MlLesson *lesson = self->run != NULL ? ml_lesson_run_get_lesson (self->run) : NULL;

  if (lesson != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, ml_lesson_get_title (lesson));
      return;
    }
  title = ml_lab_dup_title (self->lab);
  if (title == NULL)
    title = g_strdup (_("Free practice"));
  /* Translators: the window's subtitle when the lab has unsaved changes; GNOME marks them with
   * a bullet in front of the name */
  subtitle = ml_lab_get_dirty (self->lab) ? g_strdup_printf (_("• %s"), title) : g_strdup (title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Brings every view up to date once the lab has changed: every number is current by then. */
static void
ml_window_lab_changed (MlWindow *self)
{
  MlAccount *account = ml_lab_get_account (self->lab);

  ml_window_update_account_bar (self, account);
  ml_chart_view_update (self->chart_view);
  ml_window_update_mark_control (self, account);
  ml_order_panel_update (self->order_panel);
  ml_window_update_path (self);
  _ml_window_update_title (self);
  _ml_window_update_actions (self);
}

/* Undo, Redo, Open and New put another account in the lab: every view follows it. */
static void
ml_window_account_replaced (MlWindow *self)
{
  MlAccount *account = ml_lab_get_account (self->lab);

  ml_chart_view_set_account (self->chart_view, account);
  ml_order_panel_set_account (self->order_panel, account);
  ml_position_list_set_account (self->position_list, account);
}

/* A fresh start is a new view of the chart, and stops what was playing; saving is not. */
static void
ml_window_lab_started (MlWindow *self)
{
  _ml_window_stop_playing (self);
  ml_chart_view_reset_zoom (self->chart_view);
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

/* Messages */

/* libadwaita 1.2 reads a toast's title as markup: ids and file names in it are escaped. */
void
_ml_window_toast (MlWindow   *self,
                  const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A change the model refused: its reason, where the learner is looking. */
void
_ml_window_toast_error (MlWindow *self,
                        GError   *error)
{
  _ml_window_toast (self, error->message);
}

void
_ml_window_show_error (MlWindow   *self,
                       const char *heading,
                       const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Template callbacks */

static void
ml_window_move_mark (MlWindow  *self,
                     double     price,
                     MlLabStep  step)
{
  g_autoptr(GError) error = NULL;

  if (!ml_lab_move_mark (self->lab, price, step, &error))
    _ml_window_toast_error (self, error);
}

static void
ml_window_chart_moved_mark (MlWindow *self,
                            double    price,
                            gboolean  new_step)
{
  ml_window_move_mark (self, price, new_step ? ML_LAB_STEP_NEW : ML_LAB_STEP_JOIN);
}

static gboolean
ml_window_mark_slid (MlWindow      *self,
                     GtkScrollType  scroll,
                     double         value)
{
  MlContract *contract = ml_account_get_contract (ml_lab_get_account (self->lab));

  self->sliding = TRUE;
  ml_window_move_mark (self, CLAMP (ml_contract_snap_to_tick (contract, value), ML_MIN_PRICE, ML_MAX_PRICE),
                       ML_LAB_STEP_JOIN);
  self->sliding = FALSE;
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
  MlAccount *account = ml_lab_get_account (self->lab);
  g_autofree char *lowest = ml_money_format_price_usdt (ML_MIN_PRICE);
  g_autofree char *highest = ml_money_format_price_usdt (ML_MAX_PRICE);
  g_autofree char *problem = NULL;
  double price;

  if (ml_utils_is_blank (text))
    {
      ml_window_show_mark (self, ml_account_get_mark_price (account));
      return;
    }
  if (!ml_money_parse (text, &price))
    /* Translators: %s is what was typed; write 60,000.0 in your locale's way */
    problem = g_strdup_printf (_("“%s” is not a price. Type one such as 60,000.0."), text);
  else if (!ml_price_is_valid (price))
    /* Translators: "The mark price must be between 0.1 USDT and 100,000,000.0 USDT." */
    problem = g_strdup_printf (_("The mark price must be between %s and %s."), lowest, highest);

  if (problem != NULL)
    {
      ml_utils_show_error (self->mark_error, GTK_WIDGET (self->mark_entry), problem);
      return;
    }
  ml_window_move_mark (self, ml_contract_snap_to_tick (ml_account_get_contract (account), price), ML_LAB_STEP_NEW);
  ml_window_show_mark (self, ml_account_get_mark_price (ml_lab_get_account (self->lab)));
}

/* Zooming in or back out is a new view: the mark slider spans it. */
static void
ml_window_zoom_changed (MlWindow *self)
{
  ml_window_update_mark_control (self, ml_lab_get_account (self->lab));
  _ml_window_update_actions (self);
}

static char *
ml_window_explain_pool (gpointer data)
{
  MlWindow *self = data;

  return ml_explain_remaining_collateral (ml_lab_get_account (self->lab), NULL);
}

static char *
ml_window_explain_wallet (gpointer data)
{
  MlWindow *self = data;

  return ml_explain_wallet_balance (ml_lab_get_account (self->lab));
}

static char *
ml_window_explain_equity (gpointer data)
{
  MlWindow *self = data;

  return ml_explain_equity (ml_lab_get_account (self->lab));
}

static char *
ml_window_explain_ratio (gpointer data)
{
  MlWindow *self = data;

  return ml_explain_margin_ratio (ml_lab_get_account (self->lab));
}

/* Closing */

static void
ml_window_close_now (MlWindow *self,
                     GFile    *file)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ml_window_close_request (GtkWindow *window)
{
  MlWindow *self = ML_WINDOW (window);

  if (self->close_confirmed || !ml_lab_get_dirty (self->lab))
    return GTK_WINDOW_CLASS (ml_window_parent_class)->close_request (window);
  _ml_window_confirm_discard (self, ml_window_close_now, NULL);
  return TRUE;
}

/* GObject */

static void
ml_window_dispose (GObject *object)
{
  MlWindow *self = ML_WINDOW (object);

  g_clear_handle_id (&self->play_source, g_source_remove);
  _ml_window_dispose_presentation (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_WINDOW);
  g_clear_object (&self->run);
  g_clear_object (&self->library);
  g_clear_object (&self->lab);
  g_clear_object (&self->then_file);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ml_window_parent_class)->dispose (object);
}

static void
ml_window_class_init (MlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ml_window_dispose;
  window_class->close_request = ml_window_close_request;

  g_type_ensure (ML_TYPE_CHART_VIEW);
  g_type_ensure (ML_TYPE_EXPLAIN_BUTTON);
  g_type_ensure (ML_TYPE_FOLD_BOX);
  g_type_ensure (ML_TYPE_LESSON_CARD);
  g_type_ensure (ML_TYPE_LESSON_SIDEBAR);
  g_type_ensure (ML_TYPE_ORDER_PANEL);
  g_type_ensure (ML_TYPE_POSITION_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, lesson_card);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, lab_scroller);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, compare_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, order_panel);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, account_bar);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, wallet_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, equity_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, pool_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, ratio_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, path_box);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, path_label);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, speed_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, speed_menu);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mark_scale);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mark_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mark_entry);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, mark_error);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, reset_zoom_button);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, position_list);
  gtk_widget_class_bind_template_child (widget_class, MlWindow, leave_presentation_button);
  gtk_widget_class_bind_template_callback (widget_class, ml_window_chart_moved_mark);
  gtk_widget_class_bind_template_callback (widget_class, ml_window_mark_slid);
  gtk_widget_class_bind_template_callback (widget_class, ml_window_mark_typed);
  gtk_widget_class_bind_template_callback (widget_class, ml_window_mark_editing);

  _ml_window_class_add_actions (widget_class);
  _ml_window_class_add_lesson_actions (widget_class);
}

static void
ml_window_bind_settings (MlWindow *self)
{
  g_autoptr(GAction) compare = NULL;

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "compare-modes", self->lab, "compare", G_SETTINGS_BIND_DEFAULT);
  /* The Preferences set what New starts with; the lab decides when an open lab takes them. */
  g_settings_bind (self->settings, "charge-fees", self->lab, "fresh-charge-fees", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "taker-fee-rate", self->lab, "fresh-taker-fee-rate", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "maker-fee-rate", self->lab, "fresh-maker-fee-rate", G_SETTINGS_BIND_GET);
  g_object_bind_property (self->lab, "compare", self->chart_view, "compare", G_BINDING_SYNC_CREATE);
  compare = g_settings_create_action (self->settings, "compare-modes");
  g_action_map_add_action (G_ACTION_MAP (self), compare);
}

static void
ml_window_follow_lab (MlWindow *self)
{
  g_signal_connect_object (self->lab, "notify::account", G_CALLBACK (ml_window_account_replaced),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lab, "started", G_CALLBACK (ml_window_lab_started),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lab, "changed", G_CALLBACK (ml_window_lab_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lab, "liquidated", G_CALLBACK (ml_window_liquidated),
                           self, G_CONNECT_SWAPPED);
  ml_window_account_replaced (self);
  ml_window_lab_changed (self);
}

/* A menu's popover is made the first time it opens, not with the window: the first frame
 * has no use for it. */
static void
ml_window_create_menu (GtkMenuButton *button,
                       gpointer       model)
{
  gtk_menu_button_set_menu_model (button, model);
}

/* A widget's direction is its own, not inherited: set it on every part. */
static void
ml_window_set_left_to_right (GtkWidget *widget)
{
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    ml_window_set_left_to_right (child);
}

static void
ml_window_init (MlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->main_menu_button, ml_window_create_menu, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->speed_button, ml_window_create_menu, self->speed_menu, NULL);
  self->lab = ml_lab_new ();
  self->play_speed = 1;
  ml_window_bind_settings (self);
  _ml_window_add_actions (self);
  _ml_window_setup_presentation (self);

  /* The account bar is a flow box only so that it wraps in a narrow window: its cells are not
   * things to select or to stop at with Tab. */
  for (GtkWidget *cell = gtk_widget_get_first_child (self->account_bar); cell; cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);

  /* Prices grow to the right on the chart in every language: the slider that moves the mark
   * along it does too, and so do the media buttons that play the mark along its path (mirrored,
   * GTK would flip one icon and not the other). */
  ml_window_set_left_to_right (GTK_WIDGET (self->mark_scale));
  ml_window_set_left_to_right (self->path_box);

  ml_explain_button_set_title (self->wallet_button, _("Wallet balance"));
  ml_explain_button_set_title (self->equity_button, _("Equity"));
  ml_explain_button_set_title (self->pool_button, _("Cross pool"));
  ml_explain_button_set_title (self->ratio_button, _("Margin ratio"));
  ml_explain_button_set_func (self->wallet_button, ml_window_explain_wallet, self, NULL);
  ml_explain_button_set_func (self->equity_button, ml_window_explain_equity, self, NULL);
  ml_explain_button_set_func (self->pool_button, ml_window_explain_pool, self, NULL);
  ml_explain_button_set_func (self->ratio_button, ml_window_explain_ratio, self, NULL);

  g_signal_connect_object (self->order_panel, "notify::valid", G_CALLBACK (_ml_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_view, "notify::zoomed", G_CALLBACK (ml_window_zoom_changed),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->chart_view, "zoomed", self->reset_zoom_button, "visible", G_BINDING_SYNC_CREATE);

  ml_window_follow_lab (self);
}

MlWindow *
ml_window_new (GtkApplication *application)
{
  MlWindow *self = g_object_new (ML_TYPE_WINDOW, "application", application, NULL);

  /* Its application shares the lessons and the progress with every window. */
  _ml_window_setup_lessons (self);
  return self;
}

/**
 * ml_window_get_lab:
 *
 * Returns: (transfer none): the lab the window shows; every view follows it
 */
MlLab *
ml_window_get_lab (MlWindow *self)
{
  g_return_val_if_fail (ML_IS_WINDOW (self), NULL);
  return self->lab;
}

/* A file that could not be opened or saved: the heading names it (@saving: Save, else Open), the body says what is
 * wrong and where in the file, as the command line does. */
void
_ml_window_show_file_error (MlWindow     *self,
                            gboolean      saving,
                            GFile        *file,
                            const GError *error)
{
  g_autofree char *name = ml_utils_display_name (file);
  g_autofree char *path = g_file_get_path (file);
  /* Translators: the heading of a dialog; %s is a file's name */
  g_autofree char *heading = saving ? g_strdup_printf (_("Could Not Save “%s”"), name)
                                    /* Translators: the heading of a dialog; %s is a file's name */
                                    : g_strdup_printf (_("Could Not Open “%s”"), name);
  g_autofree char *body = path ? ml_scenario_describe_error (error, path) : g_strdup (error->message);

  _ml_window_show_error (self, heading, body);
}

static void
ml_window_open_now (MlWindow *self,
                    GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!ml_lab_open_file (self->lab, file, &error))
    _ml_window_show_file_error (self, FALSE, file, error);
}

/**
 * ml_window_open_file:
 *
 * Opens a scenario file, once unsaved changes have been saved or discarded. A broken file is
 * refused in a dialog with the command line's reason, and the lab is kept as it was.
 */
void
ml_window_open_file (MlWindow *self,
                     GFile    *file)
{
  g_return_if_fail (ML_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _ml_window_confirm_discard (self, ml_window_open_now, file);
}
