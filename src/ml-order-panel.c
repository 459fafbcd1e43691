/* ml-order-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order-setup panel. Its preview is not a second implementation of the formulas: it
 * places the order on a copy of the account and reads the numbers back, so the preview and
 * the model cannot disagree. Every input is checked here first, so that each mistake gets a
 * sentence under the control that caused it. Its width is fixed, so that nothing moves under
 * the pointer as its texts change: they wrap inside it instead.
 */

#define G_LOG_DOMAIN "ml-order-panel"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ml-explain-button.h"
#include "ml-order-panel.h"
#include "ml-utils.h"

/* The panel's width in pixels, whatever it shows. */
#define PANEL_WIDTH 320

/* The slider's marks; those above the size's risk bracket are left off. */
static const guint leverage_marks[] = { 1, 5, 10, 20, 50, 75, 100, 125 };

typedef enum
{
  UNIT_BTC,
  UNIT_USDT_MARGIN,
} SizeUnit;

struct _MlOrderPanel
{
  GtkWidget        parent_instance;

  MlAccount       *account;
  MlOrder          order;      /* valid when valid is TRUE; id is always NULL */
  MlAccount       *preview;    /* the account with the order placed, while it is valid */
  MlPosition      *previewed;  /* the order's position in it */
  gboolean         valid;
  gboolean         syncing;    /* the spin button and the slider are updating each other */
  gboolean         leverage_unread;  /* the leverage typed is not a whole number: left as typed */

  GtkWidget       *box;
  GtkToggleButton *long_button;
  GtkToggleButton *isolated_button;
  GtkSpinButton   *leverage_spin;
  GtkScale        *leverage_scale;
  GtkAdjustment   *scale_adjustment;
  GtkLabel        *leverage_error;
  GtkEntry        *size_entry;
  GtkToggleButton *usdt_button;
  GtkLabel        *size_hint;
  GtkLabel        *size_error;
  GtkEntry        *price_entry;
  GtkLabel        *price_hint;
  GtkLabel        *price_error;
  GtkLabel        *notional_label;
  MlExplainButton *notional_value;
  MlExplainButton *margin_value;
  GtkWidget       *fee_label;
  GtkLabel        *fee_value;
  MlExplainButton *liquidation_value;
  MlExplainButton *bankruptcy_value;
  GtkLabel        *distance_value;
  GtkLabel        *loss_value;
  GtkButton       *open_button;
};

G_DEFINE_FINAL_TYPE (MlOrderPanel, ml_order_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ml_order_panel_set_valid (MlOrderPanel *self,
                          gboolean      valid)
{
  if (self->valid == valid)
    return;
  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* Reading the inputs. Each returns NULL when the input is good, or the sentence to show. */

static char *
ml_order_panel_read_price (MlOrderPanel *self,
                           double       *price)
{
  MlContract *contract = ml_account_get_contract (self->account);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->price_entry));
  g_autofree char *mark = ml_money_format_price (ml_account_get_mark_price (self->account));
  g_autofree char *lowest = ml_money_format_price_usdt (ML_MIN_PRICE);
  g_autofree char *highest = ml_money_format_price_usdt (ML_MAX_PRICE);
  g_autofree char *taken = NULL;
  g_autofree char *hint = NULL;
  double typed;

  gtk_label_set_text (self->price_hint, "");
  if (ml_utils_is_blank (text) || g_str_equal (text, mark))
    {
      *price = ml_account_get_mark_price (self->account);
      gtk_label_set_text (self->price_hint, ml_account_get_charge_fees (self->account)
                                            ? _("At the mark price: a market order, taker fee")
                                            : _("At the mark price: a market order"));
      return NULL;
    }
  if (!ml_money_parse (text, &typed))
    /* Translators: the first %s is what was typed, the second an example price in the learner's locale */
    return g_strdup_printf (_("“%s” is not a price. Type one such as %s, or leave this empty for the mark price."),
                            text, mark);
  if (typed < ML_MIN_PRICE)
    /* Translators: "A price must be at least 0.1 USDT, one tick." */
    return g_strdup_printf (_("A price must be at least %s, one tick."), lowest);
  if (typed > ML_MAX_PRICE)
    /* Translators: "A price must be at most 100,000,000.0 USDT." */
    return g_strdup_printf (_("A price must be at most %s."), highest);

  *price = ml_contract_snap_to_tick (contract, typed);
  taken = ml_money_format_price (*price);
  /* Translators: %s is the price the order fills at, such as “60,000.0” */
  hint = *price != typed ? g_strdup_printf (_("Snapped to the 0.1 tick: a limit order filled at %s"), taken)
                         /* Translators: %s is the price the order fills at, such as “60,000.0” */
                         : g_strdup_printf (_("A limit order filled at %s"), taken);
  gtk_label_set_text (self->price_hint, hint);
  return NULL;
}

