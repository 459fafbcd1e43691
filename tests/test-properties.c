/* test-properties.c — invariants over 100,000 seeded random accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each account gets random brackets (the shipped table, a flat rate or a table of its own),
 * random fees and up to six random orders, then random margin changes, funding and a price
 * move. The checks compare the model with an evaluation written here from margin-model.md's
 * definitions (a balance survives while it is above its maintenance margin), not with the
 * model's own liquidation intervals.
 */

#include "config.h"

#include "margin-lab-core.h"
#include "ml-test-util.h"

#define N_ACCOUNTS   100000
#define SEED         20261125
/* Relative to the money in play: enough for double rounding over sums of a few terms. */
#define TOLERANCE    1e-8

/* What the random accounts covered, so that a run shows it exercised what it claims. */
typedef struct
{
  guint orders_opened;
  guint orders_refused;
  guint isolated_liquidations;
  guint pool_liquidations;
  guint two_ended_pools;
  guint custom_tables;
  guint breakpoints;
} Coverage;

typedef struct
{
  GRand      *rand;
  MlAccount  *account;
  MlBrackets *brackets;
  double      scale;   /* wallet plus every notional: what "relative" is relative to */
  Coverage    seen;
} Case;

/* Brackets */

static MlBrackets *
test_properties_custom_brackets (GRand *r)
{
  g_autoptr(GString) json = g_string_new ("{\"brackets\": [");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_rand_int_range (r, 1, 6);
  double cap = pow (10, g_rand_double_range (r, 3, 5.5));
  double rate = g_rand_double_range (r, 0.001, 0.01), amount = 0, floor = 0;
  guint leverage = g_rand_int_range (r, 20, 126);
  MlBrackets *brackets;

  for (guint i = 0; i < n; i++)
    {
      char c[G_ASCII_DTOSTR_BUF_SIZE], rt[G_ASCII_DTOSTR_BUF_SIZE], am[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        {
          double next = rate + g_rand_double_range (r, 0, 0.02);

          next = MIN (0.4, next); /* outside MIN (), which would draw twice */

          amount += floor * (next - rate);
          rate = next;
          leverage -= g_rand_int_range (r, 0, leverage); /* stays at least 1 */
        }
      g_string_append_printf (json, "%s{\"cap\": %s, \"rate\": %s, \"amount\": %s, \"max_leverage\": %u}",
                              i > 0 ? ", " : "",
                              g_ascii_formatd (c, sizeof c, "%.17g", cap),
                              g_ascii_formatd (rt, sizeof rt, "%.17g", rate),
                              g_ascii_formatd (am, sizeof am, "%.17g", amount), leverage);
      floor = cap;
      cap *= g_rand_double_range (r, 2, 10);
    }
  g_string_append (json, "]}");

  node = json_from_string (json->str, &error);
  g_assert_no_error (error);
  brackets = ml_brackets_new_from_json (node, "maintenance", &error);
  g_assert_no_error (error);
  return brackets;
}

static MlBrackets *
test_properties_random_brackets (GRand *r)
{
  double pick = g_rand_double (r);
  g_autoptr(GError) error = NULL;
  MlBrackets *brackets;

  if (pick < 0.6)
    return g_object_ref (ml_brackets_get_default ());
  if (pick < 0.8)
    {
      brackets = ml_brackets_new_flat (g_rand_double_range (r, 0.001, 0.05),
                                       g_rand_double_range (r, 0, 1), &error);
      g_assert_no_error (error);
      return brackets;
    }
  return test_properties_custom_brackets (r);
}

/* The independent evaluation */

static gboolean
test_properties_isolated_survives (Case       *c,
                                   MlPosition *p,
                                   double      price)
{
  double balance = ml_position_get_margin (p) +
                   ml_side_sign (ml_position_get_side (p)) * ml_position_get_quantity (p) *
                   (price - ml_position_get_entry_price (p));

  return balance > ml_brackets_maintenance_margin (c->brackets, ml_position_get_quantity (p) * price);
}

/* The pool's balance at @price, and whether it is above the cross maintenance margin. */
static double
test_properties_pool_at (Case     *c,
                         double    price,
                         gboolean *survives)
{
  GListModel *positions = ml_account_get_positions (c->account);
  double balance = ml_account_get_cross_wallet_balance (c->account), mm = 0;
  guint n_cross = 0;

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (ml_position_get_liquidated (p) || ml_position_get_mode (p) != ML_MARGIN_MODE_CROSS)
        continue;
      n_cross++;
      balance += ml_side_sign (ml_position_get_side (p)) * ml_position_get_quantity (p) *
                 (price - ml_position_get_entry_price (p));
      mm += ml_brackets_maintenance_margin (c->brackets, ml_position_get_quantity (p) * price);
    }

  *survives = n_cross == 0 || balance > mm;
  return balance;
}

