/* test-explain.c — "explain this number": margin-model.md's worked examples, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected numbers are the document's (or worked out by hand from its formulas, shown in
 * the comments), formatted with ml_money_format_* the way the texts show them. The tests run
 * with LC_ALL=C.UTF-8: no digit grouping.
 */

#include "config.h"

#include <string.h>

#include "margin-lab-core.h"
#include "ml-test-util.h"

/* Pango markup is well-formed XML inside one element; the core has no Pango to ask. */
static void
test_explain_assert_markup (const char *text)
{
  static const GMarkupParser empty = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&empty, 0, NULL, NULL);
  g_autofree char *document = g_strconcat ("<markup>", text, "</markup>", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_markup_parse_context_parse (context, document, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("not well-formed markup (%s):\n%s", error->message, text);
}

/* Every symbol a text uses is defined in words in the same text: a symbol (not inside a word),
 * and what must then be found there. */
static const struct
{
  const char *symbol;
  const char *definition;
} test_explain_symbols[] = {
  { "Q", "\\bQ (is )?(the |its |a position’s )?size in BTC" },
  { "E", "\\bE (is )?(the |its )?entry price" },
  { "P", "(\\bP (is )?the mark price|mark price P\\b)" },
  { "W", "\\bW (is )?(the )?(position’s |an isolated position’s )?margin" },
  { "N", "\\bN is the notional" },
  { "s", "\\bs is \\+1 for a long and −1 for a short" },
  { "λ", "λ the leverage" },
  { "MMR", "MMR (is )?the maintenance margin rate" },
  { "cum", "cum the maintenance amount" },
  { "MM", "(MM (is )?(a position’s |the )?maintenance margin|Σ MM, the maintenance margin of every)" },
  { "WBc", "WBc(, | is )the cross wallet balance" },
  { "uPnL", "uPnL (is )?(a position’s |its )unrealized PnL" },
  { "LP", "LP is the liquidation price" },
  { "LPc", "LPc is the cross liquidation price" },
  { "BP", "BP is the bankruptcy price" },
  { "BPc", "BPc is the pool’s bankruptcy price" },
  { "IM", "IM is the initial margin|Σ IM adds up" },
  { "Σ", "(sums? runs? over|Σ IM adds up|Σ MM, the maintenance margin of every)" },
};

static void
test_explain_assert_defined (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (test_explain_symbols); i++)
    {
      g_autofree char *used = g_strdup_printf ("(?<![\\p{L}\\p{N}’])%s(?![\\p{L}\\p{N}])", test_explain_symbols[i].symbol);

      if (g_regex_match_simple (used, text, 0, 0) &&
          !g_regex_match_simple (test_explain_symbols[i].definition, text, 0, 0))
        g_error ("“%s” is used but not defined (/%s/) in:\n%s", test_explain_symbols[i].symbol,
                 test_explain_symbols[i].definition, text);
    }
}

/* Takes @text, checks its markup and its symbols, and keeps it until the test ends. */
static const char *
test_explain_checked (char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  test_explain_assert_markup (text);
  test_explain_assert_defined (text);
  g_test_queue_free (text);
  return text;
}

#define assert_has(text, needle) \
  G_STMT_START { \
    const char *_t = (text), *_n = (needle); \
    if (strstr (_t, _n) == NULL) \
      g_error ("%s:%d: “%s” not found in:\n%s", __FILE__, __LINE__, _n, _t); \
  } G_STMT_END

#define assert_lacks(text, needle) \
  G_STMT_START { \
    const char *_t = (text), *_n = (needle); \
    if (strstr (_t, _n) != NULL) \
      g_error ("%s:%d: “%s” found in:\n%s", __FILE__, __LINE__, _n, _t); \
  } G_STMT_END

/* Formatted as the texts format them, kept until the test ends. */
static const char *
test_explain_usdt (double amount)
{
  char *s = ml_money_format_usdt (amount);

  g_test_queue_free (s);
  return s;
}

static const char *
test_explain_price (double price)
{
  char *s = ml_money_format_price (price);

  g_test_queue_free (s);
  return s;
}

static const char *
test_explain_btc (double quantity)
{
  char *s = ml_money_format_btc (quantity);

  g_test_queue_free (s);
  return s;
}

static const char *
test_explain_percent (double fraction)
{
  char *s = ml_money_format_percent (fraction);

  g_test_queue_free (s);
  return s;
}

static const char *
test_explain_printf (const char *format,
                     ...) G_GNUC_PRINTF (1, 2);

static const char *
test_explain_printf (const char *format,
                     ...)
{
  va_list args;
  char *s;

  va_start (args, format);
  s = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_queue_free (s);
  return s;
}