static char *
ml_order_panel_read_leverage (MlOrderPanel *self,
                              guint        *leverage)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->leverage_spin));
  guint highest = ml_contract_get_max_leverage (ml_account_get_contract (self->account));
  double typed;

  if (!ml_money_parse (text, &typed) || typed != floor (typed))
    /* Translators: %u is the highest leverage allowed */
    return g_strdup_printf (_("Leverage is a whole number from 1 to %u."), highest);
  if (typed < 1 || typed > highest)
    {
      g_autofree char *one = ml_money_format_leverage (1);
      g_autofree char *most = ml_money_format_leverage (highest);
      g_autofree char *asked = ml_money_format_times (typed);

      /* Translators: "Leverage goes from 1× to 125×; 200× is outside." */
      return g_strdup_printf (_("Leverage goes from %s to %s; %s is outside."), one, most, asked);
    }
  *leverage = (guint)typed;
  return NULL;
}

static SizeUnit
ml_order_panel_unit (MlOrderPanel *self)
{
  return gtk_toggle_button_get_active (self->usdt_button) ? UNIT_USDT_MARGIN : UNIT_BTC;
}

/* A USDT margin buys as many whole contracts as it pays for, never more than was typed. */
static char *
ml_order_panel_read_margin (MlOrderPanel *self,
                            double        margin,
                            double        price,
                            guint         leverage,
                            double       *quantity)
{
  double contract_size = ml_contract_get_contract_size (ml_account_get_contract (self->account));

  *quantity = floor (margin * leverage / price / contract_size + 1e-9) * contract_size;
  if (*quantity < contract_size)
    {
      g_autofree char *one = ml_money_format_usdt (contract_size * price / leverage);
      g_autofree char *times = ml_money_format_leverage (leverage);

      /* Translators: "Too little to buy one contract. Try 6.00 USDT, the margin of one at 10×." */
      return g_strdup_printf (_("Too little to buy one contract. Try %s, the margin of one at %s."), one, times);
    }
  return NULL;
}

/* A size between whole contracts suggests the nearest one, and at least one. */
static char *
ml_order_panel_read_btc (MlOrderPanel *self,
                         const char   *text,
                         double        size,
                         double       *quantity)
{
  MlContract *contract = ml_account_get_contract (self->account);
  double contract_size = ml_contract_get_contract_size (contract);
  g_autofree char *nearest = NULL;

  *quantity = size;
  if (ml_contract_is_whole_contracts (contract, size))
    return NULL;
  nearest = ml_money_format_btc (MAX (1, round (size / contract_size)) * contract_size);
  /* Translators: both %s are sizes in BTC: the one typed and the nearest whole one; a contract is the smallest step of size */
  return g_strdup_printf (_("Sizes go in whole contracts of 0.0001 BTC: %s is between two. Try %s."), text, nearest);
}

