/* ml-position-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row shows one position and follows its notifications. A list view builds a few rows and
 * binds each to the position it shows at the moment (ml_position_row_set_position()); a row
 * follows only its own position, and only the values it shows, so a mark move costs the rows
 * on screen and nothing else. Its buttons do not change the account: they activate the
 * window's actions, which keep the undo history.
 */

#define G_LOG_DOMAIN "ml-position-row"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ml-explain-button.h"
#include "ml-position-row.h"
#include "ml-utils.h"

struct _MlPositionRow
{
  GtkWidget        parent_instance;

  MlAccount       *account;
  MlPosition      *position;
  gboolean         stale;  /* changed while unmapped: brought up to date when mapped */

  GtkWidget       *box;
  GtkLabel        *title_label;
  GtkLabel        *details_label;
  MlExplainButton *liquidation_button;
  MlExplainButton *remaining_button;
  GtkMenuButton   *margin_button;
  GtkPopover      *margin_popover;  /* and what it holds: NULL until it first opens */
  GtkEntry        *amount_entry;
  GtkLabel        *amount_hint;
  GtkLabel        *amount_error;
  GtkWidget       *add_button;
  GtkWidget       *remove_button;
  GtkWidget       *close_button;
};

G_DEFINE_FINAL_TYPE (MlPositionRow, ml_position_row, GTK_TYPE_WIDGET)

static char *
ml_position_row_title (MlPosition *p)
{
  g_autofree char *size = ml_money_format_btc (ml_position_get_quantity (p));
  const char *side = ml_position_get_side (p) == ML_SIDE_LONG ? _("Long") : _("Short");

  if (ml_position_get_liquidated (p))
    /* Translators: a liquidated position's row title, "a: Long 0.1000 BTC, liquidated" */
    return g_strdup_printf (_("%s: %s %s, liquidated"), ml_position_get_id (p), side, size);
  /* Translators: a position's row title, "a: Long 0.1000 BTC" */
  return g_strdup_printf (_("%s: %s %s"), ml_position_get_id (p), side, size);
}

/* What happened, kept on the row: where it died and what liquidation realised. */
static char *
ml_position_row_liquidated_details (MlPosition *p)
{
  g_autofree char *entry = ml_money_format_price (ml_position_get_entry_price (p));
  g_autofree char *at = ml_money_format_price (ml_position_get_liquidated_at (p));
  double realized = ml_position_get_realized_pnl (p);
  g_autofree char *amount = ml_money_format_usdt (fabs (realized));
  g_autofree char *outcome = realized < 0
    /* Translators: what liquidation cost a position, "Lost 300.00 USDT" */
    ? g_strdup_printf (_("Lost %s"), amount)
    /* Translators: a cross position closed in profit when its cross pool was liquidated */
    : g_strdup_printf (_("Realised PnL %s"), amount);
  g_autofree char *leverage = ml_money_format_leverage (ml_position_get_leverage (p));

  if (ml_position_get_mode (p) == ML_MARGIN_MODE_CROSS)
    /* Translators: a liquidated cross position's details, "Cross 10× · Entry 62,000.0 · Liquidated with the cross pool at 71,314.7 · Lost 300.00 USDT" */
    return g_strdup_printf (_("Cross %s · Entry %s · Liquidated with the cross pool at %s · %s"), leverage, entry, at, outcome);
  /* Translators: a liquidated position's details, "Isolated 20× · Entry 60,000.0 · Liquidated at 57,228.9 · Lost 300.00 USDT" */
  return g_strdup_printf (_("Isolated %s · Entry %s · Liquidated at %s · %s"), leverage, entry, at, outcome);
}

