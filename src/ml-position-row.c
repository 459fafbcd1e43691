/* ml-position-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row shows one position and follows its notifications. Its buttons do not change the
 * account: they activate the window's actions, which keep the undo history.
 */

#define G_LOG_DOMAIN "ml-position-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-explain-button.h"
#include "ml-position-row.h"
#include "ml-utils.h"

struct _MlPositionRow
{
  GtkListBoxRow    parent_instance;

  MlAccount       *account;
  MlPosition      *position;

  GtkLabel        *title_label;
  GtkLabel        *details_label;
  MlExplainButton *liquidation_button;
  MlExplainButton *remaining_button;
  GtkMenuButton   *margin_button;
  GtkPopover      *margin_popover;
  GtkEntry        *amount_entry;
  GtkLabel        *amount_hint;
  GtkLabel        *amount_error;
  GtkWidget       *add_button;
  GtkWidget       *remove_button;
  GtkWidget       *close_button;
};

G_DEFINE_FINAL_TYPE (MlPositionRow, ml_position_row, GTK_TYPE_LIST_BOX_ROW)

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

static char *
ml_position_row_details (MlPosition *p)
{
  g_autofree char *entry = ml_money_format_price (ml_position_get_entry_price (p));
  gboolean cross = ml_position_get_mode (p) == ML_MARGIN_MODE_CROSS;
  g_autofree char *margin = ml_money_format_usdt (cross ? ml_position_get_initial_margin (p) : ml_position_get_margin (p));
  g_autofree char *pnl = ml_money_format_usdt (ml_position_get_unrealized_pnl (p));
  g_autofree char *roe = ml_money_format_percent (ml_position_get_roe (p));
  guint leverage = ml_position_get_leverage (p);

  if (cross)
    /* Translators: a cross position's details: its margin is the shared pool's */
    return g_strdup_printf (_("Cross %u× · Entry %s · Initial margin %s · PnL %s (%s)"),
                            leverage, entry, margin, pnl, roe);
  /* Translators: a position's details, "Isolated 10× · Entry 60,000.0 · Margin 600.00 USDT · PnL 12.00 USDT (2.00 %)" */
  return g_strdup_printf (_("Isolated %u× · Entry %s · Margin %s · PnL %s (%s)"), leverage, entry, margin, pnl, roe);
}

static void
ml_position_row_update (MlPositionRow *self)
{
  MlPosition *p = self->position;
  gboolean live = !ml_position_get_liquidated (p);
  gboolean isolated = ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED;
  double lp = isolated ? ml_position_get_liquidation_price (p)
                       : ml_account_get_cross_liquidation_price (self->account);
  g_autofree char *title = ml_position_row_title (p);
  g_autofree char *details = ml_position_row_details (p);
  g_autofree char *liquidation = ml_money_format_price (lp);
  g_autofree char *remaining = ml_money_format_usdt (isolated ? ml_position_get_remaining_collateral (p)
                                                              : ml_account_get_cross_pool (self->account));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->details_label, details);
  ml_explain_button_set_label (self->liquidation_button, liquidation);
  ml_explain_button_set_label (self->remaining_button, remaining);
  gtk_widget_set_visible (GTK_WIDGET (self->margin_button), isolated && live);
  gtk_widget_set_sensitive (self->close_button, live);
  if (live)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "liquidated");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "liquidated");
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
  gboolean isolated = ml_position_get_mode (self->position) == ML_MARGIN_MODE_ISOLATED;

  return ml_explain_liquidation_price (self->account, isolated ? self->position : NULL);
}

static char *
ml_position_row_explain_remaining (gpointer data)
{
  MlPositionRow *self = data;
  gboolean isolated = ml_position_get_mode (self->position) == ML_MARGIN_MODE_ISOLATED;

  return ml_explain_remaining_collateral (self->account, isolated ? self->position : NULL);
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
    return g_strdup_printf (_("“%s” is not an amount. Type USDT, such as 50."), text);
  if (*amount <= 0)
    return g_strdup (_("The amount must be more than 0 USDT."));
  return NULL;
}

static void
ml_position_row_amount_changed (MlPositionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  g_autofree char *removable = ml_money_format_usdt (ml_position_get_max_removable_margin (self->position));
  g_autofree char *available = ml_money_format_usdt (ml_account_get_available_balance (self->account));
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

static void
ml_position_row_close_clicked (MlPositionRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.close-position", "s", ml_position_get_id (self->position));
}

static void
ml_position_row_dispose (GObject *object)
{
  MlPositionRow *self = ML_POSITION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_POSITION_ROW);
  g_clear_object (&self->position);
  g_clear_object (&self->account);
  G_OBJECT_CLASS (ml_position_row_parent_class)->dispose (object);
}

static void
ml_position_row_class_init (MlPositionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_position_row_dispose;

  g_type_ensure (ML_TYPE_EXPLAIN_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-position-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, liquidation_button);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, remaining_button);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, margin_button);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, margin_popover);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, amount_hint);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, amount_error);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, add_button);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MlPositionRow, close_button);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_row_details_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_row_amount_changed);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_row_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_row_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, ml_position_row_close_clicked);
}

static void
ml_position_row_init (MlPositionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ml_explain_button_set_title (self->liquidation_button, _("Liquidation price"));
  ml_explain_button_set_title (self->remaining_button, _("Collateral left"));
  ml_explain_button_set_func (self->liquidation_button, ml_position_row_explain_liquidation, self, NULL);
  ml_explain_button_set_func (self->remaining_button, ml_position_row_explain_remaining, self, NULL);
}

GtkWidget *
ml_position_row_new (MlAccount  *account,
                     MlPosition *position)
{
  MlPositionRow *self;
  const char *id;
  g_autofree char *margin_name = NULL, *close_name = NULL;

  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (ML_IS_POSITION (position), NULL);

  self = g_object_new (ML_TYPE_POSITION_ROW, NULL);
  self->account = g_object_ref (account);
  self->position = g_object_ref (position);
  id = ml_position_get_id (position);

  /* Icon buttons need names that say which position they act on. */
  margin_name = g_strdup_printf (_("Add or remove margin of position %s"), id);
  close_name = g_strdup_printf (_("Close position %s"), id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->margin_button), GTK_ACCESSIBLE_PROPERTY_LABEL, margin_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button), GTK_ACCESSIBLE_PROPERTY_LABEL, close_name, -1);

  g_signal_connect_object (position, "notify", G_CALLBACK (ml_position_row_update), self, G_CONNECT_SWAPPED);
  /* Of the account, a row shows only what the cross pool gives a cross position. */
  g_signal_connect_object (account, "notify::cross-liquidation-price", G_CALLBACK (ml_position_row_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (account, "notify::cross-pool", G_CALLBACK (ml_position_row_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->margin_popover, "show", G_CALLBACK (ml_position_row_amount_changed), self, G_CONNECT_SWAPPED);
  ml_position_row_update (self);
  return GTK_WIDGET (self);
}

MlPosition *
ml_position_row_get_position (MlPositionRow *self)
{
  g_return_val_if_fail (ML_IS_POSITION_ROW (self), NULL);
  return self->position;
}