/* The size in BTC, in whole contracts. */
static char *
ml_order_panel_read_quantity (MlOrderPanel *self,
                              double        price,
                              guint         leverage,
                              double       *quantity)
{
  double contract_size = ml_contract_get_contract_size (ml_account_get_contract (self->account));
  double max_notional = ml_brackets_get_max_notional (ml_account_get_brackets (self->account));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->size_entry));
  SizeUnit unit = ml_order_panel_unit (self);
  double typed;

  if (ml_utils_is_blank (text))
    /* Translators: BTC is the unit of the size; write 0.1 in your locale's way */
    return g_strdup (unit == UNIT_BTC ? _("Type a size in BTC, such as 0.1.")
                                      /* Translators: USDT is the currency of the margin */
                                      : _("Type the USDT of margin to put in, such as 100."));
  if (!ml_money_parse (text, &typed))
    /* Translators: %s is what was typed; BTC is the unit of the size; write 0.1 in your locale's way */
    return g_strdup_printf (unit == UNIT_BTC ? _("“%s” is not a number. Type a size in BTC, such as 0.1.")
                                             /* Translators: %s is what was typed; USDT is the currency of the margin */
                                             : _("“%s” is not a number. Type the USDT of margin, such as 100."),
                            text);
  if (typed <= 0)
    /* Translators: BTC is the unit of the size; write 0.0001 in your locale's way */
    return g_strdup (unit == UNIT_BTC ? _("The size must be more than 0: at least 0.0001 BTC, one contract.")
                                      /* Translators: USDT is the currency of the margin */
                                      : _("The margin must be more than 0 USDT."));

  if ((unit == UNIT_BTC ? typed : typed * leverage / price) * price > max_notional)
    {
      g_autofree char *most = ml_money_format_btc (floor (max_notional / price / contract_size) * contract_size);
      g_autofree char *cap = ml_money_format_usdt (max_notional);

      /* Translators: the first %s is the notional where the risk brackets end, such as “600,000,000.00 USDT”; the second that notional as a size in BTC */
      return g_strdup_printf (_("Too large: the risk brackets end at %s of notional, %s at this price."), cap, most);
    }
  return unit == UNIT_BTC ? ml_order_panel_read_btc (self, text, typed, quantity)
                          : ml_order_panel_read_margin (self, typed, price, leverage, quantity);
}

/* The slider ends at the highest leverage the size's risk bracket allows. */
static void
ml_order_panel_update_slider (MlOrderPanel *self,
                              guint         highest)
{
  if (gtk_adjustment_get_upper (self->scale_adjustment) == highest)
    return;
  self->syncing = TRUE;
  gtk_adjustment_set_upper (self->scale_adjustment, highest);
  gtk_scale_clear_marks (self->leverage_scale);
  for (guint i = 0; i < G_N_ELEMENTS (leverage_marks) && leverage_marks[i] <= highest; i++)
    {
      g_autofree char *label = ml_money_format_leverage (leverage_marks[i]);

      /* 5× and 10× sit too close to 1× for a label of their own. */
      gtk_scale_add_mark (self->leverage_scale, leverage_marks[i], GTK_POS_BOTTOM,
                          leverage_marks[i] == 5 || leverage_marks[i] == 10 ? NULL : label);
    }
  self->syncing = FALSE;
}

/* The preview */

/* The order's notional is its size at the price it is taken: the mark, or its limit price. */
static void
ml_order_panel_show_notional (MlOrderPanel  *self,
                              const MlOrder *order)
{
  g_autofree char *price = NULL;
  g_autofree char *label = NULL;
  g_autofree char *notional = NULL;

  if (order == NULL)
    {
      gtk_label_set_text (self->notional_label, _("Notional"));
      ml_explain_button_set_label (self->notional_value, "—");
      return;
    }
  price = ml_money_format_price (order->price);
  /* Translators: the preview's notional, taken at a limit price: "Notional at 61,000.5" */
  label = order->price == ml_account_get_mark_price (self->account) ? g_strdup (_("Notional at the mark"))
                                                                    /* Translators: the label of the order's notional in the preview; %s is the price it is valued at, such as “61,000.5”, or the words “the mark” */
                                                                    : g_strdup_printf (_("Notional at %s"), price);
  notional = ml_money_format_usdt (order->quantity * order->price);
  gtk_label_set_text (self->notional_label, label);
  ml_explain_button_set_label (self->notional_value, notional);
}

/* What placing the order pays, shown only while the account charges fees: a learner who has
 * switched them on sees what each order costs. */