static char *
ml_position_row_details (MlPosition *p)
{
  g_autofree char *entry = ml_money_format_price (ml_position_get_entry_price (p));
  gboolean cross = ml_position_get_mode (p) == ML_MARGIN_MODE_CROSS;
  g_autofree char *margin = ml_money_format_usdt (cross ? ml_position_get_initial_margin (p) : ml_position_get_margin (p));
  g_autofree char *pnl = ml_money_format_usdt (ml_position_get_unrealized_pnl (p));
  g_autofree char *roe = ml_money_format_percent (ml_position_get_roe (p));
  g_autofree char *leverage = ml_money_format_leverage (ml_position_get_leverage (p));

  if (ml_position_get_liquidated (p))
    return ml_position_row_liquidated_details (p);
  if (cross)
    /* Translators: a cross position's details: its margin is the shared pool's */
    return g_strdup_printf (_("Cross %s · Entry %s · Initial margin %s · PnL %s (%s)"),
                            leverage, entry, margin, pnl, roe);
  /* Translators: a position's details, "Isolated 10× · Entry 60,000.0 · Margin 600.00 USDT · PnL 12.00 USDT (2.00 %)" */
  return g_strdup_printf (_("Isolated %s · Entry %s · Margin %s · PnL %s (%s)"), leverage, entry, margin, pnl, roe);
}

/* A live cross position's liquidation price and collateral are the cross pool's; a liquidated
 * one keeps its own record, the pool's price when it died. */
static gboolean
ml_position_row_is_isolated (MlPositionRow *self)
{
  return ml_position_get_mode (self->position) == ML_MARGIN_MODE_ISOLATED;
}

static gboolean
ml_position_row_shows_own (MlPositionRow *self)
{
  return ml_position_row_is_isolated (self) || ml_position_get_liquidated (self->position);
}

/* A list view keeps rows bound beyond the ones on screen: those wait until they are mapped. */
static gboolean
ml_position_row_defer (MlPositionRow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  self->stale = TRUE;
  return TRUE;
}

static void
ml_position_row_update_details (MlPositionRow *self)
{
  g_autofree char *details = NULL;

  if (ml_position_row_defer (self))
    return;
  details = ml_position_row_details (self->position);
  gtk_label_set_text (self->details_label, details);
}

static void
ml_position_row_update_liquidation (MlPositionRow *self)
{
  g_autofree char *liquidation = NULL;

  if (ml_position_row_defer (self))
    return;
  liquidation = ml_money_format_price (ml_position_row_shows_own (self)
                                       ? ml_position_get_liquidation_price (self->position)
                                       : ml_account_get_cross_liquidation_price (self->account));
  ml_explain_button_set_label (self->liquidation_button, liquidation);
}

static void
ml_position_row_update_remaining (MlPositionRow *self)
{
  g_autofree char *remaining = NULL;

  if (ml_position_row_defer (self))
    return;
  remaining = ml_money_format_usdt (ml_position_row_shows_own (self)
                                    ? ml_position_get_remaining_collateral (self->position)
                                    : ml_account_get_cross_pool (self->account));
  ml_explain_button_set_label (self->remaining_button, remaining);
}

/* What changes when the position is liquidated, and the names that say which position the
 * row and its buttons are about. */
static void
ml_position_row_update_state (MlPositionRow *self)
{
  MlPosition *p = self->position;
  gboolean live = !ml_position_get_liquidated (p);
  const char *id = ml_position_get_id (p);
  g_autofree char *title = NULL, *margin_name = NULL, *close_name = NULL;

  if (ml_position_row_defer (self))
    return;
  title = ml_position_row_title (p);
  /* Translators: what a screen reader says for the button; %s is the position's id */
  margin_name = g_strdup_printf (_("Add or remove margin of position %s"), id);
  /* Translators: what a screen reader says for the button; %s is the position's id */
  close_name = live ? g_strdup_printf (_("Close position %s"), id)
                    /* Translators: what a screen reader says for the button; %s is the position's id */
                    : g_strdup_printf (_("Remove liquidated position %s from the list"), id);

  self->stale = FALSE;
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->margin_button), GTK_ACCESSIBLE_PROPERTY_LABEL, margin_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button), GTK_ACCESSIBLE_PROPERTY_LABEL, close_name, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->margin_button), ml_position_row_is_isolated (self) && live);
  /* A liquidated position can only be cleared away: closing it removes it. */
  gtk_widget_set_tooltip_text (self->close_button, live ? _("Close the position at the mark price")
                                                        : _("Remove from the list"));
  ml_utils_set_css_class (GTK_WIDGET (self), "liquidated", !live);
  ml_position_row_update_details (self);
  ml_position_row_update_liquidation (self);
  ml_position_row_update_remaining (self);
}

