/* ml-scenario-report.c — the scenario report, version 1 (design.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers are unrounded doubles; null stands where a value does not exist. A cross position's
 * liquidation and bankruptcy prices and remaining collateral are its pool's. The path runs on a
 * copy, so building a report never changes the scenario.
 */

#define G_LOG_DOMAIN "ml-scenario-report"

#include "config.h"

#include "ml-enums.h"
#include "ml-json-private.h"
#include "ml-scenario-private.h"

#define REPORT_VERSION 1

static void
ml_scenario_report_key_number (MlJsonWriter *w,
                               const char   *key,
                               double        value)
{
  _ml_json_writer_key (w, key);
  _ml_json_writer_number (w, value);
}

static void
ml_scenario_report_key_price (MlJsonWriter *w,
                              const char   *key,
                              double        price)
{
  _ml_json_writer_key (w, key);
  _ml_json_writer_price (w, price);
}

static void
ml_scenario_report_write_account (MlJsonWriter *w,
                                  MlAccount    *account)
{
  gboolean has_cross = ml_account_get_n_cross_positions (account) > 0;

  _ml_json_writer_key (w, "account");
  _ml_json_writer_begin_object (w);
  ml_scenario_report_key_number (w, "wallet_balance", ml_account_get_wallet_balance (account));
  ml_scenario_report_key_number (w, "cross_wallet_balance", ml_account_get_cross_wallet_balance (account));
  ml_scenario_report_key_number (w, "cross_pool", ml_account_get_cross_pool (account));
  ml_scenario_report_key_number (w, "cross_maintenance_margin", ml_account_get_cross_maintenance_margin (account));
  _ml_json_writer_key (w, "cross_margin_ratio");
  if (has_cross)
    _ml_json_writer_number (w, ml_account_get_cross_margin_ratio (account));
  else
    _ml_json_writer_null (w);
  ml_scenario_report_key_price (w, "cross_liquidation_price", ml_account_get_cross_liquidation_price (account));
  ml_scenario_report_key_number (w, "available_balance", ml_account_get_available_balance (account));
  ml_scenario_report_key_number (w, "equity", ml_account_get_equity (account));
  _ml_json_writer_end_object (w);
}

static void
ml_scenario_report_write_position (MlJsonWriter *w,
                                   MlPosition   *p)
{
  gboolean isolated = ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED;

  _ml_json_writer_begin_object (w);
  _ml_json_writer_key (w, "id");
  _ml_json_writer_string (w, ml_position_get_id (p));
  _ml_json_writer_key (w, "side");
  _ml_json_writer_string (w, ml_enum_get_nick (ML_TYPE_SIDE, ml_position_get_side (p)));
  _ml_json_writer_key (w, "mode");
  _ml_json_writer_string (w, ml_enum_get_nick (ML_TYPE_MARGIN_MODE, ml_position_get_mode (p)));
  ml_scenario_report_key_number (w, "quantity", ml_position_get_quantity (p));
  ml_scenario_report_key_number (w, "contracts", ml_position_get_contracts (p));
  ml_scenario_report_key_number (w, "entry_price", ml_position_get_entry_price (p));
  ml_scenario_report_key_number (w, "leverage", ml_position_get_leverage (p));
  ml_scenario_report_key_number (w, "notional", ml_position_get_notional (p));
  ml_scenario_report_key_number (w, "initial_margin", ml_position_get_initial_margin (p));
  _ml_json_writer_key (w, "margin");
  if (isolated)
    _ml_json_writer_number (w, ml_position_get_margin (p));
  else
    _ml_json_writer_null (w);
  ml_scenario_report_key_number (w, "maintenance_rate", ml_position_get_maintenance_rate (p));
  ml_scenario_report_key_number (w, "maintenance_margin", ml_position_get_maintenance_margin (p));
  ml_scenario_report_key_number (w, "unrealized_pnl", ml_position_get_unrealized_pnl (p));
  ml_scenario_report_key_number (w, "roe", ml_position_get_roe (p));
  ml_scenario_report_key_price (w, "liquidation_price", ml_position_get_liquidation_price (p));
  ml_scenario_report_key_price (w, "bankruptcy_price", ml_position_get_bankruptcy_price (p));
  _ml_json_writer_key (w, "max_removable_margin");
  if (isolated)
    _ml_json_writer_number (w, ml_position_get_max_removable_margin (p));
  else
    _ml_json_writer_null (w);
  ml_scenario_report_key_number (w, "remaining_collateral", ml_position_get_remaining_collateral (p));
  _ml_json_writer_key (w, "liquidated");
  _ml_json_writer_boolean (w, ml_position_get_liquidated (p));
  _ml_json_writer_end_object (w);
}

