/* ml-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through one pipeline: _ml_account_solve() finds where each isolated
 * position and the cross pool survive (this does not depend on the mark price),
 * ml_account_apply_liquidations() liquidates whatever no longer survives at the mark, and
 * _ml_account_evaluate_at() derives every value at the mark and notifies what really changed;
 * only then is "liquidated" emitted. A mark-price move only liquidates and evaluates:
 * liquidations never move anyone else's liquidation price (an isolated one leaves WBc as it
 * was, a pool one touches no isolated position), which is also why a long price path runs
 * without solving again. Orders live in ml-account-orders.c, what-if prices and curves in
 * ml-account-curves.c.
 */

#define G_LOG_DOMAIN "ml-account"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ml-account-private.h"
#include "ml-curve-private.h"
#include "ml-money.h"

G_DEFINE_FINAL_TYPE (MlAccount, ml_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BRACKETS,
  PROP_WALLET_BALANCE,
  PROP_MARK_PRICE,
  PROP_TAKER_FEE_RATE,
  PROP_MAKER_FEE_RATE,
  PROP_CHARGE_FEES,
  /* values at the mark, in the order of MlAccountValues */
  PROP_CROSS_WALLET_BALANCE,
  PROP_CROSS_POOL,
  PROP_CROSS_MAINTENANCE_MARGIN,
  PROP_CROSS_MARGIN_RATIO,
  PROP_CROSS_LIQUIDATION_PRICE,
  PROP_CROSS_BANKRUPTCY_PRICE,
  PROP_AVAILABLE_BALANCE,
  PROP_EQUITY,
  N_PROPS
};

#define N_VALUES (N_PROPS - PROP_CROSS_WALLET_BALANCE)
G_STATIC_ASSERT (sizeof (MlAccountValues) == N_VALUES * sizeof (double));

enum {
  LIQUIDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ml_account_finalize (GObject *object)
{
  MlAccount *self = (MlAccount *)object;

  g_clear_object (&self->brackets);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->positions);
  g_clear_pointer (&self->cross_legs, g_array_unref);
  g_clear_pointer (&self->account_curve, ml_curve_unref);

  G_OBJECT_CLASS (ml_account_parent_class)->finalize (object);
}

