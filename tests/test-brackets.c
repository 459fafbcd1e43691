/* test-brackets.c — the shipped risk brackets, flat and custom tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "margin-lab-core.h"
#include "ml-test-util.h"

/* margin-model.md's table, typed from the document: cap, max leverage, MMR, cum. */
static const struct { double cap; guint leverage; double rate; double cum; } published[] = {
  { 50000, 125, 0.004, 0 },
  { 600000, 100, 0.005, 50 },
  { 3000000, 75, 0.0065, 950 },
  { 12000000, 50, 0.01, 11450 },
  { 70000000, 25, 0.02, 131450 },
  { 100000000, 20, 0.025, 481450 },
  { 230000000, 10, 0.05, 2981450 },
  { 480000000, 5, 0.10, 14481450 },
  { 600000000, 4, 0.125, 26481450 },
  { 800000000, 3, 0.15, 41481450 },
  { 1200000000, 2, 0.25, 121481450 },
  { 1800000000, 1, 0.50, 421481450 },
};

static void
test_default_table (void)
{
  MlBrackets *brackets = ml_brackets_get_default ();

  g_assert_cmpstr (ml_brackets_get_name (brackets), ==, "binance-btcusdt-2024");
  g_assert_cmpstr (ml_brackets_get_published (brackets), ==, "2024-05-30");
  g_assert_nonnull (strstr (ml_brackets_get_source (brackets), "Binance"));
  g_assert_cmpuint (ml_brackets_get_n_brackets (brackets), ==, G_N_ELEMENTS (published));

  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      const MlBracket *b = ml_brackets_get_bracket (brackets, i);

      g_assert_cmpfloat (b->floor, ==, i > 0 ? published[i - 1].cap : 0);
      g_assert_cmpfloat (b->cap, ==, published[i].cap);
      g_assert_cmpuint (b->max_leverage, ==, published[i].leverage);
      g_assert_cmpfloat (b->rate, ==, published[i].rate);
      g_assert_cmpfloat (b->amount, ==, published[i].cum);
    }
  g_assert_cmpfloat (ml_brackets_get_max_notional (brackets), ==, 1800000000);
}

static void
test_maintenance_examples (void)
{
  MlBrackets *brackets = ml_brackets_get_default ();

  /* margin-model.md, "MM": 160 / 2,450 / 5,550 / 38,550 */
  ml_assert_close (ml_brackets_maintenance_margin (brackets, 40000), 160, ML_EXACT);
  ml_assert_close (ml_brackets_maintenance_margin (brackets, 500000), 2450, ML_EXACT);
  ml_assert_close (ml_brackets_maintenance_margin (brackets, 1000000), 5550, ML_EXACT);
  ml_assert_close (ml_brackets_maintenance_margin (brackets, 5000000), 38550, ML_EXACT);
}

static void
test_maintenance_at_edges (void)
{
  MlBrackets *brackets = ml_brackets_get_default ();

  /* "MM at a bracket edge: N = 50,000 → 200 (either bracket)" */
  g_assert_cmpuint (ml_brackets_find (brackets, 50000), ==, 0);
  g_assert_cmpuint (ml_brackets_find (brackets, 50000.01), ==, 1);
  ml_assert_close (ml_brackets_maintenance_margin (brackets, 50000), 200, ML_EXACT);
  ml_assert_close (50000 * 0.005 - 50, 200, ML_EXACT);

  /* Continuous at every edge: both neighbours agree there. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (published); i++)
    {
      double edge = published[i].cap;

      ml_assert_close (edge * published[i].rate - published[i].cum,
                       edge * published[i + 1].rate - published[i + 1].cum, ML_EXACT);
      ml_assert_close (ml_brackets_maintenance_margin (brackets, edge),
                       ml_brackets_maintenance_margin (brackets, edge * (1 + 1e-12)), 1e-6);
    }

  /* Beyond the table the last bracket applies. */
  ml_assert_close (ml_brackets_maintenance_margin (brackets, 2e9), 2e9 * 0.5 - 421481450, ML_EXACT);
}

static void
test_max_leverage (void)
{
  MlBrackets *brackets = ml_brackets_get_default ();

  g_assert_cmpuint (ml_brackets_max_leverage_at (brackets, 6000), ==, 125);
  g_assert_cmpuint (ml_brackets_max_leverage_at (brackets, 50000), ==, 125);
  g_assert_cmpuint (ml_brackets_max_leverage_at (brackets, 60000), ==, 100);
  g_assert_cmpuint (ml_brackets_max_leverage_at (brackets, 1000000), ==, 75);
  g_assert_cmpuint (ml_brackets_max_leverage_at (brackets, 1500000000), ==, 1);
}

static MlBrackets *
test_brackets_from_json (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return ml_brackets_new_from_json (node, "maintenance", error);
}

static void
test_flat (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlBrackets) flat = test_brackets_from_json ("{\"rate\": 0.01, \"amount\": 0.01}", &error);

  g_assert_no_error (error);
  g_assert_null (ml_brackets_get_name (flat));
  /* The leverage Binance's table pairs with a 1 % rate: 50x. */
  g_assert_cmpuint (ml_brackets_max_leverage_at (flat, 1e9), ==, 50);
  ml_assert_close (ml_brackets_maintenance_margin (flat, 10), 0.09, ML_EXACT);

  /* Below 0.01 / 1 % = 1 USDT of notional the formula would go negative; no exchange asks
   * for a negative maintenance margin, so an implied bracket at rate 0 holds it at 0. */
  g_assert_cmpuint (ml_brackets_get_n_brackets (flat), ==, 2);
  g_assert_cmpfloat (ml_brackets_get_bracket (flat, 0)->rate, ==, 0);
  ml_assert_close (ml_brackets_get_bracket (flat, 0)->cap, 1, ML_EXACT);
  g_assert_cmpfloat (ml_brackets_maintenance_margin (flat, 0.5), ==, 0);
  ml_assert_close (ml_brackets_maintenance_margin (flat, 1), 0, ML_EXACT);
  g_assert_true (isinf (ml_brackets_get_max_notional (flat)));
}