#define BRACKET_1 "Bracket 1: notional 0–50000\u00a0USDT, maintenance rate \u20680.40\u00a0%\u2069, amount \u20680.00\u00a0USDT\u2069"
#define BRACKET_3 "Bracket 3: notional 600000–3000000\u00a0USDT, maintenance rate \u20680.65\u00a0%\u2069, amount \u2068950.00\u00a0USDT\u2069"

/* "isolated long | Q 0.1 @ 60,000, 20x (W = 300) | LP 57,228.9156626506, BP 57,000" */
static void
test_isolated_long (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  const char *text = test_explain_checked (ml_explain_liquidation_price (account, p));

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Liquidation price: %s", test_explain_price (57228.9156626506)));
  assert_has (text, "falls to");
  assert_has (text, "LP = (Q·E − W − cum) / (Q·(1 − MMR))");
  assert_lacks (text, "LP = (Q·E + W + cum)");
  assert_has (text, "cum the maintenance amount of the risk bracket");
  assert_has (text, test_explain_printf ("LP = (%s · %s − %s − %s) / (%s · (1 − %s)) = %s",
                             test_explain_btc (0.1), test_explain_price (60000), test_explain_usdt (300), test_explain_usdt (0),
                             test_explain_btc (0.1), test_explain_percent (0.004), test_explain_price (57228.9156626506)));
  assert_has (text, BRACKET_1);
  /* At entry the notional is 6,000: the same bracket, so no note. */
  assert_lacks (text, "At entry");
  assert_has (text, test_explain_printf ("Bankruptcy price: %s", test_explain_price (57000)));
}

/* "isolated short | Q 0.1 @ 60,000, 20x (W = 300) | LP 62,749.0039840637, BP 63,000" */
static void
test_isolated_short (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  const char *text = test_explain_checked (ml_explain_liquidation_price (account, p));

  assert_has (text, "rises to");
  assert_has (text, "LP = (Q·E + W + cum) / (Q·(1 + MMR))");
  assert_lacks (text, "LP = (Q·E − W − cum)");
  assert_has (text, test_explain_printf ("LP = (%s · %s + %s + %s) / (%s · (1 + %s)) = %s",
                             test_explain_btc (0.1), test_explain_price (60000), test_explain_usdt (300), test_explain_usdt (0),
                             test_explain_btc (0.1), test_explain_percent (0.004), test_explain_price (62749.0039840637)));
  assert_has (text, BRACKET_1);
  assert_has (text, test_explain_printf ("Bankruptcy price: %s", test_explain_price (63000)));
}

/* "flat-rate isolated (MMR 1 %, cum 0.01) | long / short 1.0 @ 10, 5x, W = 2 |
 * LP 8.070707070707071 / 11.89108910891089" */
static void
test_flat_rate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlBrackets) flat = ml_brackets_new_flat (0.01, 0.01, &error);
  g_autoptr(MlAccount) account = NULL;
  MlPosition *longp, *shortp;
  const char *text;

  g_assert_no_error (error);
  account = ml_account_new (flat, 100, 10);
  longp = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 1.0, 10, 5);
  shortp = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 1.0, 10, 5);

  text = test_explain_checked (ml_explain_liquidation_price (account, longp));
  assert_has (text, test_explain_printf ("LP = (%s · %s − %s − %s) / (%s · (1 − %s)) = %s",
                             test_explain_btc (1), test_explain_price (10), test_explain_usdt (2), test_explain_usdt (0.01),
                             test_explain_btc (1), test_explain_percent (0.01), test_explain_price (8.070707070707071)));
  /* One flat bracket; the zero-margin range below it (up to 0.01 / 1 % = 1 USDT) is not one. */
  assert_has (text, "Bracket 1: notional above 1\u00a0USDT, maintenance rate \u20681.00\u00a0%\u2069, amount \u20680.01\u00a0USDT\u2069");

  text = test_explain_checked (ml_explain_liquidation_price (account, shortp));
  assert_has (text, test_explain_printf ("LP = (%s · %s + %s + %s) / (%s · (1 + %s)) = %s",
                             test_explain_btc (1), test_explain_price (10), test_explain_usdt (2), test_explain_usdt (0.01),
                             test_explain_btc (1), test_explain_percent (0.01), test_explain_price (11.89108910891089)));
}

/* margin-model.md: "the bracket must be the one that holds Q·LP, not Q·E". Long 1 BTC at
 * 60,000, 2x (W = 30,000): entry notional 60,000 is in bracket 2, but at LP it is bracket 1:
 * LP = (60,000 − 30,000 − 0) / (1 × (1 − 0.4 %)) = 30,120.48. */
static void
test_bracket_at_liquidation_price (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 100000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 1, 60000, 2);
  const char *text = test_explain_checked (ml_explain_liquidation_price (account, p));

  assert_has (text, test_explain_printf ("LP = (%s · %s − %s − %s) / (%s · (1 − %s)) = %s",
                             test_explain_btc (1), test_explain_price (60000), test_explain_usdt (30000), test_explain_usdt (0),
                             test_explain_btc (1), test_explain_percent (0.004), test_explain_price (30000 / 0.996)));
  assert_has (text, BRACKET_1);
  assert_has (text, test_explain_printf ("At entry the notional Q·E = %s was in bracket 2", test_explain_usdt (60000)));
}