static void
ml_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MlAccount *self = ML_ACCOUNT (object);

  if (prop_id >= PROP_CROSS_WALLET_BALANCE && prop_id < N_PROPS)
    {
      g_value_set_double (value, ((const double *)&self->values)[prop_id - PROP_CROSS_WALLET_BALANCE]);
      return;
    }

  switch (prop_id)
    {
    case PROP_BRACKETS:
      g_value_set_object (value, self->brackets);
      break;

    case PROP_WALLET_BALANCE:
      g_value_set_double (value, self->wallet_balance);
      break;

    case PROP_MARK_PRICE:
      g_value_set_double (value, self->mark_price);
      break;

    case PROP_TAKER_FEE_RATE:
      g_value_set_double (value, self->taker_fee_rate);
      break;

    case PROP_MAKER_FEE_RATE:
      g_value_set_double (value, self->maker_fee_rate);
      break;

    case PROP_CHARGE_FEES:
      g_value_set_boolean (value, self->charge_fees);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MlAccount *self = ML_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_BRACKETS:
      self->brackets = g_value_dup_object (value);
      break;

    case PROP_WALLET_BALANCE:
      self->wallet_balance = g_value_get_double (value);
      break;

    case PROP_MARK_PRICE:
      if (self->items == NULL)
        self->mark_price = g_value_get_double (value); /* construction */
      else
        ml_account_move_mark_price (self, g_value_get_double (value), NULL, NULL);
      break;

    case PROP_TAKER_FEE_RATE:
      ml_account_set_taker_fee_rate (self, g_value_get_double (value));
      break;

    case PROP_MAKER_FEE_RATE:
      ml_account_set_maker_fee_rate (self, g_value_get_double (value));
      break;

    case PROP_CHARGE_FEES:
      ml_account_set_charge_fees (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_account_constructed (GObject *object)
{
  MlAccount *self = (MlAccount *)object;

  G_OBJECT_CLASS (ml_account_parent_class)->constructed (object);

  if (self->brackets == NULL)
    self->brackets = g_object_ref (ml_brackets_get_default ());
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  _ml_account_update (self, NULL);
}

static GParamSpec *
ml_account_value_property (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
ml_account_class_init (MlAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ml_account_finalize;
  object_class->get_property = ml_account_get_property;
  object_class->set_property = ml_account_set_property;
  object_class->constructed = ml_account_constructed;

  properties[PROP_BRACKETS] =
    g_param_spec_object ("brackets", NULL, NULL, ML_TYPE_BRACKETS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WALLET_BALANCE] =
    g_param_spec_double ("wallet-balance", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARK_PRICE] =
    g_param_spec_double ("mark-price", NULL, NULL, ML_MIN_PRICE, ML_MAX_PRICE, 60000, rw | G_PARAM_CONSTRUCT);
  properties[PROP_TAKER_FEE_RATE] =
    g_param_spec_double ("taker-fee-rate", NULL, NULL, 0, ML_MAX_FEE_RATE, ML_DEFAULT_TAKER_FEE_RATE, rw);
  properties[PROP_MAKER_FEE_RATE] =
    g_param_spec_double ("maker-fee-rate", NULL, NULL, 0, ML_MAX_FEE_RATE, ML_DEFAULT_MAKER_FEE_RATE, rw);
  properties[PROP_CHARGE_FEES] =
    g_param_spec_boolean ("charge-fees", NULL, NULL, FALSE, rw);
  properties[PROP_CROSS_WALLET_BALANCE] = ml_account_value_property ("cross-wallet-balance");
  properties[PROP_CROSS_POOL] = ml_account_value_property ("cross-pool");
  properties[PROP_CROSS_MAINTENANCE_MARGIN] = ml_account_value_property ("cross-maintenance-margin");
  properties[PROP_CROSS_MARGIN_RATIO] = ml_account_value_property ("cross-margin-ratio");
  properties[PROP_CROSS_LIQUIDATION_PRICE] = ml_account_value_property ("cross-liquidation-price");
  properties[PROP_CROSS_BANKRUPTCY_PRICE] = ml_account_value_property ("cross-bankruptcy-price");
  properties[PROP_AVAILABLE_BALANCE] = ml_account_value_property ("available-balance");
  properties[PROP_EQUITY] = ml_account_value_property ("equity");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MlAccount::liquidated:
   * @position: the position that was liquidated (a pool liquidation emits once per position)
   * @price: the mark price at which it happened
   */
  signals[LIQUIDATED] =
    g_signal_new ("liquidated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, ML_TYPE_POSITION, G_TYPE_DOUBLE);
}

static void
ml_account_init (MlAccount *self)
{
  self->positions = g_list_store_new (ML_TYPE_POSITION);
  self->cross_legs = g_array_new (FALSE, FALSE, sizeof (MlLeg));
  self->taker_fee_rate = ML_DEFAULT_TAKER_FEE_RATE;
  self->maker_fee_rate = ML_DEFAULT_MAKER_FEE_RATE;
  self->next_id = 1;
}

/**
 * ml_account_new:
 * @brackets: (nullable): the maintenance brackets; %NULL for the shipped default
 *
 * Returns: (transfer full): an account with no positions
 */
MlAccount *
ml_account_new (MlBrackets *brackets,
                double      wallet_balance,
                double      mark_price)
{
  g_return_val_if_fail (!brackets || ML_IS_BRACKETS (brackets), NULL);
  g_return_val_if_fail (wallet_balance >= 0 && wallet_balance <= ML_MAX_BALANCE, NULL);
  g_return_val_if_fail (ml_price_is_valid (mark_price), NULL);

  return g_object_new (ML_TYPE_ACCOUNT,
                       "brackets", brackets,
                       "wallet-balance", wallet_balance,
                       "mark-price", mark_price,
                       NULL);
}

void
_ml_account_notify_wallet_balance (MlAccount *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WALLET_BALANCE]);
}

/* The pipeline */

double
_ml_account_cross_wallet_balance (MlAccount *self)
{
  double balance = self->wallet_balance;

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);

      if (_ml_position_is_live_isolated (p))
        balance -= p->margin;
    }
  return balance;
}