static double
test_properties_equity_at (Case  *c,
                           double price)
{
  GListModel *positions = ml_account_get_positions (c->account);
  gboolean pool_survives;
  double pool = test_properties_pool_at (c, price, &pool_survives);
  double equity = pool_survives ? pool : 0;

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (!ml_position_get_liquidated (p) && ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED &&
          test_properties_isolated_survives (c, p, price))
        equity += ml_position_get_margin (p) +
                  ml_side_sign (ml_position_get_side (p)) * ml_position_get_quantity (p) *
                  (price - ml_position_get_entry_price (p));
    }
  return equity;
}

/* Invariants */

static void
test_properties_assert_finite_values (MlPosition *p)
{
  double values[] = {
    ml_position_get_notional (p), ml_position_get_maintenance_margin (p),
    ml_position_get_unrealized_pnl (p), ml_position_get_roe (p),
    ml_position_get_liquidation_price (p), ml_position_get_bankruptcy_price (p),
    ml_position_get_max_removable_margin (p), ml_position_get_remaining_collateral (p),
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_true (isfinite (values[i]));
  g_assert_cmpfloat (ml_position_get_remaining_collateral (p), >=, 0);
  g_assert_cmpfloat (ml_position_get_liquidation_price (p), >=, 0);
  g_assert_cmpfloat (ml_position_get_bankruptcy_price (p), >=, 0);
}

/* At a liquidation price the margin balance equals the maintenance margin. */
static void
test_properties_assert_balance_is_maintenance_at (Case       *c,
                                                  MlPosition *p,
                                                  double      price)
{
  double balance, mm = 0;
  gboolean unused;

  if (price == ML_PRICE_NONE)
    return;

  if (p != NULL)
    {
      balance = ml_position_get_margin (p) +
                ml_side_sign (ml_position_get_side (p)) * ml_position_get_quantity (p) *
                (price - ml_position_get_entry_price (p));
      mm = ml_brackets_maintenance_margin (c->brackets, ml_position_get_quantity (p) * price);
    }
  else
    {
      GListModel *positions = ml_account_get_positions (c->account);

      balance = test_properties_pool_at (c, price, &unused);
      for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
        {
          g_autoptr(MlPosition) q = g_list_model_get_item (positions, i);

          if (!ml_position_get_liquidated (q) && ml_position_get_mode (q) == ML_MARGIN_MODE_CROSS)
            mm += ml_brackets_maintenance_margin (c->brackets, ml_position_get_quantity (q) * price);
        }
    }

  ml_assert_close (balance, mm, TOLERANCE * c->scale / MAX (1.0, fabs (mm)));
}

static void
test_properties_assert_state (Case *c)
{
  MlAccount *account = c->account;
  GListModel *positions = ml_account_get_positions (account);
  double mark = ml_account_get_mark_price (account);
  double isolated = 0, low, high;
  gboolean pool_survives;

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      test_properties_assert_finite_values (p);
      if (ml_position_get_liquidated (p))
        {
          g_assert_cmpfloat (ml_position_get_remaining_collateral (p), ==, 0);
          continue;
        }
      if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED)
        {
          double lp = ml_position_get_liquidation_price (p);

          isolated += ml_position_get_remaining_collateral (p);
          g_assert_true (test_properties_isolated_survives (c, p, mark));
          test_properties_assert_balance_is_maintenance_at (c, p, lp);
          /* An isolated long can only be liquidated below, a short only above. */
          if (lp != ML_PRICE_NONE)
            g_assert_true (ml_position_get_side (p) == ML_SIDE_LONG ? lp < mark : lp > mark);
        }
    }

  ml_account_get_cross_survival (account, &low, &high);
  if (ml_account_get_n_cross_positions (account) > 0)
    {
      test_properties_pool_at (c, mark, &pool_survives);
      g_assert_true (pool_survives);
      test_properties_assert_balance_is_maintenance_at (c, NULL, low);
      if (isfinite (high))
        test_properties_assert_balance_is_maintenance_at (c, NULL, high);
      c->seen.two_ended_pools += low > 0 && isfinite (high);
    }

  /* equity = (pool or 0) + Σ isolated remaining */
  ml_assert_close (ml_account_get_equity (account),
                   ml_account_get_cross_pool (account) + isolated, TOLERANCE * c->scale / MAX (1.0, ml_account_get_equity (account)));
  ml_assert_close (ml_account_get_equity (account), test_properties_equity_at (c, mark),
                   TOLERANCE * c->scale / MAX (1.0, ml_account_get_equity (account)));
  g_assert_cmpfloat (ml_account_get_available_balance (account), >=, 0);
}