/* The whole details line, for a window too narrow to show it. Asked for on hover rather than
 * set on every change: setting a tooltip costs more than the rest of a row's update. */
static gboolean
ml_position_row_details_tooltip (GtkWidget  *label,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
  return gtk_label_get_layout (GTK_LABEL (label)) != NULL && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
}

static char *
ml_position_row_explain_liquidation (gpointer data)
{
  MlPositionRow *self = data;

  return ml_explain_liquidation_price (self->account, ml_position_row_shows_own (self) ? self->position : NULL);
}

static char *
ml_position_row_explain_remaining (gpointer data)
{
  MlPositionRow *self = data;

  return ml_explain_remaining_collateral (self->account, ml_position_row_shows_own (self) ? self->position : NULL);
}

/* The margin popover: each button is sensitive only when the model would take that amount. */

static char *
ml_position_row_try_margin (MlPositionRow *self,
                            double         amount,
                            gboolean       add)
{
  g_autoptr(MlAccount) copy = ml_account_copy (self->account);
  MlPosition *p = ml_account_find_position (copy, ml_position_get_id (self->position));
  g_autoptr(GError) error = NULL;

  if (add ? ml_account_add_margin (copy, p, amount, &error) : ml_account_remove_margin (copy, p, amount, &error))
    return NULL;
  return g_strdup (error->message);
}

/* Why @text is not an amount of margin, or NULL with @amount set (0 for an empty entry). */
static char *
ml_position_row_read_amount (const char *text,
                             double     *amount)
{
  *amount = 0;
  if (ml_utils_is_blank (text))
    return NULL;
  if (!ml_money_parse (text, amount))
    /* Translators: %s is what was typed; USDT is the currency of the margin */
    return g_strdup_printf (_("“%s” is not an amount. Type USDT, such as 50."), text);
  if (*amount <= 0)
    return g_strdup (_("The amount must be more than 0 USDT."));
  /* Less would change nothing the lab shows, to the cent, and still be a step to undo. */
  if (*amount < 0.01)
    {
      g_autofree char *cent = ml_money_format_usdt (0.01);

      /* Translators: %s is the least amount, “0.01 USDT” */
      return g_strdup_printf (_("Margin moves in cents: the least is %s."), cent);
    }
  return NULL;
}

static void
ml_position_row_amount_changed (MlPositionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  g_autofree char *removable = ml_money_format_usdt (ml_position_get_max_removable_margin (self->position));
  g_autofree char *available = ml_money_format_usdt (ml_account_get_available_balance (self->account));
  /* Translators: both %s are amounts with their unit, such as “50.00 USDT” */
  g_autofree char *hint = g_strdup_printf (_("You can add up to %s and remove up to %s."), available, removable);
  g_autofree char *problem = NULL, *add_problem = NULL, *remove_problem = NULL;
  double amount;

  gtk_label_set_text (self->amount_hint, hint);
  if ((problem = ml_position_row_read_amount (text, &amount)) == NULL && amount > 0)
    {
      add_problem = ml_position_row_try_margin (self, amount, TRUE);
      remove_problem = ml_position_row_try_margin (self, amount, FALSE);
      /* Wrong only if neither way works; each button says why it cannot, in its tooltip. */
      if (add_problem != NULL && remove_problem != NULL)
        problem = g_strdup_printf ("%s\n%s", add_problem, remove_problem);
    }

  ml_utils_show_error (self->amount_error, GTK_WIDGET (self->amount_entry), problem);
  gtk_widget_set_sensitive (self->add_button, amount > 0 && add_problem == NULL && problem == NULL);
  gtk_widget_set_sensitive (self->remove_button, amount > 0 && remove_problem == NULL && problem == NULL);
  gtk_widget_set_tooltip_text (self->add_button, add_problem);
  gtk_widget_set_tooltip_text (self->remove_button, remove_problem);
}

static void
ml_position_row_margin_action (MlPositionRow *self,
                               const char    *action)
{
  double amount;

  if (!ml_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry)), &amount))
    return;
  gtk_popover_popdown (self->margin_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), action, "(sd)", ml_position_get_id (self->position), amount);
}