static void
ml_order_panel_show_fee (MlOrderPanel  *self,
                         const MlOrder *order)
{
  gboolean charged = ml_account_get_charge_fees (self->account);
  g_autofree char *fee = NULL;

  gtk_widget_set_visible (self->fee_label, charged);
  gtk_widget_set_visible (GTK_WIDGET (self->fee_value), charged);
  if (!charged)
    return;
  fee = order ? ml_money_format_usdt (ml_account_order_fee (self->account, order->quantity * order->price, order->price))
              : g_strdup ("—");
  gtk_label_set_text (self->fee_value, fee);
}

static void
ml_order_panel_clear_preview (MlOrderPanel *self)
{
  MlExplainButton *numbers[] = { self->margin_value, self->liquidation_value, self->bankruptcy_value };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    ml_explain_button_set_label (numbers[i], "—");
  gtk_label_set_text (self->distance_value, "—");
  gtk_label_set_text (self->loss_value, "—");
  ml_order_panel_show_notional (self, NULL);
  ml_order_panel_show_fee (self, NULL);
  self->previewed = NULL;
  g_clear_object (&self->preview);
}

/* The preview's liquidation price explains itself from the account with the order placed. */
static char *
ml_order_panel_explain_liquidation (gpointer data)
{
  MlOrderPanel *self = data;

  if (self->preview == NULL)
    return g_strdup (_("Set up a valid order to see how its liquidation price comes about."));
  return ml_explain_liquidation_price (self->preview,
                                       ml_position_get_mode (self->previewed) == ML_MARGIN_MODE_ISOLATED
                                       ? self->previewed : NULL);
}

static char *
ml_order_panel_explain_notional (gpointer data)
{
  MlOrderPanel *self = data;

  if (self->preview == NULL)
    return g_strdup (_("Set up a valid order to see how its notional comes about."));
  return ml_explain_notional (self->preview, self->previewed);
}

static char *
ml_order_panel_explain_initial_margin (gpointer data)
{
  MlOrderPanel *self = data;

  if (self->preview == NULL)
    return g_strdup (_("Set up a valid order to see how its initial margin comes about."));
  return ml_explain_initial_margin (self->preview, self->previewed);
}

static char *
ml_order_panel_explain_bankruptcy (gpointer data)
{
  MlOrderPanel *self = data;

  if (self->preview == NULL)
    return g_strdup (_("Set up a valid order to see how its bankruptcy price comes about."));
  return ml_explain_bankruptcy_price (self->preview,
                                      ml_position_get_mode (self->previewed) == ML_MARGIN_MODE_ISOLATED
                                      ? self->previewed : NULL);
}

static char *
ml_order_panel_distance (double mark,
                         double liquidation)
{
  g_autofree char *percent = NULL;

  if (liquidation == ML_PRICE_NONE)
    return g_strdup (_("cannot be liquidated"));
  percent = ml_money_format_percent (fabs (mark - liquidation) / mark);
  if (liquidation < mark)
    /* Translators: how far the liquidation price lies below the mark; %s is a percentage, such as “9.64 %” */
    return g_strdup_printf (_("%s below the mark"), percent);
  /* Translators: how far the liquidation price lies above the mark; %s is a percentage, such as “9.64 %” */
  return g_strdup_printf (_("%s above the mark"), percent);
}

static void
ml_order_panel_show_preview (MlOrderPanel  *self,
                             const MlOrder *order,
                             MlAccount     *after,
                             MlPosition    *position)
{
  gboolean isolated = ml_position_get_mode (position) == ML_MARGIN_MODE_ISOLATED;
  double lp = isolated ? ml_position_get_liquidation_price (position) : ml_account_get_cross_liquidation_price (after);
  double bp = isolated ? ml_position_get_bankruptcy_price (position) : ml_account_get_cross_bankruptcy_price (after);
  g_autofree char *margin = ml_money_format_usdt (ml_position_get_initial_margin (position));
  g_autofree char *liquidation = ml_money_format_price (lp);
  g_autofree char *bankruptcy = ml_money_format_price (bp);
  g_autofree char *distance = ml_order_panel_distance (ml_account_get_mark_price (after), lp);
  g_autofree char *loss = ml_loss_describe (after, position);

  ml_order_panel_show_notional (self, order);
  ml_explain_button_set_label (self->margin_value, margin);
  ml_order_panel_show_fee (self, order);
  ml_explain_button_set_label (self->liquidation_value, liquidation);
  ml_explain_button_set_label (self->bankruptcy_value, bankruptcy);
  gtk_label_set_text (self->distance_value, distance);
  gtk_label_set_text (self->loss_value, loss);
}