static gboolean
test_properties_near_breakpoint (const MlCurve *curve,
                                 double         price)
{
  for (guint i = 0; i < ml_curve_get_n_breakpoints (curve); i++)
    if (fabs (ml_curve_get_breakpoint (curve, i, NULL) - price) <= 1e-7 * price)
      return TRUE;
  return FALSE;
}

/* The money in play at @price: what rounding errors there are relative to. */
static double
test_properties_scale_at (Case  *c,
                          double price)
{
  GListModel *positions = ml_account_get_positions (c->account);
  double scale = fabs (ml_account_get_wallet_balance (c->account));

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      scale += ml_position_get_quantity (p) * (price + ml_position_get_entry_price (p));
    }
  return scale;
}

static void
test_properties_assert_curve_agrees (Case          *c,
                                     const MlCurve *curve,
                                     double         price)
{
  double expected, tolerance;

  if (test_properties_near_breakpoint (curve, price))
    return;

  expected = test_properties_equity_at (c, price);
  tolerance = TOLERANCE * test_properties_scale_at (c, price);
  ml_assert_close (ml_curve_evaluate (curve, price), expected, tolerance / MAX (1.0, fabs (expected)));
  ml_assert_close (ml_account_evaluate (c->account, price, NULL, NULL, NULL), expected,
                   tolerance / MAX (1.0, fabs (expected)));
  g_assert_cmpfloat (ml_curve_evaluate (curve, price), >=, -tolerance);
}

/* The exact curve equals point-by-point evaluation: at random prices, just beside every
 * breakpoint, and exactly at them (where what is liquidated has nothing left). */
static void
test_properties_assert_curves (Case *c)
{
  g_autoptr(MlCurve) curve = ml_account_get_account_curve (c->account);
  double mark = ml_account_get_mark_price (c->account);

  for (guint i = 0; i < 12; i++)
    {
      double price = mark * pow (10, g_rand_double_range (c->rand, -1.5, 1.5));

      test_properties_assert_curve_agrees (c, curve, MIN (ML_MAX_PRICE, price));
    }

  for (guint i = 0; i < ml_curve_get_n_breakpoints (curve); i++)
    {
      double value, x = ml_curve_get_breakpoint (curve, i, &value);

      c->seen.breakpoints++;
      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (x, <=, ML_MAX_PRICE);
      g_assert_cmpfloat (value, >=, 0);
      ml_assert_close (value, ml_account_evaluate (c->account, x, NULL, NULL, NULL),
                       TOLERANCE * test_properties_scale_at (c, x));
      test_properties_assert_curve_agrees (c, curve, x * (1 - 1e-6));
      test_properties_assert_curve_agrees (c, curve, x * (1 + 1e-6));
      if (i > 0)
        g_assert_cmpfloat (x, >, ml_curve_get_breakpoint (curve, i - 1, NULL));
    }
}

/* Operations */

static void
test_properties_random_order (Case    *c,
                              MlOrder *order)
{
  GRand *r = c->rand;
  MlContract *contract = ml_contract_get_default ();
  double mark = ml_account_get_mark_price (c->account);
  guint max;

  order->id = NULL;
  order->side = g_rand_boolean (r) ? ML_SIDE_LONG : ML_SIDE_SHORT;
  order->mode = g_rand_boolean (r) ? ML_MARGIN_MODE_ISOLATED : ML_MARGIN_MODE_CROSS;
  order->quantity = floor (pow (10, g_rand_double_range (r, 0, 5))) * ml_contract_get_contract_size (contract);
  order->price = g_rand_double (r) < 0.5 ? mark
                 : ml_contract_snap_to_tick (contract, mark * (1 + g_rand_double_range (r, -0.02, 0.02)));
  max = ml_brackets_max_leverage_at (c->brackets, order->quantity * order->price);
  order->leverage = g_rand_int_range (r, 1, max + (g_rand_double (r) < 0.05 ? 10 : 1));
  order->margin = order->mode == ML_MARGIN_MODE_ISOLATED && g_rand_boolean (r)
                  ? order->quantity * order->price / order->leverage * g_rand_double_range (r, 1, 2)
                  : 0;
}