/* A 1x long: its margin covers the whole notional, W = Q·E = 6,000, so LP ≤ 0: none. */
static void
test_none (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 10000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 1);
  const char *none = test_explain_price (ML_PRICE_NONE);
  const char *text = test_explain_checked (ml_explain_liquidation_price (account, p));

  g_assert_cmpstr (none, ==, "none");
  assert_has (text, test_explain_printf ("Liquidation price: %s", none));
  assert_has (text, "cannot be liquidated");
  assert_has (text, test_explain_printf ("covers the whole entry notional Q·E = %s", test_explain_usdt (6000)));
  assert_has (text, test_explain_printf ("≤ 0: %s", none));
  assert_lacks (text, "Bankruptcy price");
}

/* "check at LP": the long is liquidated when the mark reaches 57,228.9156626506; what is
 * left is 0, and the record keeps that price. */
static void
test_liquidated (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  const char *text;

  g_assert_true (ml_account_move_mark_price (account, 57000, NULL, NULL));
  g_assert_true (ml_position_get_liquidated (p));

  text = test_explain_checked (ml_explain_liquidation_price (account, p));
  assert_has (text, test_explain_printf ("was liquidated at %s", test_explain_price (57228.9156626506)));
  assert_has (text, test_explain_printf ("bankruptcy price, %s", test_explain_price (57000)));
  assert_has (text, test_explain_printf ("remaining collateral is %s", test_explain_usdt (0)));
  assert_lacks (text, "LP = (");

  text = test_explain_checked (ml_explain_remaining_collateral (account, p));
  assert_has (text, test_explain_printf ("Remaining collateral: %s", test_explain_usdt (0)));
  assert_has (text, "was liquidated");
}

/* A cross long 0.1 @ 60,000 with a wallet of 1,000: LPc = (1,000 − 6,000) / (0.1 × 0.4 % − 0.1)
 * = 50,200.80. Past it the pool is gone, and every cross position with it. */
static void
test_pool_liquidated (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  const char *text;

  g_assert_true (ml_account_move_mark_price (account, 40000, NULL, NULL));
  g_assert_true (ml_position_get_liquidated (p));

  text = test_explain_checked (ml_explain_liquidation_price (account, p));
  assert_has (text, test_explain_printf ("The cross pool was liquidated at %s", test_explain_price (5000 / 0.0996)));
  assert_has (text, test_explain_printf ("remaining collateral is %s", test_explain_usdt (0)));

  text = test_explain_checked (ml_explain_remaining_collateral (account, p));
  assert_has (text, test_explain_printf ("Remaining collateral: %s", test_explain_usdt (0)));

  text = test_explain_checked (ml_explain_liquidation_price (account, NULL));
  assert_has (text, test_explain_printf ("Cross liquidation price: %s", test_explain_price (ML_PRICE_NONE)));
  assert_has (text, test_explain_printf ("The last cross pool was liquidated at %s.", test_explain_price (5000 / 0.0996)));
}

/* design.md's example: isolated long 0.1 @ 60,000 20x (W = 300) and cross short 0.05 @ 62,000
 * 10x, wallet 1,000, mark 60,000. WBc = 700; the pool is 700 − 0.05 × (60,000 − 62,000) = 800,
 * its maintenance margin 0.05 × 60,000 × 0.4 % = 12; LPc = (700 + 0 + 3,100) / (0.05 × 0.4 % +
 * 0.05) = 75,697.21. */
static MlAccount *
test_explain_design_example (MlPosition **cross)
{
  MlAccount *account = ml_account_new (NULL, 1000, 62000);

  *cross = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_CROSS, 0.05, 62000, 10);
  g_assert_true (ml_account_move_mark_price (account, 60000, NULL, NULL));
  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  return account;
}