/* Under the size: the contracts it makes, and, for a margin, what those contracts take. */
static void
ml_order_panel_show_contracts (MlOrderPanel  *self,
                               const MlOrder *order)
{
  MlContract *contract = ml_account_get_contract (self->account);
  gint64 n = ml_contract_count_contracts (contract, order->quantity);
  g_autofree char *count = g_strdup_printf ("%'" G_GINT64_FORMAT, n);
  g_autofree char *size = ml_money_format_btc (order->quantity);
  /* Translators: under the size, "1,000 contracts, 0.1000 BTC" */
  g_autofree char *hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s contract, %s", "%s contracts, %s", n),
                                           count, size);
  double typed;

  if (ml_order_panel_unit (self) == UNIT_USDT_MARGIN
      && ml_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->size_entry)), &typed))
    {
      g_autofree char *used = ml_money_format_usdt (order->quantity * order->price / order->leverage);
      g_autofree char *asked = ml_money_format_usdt (typed);

      if (!g_str_equal (used, asked))
        {
          g_autofree char *whole = g_steal_pointer (&hint);

          /* Translators: "502 contracts, 0.0502 BTC, for 100.40 USDT of margin" */
          hint = g_strdup_printf (_("%s, for %s of margin"), whole, used);
        }
    }
  gtk_label_set_text (self->size_hint, hint);
}

/* Checks every input, then places the order on a copy of the account. */
static void
ml_order_panel_preview (MlOrderPanel *self)
{
  g_autofree char *price_problem = NULL, *leverage_problem = NULL, *size_problem = NULL;
  g_autoptr(MlAccount) after = NULL;
  g_autoptr(GError) error = NULL;
  MlOrder order = { NULL };
  guint highest = 125;
  MlPosition *position = NULL;

  order.side = gtk_toggle_button_get_active (self->long_button) ? ML_SIDE_LONG : ML_SIDE_SHORT;
  order.mode = gtk_toggle_button_get_active (self->isolated_button) ? ML_MARGIN_MODE_ISOLATED : ML_MARGIN_MODE_CROSS;
  gtk_button_set_label (self->open_button, order.side == ML_SIDE_LONG ? _("Open Long") : _("Open Short"));
  gtk_label_set_text (self->size_hint, "");

  price_problem = ml_order_panel_read_price (self, &order.price);
  leverage_problem = ml_order_panel_read_leverage (self, &order.leverage);
  if (leverage_problem != NULL)
    order.leverage = 1;
  if (price_problem == NULL)
    size_problem = ml_order_panel_read_quantity (self, order.price, order.leverage, &order.quantity);

  if (price_problem == NULL && size_problem == NULL)
    {
      highest = ml_brackets_max_leverage_at (ml_account_get_brackets (self->account), order.quantity * order.price);
      ml_order_panel_show_contracts (self, &order);
      if (leverage_problem == NULL && order.leverage > highest)
        {
          g_autofree char *notional = ml_money_format_usdt (order.quantity * order.price);
          g_autofree char *most = ml_money_format_leverage (highest);

          /* Translators: "At 60,000.00 USDT of notional the risk bracket allows at most 100×." */
          leverage_problem = g_strdup_printf (_("At %s of notional the risk bracket allows at most %s."), notional, most);
        }
    }
  ml_order_panel_update_slider (self, highest);

  /* The account's own refusal (more than is available, or liquidated at once) says what is
   * wrong and by how much; the size is what to change. */
  if (!price_problem && !leverage_problem && !size_problem)
    {
      after = ml_account_copy (self->account);
      if (!(position = ml_account_open_position (after, &order, &error)))
        size_problem = g_strdup (error->message);
    }

  ml_utils_show_error (self->price_error, GTK_WIDGET (self->price_entry), price_problem);
  ml_utils_show_error (self->leverage_error, GTK_WIDGET (self->leverage_spin), leverage_problem);
  ml_utils_show_error (self->size_error, GTK_WIDGET (self->size_entry), size_problem);

  if (position == NULL)
    {
      ml_order_panel_clear_preview (self);
      ml_order_panel_set_valid (self, FALSE);
      return;
    }
  ml_order_panel_show_preview (self, &order, after, position);
  g_set_object (&self->preview, after);
  self->previewed = position;
  self->order = order;
  ml_order_panel_set_valid (self, TRUE);
}