/* A cross position nearly mirrored on the other side: the pool that can end both ways. */
static void
test_properties_random_hedge (Case *c)
{
  MlContract *contract = ml_contract_get_default ();
  double mark = ml_account_get_mark_price (c->account);
  double size = ml_contract_get_contract_size (contract);
  double q = floor (pow (10, g_rand_double_range (c->rand, 3, 6))) * size;
  MlOrder order = { NULL, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, q, mark, 1, 0 };

  order.leverage = g_rand_int_range (c->rand, 1, ml_brackets_max_leverage_at (c->brackets, q * mark) + 1);
  if (!ml_account_open_position (c->account, &order, NULL))
    return;
  c->scale += 2 * q * mark;
  order.side = ML_SIDE_SHORT;
  /* Outside MAX (), which would draw a second random number. */
  q = floor (q * g_rand_double_range (c->rand, 0.95, 1) / size) * size;
  order.quantity = MAX (size, q);
  ml_account_open_position (c->account, &order, NULL);
}

static void
test_properties_random_margin_change (Case *c)
{
  GListModel *positions = ml_account_get_positions (c->account);
  guint n = g_list_model_get_n_items (positions);
  g_autoptr(MlPosition) p = NULL;
  double before, mark = ml_account_get_mark_price (c->account);

  if (n == 0)
    return;
  p = g_list_model_get_item (positions, g_rand_int_range (c->rand, 0, n));
  if (ml_position_get_liquidated (p) || ml_position_get_mode (p) != ML_MARGIN_MODE_ISOLATED)
    return;

  before = ml_position_get_liquidation_price (p);
  if (g_rand_boolean (c->rand) && ml_account_get_available_balance (c->account) > 0)
    {
      double amount = ml_account_get_available_balance (c->account) * g_rand_double (c->rand);

      if (amount > 0 && ml_account_add_margin (c->account, p, amount, NULL))
        {
          /* Adding margin never moves a liquidation price toward the mark. */
          double after = ml_position_get_liquidation_price (p);

          if (before == ML_PRICE_NONE)
            g_assert_cmpfloat (after, ==, ML_PRICE_NONE);
          else if (after != ML_PRICE_NONE)
            g_assert_cmpfloat (fabs (after - mark), >=, fabs (before - mark) * (1 - 1e-12));
        }
    }
  else if (ml_position_get_max_removable_margin (p) > 0)
    g_assert_true (ml_account_remove_margin (c->account, p,
                                             ml_position_get_max_removable_margin (p) * g_rand_double_range (c->rand, 0.01, 1),
                                             NULL));
}

typedef struct
{
  gboolean liquidated;
  double   margin;
  double   liquidation_price;
} Before;

/* A move liquidates in price order, at prices between the old mark and the new, and changes
 * nothing else: an isolated liquidation leaves every other position and the pool as they were,
 * a pool liquidation leaves every isolated position. */
static void
test_properties_assert_move (Case *c)
{
  GListModel *positions = ml_account_get_positions (c->account);
  guint n = g_list_model_get_n_items (positions);
  g_autofree Before *before = g_new (Before, n);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (MlLiquidation));
  double from = ml_account_get_mark_price (c->account);
  double to = from * pow (10, g_rand_double_range (c->rand, -0.3, 0.3));
  double wallet = ml_account_get_wallet_balance (c->account);
  double cross_wallet = ml_account_get_cross_wallet_balance (c->account);
  double low, high, low_after, high_after, lost = 0, previous_distance = 0;
  gboolean pool_died = FALSE;

  ml_account_get_cross_survival (c->account, &low, &high);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      before[i] = (Before) { ml_position_get_liquidated (p), ml_position_get_margin (p),
                             ml_position_get_liquidation_price (p) };
    }

  g_assert_true (ml_account_move_mark_price (c->account, to, events, NULL));

  for (guint i = 0; i < events->len; i++)
    {
      const MlLiquidation *e = &g_array_index (events, MlLiquidation, i);
      double distance = fabs (e->price - from);

      g_assert_cmpfloat (distance, >=, previous_distance);
      g_assert_cmpfloat (e->price, >=, MIN (from, to));
      g_assert_cmpfloat (e->price, <=, MAX (from, to));
      previous_distance = distance;
      if (ml_position_get_mode (e->position) == ML_MARGIN_MODE_ISOLATED)
        {
          lost += ml_position_get_margin (e->position);
          c->seen.isolated_liquidations++;
        }
      else
        pool_died = TRUE;
    }
  if (pool_died)
    {
      lost += cross_wallet;
      c->seen.pool_liquidations++;
    }
  ml_assert_close (ml_account_get_wallet_balance (c->account), wallet - lost,
                   TOLERANCE * c->scale / MAX (1.0, fabs (wallet - lost)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);
      gboolean in_events = FALSE;

      for (guint j = 0; j < events->len; j++)
        in_events |= g_array_index (events, MlLiquidation, j).position == p;

      g_assert_cmpint (ml_position_get_liquidated (p), ==, before[i].liquidated || in_events);
      g_assert_cmpfloat (ml_position_get_margin (p), ==, before[i].margin);
      if (!in_events && ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED)
        g_assert_cmpfloat (ml_position_get_liquidation_price (p), ==, before[i].liquidation_price);
    }

  ml_account_get_cross_survival (c->account, &low_after, &high_after);
  if (!pool_died)
    {
      g_assert_cmpfloat (low_after, ==, low);
      g_assert_cmpfloat (high_after, ==, high);
      ml_assert_close (ml_account_get_cross_wallet_balance (c->account), cross_wallet,
                       TOLERANCE * c->scale / MAX (1.0, fabs (cross_wallet)));
    }
}