/* The shipped table keeps within the rule a flat rate follows, and rounds at most one step
 * below it (75x where the rule allows 76x at 0.65 %). */
static void
test_flat_leverage_matches_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MlBrackets) flat = ml_brackets_new_flat (published[i].rate, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (ml_brackets_max_leverage_at (flat, 1000), >=, published[i].leverage);
      g_assert_cmpuint (ml_brackets_max_leverage_at (flat, 1000), <=, published[i].leverage + 1);
    }
}

/* Found by the fuzzer: 1 / (2 × rate) overflowed an integer and wrapped to 4x. */
static void
test_flat_tiny_rate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlBrackets) flat = ml_brackets_new_flat (1.1641532170149174e-10, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ml_brackets_max_leverage_at (flat, 1000), ==, 125);
}

static void
test_custom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlBrackets) custom = test_brackets_from_json (
    "{\"brackets\": [{\"cap\": 1000, \"rate\": 0.01, \"amount\": 0, \"max_leverage\": 50},"
    "                {\"cap\": 5000, \"rate\": 0.02, \"amount\": 10, \"max_leverage\": 20}]}",
    &error);

  g_assert_no_error (error);
  ml_assert_close (ml_brackets_maintenance_margin (custom, 1000), 10, ML_EXACT);
  ml_assert_close (ml_brackets_maintenance_margin (custom, 3000), 50, ML_EXACT);
  g_assert_cmpuint (ml_brackets_max_leverage_at (custom, 3000), ==, 20);
  g_assert_cmpfloat (ml_brackets_get_max_notional (custom), ==, 5000);
}

static void
test_brackets_assert_refused (const char *json,
                              const char *place)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlBrackets) brackets = test_brackets_from_json (json, &error);

  g_assert_null (brackets);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, place))
    g_error ("“%s” does not start with “%s”", error->message, place);
}

static void
test_custom_refused (void)
{
  /* An amount that makes the margin jump at the edge: it must be 10. */
  test_brackets_assert_refused ("{\"brackets\": [{\"cap\": 1000, \"rate\": 0.01, \"amount\": 0, \"max_leverage\": 50},"
                   "{\"cap\": 5000, \"rate\": 0.02, \"amount\": 9, \"max_leverage\": 20}]}",
                   "maintenance.brackets[1].amount: ");
  /* Falling rates would make the margin function non-convex. */
  test_brackets_assert_refused ("{\"brackets\": [{\"cap\": 1000, \"rate\": 0.02, \"amount\": 0, \"max_leverage\": 50},"
                   "{\"cap\": 5000, \"rate\": 0.01, \"amount\": -10, \"max_leverage\": 20}]}",
                   "maintenance.brackets[1].rate: ");
  test_brackets_assert_refused ("{\"brackets\": [{\"cap\": 1000, \"rate\": 0.01, \"amount\": 0, \"max_leverage\": 50},"
                   "{\"cap\": 900, \"rate\": 0.02, \"amount\": 10, \"max_leverage\": 20}]}",
                   "maintenance.brackets[1].cap: ");
  test_brackets_assert_refused ("{\"brackets\": [{\"cap\": 1000, \"rate\": 0.01, \"amount\": 0, \"max_leverage\": 50},"
                   "{\"cap\": 5000, \"rate\": 0.02, \"amount\": 10, \"max_leverage\": 60}]}",
                   "maintenance.brackets[1].max_leverage: ");
  test_brackets_assert_refused ("{\"brackets\": []}", "maintenance.brackets: ");
  test_brackets_assert_refused ("{\"brackets\": [{\"cap\": 1000, \"rate\": 0.01, \"amount\": 0}]}",
                   "maintenance.brackets[0].max_leverage: ");
  test_brackets_assert_refused ("{\"rate\": 1.5}", "maintenance.rate: ");
  test_brackets_assert_refused ("{\"rate\": 0, \"amount\": 5}", "maintenance.amount: ");
  test_brackets_assert_refused ("{\"rate\": 0.01, \"cum\": 1}", "maintenance.cum: ");
  test_brackets_assert_refused ("\"okx-2023\"", "maintenance: ");
  test_brackets_assert_refused ("42", "maintenance: ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brackets/default-table", test_default_table);
  g_test_add_func ("/brackets/maintenance-examples", test_maintenance_examples);
  g_test_add_func ("/brackets/maintenance-at-edges", test_maintenance_at_edges);
  g_test_add_func ("/brackets/max-leverage", test_max_leverage);
  g_test_add_func ("/brackets/flat", test_flat);
  g_test_add_func ("/brackets/flat-leverage-matches-table", test_flat_leverage_matches_table);
  g_test_add_func ("/brackets/flat-tiny-rate", test_flat_tiny_rate);
  g_test_add_func ("/brackets/custom", test_custom);
  g_test_add_func ("/brackets/custom-refused", test_custom_refused);

  return g_test_run ();
}