void
_ml_account_solve (MlAccount *self)
{
  g_array_set_size (self->cross_legs, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);
      MlLeg leg = _ml_position_leg (p);

      if (_ml_position_is_live_isolated (p))
        _ml_group_solve (&p->group, self->brackets, p->margin, &leg, 1);
      else if (_ml_position_is_live_cross (p))
        g_array_append_val (self->cross_legs, leg);
    }

  self->n_cross = self->cross_legs->len;
  if (self->n_cross > 0)
    _ml_group_solve (&self->pool, self->brackets, _ml_account_cross_wallet_balance (self),
                     (const MlLeg *)(gpointer)self->cross_legs->data, self->n_cross);
  else
    _ml_group_constant (&self->pool, _ml_account_cross_wallet_balance (self));

  g_clear_pointer (&self->account_curve, ml_curve_unref);
}

double
_ml_account_pool_balance_at (MlAccount *self,
                             double     price)
{
  double balance = _ml_account_cross_wallet_balance (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);

      if (_ml_position_is_live_cross (p))
        balance += _ml_account_pnl (p, price);
    }
  return balance;
}

/* Of a survival interval's ends, the one nearer to @price: the one a learner watches. */
double
_ml_account_nearer_end (const MlGroup *group,
                        double         price)
{
  gboolean has_low = group->low > 0;
  gboolean has_high = isfinite (group->high);

  if (has_low && has_high)
    return price - group->low <= group->high - price ? group->low : group->high;
  if (has_low)
    return group->low;
  if (has_high)
    return group->high;
  return ML_PRICE_NONE;
}

static void
ml_account_position_values (MlAccount        *self,
                            MlPosition       *p,
                            double            pool_balance,
                            MlPositionValues *v)
{
  double price = self->mark_price;
  const MlBracket *bracket;
  const MlGroup *group;

  if (p->liquidated)
    {
      /* Closed by the exchange: nothing at stake, the prices of that moment kept as a record. */
      *v = (MlPositionValues) {
        .liquidation_price = p->close.liquidation_price,
        .bankruptcy_price = p->close.bankruptcy_price,
      };
      return;
    }

  group = _ml_account_group_of (self, p);
  bracket = &self->brackets->table[_ml_brackets_find_below (self->brackets, p->quantity * price)];
  v->notional = p->quantity * price;
  v->maintenance_rate = bracket->rate;
  v->maintenance_margin = v->notional * bracket->rate - bracket->amount;
  v->unrealized_pnl = _ml_account_pnl (p, price);
  v->roe = v->unrealized_pnl / _ml_position_initial_margin (p);
  v->bankruptcy_price = _ml_group_bankruptcy_price (group);
  if (!_ml_group_survives (group, price))
    v->remaining_collateral = 0;
  else if (p->mode == ML_MARGIN_MODE_ISOLATED)
    v->remaining_collateral = p->margin + v->unrealized_pnl;
  else
    v->remaining_collateral = pool_balance;

  if (p->mode == ML_MARGIN_MODE_ISOLATED)
    {
      v->liquidation_price = p->side == ML_SIDE_LONG ? group->low
                             : isfinite (group->high) ? group->high : ML_PRICE_NONE;
      /* Binance's rule: keep the maintenance margin, and the initial margin at the mark. */
      v->max_removable_margin = MAX (0, MIN (p->margin - v->maintenance_margin,
                                             p->margin + v->unrealized_pnl - v->notional / p->leverage));
    }
  else
    {
      v->liquidation_price = _ml_account_nearer_end (group, price);
      v->max_removable_margin = 0;
    }
}