static void
test_properties_run_case (Case *c)
{
  GRand *r = c->rand;
  guint n_orders = g_rand_int_range (r, 1, 7);
  GListModel *positions;
  double wallet = pow (10, g_rand_double_range (r, 2, 6));
  double mark = ml_contract_snap_to_tick (ml_contract_get_default (),
                                          pow (10, g_rand_double_range (r, 3, 5.5)));

  c->brackets = test_properties_random_brackets (r);
  c->seen.custom_tables += ml_brackets_get_name (c->brackets) == NULL;
  c->account = ml_account_new (c->brackets, wallet, mark);
  ml_account_set_charge_fees (c->account, g_rand_boolean (r));
  ml_account_set_taker_fee_rate (c->account, g_rand_double_range (r, 0, 0.001));
  ml_account_set_maker_fee_rate (c->account, g_rand_double_range (r, 0, 0.0005));

  c->scale = wallet;
  if (g_rand_double (r) < 0.1)
    test_properties_random_hedge (c);
  for (guint i = 0; i < n_orders; i++)
    {
      MlOrder order;

      test_properties_random_order (c, &order);
      if (ml_account_open_position (c->account, &order, NULL))
        {
          c->scale += order.quantity * MAX (order.price, mark);
          c->seen.orders_opened++;
        }
      else
        c->seen.orders_refused++;
    }
  test_properties_assert_state (c);

  for (guint i = 0; i < 2; i++)
    test_properties_random_margin_change (c);
  if (g_rand_double (r) < 0.2)
    g_assert_true (ml_account_apply_funding (c->account, g_rand_double_range (r, -0.003, 0.003), NULL, NULL));
  test_properties_assert_state (c);
  test_properties_assert_curves (c);

  test_properties_assert_move (c);
  c->scale *= 3; /* prices moved by up to 2x */
  test_properties_assert_state (c);
  test_properties_assert_curves (c);

  positions = ml_account_get_positions (c->account);
  if (g_list_model_get_n_items (positions) > 0)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, 0);
      g_assert_true (ml_account_close_position (c->account, p, NULL));
      test_properties_assert_state (c);
    }

  g_clear_object (&c->account);
  g_clear_object (&c->brackets);
}

static void
test_random_accounts (void)
{
  Case c = { g_rand_new_with_seed (SEED) };
  guint n = N_ACCOUNTS;

  for (guint i = 0; i < n; i++)
    test_properties_run_case (&c);
  g_rand_free (c.rand);

  g_test_message ("%u random accounts checked (seed %u): %u orders opened, %u refused; "
                  "%u isolated and %u pool liquidations; %u two-ended pools; %u flat or custom "
                  "tables; %u curve breakpoints",
                  n, SEED, c.seen.orders_opened, c.seen.orders_refused,
                  c.seen.isolated_liquidations, c.seen.pool_liquidations, c.seen.two_ended_pools,
                  c.seen.custom_tables, c.seen.breakpoints);
  /* A generator that stopped producing these would make the checks above vacuous. */
  g_assert_cmpuint (c.seen.isolated_liquidations, >, n / 100);
  g_assert_cmpuint (c.seen.pool_liquidations, >, n / 100);
  g_assert_cmpuint (c.seen.two_ended_pools, >, n / 1000);
  g_assert_cmpuint (c.seen.orders_refused, >, n / 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/properties/random-accounts", test_random_accounts);

  return g_test_run ();
}