static void
ml_scenario_report_write_events (MlJsonWriter *w,
                                 GArray       *liquidations)
{
  _ml_json_writer_key (w, "events");
  _ml_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < liquidations->len; i++)
    {
      const MlLiquidation *l = &g_array_index (liquidations, MlLiquidation, i);

      _ml_json_writer_begin_object (w);
      _ml_json_writer_key (w, "id");
      _ml_json_writer_string (w, ml_position_get_id (l->position));
      _ml_json_writer_key (w, "event");
      _ml_json_writer_string (w, "liquidated");
      ml_scenario_report_key_number (w, "price", l->price);
      _ml_json_writer_end_object (w);
    }
  _ml_json_writer_end_array (w);
}

/* What one price means for the account: a what-if entry, or a path step with its events. */
static void
ml_scenario_report_write_outcome (MlJsonWriter *w,
                                  MlAccount    *account,
                                  double        price,
                                  GArray       *liquidations)
{
  GListModel *positions = ml_account_get_positions (account);
  guint n = g_list_model_get_n_items (positions);
  g_autofree double *remaining = g_new (double, n);
  g_autofree gboolean *liquidated = g_new (gboolean, n);
  double pool, equity;

  equity = ml_account_evaluate (account, price, &pool, remaining, liquidated);
  _ml_json_writer_begin_object (w);
  ml_scenario_report_key_number (w, "mark_price", price);
  ml_scenario_report_key_number (w, "equity", equity);
  ml_scenario_report_key_number (w, "cross_pool", pool);
  if (liquidations != NULL)
    ml_scenario_report_write_events (w, liquidations);

  _ml_json_writer_key (w, "positions");
  _ml_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      _ml_json_writer_begin_object (w);
      _ml_json_writer_key (w, "id");
      _ml_json_writer_string (w, ml_position_get_id (p));
      ml_scenario_report_key_number (w, "remaining_collateral", remaining[i]);
      _ml_json_writer_key (w, "liquidated");
      _ml_json_writer_boolean (w, liquidated[i]);
      _ml_json_writer_end_object (w);
    }
  _ml_json_writer_end_array (w);
  _ml_json_writer_end_object (w);
}

static void
ml_scenario_report_write_step (MlAccount *account,
                               gsize      step,
                               double     price,
                               GArray    *liquidations,
                               gpointer   user_data)
{
  ml_scenario_report_write_outcome (user_data, account, price, liquidations);
}

/**
 * ml_scenario_build_report:
 *
 * Returns: (transfer full): the report as C-locale JSON, ending in a newline
 */
char *
ml_scenario_build_report (MlScenario *self,
                          gsize      *length)
{
  g_autoptr(MlJsonWriter) w = _ml_json_writer_new ();
  g_autoptr(MlAccount) walk = NULL;
  GListModel *positions;
  gboolean ok;

  g_return_val_if_fail (ML_IS_SCENARIO (self), NULL);

  positions = ml_account_get_positions (self->account);

  _ml_json_writer_begin_object (w);
  ml_scenario_report_key_number (w, "margin-lab-report", REPORT_VERSION);
  ml_scenario_report_key_number (w, "mark_price", ml_account_get_mark_price (self->account));
  ml_scenario_report_write_account (w, self->account);

  _ml_json_writer_key (w, "positions");
  _ml_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);
      ml_scenario_report_write_position (w, p);
    }
  _ml_json_writer_end_array (w);

  _ml_json_writer_key (w, "what_if");
  _ml_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < self->what_if->len; i++)
    {
      ml_scenario_report_write_outcome (w, self->account, g_array_index (self->what_if, double, i), NULL);
    }
  _ml_json_writer_end_array (w);

  _ml_json_writer_key (w, "path");
  _ml_json_writer_begin_array (w, FALSE);
  walk = ml_account_copy (self->account);
  ok = ml_account_run_path (walk, (const double *)(gpointer)self->path->data, self->path->len,
                            ml_scenario_report_write_step, w, NULL);
  g_assert (ok); /* every price was checked when the scenario was read */
  _ml_json_writer_end_array (w);

  _ml_json_writer_end_object (w);
  return _ml_json_writer_finish (w, length);
}