void
_ml_account_evaluate_at (MlAccount *self)
{
  double price = self->mark_price;
  double isolated_remaining = 0, cross_mm = 0, cross_im = 0;
  double pool_balance = _ml_account_pool_balance_at (self, price);
  MlAccountValues v = { 0 };
  MlPositionValues pv;

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);

      ml_account_position_values (self, p, pool_balance, &pv);
      _ml_position_set_values (p, &pv);
      if (_ml_position_is_live_isolated (p))
        isolated_remaining += pv.remaining_collateral;
      else if (_ml_position_is_live_cross (p))
        {
          cross_mm += pv.maintenance_margin;
          cross_im += _ml_position_initial_margin (p);
        }
    }

  v.cross_wallet_balance = _ml_account_cross_wallet_balance (self);
  v.cross_pool = pool_balance;
  v.cross_maintenance_margin = cross_mm;
  v.cross_margin_ratio = self->n_cross > 0 ? cross_mm / v.cross_pool : 0;
  v.cross_liquidation_price = self->n_cross > 0 ? _ml_account_nearer_end (&self->pool, price) : ML_PRICE_NONE;
  v.cross_bankruptcy_price = self->n_cross > 0 ? _ml_group_bankruptcy_price (&self->pool) : ML_PRICE_NONE;
  v.available_balance = MAX (0, v.cross_pool - cross_im);
  v.equity = (_ml_group_survives (&self->pool, price) ? pool_balance : 0) + isolated_remaining;

  {
    double *mine = (double *)&self->values;
    const double *theirs = (const double *)&v;

    g_object_freeze_notify (G_OBJECT (self));
    for (guint i = 0; i < N_VALUES; i++)
      if (mine[i] != theirs[i])
        {
          mine[i] = theirs[i];
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CROSS_WALLET_BALANCE + i]);
        }
    g_object_thaw_notify (G_OBJECT (self));
  }
}

typedef struct
{
  MlPosition *position;
  double      price;      /* where it dies: the end the price crossed, or the mark */
  double      end;        /* its liquidation price at that moment */
  double      direction;  /* the sign of the price move; 0 for an operation at the mark */
  double      distance;
  guint       index;
} Pending;

static int
ml_account_compare_pending (gconstpointer a,
                            gconstpointer b)
{
  const Pending *pa = a, *pb = b;

  if (pa->distance != pb->distance)
    return pa->distance < pb->distance ? -1 : 1;
  return (pa->index > pb->index) - (pa->index < pb->index);
}

/* Who does not survive at @to, coming from @from: each at the end of its interval that the
 * price crossed, in the order the price reached them. With @at_once, each at @to itself: what
 * an operation at the mark (funding, a fee) pushed over the edge dies there and then. */
static void
ml_account_collect_liquidations (MlAccount *self,
                                 double     from,
                                 double     to,
                                 gboolean   at_once,
                                 GArray    *pending)
{
  g_array_set_size (pending, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);
      const MlGroup *group;
      Pending item;

      if (p->liquidated)
        continue;
      group = _ml_account_group_of (self, p);
      if (_ml_group_survives (group, to))
        continue;

      item.position = p;
      item.price = at_once || !group->alive ? to : to <= group->low ? group->low : group->high;
      item.end = at_once || !group->alive ? _ml_account_nearer_end (group, to) : item.price;
      item.direction = at_once ? 0 : to > from ? 1 : -1;
      item.distance = fabs (item.price - from);
      item.index = i;
      g_array_append_val (pending, item);
    }

  if (pending->len > 1)
    g_array_sort (pending, ml_account_compare_pending);
}