/* Template callbacks */

static void
ml_order_panel_inputs_changed (MlOrderPanel *self)
{
  if (self->account != NULL)
    ml_order_panel_preview (self);
}

/* A group's toggled fires on the button let go before the clicked one is down: only the
 * button that became active previews, when the group's state is whole again. */
static void
ml_order_panel_toggled (GtkToggleButton *button,
                        MlOrderPanel    *self)
{
  if (gtk_toggle_button_get_active (button))
    ml_order_panel_inputs_changed (self);
}

static void
ml_order_panel_leverage_typed (MlOrderPanel *self)
{
  double typed;

  if (!self->syncing)
    self->leverage_unread = FALSE;
  if (!self->syncing && ml_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->leverage_spin)), &typed))
    {
      self->syncing = TRUE;
      gtk_adjustment_set_value (self->scale_adjustment, typed);
      self->syncing = FALSE;
    }
  ml_order_panel_inputs_changed (self);
}

/* GTK's spin button reads the text its own way when it updates, on Enter or on leaving it:
 * "abc" as 0, "2.5" as 2, "10,5" as 10, and writes that over what was typed. It reads it as
 * the panel does instead, and a leverage that is not a whole number in its range stays as
 * typed, with the line under it saying why (ml_order_panel_read_leverage). */
static int
ml_order_panel_leverage_input (MlOrderPanel *self,
                               double       *new_value)
{
  GtkAdjustment *range = gtk_spin_button_get_adjustment (self->leverage_spin);
  double typed;

  /* Outside the spin button's range, it would clamp it: -3 would become 0. */
  self->leverage_unread = !ml_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->leverage_spin)), &typed)
                          || typed != floor (typed) || typed < gtk_adjustment_get_lower (range)
                          || typed > gtk_adjustment_get_upper (range);
  *new_value = self->leverage_unread ? gtk_spin_button_get_value (self->leverage_spin) : typed;
  return TRUE;
}

/* TRUE keeps the text as it is. */
static gboolean
ml_order_panel_leverage_output (MlOrderPanel *self)
{
  return self->leverage_unread;
}

static void
ml_order_panel_leverage_slid (MlOrderPanel *self)
{
  if (self->syncing)
    return;
  self->leverage_unread = FALSE;
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->leverage_spin, round (gtk_adjustment_get_value (self->scale_adjustment)));
  self->syncing = FALSE;
  ml_order_panel_inputs_changed (self);
}

/* Enter shows the price as it will be filled: snapped to the tick. */
static void
ml_order_panel_price_activated (MlOrderPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->price_entry));
  double typed;

  if (ml_money_parse (text, &typed) && ml_price_is_valid (typed))
    {
      g_autofree char *snapped = ml_money_format_price (ml_contract_snap_to_tick (ml_account_get_contract (self->account), typed));

      gtk_editable_set_text (GTK_EDITABLE (self->price_entry), snapped);
    }
}

/* The fixed width: the box inside is measured and laid out at PANEL_WIDTH, whatever its
 * texts would like. */