static void
test_cross_pool (void)
{
  MlPosition *cross;
  g_autoptr(MlAccount) account = test_explain_design_example (&cross);
  const char *text = test_explain_checked (ml_explain_liquidation_price (account, NULL));
  const char *solution = test_explain_printf ("LPc = (%s + %s + %s · %s) / (%s · %s + %s) = %s",
                                  test_explain_usdt (700), test_explain_usdt (0), test_explain_btc (0.05), test_explain_price (62000),
                                  test_explain_btc (0.05), test_explain_percent (0.004), test_explain_btc (0.05), test_explain_price (3800 / 0.0502));

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Cross liquidation price: %s", test_explain_price (3800 / 0.0502)));
  assert_has (text, "rises to");
  assert_has (text, "pool(P) = WBc + Σ s·Q·(P − E)");
  assert_has (text, "LPc = (WBc + Σ cum − Σ s·Q·E) / (Σ Q·MMR − Σ s·Q)");
  assert_lacks (text, "LP = (Q·E");
  assert_has (text, solution);
  assert_has (text, test_explain_printf ("pool = %s − %s · (%s − %s) = %s", test_explain_usdt (700), test_explain_btc (0.05),
                             test_explain_price (60000), test_explain_price (62000), test_explain_usdt (800)));
  assert_has (text, test_explain_printf ("Σ MM = %s · %s · %s − %s = %s", test_explain_btc (0.05), test_explain_price (60000),
                             test_explain_percent (0.004), test_explain_usdt (0), test_explain_usdt (12)));
  assert_has (text, test_explain_printf ("short %s at %s (p1): %s", test_explain_btc (0.05), test_explain_price (62000), BRACKET_1));
  assert_has (text, "moves when other cross positions move");
  assert_lacks (text, "isolated long");

  /* A cross position's liquidation price is the pool's. */
  text = test_explain_checked (ml_explain_liquidation_price (account, cross));
  assert_has (text, "uses cross margin");
  assert_has (text, solution);
}

/* data/scenarios/hedged-cross-pool.mlscenario: long 1 and short 0.99 BTC at 60,000, wallet 520.
 * Low end, both in bracket 1: (520 + 0 + 0 − 60,000 + 59,400) / (1 × 0.4 % + 0.99 × 0.4 % − 1 +
 * 0.99) = 39,215.69; high end, both in bracket 3: (520 + 950 + 950 − 600) / (1.99 × 0.65 % − 0.01)
 * = 620,102.21. At entry both were in bracket 2. */
static MlScenario *
test_explain_hedged (void)
{
  g_autoptr(GError) error = NULL;
  MlScenario *scenario = ml_scenario_new_from_data (
    "{\"margin-lab-scenario\": 1, \"wallet_balance\": 520, \"mark_price\": 60000, \"positions\": ["
    " {\"id\": \"long\", \"side\": \"long\", \"mode\": \"cross\", \"quantity\": 1,"
    "  \"entry_price\": 60000, \"leverage\": 100},"
    " {\"id\": \"short\", \"side\": \"short\", \"mode\": \"cross\", \"quantity\": 0.99,"
    "  \"entry_price\": 60000, \"leverage\": 100}]}", -1, "hedged", &error);

  g_assert_no_error (error);
  return scenario;
}

static void
test_hedged_pool (void)
{
  g_autoptr(MlScenario) scenario = test_explain_hedged ();
  const char *low = test_explain_price (80 / (0.01 - 1.99 * 0.004));
  const char *high = test_explain_price (1820 / (1.99 * 0.0065 - 0.01));
  const char *text = test_explain_checked (ml_explain_liquidation_price (ml_scenario_get_account (scenario), NULL));

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Cross liquidation price: %s", low));
  assert_has (text, test_explain_printf ("falls to %s or rises to %s", low, high));
  assert_has (text, test_explain_printf ("Lower end: LPc = (%s + %s + %s − %s · %s + %s · %s) / (%s · %s + %s · %s − %s + %s) = %s",
                             test_explain_usdt (520), test_explain_usdt (0), test_explain_usdt (0), test_explain_btc (1), test_explain_price (60000),
                             test_explain_btc (0.99), test_explain_price (60000), test_explain_btc (1), test_explain_percent (0.004),
                             test_explain_btc (0.99), test_explain_percent (0.004), test_explain_btc (1), test_explain_btc (0.99), low));
  assert_has (text, test_explain_printf ("Upper end: LPc = (%s + %s + %s − %s · %s + %s · %s) / (%s · %s + %s · %s − %s + %s) = %s",
                             test_explain_usdt (520), test_explain_usdt (950), test_explain_usdt (950), test_explain_btc (1), test_explain_price (60000),
                             test_explain_btc (0.99), test_explain_price (60000), test_explain_btc (1), test_explain_percent (0.0065),
                             test_explain_btc (0.99), test_explain_percent (0.0065), test_explain_btc (1), test_explain_btc (0.99), high));
  assert_has (text, test_explain_printf ("At the lower end, %s:", low));
  assert_has (text, test_explain_printf ("At the upper end, %s:", high));
  assert_has (text, test_explain_printf ("long %s at %s (long): %s; at entry (notional %s) it was in bracket 2",
                             test_explain_btc (1), test_explain_price (60000), BRACKET_3, test_explain_usdt (60000)));
  assert_has (text, test_explain_printf ("short %s at %s (short): %s; at entry (notional %s) it was in bracket 2",
                             test_explain_btc (0.99), test_explain_price (60000), BRACKET_1, test_explain_usdt (59400)));
}