/* Where the pool's positions are closed: its bankruptcy price BPc, unless the pool does not
 * reach 0 beyond the price it was liquidated at (a hedge that its maintenance margin alone
 * brings down, or no net size): then at that price. */
static double
ml_account_pool_close_price (MlAccount     *self,
                             const Pending *item)
{
  double bankruptcy = _ml_group_bankruptcy_price (&self->pool);

  if (bankruptcy == ML_PRICE_NONE || (bankruptcy - item->price) * item->direction < 0)
    return item->price;
  return bankruptcy;
}

/* Liquidation closes a position at its bankruptcy price, and the learner keeps none of its
 * collateral: what was left at the liquidation price goes to the insurance fund as the
 * clearance fee, which stands in for a closing fee (none is charged; an opening fee was paid
 * from the wallet when the position opened and is not part of the realised PnL).
 * - isolated, at BP = E − s·W/Q: it realises s·Q·(BP − E) = −W, exactly the margin it loses;
 * - cross, the whole pool at BPc: each position realises s_i·Q_i·(BPc − E_i), and as
 *   pool(BPc) = WBc + Σ s_i·Q_i·(BPc − E_i) = 0 they add up to −WBc, what the wallet loses.
 *   Closed at its liquidation price instead (above), the pool's positions realise less than
 *   −WBc in all; the clearance fee takes the rest. */
static void
ml_account_apply_liquidations (MlAccount *self,
                               GArray    *pending,
                               GArray    *liquidations)
{
  double pool_bankruptcy = ML_PRICE_NONE, pool_close = ML_PRICE_NONE;

  for (guint i = 0; i < pending->len; i++)
    {
      const Pending *item = &g_array_index (pending, Pending, i);
      MlPosition *p = item->position;
      MlPositionClose close = { item->price, item->end, 0, 0 };
      MlLiquidation l = { p, item->price };

      if (p->mode == ML_MARGIN_MODE_ISOLATED)
        {
          close.bankruptcy_price = _ml_group_bankruptcy_price (&p->group);
          close.realized_pnl = -p->margin;
          self->wallet_balance -= p->margin;
        }
      else
        {
          if (self->n_cross > 0) /* the first of the pool's positions closes them all */
            {
              pool_bankruptcy = _ml_group_bankruptcy_price (&self->pool);
              pool_close = ml_account_pool_close_price (self, item);
              self->wallet_balance -= _ml_account_cross_wallet_balance (self);
              self->n_cross = 0;
              _ml_group_constant (&self->pool, 0);
            }
          close.bankruptcy_price = pool_bankruptcy;
          close.realized_pnl = _ml_account_pnl (p, pool_close);
        }

      _ml_position_set_liquidated (p, &close);
      g_array_append_val (liquidations, l);
    }

  g_clear_pointer (&self->account_curve, ml_curve_unref);
}

/* Emitted only once the mark, the pool and every position's values are current. */
static void
ml_account_emit_liquidated (MlAccount *self,
                            GArray    *liquidations,
                            guint      first)
{
  for (guint i = first; i < liquidations->len; i++)
    {
      const MlLiquidation *l = &g_array_index (liquidations, MlLiquidation, i);

      g_signal_emit (self, signals[LIQUIDATED], 0, l->position, l->price);
    }
}

/* Solve, liquidate at the mark whatever an operation pushed over the edge, evaluate. */
void
_ml_account_update (MlAccount *self,
                    GArray    *liquidations)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr(GArray) own = NULL;
  guint first;

  if (liquidations == NULL)
    liquidations = own = g_array_new (FALSE, FALSE, sizeof (MlLiquidation));
  first = liquidations->len;

  _ml_account_solve (self);
  ml_account_collect_liquidations (self, self->mark_price, self->mark_price, TRUE, pending);
  if (pending->len > 0)
    {
      ml_account_apply_liquidations (self, pending, liquidations);
      _ml_account_notify_wallet_balance (self);
    }
  _ml_account_evaluate_at (self);
  ml_account_emit_liquidated (self, liquidations, first);
}