static void
ml_order_panel_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  MlOrderPanel *self = ML_ORDER_PANEL (widget);
  int box_minimum;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->box, orientation, -1, &box_minimum, NULL, NULL, NULL);
      *minimum = *natural = MAX (PANEL_WIDTH, box_minimum);
      return;
    }
  gtk_widget_measure (self->box, orientation, for_size < 0 ? PANEL_WIDTH : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
ml_order_panel_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  gtk_widget_allocate (ML_ORDER_PANEL (widget)->box, width, height, baseline, NULL);
}

/* Enter in Size or Price opens the position, as Enter in a form does (their entries activate
 * the default): the Open button is its window's default while the panel is in it. */
static void
ml_order_panel_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (ml_order_panel_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (ML_ORDER_PANEL (widget)->open_button));
}

static void
ml_order_panel_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root)
      && gtk_window_get_default_widget (GTK_WINDOW (root)) == GTK_WIDGET (ML_ORDER_PANEL (widget)->open_button))
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);
  GTK_WIDGET_CLASS (ml_order_panel_parent_class)->unroot (widget);
}

/* GObject */

static void
ml_order_panel_dispose (GObject *object)
{
  MlOrderPanel *self = ML_ORDER_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ML_TYPE_ORDER_PANEL);
  g_clear_object (&self->preview);
  g_clear_object (&self->account);
  G_OBJECT_CLASS (ml_order_panel_parent_class)->dispose (object);
}

static void
ml_order_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MlOrderPanel *self = ML_ORDER_PANEL (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_order_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MlOrderPanel *self = ML_ORDER_PANEL (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      ml_order_panel_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_order_panel_class_init (MlOrderPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_order_panel_dispose;
  object_class->get_property = ml_order_panel_get_property;
  object_class->set_property = ml_order_panel_set_property;
  widget_class->measure = ml_order_panel_measure;
  widget_class->size_allocate = ml_order_panel_size_allocate;
  widget_class->root = ml_order_panel_root;
  widget_class->unroot = ml_order_panel_unroot;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ML_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ML_TYPE_EXPLAIN_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-order-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, box);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, long_button);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, isolated_button);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, leverage_spin);
  gtk_widget_class_bind_template_callback (widget_class, ml_order_panel_leverage_input);
  gtk_widget_class_bind_template_callback (widget_class, ml_order_panel_leverage_output);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, leverage_scale);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, scale_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, leverage_error);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, size_entry);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, usdt_button);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, size_hint);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, size_error);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, price_entry);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, price_hint);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, price_error);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, notional_label);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, notional_value);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, margin_value);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, fee_label);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, fee_value);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, liquidation_value);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, bankruptcy_value);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, distance_value);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, loss_value);
  gtk_widget_class_bind_template_child (widget_class, MlOrderPanel, open_button);
  /* Not needed in the code, but reachable with gtk_widget_get_template_child() by the tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "short_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "cross_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "btc_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "side_box", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "mode_box", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "unit_box", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, ml_order_panel_inputs_changed);
  gtk_widget_class_bind_template_callback (widget_class, ml_order_panel_toggled);
  gtk_widget_class_bind_template_callback (widget_class, ml_order_panel_leverage_typed);
  gtk_widget_class_bind_template_callback (widget_class, ml_order_panel_leverage_slid);
  gtk_widget_class_bind_template_callback (widget_class, ml_order_panel_price_activated);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "orderpanel");
}

static void
ml_order_panel_init (MlOrderPanel *self)
{
  const char *toggles[] = { "long_button", "short_button", "cross_button", "isolated_button",
                            "btc_button", "usdt_button" };
  g_autofree char *size = ml_money_format_number (0.01, 2);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The first size, 100 contracts, as the user's locale writes it: "0,01" in German. */
  gtk_editable_set_text (GTK_EDITABLE (self->size_entry), size);
  /* GTK 4.8 states a toggle button's pressed state only once it has changed: a screen reader
   * must hear from the start which button of each pair is down. */
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    {
      GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), ML_TYPE_ORDER_PANEL, toggles[i]));

      gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_PRESSED,
                                   gtk_toggle_button_get_active (toggle), -1);
    }
  ml_explain_button_set_title (self->notional_value, _("Notional"));
  ml_explain_button_set_func (self->notional_value, ml_order_panel_explain_notional, self, NULL);
  ml_explain_button_set_title (self->margin_value, _("Initial margin"));
  ml_explain_button_set_func (self->margin_value, ml_order_panel_explain_initial_margin, self, NULL);
  ml_explain_button_set_title (self->liquidation_value, _("Liquidation price"));
  ml_explain_button_set_func (self->liquidation_value, ml_order_panel_explain_liquidation, self, NULL);
  ml_explain_button_set_title (self->bankruptcy_value, _("Bankruptcy price"));
  ml_explain_button_set_func (self->bankruptcy_value, ml_order_panel_explain_bankruptcy, self, NULL);
  ml_order_panel_update_slider (self, 0);
  ml_order_panel_update_slider (self, 125);
}