static void
ml_position_row_add_clicked (MlPositionRow *self)
{
  ml_position_row_margin_action (self, "win.add-margin");
}

static void
ml_position_row_remove_clicked (MlPositionRow *self)
{
  ml_position_row_margin_action (self, "win.remove-margin");
}

/* Enter in the amount adds it, as the suggested button would, when it can. */
static void
ml_position_row_amount_activated (MlPositionRow *self)
{
  if (gtk_widget_get_sensitive (self->add_button))
    ml_position_row_add_clicked (self);
}

/* Built the first time it opens, then brought up to date each time it opens. */
static void
ml_position_row_create_popover (GtkMenuButton *button,
                                gpointer       data)
{
  MlPositionRow *self = data;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;

  if (self->margin_popover == NULL)
    {
      scope = gtk_builder_cscope_new ();
      gtk_builder_cscope_add_callback (scope, ml_position_row_amount_changed);
      gtk_builder_cscope_add_callback (scope, ml_position_row_add_clicked);
      gtk_builder_cscope_add_callback (scope, ml_position_row_remove_clicked);
      gtk_builder_cscope_add_callback (scope, ml_position_row_amount_activated);
      builder = gtk_builder_new ();
      gtk_builder_set_scope (builder, scope);
      gtk_builder_set_current_object (builder, G_OBJECT (self));
      gtk_builder_add_from_resource (builder, "/io/github/marginlab/MarginLab/ml-position-row-margin.ui", NULL);
      self->margin_popover = GTK_POPOVER (gtk_builder_get_object (builder, "margin_popover"));
      self->amount_entry = GTK_ENTRY (gtk_builder_get_object (builder, "amount_entry"));
      self->amount_hint = GTK_LABEL (gtk_builder_get_object (builder, "amount_hint"));
      self->amount_error = GTK_LABEL (gtk_builder_get_object (builder, "amount_error"));
      self->add_button = GTK_WIDGET (gtk_builder_get_object (builder, "add_button"));
      self->remove_button = GTK_WIDGET (gtk_builder_get_object (builder, "remove_button"));
      gtk_menu_button_set_popover (button, GTK_WIDGET (self->margin_popover));
    }
  ml_position_row_amount_changed (self);
}

static void
ml_position_row_close_clicked (MlPositionRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.close-position", "s", ml_position_get_id (self->position));
}

/* Keyboard: the row takes focus first, so a screen reader names the position, then Tab goes
 * through its buttons and past the last one out of the row. Arrows are the list's: they move
 * from row to row. */
static gboolean
ml_position_row_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  MlPositionRow *self = ML_POSITION_ROW (widget);

  if (gtk_widget_is_focus (widget))
    return direction == GTK_DIR_TAB_FORWARD && gtk_widget_child_focus (self->box, direction);
  if (gtk_widget_get_focus_child (widget) != NULL)
    return gtk_widget_child_focus (self->box, direction)
           || (direction == GTK_DIR_TAB_BACKWARD && gtk_widget_grab_focus (widget));
  return gtk_widget_grab_focus (widget);
}

static void
ml_position_row_map (GtkWidget *widget)
{
  MlPositionRow *self = ML_POSITION_ROW (widget);

  GTK_WIDGET_CLASS (ml_position_row_parent_class)->map (widget);
  if (self->stale && self->position != NULL)
    ml_position_row_update_state (self);
}

static void
ml_position_row_dispose (GObject *object)
{
  MlPositionRow *self = ML_POSITION_ROW (object);

  ml_position_row_set_position (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_POSITION_ROW);
  G_OBJECT_CLASS (ml_position_row_parent_class)->dispose (object);
}

static void
ml_position_row_class_init (MlPositionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_position_row_dispose;
  widget_class->map = ml_position_row_map;
  widget_class->focus = ml_position_row_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "positionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  g_type_ensure (ML_TYPE_EXPLAIN_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-position-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, box);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, liquidation_button);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, remaining_button);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, margin_button);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, close_button);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_row_details_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_row_close_clicked);
}