/* No cross position at all: nothing to liquidate, a ratio of 0. */
static void
test_empty_pool (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  const char *text;

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  text = test_explain_checked (ml_explain_liquidation_price (account, NULL));
  assert_has (text, test_explain_printf ("Cross liquidation price: %s", test_explain_price (ML_PRICE_NONE)));
  assert_has (text, test_explain_printf ("cross wallet balance, %s", test_explain_usdt (700)));

  text = test_explain_checked (ml_explain_margin_ratio (account));
  assert_has (text, test_explain_printf ("Margin ratio: %s", test_explain_percent (0)));
  assert_has (text, "No cross position is open");
  assert_has (text, "Safe");

  text = test_explain_checked (ml_explain_remaining_collateral (account, NULL));
  assert_has (text, test_explain_printf ("pool = WBc = %s", test_explain_usdt (700)));
}

/* A cross long 0.1 @ 60,000 with a wallet of 1,000. At 60,000: MM = 0.1 × 60,000 × 0.4 % = 24,
 * pool 1,000, ratio 2.40 %. At 50,250: pool = 1,000 + 0.1 × (50,250 − 60,000) = 25,
 * MM = 0.1 × 50,250 × 0.4 % = 20.10, ratio 80.40 % (LPc = 5,000 / 0.0996 = 50,200.8 lies below). */
static void
test_margin_ratio (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  const char *text;

  ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  text = test_explain_checked (ml_explain_margin_ratio (account));
  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Margin ratio: %s", test_explain_percent (0.024)));
  assert_has (text, "margin ratio = Σ MM / pool");
  assert_has (text, test_explain_printf ("margin ratio = %s / %s = %s", test_explain_usdt (24), test_explain_usdt (1000), test_explain_percent (0.024)));
  assert_has (text, BRACKET_1);
  assert_has (text, "Safe: below 80\u00a0%");
  assert_lacks (text, "Warning");
  assert_has (text, "the other way round");

  g_assert_true (ml_account_move_mark_price (account, 50250, NULL, NULL));
  text = test_explain_checked (ml_explain_margin_ratio (account));
  assert_has (text, test_explain_printf ("Margin ratio: %s", test_explain_percent (0.804)));
  assert_has (text, test_explain_printf ("pool = %s + %s · (%s − %s) = %s", test_explain_usdt (1000), test_explain_btc (0.1),
                             test_explain_price (50250), test_explain_price (60000), test_explain_usdt (25)));
  assert_has (text, test_explain_printf ("Σ MM = %s · %s · %s − %s = %s", test_explain_btc (0.1), test_explain_price (50250),
                             test_explain_percent (0.004), test_explain_usdt (0), test_explain_usdt (20.10)));
  assert_has (text, test_explain_printf ("margin ratio = %s / %s = %s", test_explain_usdt (20.10), test_explain_usdt (25), test_explain_percent (0.804)));
  assert_has (text, "Warning: 80\u00a0% or more");
  assert_has (text, "At 100\u00a0% the pool is liquidated");
  assert_lacks (text, "Safe");
}

/* Isolated: W + uPnL. The long of the worked example at 61,000: 300 + 0.1 × 1,000 = 400. */
static void
test_remaining_isolated (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  MlPosition *s = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  const char *text;

  g_assert_true (ml_account_move_mark_price (account, 61000, NULL, NULL));
  text = test_explain_checked (ml_explain_remaining_collateral (account, p));
  assert_has (text, test_explain_printf ("Remaining collateral: %s", test_explain_usdt (400)));
  assert_has (text, "remaining = W + uPnL = W + Q·(P − E)");
  assert_has (text, test_explain_printf ("remaining = %s + %s · (%s − %s) = %s", test_explain_usdt (300), test_explain_btc (0.1),
                             test_explain_price (61000), test_explain_price (60000), test_explain_usdt (400)));
  /* MM = 0.1 × 61,000 × 0.4 % = 24.40 */
  assert_has (text, test_explain_printf ("MM = %s · %s · %s − %s = %s", test_explain_btc (0.1), test_explain_price (61000),
                             test_explain_percent (0.004), test_explain_usdt (0), test_explain_usdt (24.40)));
  assert_has (text, BRACKET_1);

  /* The short: 300 − 0.1 × 1,000 = 200. */
  text = test_explain_checked (ml_explain_remaining_collateral (account, s));
  assert_has (text, "remaining = W + uPnL = W − Q·(P − E)");
  assert_has (text, test_explain_printf ("remaining = %s − %s · (%s − %s) = %s", test_explain_usdt (300), test_explain_btc (0.1),
                             test_explain_price (61000), test_explain_price (60000), test_explain_usdt (200)));
}