/**
 * _ml_account_recompute:
 *
 * Solves every liquidation interval again and builds the account's exact curve: what any
 * change to the positions costs. For the benchmarks.
 */
void
_ml_account_recompute (MlAccount *self)
{
  _ml_account_solve (self);
  _ml_account_evaluate_at (self);
  ml_curve_unref (ml_account_get_account_curve (self)); /* cached in the account */
}

static gboolean
ml_account_check_mark_price (double   price,
                             GError **error)
{
  if (ml_price_is_valid (price))
    return TRUE;

  g_set_error (error, ML_ERROR, ML_ERROR_REFUSED,
               /* Translators: USDT is the contract's currency; write the numbers in your locale's way */
               _("The mark price must be from 0.1 to 100,000,000 USDT."));
  return FALSE;
}

static void
ml_account_append_liquidations (MlAccount *self,
                                gsize      step,
                                double     price,
                                GArray    *liquidations,
                                gpointer   user_data)
{
  GArray *out = user_data;

  if (out != NULL && liquidations->len > 0)
    g_array_append_vals (out, liquidations->data, liquidations->len);
}

/**
 * ml_account_run_path:
 * @prices: (array length=n_prices): mark prices, applied in order
 * @func: (scope call) (nullable): called after each step, with what it liquidated
 *
 * Moves the mark price through @prices. Liquidations are sticky: a position liquidated on the
 * way does not come back when the price returns. Properties are notified once, at the end.
 *
 * Returns: %FALSE, changing nothing, if a price is not a valid mark price
 */
gboolean
ml_account_run_path (MlAccount    *self,
                     const double *prices,
                     gsize         n_prices,
                     MlPathFunc    func,
                     gpointer      user_data,
                     GError      **error)
{
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GArray) liquidations = NULL;
  g_autoptr(GArray) step = NULL;
  double wallet_before;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (prices != NULL || n_prices == 0, FALSE);

  for (gsize i = 0; i < n_prices; i++)
    if (!ml_price_is_valid (prices[i]))
      return ml_account_check_mark_price (prices[i], error);

  pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  liquidations = g_array_new (FALSE, FALSE, sizeof (MlLiquidation)); /* the whole path's */
  step = g_array_new (FALSE, FALSE, sizeof (MlLiquidation));
  wallet_before = self->wallet_balance;

  for (gsize i = 0; i < n_prices; i++)
    {
      guint first = liquidations->len;

      ml_account_collect_liquidations (self, self->mark_price, prices[i], FALSE, pending);
      if (pending->len > 0)
        ml_account_apply_liquidations (self, pending, liquidations);
      self->mark_price = prices[i];
      if (func != NULL)
        {
          g_array_set_size (step, 0);
          if (liquidations->len > first)
            g_array_append_vals (step, &g_array_index (liquidations, MlLiquidation, first),
                                 liquidations->len - first);
          func (self, i, prices[i], step, user_data);
        }
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (n_prices > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARK_PRICE]);
  if (self->wallet_balance != wallet_before)
    _ml_account_notify_wallet_balance (self);
  _ml_account_evaluate_at (self);
  g_object_thaw_notify (G_OBJECT (self));
  ml_account_emit_liquidated (self, liquidations, 0);

  return TRUE;
}

/**
 * ml_account_move_mark_price:
 * @liquidations: (nullable) (element-type MlLiquidation): filled with what the move
 *   liquidated, in the order the price reached them
 *
 * Returns: %FALSE, changing nothing, if @price is not a valid mark price
 */
gboolean
ml_account_move_mark_price (MlAccount  *self,
                            double      price,
                            GArray     *liquidations,
                            GError    **error)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), FALSE);

  if (price == self->mark_price)
    return TRUE;
  return ml_account_run_path (self, &price, 1, ml_account_append_liquidations, liquidations, error);
}