GtkWidget *
ml_order_panel_new (void)
{
  return g_object_new (ML_TYPE_ORDER_PANEL, NULL);
}

MlAccount *
ml_order_panel_get_account (MlOrderPanel *self)
{
  g_return_val_if_fail (ML_IS_ORDER_PANEL (self), NULL);
  return self->account;
}

void
ml_order_panel_set_account (MlOrderPanel *self,
                            MlAccount    *account)
{
  g_return_if_fail (ML_IS_ORDER_PANEL (self));
  g_return_if_fail (account == NULL || ML_IS_ACCOUNT (account));

  if (!g_set_object (&self->account, account))
    return;
  ml_order_panel_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

gboolean
ml_order_panel_get_valid (MlOrderPanel *self)
{
  g_return_val_if_fail (ML_IS_ORDER_PANEL (self), FALSE);
  return self->valid;
}

/**
 * ml_order_panel_get_order:
 * @order: (out): the order as set up, when it is valid
 *
 * Returns: %TRUE if the order is valid and the account would take it
 */
gboolean
ml_order_panel_get_order (MlOrderPanel *self,
                          MlOrder      *order)
{
  g_return_val_if_fail (ML_IS_ORDER_PANEL (self), FALSE);
  g_return_val_if_fail (order != NULL, FALSE);

  if (!self->valid)
    return FALSE;
  *order = self->order;
  return TRUE;
}

/**
 * ml_order_panel_update:
 *
 * Previews again after the account changed: a new mark price, balance or position.
 */
void
ml_order_panel_update (MlOrderPanel *self)
{
  g_autofree char *mark = NULL;
  g_autofree char *placeholder = NULL;

  g_return_if_fail (ML_IS_ORDER_PANEL (self));

  if (self->account == NULL)
    return;
  mark = ml_money_format_price (ml_account_get_mark_price (self->account));
  /* Translators: the price entry's placeholder, "Mark price, 60,000.0" */
  placeholder = g_strdup_printf (_("Mark price, %s"), mark);
  gtk_entry_set_placeholder_text (self->price_entry, placeholder);
  ml_order_panel_preview (self);
}

/**
 * ml_order_panel_highlight:
 * @controls: the controls a lesson step says matter; the panel lights up its own
 *
 * Highlighted or not, every control stays usable: a step guides, it never locks.
 */
void
ml_order_panel_highlight (MlOrderPanel     *self,
                          MlLessonControls  controls)
{
  const struct { MlLessonControls control; const char *child; } targets[] = {
    { ML_LESSON_CONTROLS_SIDE, "side_box" },
    { ML_LESSON_CONTROLS_MODE, "mode_box" },
    { ML_LESSON_CONTROLS_LEVERAGE, "leverage_spin" },
    { ML_LESSON_CONTROLS_LEVERAGE, "leverage_scale" },
    { ML_LESSON_CONTROLS_SIZE, "size_entry" },
    { ML_LESSON_CONTROLS_PRICE, "price_entry" },
    { ML_LESSON_CONTROLS_PLACE, "open_button" },
  };

  g_return_if_fail (ML_IS_ORDER_PANEL (self));

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), ML_TYPE_ORDER_PANEL,
                                                                     targets[i].child));

      ml_utils_set_css_class (widget, "lesson-focus", (controls & targets[i].control) != 0);
    }
}