/* Cross: the pool, the same for every cross position. */
static void
test_remaining_pool (void)
{
  MlPosition *cross;
  g_autoptr(MlAccount) account = test_explain_design_example (&cross);
  const char *pool = test_explain_printf ("pool = %s − %s · (%s − %s) = %s", test_explain_usdt (700), test_explain_btc (0.05),
                              test_explain_price (60000), test_explain_price (62000), test_explain_usdt (800));
  const char *text = test_explain_checked (ml_explain_remaining_collateral (account, NULL));

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Remaining collateral (cross pool): %s", test_explain_usdt (800)));
  assert_has (text, "pool = WBc + Σ s·Q·(P − E)");
  assert_has (text, pool);
  assert_has (text, "Every cross position shows this same amount");

  text = test_explain_checked (ml_explain_remaining_collateral (account, cross));
  assert_has (text, "uses cross margin");
  assert_has (text, pool);
}

/* "notional of 0.1\u00a0BTC at 60,000 = 6,000.00\u00a0USDT", in bracket 1 (up to 50,000), whose highest
 * leverage is 125×. At a mark of 61,000 it is 0.1 × 61,000 = 6,100. One BTC at 60,000 is 60,000:
 * bracket 2, at most 100×. */
static void
test_notional (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 100000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  MlPosition *big = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 1, 60000, 20);
  const char *text = test_explain_checked (ml_explain_notional (account, p));

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Notional: %s", test_explain_usdt (6000)));
  assert_has (text, "N = Q·P");
  assert_has (text, "N is the notional, Q the size in BTC and P the mark price");
  assert_has (text, test_explain_printf ("N = %s · %s = %s", test_explain_btc (0.1), test_explain_price (60000), test_explain_usdt (6000)));
  assert_has (text, BRACKET_1);
  assert_has (text, "at most \u2068125×\u2069 leverage");
  assert_lacks (text, "At the entry price");

  text = test_explain_checked (ml_explain_notional (account, big));
  assert_has (text, test_explain_printf ("N = %s · %s = %s", test_explain_btc (1), test_explain_price (60000), test_explain_usdt (60000)));
  assert_has (text, "Bracket 2: notional 50000–600000\u00a0USDT, maintenance rate \u20680.50\u00a0%\u2069, amount \u206850.00\u00a0USDT\u2069");
  assert_has (text, "at most \u2068100×\u2069 leverage");

  g_assert_true (ml_account_move_mark_price (account, 61000, NULL, NULL));
  text = test_explain_checked (ml_explain_notional (account, p));
  assert_has (text, test_explain_printf ("N = %s · %s = %s", test_explain_btc (0.1), test_explain_price (61000), test_explain_usdt (6100)));
  assert_has (text, test_explain_printf ("At the entry price of %s it was %s.", test_explain_price (60000), test_explain_usdt (6000)));
}

/* "IM at 20× = 300.00": 0.1 × 60,000 / 20. The same order cross, against a wallet of 1,000,
 * leaves max(0, 1,000 − 300) = 700 available. An isolated one given 100 more holds 400. */
static void
test_initial_margin (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  const char *text = test_explain_checked (ml_explain_initial_margin (account, p));
  g_autoptr(MlAccount) cross_account = ml_account_new (NULL, 1000, 60000);
  MlPosition *cross = ml_test_open (cross_account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Initial margin: %s", test_explain_usdt (300)));
  assert_has (text, "IM = Q·E / λ");
  assert_has (text, "E the entry price and λ the leverage, \u206820×\u2069 here");
  assert_has (text, test_explain_printf ("IM = %s · %s / 20 = %s", test_explain_btc (0.1), test_explain_price (60000), test_explain_usdt (300)));
  assert_has (text, "the most it can lose");
  assert_lacks (text, "Margin was added");

  g_assert_true (ml_account_add_margin (account, p, 100, NULL));
  text = test_explain_checked (ml_explain_initial_margin (account, p));
  assert_has (text, test_explain_printf ("IM = %s · %s / 20 = %s", test_explain_btc (0.1), test_explain_price (60000), test_explain_usdt (300)));
  assert_has (text, test_explain_printf ("the position’s margin is now %s", test_explain_usdt (400)));

  text = test_explain_checked (ml_explain_initial_margin (cross_account, cross));
  assert_has (text, "It does not limit what this position can lose");
  assert_has (text, test_explain_printf ("max(0, pool − Σ IM) = max(0, %s − %s) = %s", test_explain_usdt (1000), test_explain_usdt (300), test_explain_usdt (700)));
}

/* "BP = 57,000.0 for the isolated long": BP = E − W/Q = 60,000 − 300 / 0.1; the short's is
 * 60,000 + 3,000 = 63,000. A 1x long (W = Q·E = 6,000) has none: 60,000 − 6,000 / 0.1 = 0. */
static void
test_bankruptcy_isolated (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 10000, 60000);
  MlPosition *longp = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  MlPosition *shortp = ml_test_open (account, ML_SIDE_SHORT, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20);
  MlPosition *one = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 1);
  const char *text = test_explain_checked (ml_explain_bankruptcy_price (account, longp));

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Bankruptcy price: %s", test_explain_price (57000)));
  assert_has (text, "BP = E − W / Q");
  assert_has (text, "E the entry price, W the position’s margin and Q its size in BTC");
  assert_has (text, test_explain_printf ("BP = %s − %s / %s = %s", test_explain_price (60000), test_explain_usdt (300),
                                         test_explain_btc (0.1), test_explain_price (57000)));
  assert_has (text, test_explain_printf ("falls to its liquidation price of %s", test_explain_price (57228.9156626506)));

  text = test_explain_checked (ml_explain_bankruptcy_price (account, shortp));
  assert_has (text, "BP = E + W / Q");
  assert_has (text, test_explain_printf ("BP = %s + %s / %s = %s", test_explain_price (60000), test_explain_usdt (300),
                                         test_explain_btc (0.1), test_explain_price (63000)));
  assert_has (text, test_explain_printf ("rises to its liquidation price of %s", test_explain_price (62749.0039840637)));

  text = test_explain_checked (ml_explain_bankruptcy_price (account, one));
  assert_has (text, test_explain_printf ("Bankruptcy price: %s", test_explain_price (ML_PRICE_NONE)));
  assert_has (text, test_explain_printf ("BP = %s − %s / %s ≤ 0: %s", test_explain_price (60000), test_explain_usdt (6000),
                                         test_explain_btc (0.1), test_explain_price (ML_PRICE_NONE)));
}