/* Scenario states */

void
_ml_account_restore (MlAccount     *self,
                     const MlOrder *order)
{
  g_list_store_append (self->positions, _ml_account_append (self, order));
}

/**
 * _ml_account_check_state:
 * @position_index: (out): the first position at fault, or G_MAXUINT for the account itself
 *
 * Solves the restored positions, then refuses a state that cannot exist: isolated margins
 * beyond the wallet, or a position or pool already liquidated at the mark price.
 */
gboolean
_ml_account_check_state (MlAccount  *self,
                         guint      *position_index,
                         GError    **error)
{
  g_autofree char *mark = ml_money_format_price (self->mark_price);
  double cross_balance;

  _ml_account_solve (self);
  *position_index = G_MAXUINT;

  cross_balance = _ml_account_cross_wallet_balance (self);
  if (cross_balance < -ML_AMOUNT_TOLERANCE * self->wallet_balance)
    {
      g_autofree char *w = ml_money_format_usdt (self->wallet_balance);
      g_autofree char *m = ml_money_format_usdt (self->wallet_balance - cross_balance);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario file; both %s are amounts with their unit */
                   _("the isolated margins add up to %s, more than the wallet balance of %s"), m, w);
      return FALSE;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);
      g_autofree char *why = NULL;

      if (_ml_group_survives (_ml_account_group_of (self, p), self->mark_price))
        continue;

      *position_index = i;
      why = _ml_account_describe_group (self, p);
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   p->mode == ML_MARGIN_MODE_ISOLATED
                   /* Translators: a problem in a scenario file; the first %s is the mark price, the second the position's liquidation price */
                   ? _("this position would already be liquidated at the mark price of %s (%s)")
                   /* Translators: a problem in a scenario file; the first %s is the mark price, the second the pool's liquidation price */
                   : _("the cross pool would already be liquidated at the mark price of %s (%s)"),
                   mark, why);
      return FALSE;
    }

  _ml_account_evaluate_at (self);
  return TRUE;
}

/* Accessors */

/**
 * ml_account_copy:
 *
 * Returns: (transfer full): an independent account in the same state
 */
MlAccount *
ml_account_copy (MlAccount *self)
{
  MlAccount *copy;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);

  copy = g_object_new (ML_TYPE_ACCOUNT,
                       "brackets", self->brackets,
                       "wallet-balance", self->wallet_balance,
                       "mark-price", self->mark_price,
                       NULL);
  copy->taker_fee_rate = self->taker_fee_rate;
  copy->maker_fee_rate = self->maker_fee_rate;
  copy->charge_fees = self->charge_fees;
  copy->next_id = self->next_id;
  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = _ml_position_copy (g_ptr_array_index (self->items, i));

      g_ptr_array_add (copy->items, p);
      g_list_store_append (copy->positions, p);
    }
  _ml_account_solve (copy);
  _ml_account_evaluate_at (copy);
  return copy;
}

MlContract *
ml_account_get_contract (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);
  return ml_contract_get_default ();
}

/**
 * ml_account_get_brackets:
 *
 * Returns: (transfer none): the maintenance brackets this account follows
 */
MlBrackets *
ml_account_get_brackets (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);
  return self->brackets;
}

/**
 * ml_account_get_positions:
 *
 * Returns: (transfer none): the positions, #MlPosition items, in the order they were opened
 */
GListModel *
ml_account_get_positions (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->positions);
}

/**
 * ml_account_find_position:
 *
 * Returns: (transfer none) (nullable): the position called @id
 */
MlPosition *
ml_account_find_position (MlAccount  *self,
                          const char *id)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      MlPosition *p = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (p->id, id) == 0)
        return p;
    }
  return NULL;
}

double
ml_account_get_wallet_balance (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), 0);
  return self->wallet_balance;
}