static void
ml_position_row_init (MlPositionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_menu_button_set_create_popup_func (self->margin_button, ml_position_row_create_popover, self, NULL);
  ml_explain_button_set_title (self->liquidation_button, _("Liquidation price"));
  ml_explain_button_set_title (self->remaining_button, _("Collateral left"));
  ml_explain_button_set_func (self->liquidation_button, ml_position_row_explain_liquidation, self, NULL);
  ml_explain_button_set_func (self->remaining_button, ml_position_row_explain_remaining, self, NULL);
}

/**
 * ml_position_row_new:
 * @account: (nullable): the account that holds @position
 * @position: (nullable): the position to show, or %NULL for a row that a list binds later
 *   with ml_position_row_set_position()
 */
GtkWidget *
ml_position_row_new (MlAccount  *account,
                     MlPosition *position)
{
  MlPositionRow *self;

  g_return_val_if_fail (account == NULL || ML_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (position == NULL || ML_IS_POSITION (position), NULL);

  self = g_object_new (ML_TYPE_POSITION_ROW, NULL);
  ml_position_row_set_position (self, account, position);
  return GTK_WIDGET (self);
}

static void
ml_position_row_follow (MlPositionRow *self,
                        GObject       *object,
                        const char    *signal,
                        GCallback      update)
{
  g_signal_connect_object (object, signal, update, self, G_CONNECT_SWAPPED);
}

/* Each notification updates only what shows that value: a mark move changes a position's
 * PnL and collateral, and for a cross position the pool, and nothing more is done for it. */
static void
ml_position_row_connect (MlPositionRow *self)
{
  GObject *position = G_OBJECT (self->position);
  GObject *account = G_OBJECT (self->account);

  ml_position_row_follow (self, position, "notify::liquidated", G_CALLBACK (ml_position_row_update_state));
  ml_position_row_follow (self, position, "notify::liquidated-at", G_CALLBACK (ml_position_row_update_details));
  ml_position_row_follow (self, position, "notify::realized-pnl", G_CALLBACK (ml_position_row_update_details));
  ml_position_row_follow (self, position, "notify::unrealized-pnl", G_CALLBACK (ml_position_row_update_details));
  /* A cross position's own liquidation price is what it keeps once liquidated. */
  ml_position_row_follow (self, position, "notify::liquidation-price", G_CALLBACK (ml_position_row_update_liquidation));
  if (ml_position_row_is_isolated (self))
    {
      ml_position_row_follow (self, position, "notify::margin", G_CALLBACK (ml_position_row_update_details));
      ml_position_row_follow (self, position, "notify::remaining-collateral", G_CALLBACK (ml_position_row_update_remaining));
    }
  else
    {
      ml_position_row_follow (self, account, "notify::cross-liquidation-price", G_CALLBACK (ml_position_row_update_liquidation));
      ml_position_row_follow (self, account, "notify::cross-pool", G_CALLBACK (ml_position_row_update_remaining));
    }
}

/**
 * ml_position_row_set_position:
 * @account: (nullable): the account that holds @position
 * @position: (nullable): the position to show, or %NULL to leave the row unbound
 *
 * Shows @position and follows its changes; the position shown before is no longer followed.
 */
void
ml_position_row_set_position (MlPositionRow *self,
                              MlAccount     *account,
                              MlPosition    *position)
{
  g_return_if_fail (ML_IS_POSITION_ROW (self));
  g_return_if_fail (account == NULL || ML_IS_ACCOUNT (account));
  g_return_if_fail (position == NULL || ML_IS_POSITION (position));
  g_return_if_fail ((account == NULL) == (position == NULL));

  if (self->position == position && self->account == account)
    return;
  if (self->position != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->position, self);
      g_signal_handlers_disconnect_by_data (self->account, self);
      if (self->margin_popover != NULL)
        gtk_popover_popdown (self->margin_popover);
    }
  g_set_object (&self->account, account);
  g_set_object (&self->position, position);
  if (position == NULL)
    return;

  ml_position_row_connect (self);
  ml_position_row_update_state (self);
}

MlPosition *
ml_position_row_get_position (MlPositionRow *self)
{
  g_return_val_if_fail (ML_IS_POSITION_ROW (self), NULL);
  return self->position;
}