/* "for a cross position BP is the pool's": where pool(P) = 0. A cross long 0.1 @ 60,000 with
 * 1,000: BPc = (6,000 − 1,000) / 0.1 = 50,000. The design example's short (WBc 700): (−0.05 ×
 * 62,000 − 700) / (−0.05) = 76,000. The hedged pool: (60,000 − 59,400 − 520) / (1 − 0.99) =
 * 8,000. Once the long is liquidated, the record keeps the price it was closed at. */
static void
test_bankruptcy_pool (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  MlPosition *p = ml_test_open (account, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20);
  MlPosition *cross;
  g_autoptr(MlAccount) design = test_explain_design_example (&cross);
  g_autoptr(MlScenario) hedged = test_explain_hedged ();
  const char *text = test_explain_checked (ml_explain_bankruptcy_price (account, p));

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Cross bankruptcy price: %s", test_explain_price (50000)));
  assert_has (text, "uses cross margin");
  assert_has (text, "BPc = (Σ s·Q·E − WBc) / Σ s·Q");
  assert_has (text, "WBc is the cross wallet balance, the wallet balance minus every isolated margin");
  assert_has (text, test_explain_printf ("BPc = (%s · %s − %s) / %s = %s", test_explain_btc (0.1), test_explain_price (60000),
                                         test_explain_usdt (1000), test_explain_btc (0.1), test_explain_price (50000)));
  assert_has (text, test_explain_printf ("liquidation price of %s", test_explain_price (5000 / 0.0996)));

  text = test_explain_checked (ml_explain_bankruptcy_price (design, NULL));
  assert_lacks (text, "uses cross margin");
  assert_has (text, test_explain_printf ("BPc = (−%s · %s − %s) / −%s = %s", test_explain_btc (0.05), test_explain_price (62000),
                                         test_explain_usdt (700), test_explain_btc (0.05), test_explain_price (76000)));

  text = test_explain_checked (ml_explain_bankruptcy_price (ml_scenario_get_account (hedged), NULL));
  assert_has (text, test_explain_printf ("BPc = (%s · %s − %s · %s − %s) / (%s − %s) = %s", test_explain_btc (1), test_explain_price (60000),
                                         test_explain_btc (0.99), test_explain_price (60000), test_explain_usdt (520),
                                         test_explain_btc (1), test_explain_btc (0.99), test_explain_price (8000)));

  g_assert_true (ml_account_move_mark_price (account, 40000, NULL, NULL));
  text = test_explain_checked (ml_explain_bankruptcy_price (account, p));
  assert_has (text, test_explain_printf ("Bankruptcy price: %s", test_explain_price (50000)));
  assert_has (text, test_explain_printf ("The cross pool was liquidated at %s", test_explain_price (5000 / 0.0996)));
  text = test_explain_checked (ml_explain_bankruptcy_price (account, NULL));
  assert_has (text, test_explain_printf ("Cross bankruptcy price: %s", test_explain_price (ML_PRICE_NONE)));
  assert_has (text, "No cross position is open");
}

/* The design example: the wallet of 1,000 is WBc 700 plus the isolated long's 300. Equity at
 * 60,000: 1,000 + the short's −0.05 × (60,000 − 62,000) = +100 + the long's 0 = 1,100, which
 * is also the pool's 800 plus the long's 300. At 61,000: the short makes +50 and the long
 * 0.1 × 1,000 = +100: 1,150 = pool 750 + the long's 400. */