double
ml_account_get_mark_price (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), 0);
  return self->mark_price;
}

double
ml_account_get_taker_fee_rate (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), 0);
  return self->taker_fee_rate;
}

double
ml_account_get_maker_fee_rate (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), 0);
  return self->maker_fee_rate;
}

gboolean
ml_account_get_charge_fees (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), FALSE);
  return self->charge_fees;
}

static void
ml_account_set_rate (MlAccount *self,
                     double    *field,
                     double     rate,
                     guint      prop_id)
{
  g_return_if_fail (isfinite (rate) && rate >= 0 && rate <= ML_MAX_FEE_RATE);

  if (*field != rate)
    {
      *field = rate;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

void
ml_account_set_taker_fee_rate (MlAccount *self,
                               double     rate)
{
  g_return_if_fail (ML_IS_ACCOUNT (self));
  ml_account_set_rate (self, &self->taker_fee_rate, rate, PROP_TAKER_FEE_RATE);
}

void
ml_account_set_maker_fee_rate (MlAccount *self,
                               double     rate)
{
  g_return_if_fail (ML_IS_ACCOUNT (self));
  ml_account_set_rate (self, &self->maker_fee_rate, rate, PROP_MAKER_FEE_RATE);
}

void
ml_account_set_charge_fees (MlAccount *self,
                            gboolean   charge_fees)
{
  g_return_if_fail (ML_IS_ACCOUNT (self));

  charge_fees = !!charge_fees;
  if (self->charge_fees != charge_fees)
    {
      self->charge_fees = charge_fees;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHARGE_FEES]);
    }
}

guint
ml_account_get_n_cross_positions (MlAccount *self)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (self), 0);
  return self->n_cross;
}

/**
 * ml_account_get_margin_ratio_level:
 *
 * A live pool always has a margin ratio below 100 %: it is liquidated the moment it reaches
 * it. %ML_RATIO_LEVEL_LIQUIDATION names that limit for readers of the ratio.
 *
 * Returns: how the cross margin ratio reads against the warning and liquidation limits
 */
MlRatioLevel
ml_account_get_margin_ratio_level (MlAccount *self)
{
  double ratio;

  g_return_val_if_fail (ML_IS_ACCOUNT (self), ML_RATIO_LEVEL_NONE);

  ratio = self->values.cross_margin_ratio;
  if (self->n_cross == 0)
    return ML_RATIO_LEVEL_NONE;
  if (ratio >= ML_MARGIN_RATIO_LIQUIDATION)
    return ML_RATIO_LEVEL_LIQUIDATION;
  if (ratio >= ML_MARGIN_RATIO_WARNING)
    return ML_RATIO_LEVEL_WARNING;
  return ML_RATIO_LEVEL_SAFE;
}

/**
 * ml_account_get_cross_survival:
 * @low: (out): below this the pool is liquidated; %ML_PRICE_NONE if never
 * @high: (out): above this the pool is liquidated; infinite if never
 */
void
ml_account_get_cross_survival (MlAccount *self,
                               double    *low,
                               double    *high)
{
  g_return_if_fail (ML_IS_ACCOUNT (self));

  *low = self->n_cross > 0 ? self->pool.low : ML_PRICE_NONE;
  *high = self->n_cross > 0 ? self->pool.high : INFINITY;
}

#define VALUE_GETTER(name) \
  double \
  ml_account_get_##name (MlAccount *self) \
  { \
    g_return_val_if_fail (ML_IS_ACCOUNT (self), 0); \
    return self->values.name; \
  }

VALUE_GETTER (cross_wallet_balance)
VALUE_GETTER (cross_pool)
VALUE_GETTER (cross_maintenance_margin)
VALUE_GETTER (cross_margin_ratio)
VALUE_GETTER (cross_liquidation_price)
VALUE_GETTER (cross_bankruptcy_price)
VALUE_GETTER (available_balance)
VALUE_GETTER (equity)