static void
test_wallet_and_equity (void)
{
  MlPosition *cross;
  g_autoptr(MlAccount) account = test_explain_design_example (&cross);
  g_autoptr(MlAccount) fresh = ml_account_new (NULL, 1000, 60000);
  const char *text = test_explain_checked (ml_explain_wallet_balance (account));

  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  assert_has (text, test_explain_printf ("Wallet balance: %s", test_explain_usdt (1000)));
  assert_has (text, "wallet = WBc + Σ W");
  assert_has (text, "WBc is the cross wallet balance");
  assert_has (text, "W is the margin of an isolated position");
  assert_has (text, test_explain_printf ("wallet = %s + %s = %s", test_explain_usdt (700), test_explain_usdt (300), test_explain_usdt (1000)));

  text = test_explain_checked (ml_explain_wallet_balance (fresh));
  assert_has (text, test_explain_printf ("wallet = %s = %s", test_explain_usdt (1000), test_explain_usdt (1000)));
  assert_has (text, "No isolated position is open");

  text = test_explain_checked (ml_explain_equity (account));
  if (g_test_verbose ())
    g_printerr ("%s\n", text);
  assert_has (text, test_explain_printf ("Equity: %s", test_explain_usdt (1100)));
  assert_has (text, "equity = wallet + Σ uPnL = pool + Σ (W + uPnL)");
  assert_has (text, "uPnL is a position’s unrealized PnL, s·Q·(P − E)");
  assert_has (text, test_explain_printf ("equity = %s + %s + %s = %s", test_explain_usdt (1000), test_explain_usdt (100), test_explain_usdt (0), test_explain_usdt (1100)));
  assert_has (text, test_explain_printf ("equity = %s + %s = %s", test_explain_usdt (800), test_explain_usdt (300), test_explain_usdt (1100)));

  g_assert_true (ml_account_move_mark_price (account, 61000, NULL, NULL));
  text = test_explain_checked (ml_explain_equity (account));
  assert_has (text, test_explain_printf ("equity = %s + %s + %s = %s", test_explain_usdt (1000), test_explain_usdt (50), test_explain_usdt (100), test_explain_usdt (1150)));
  assert_has (text, test_explain_printf ("equity = %s + %s = %s", test_explain_usdt (750), test_explain_usdt (400), test_explain_usdt (1150)));

  /* At 63,000 the short loses 0.05 × 1,000 = 50: a term with a minus sign. */
  g_assert_true (ml_account_move_mark_price (account, 63000, NULL, NULL));
  text = test_explain_checked (ml_explain_equity (account));
  assert_has (text, test_explain_printf ("equity = %s − %s + %s = %s", test_explain_usdt (1000), test_explain_usdt (50), test_explain_usdt (300), test_explain_usdt (1250)));
}

/* A name is the learner's: escaped, never markup. */
static void
test_escaped (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000);
  g_autoptr(GError) error = NULL;
  MlOrder order = { "<b>&amp;", ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 0.1, 60000, 20, 0 };
  MlPosition *p = ml_account_open_position (account, &order, &error);
  const char *text;

  g_assert_no_error (error);
  text = test_explain_checked (ml_explain_liquidation_price (account, p));
  assert_has (text, "(&lt;b&gt;&amp;amp;)");
  text = test_explain_checked (ml_explain_margin_ratio (account));
  assert_has (text, "(&lt;b&gt;&amp;amp;)");
  text = test_explain_checked (ml_explain_remaining_collateral (account, p));
  assert_has (text, "(&lt;b&gt;&amp;amp;)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/explain/isolated-long", test_isolated_long);
  g_test_add_func ("/explain/isolated-short", test_isolated_short);
  g_test_add_func ("/explain/flat-rate", test_flat_rate);
  g_test_add_func ("/explain/bracket-at-liquidation-price", test_bracket_at_liquidation_price);
  g_test_add_func ("/explain/none", test_none);
  g_test_add_func ("/explain/liquidated", test_liquidated);
  g_test_add_func ("/explain/pool-liquidated", test_pool_liquidated);
  g_test_add_func ("/explain/cross-pool", test_cross_pool);
  g_test_add_func ("/explain/hedged-pool", test_hedged_pool);
  g_test_add_func ("/explain/empty-pool", test_empty_pool);
  g_test_add_func ("/explain/margin-ratio", test_margin_ratio);
  g_test_add_func ("/explain/remaining-isolated", test_remaining_isolated);
  g_test_add_func ("/explain/remaining-pool", test_remaining_pool);
  g_test_add_func ("/explain/notional", test_notional);
  g_test_add_func ("/explain/initial-margin", test_initial_margin);
  g_test_add_func ("/explain/bankruptcy-isolated", test_bankruptcy_isolated);
  g_test_add_func ("/explain/bankruptcy-pool", test_bankruptcy_pool);
  g_test_add_func ("/explain/wallet-and-equity", test_wallet_and_equity);
  g_test_add_func ("/explain/escaped", test_escaped);

  return g_test_run ();
}
