/* ml-explain.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Explain this number": the texts behind a position's liquidation price, bankruptcy price,
 * notional, initial margin and remaining collateral, and the account's margin ratio, wallet
 * balance and equity. Every number is the model's, shown with ml_money_format_*; every formula
 * is margin-model.md's, written once in general form and once with those numbers in place.
 * Sentences are translated; formulas are notation and are not, except for the names of words
 * in them. Every symbol a formula uses (Q, E, MMR, cum…) is defined in words in the same text:
 * a learner opens one popover, not a glossary. Pieces are plain text until ml_explain_add()
 * escapes them, once, as they join the markup: a position's id or a translation can never
 * break it.
 */

#define G_LOG_DOMAIN "ml-explain"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ml-brackets-private.h"
#include "ml-explain.h"
#include "ml-money.h"

/* The plain-words reading of the margin ratio (design.md) */
#define RATIO_WARNING     0.8
#define RATIO_LIQUIDATION 1.0

typedef struct
{
  GString    *markup;
  GPtrArray  *strings;   /* formatted pieces, freed with the text */
  MlAccount  *account;
  MlBrackets *brackets;
  GPtrArray  *cross;     /* the live cross positions, in list order */
} Text;

/* Building the markup */

static GPtrArray *
ml_explain_cross_positions (MlAccount *account)
{
  GListModel *model = ml_account_get_positions (account);
  GPtrArray *cross = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      MlPosition *p = g_list_model_get_item (model, i);

      if (ml_position_get_mode (p) == ML_MARGIN_MODE_CROSS && !ml_position_get_liquidated (p))
        g_ptr_array_add (cross, p);
      else
        g_object_unref (p);
    }
  return cross;
}

static void
ml_explain_text_init (Text      *t,
                      MlAccount *account)
{
  t->markup = g_string_new (NULL);
  t->strings = g_ptr_array_new_with_free_func (g_free);
  t->account = account;
  t->brackets = ml_account_get_brackets (account);
  t->cross = ml_explain_cross_positions (account);
}

static char *
ml_explain_text_finish (Text *t)
{
  g_ptr_array_unref (t->strings);
  g_ptr_array_unref (t->cross);
  return g_string_free (t->markup, FALSE);
}

static void ml_explain_add (Text *t, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Appends @format, markup, with every argument escaped. */
static void
ml_explain_add (Text       *t,
                const char *format,
                ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (t->markup, markup);
}

/* A section: a bold heading (the first one is the title) and the lines that follow it. */
static void
ml_explain_heading (Text       *t,
                    const char *plain)
{
  ml_explain_add (t, t->markup->len > 0 ? "\n\n<b>%s</b>" : "<b>%s</b>", plain);
}

static void
ml_explain_line (Text       *t,
                 const char *plain)
{
  ml_explain_add (t, "\n%s", plain);
}

static void
ml_explain_paragraph (Text       *t,
                      const char *plain)
{
  ml_explain_add (t, "\n\n%s", plain);
}

static const char *
ml_explain_keep (Text *t,
                 char *string)
{
  g_ptr_array_add (t->strings, string);
  return string;
}

static const char *ml_explain_printf (Text *t, const char *format, ...) G_GNUC_PRINTF (2, 3);

static const char *
ml_explain_printf (Text       *t,
                   const char *format,
                   ...)
{
  va_list args;
  char *string;

  va_start (args, format);
  string = g_strdup_vprintf (format, args);
  va_end (args);
  return ml_explain_keep (t, string);
}

#define ML_EXPLAIN_LINEF(t, ...)      ml_explain_line ((t), ml_explain_printf ((t), __VA_ARGS__))
#define ML_EXPLAIN_PARAGRAPHF(t, ...) ml_explain_paragraph ((t), ml_explain_printf ((t), __VA_ARGS__))

static const char *
ml_explain_usdt (Text   *t,
                 double  amount)
{
  return ml_explain_keep (t, ml_money_format_usdt (amount));
}

static const char *
ml_explain_price (Text   *t,
                  double  price)
{
  return ml_explain_keep (t, ml_money_format_price (price));
}

static const char *
ml_explain_btc (Text   *t,
                double  quantity)
{
  return ml_explain_keep (t, ml_money_format_btc (quantity));
}

static const char *
ml_explain_percent (Text   *t,
                    double  fraction)
{
  return ml_explain_keep (t, ml_money_format_percent (fraction));
}

/* Pieces of the account */

static gboolean
ml_explain_is_long (MlPosition *p)
{
  return ml_position_get_side (p) == ML_SIDE_LONG;
}

static const char *
ml_explain_position_label (Text       *t,
                           MlPosition *p)
{
  const char *size = ml_explain_btc (t, ml_position_get_quantity (p));
  const char *entry = ml_explain_price (t, ml_position_get_entry_price (p));

  /* Translators: a position, "long 0.1000 BTC at 60,000.0 (p1)": size, entry price, its name */
  return ml_explain_is_long (p) ? ml_explain_printf (t, _("long %s at %s (%s)"), size, entry, ml_position_get_id (p))
  /* Translators: a position, "short 0.1000 BTC at 60,000.0 (p1)": size, entry price, its name */
                      : ml_explain_printf (t, _("short %s at %s (%s)"), size, entry, ml_position_get_id (p));
}

/* Bracket edges are whole USDT in every shipped table, and shown so, as the table is. */
static const char *
ml_explain_edge (Text   *t,
                 double  notional)
{
  double rounded = ml_money_round (notional, 2);

  return ml_explain_keep (t, ml_money_format_number (rounded, rounded == floor (rounded) ? 0 : 2));
}

/* The bracket at @notional, as the model looks it up (ml_brackets_find). */
static const MlBracket *
ml_explain_bracket_at (Text   *t,
                       double  notional,
                       guint  *index)
{
  *index = ml_brackets_find (t->brackets, notional);
  return ml_brackets_get_bracket (t->brackets, *index);
}

/* The table's own brackets count from 1; the zero-margin range the model adds below a first
 * bracket with an amount (ml-brackets.h) is not one of them. */
static gboolean
ml_explain_is_implied (Text  *t,
                       guint  index)
{
  return index < t->brackets->n_implied;
}

static const char *
ml_explain_bracket_name (Text  *t,
                         guint  index)
{
  if (ml_explain_is_implied (t, index))
    return _("the range below the first bracket");
  /* Translators: "bracket 2", in the middle of a sentence */
  return ml_explain_printf (t, _("bracket %u"), index + 1 - t->brackets->n_implied);
}

static const char *
ml_explain_bracket_line (Text  *t,
                         guint  index)
{
  const MlBracket *b = ml_brackets_get_bracket (t->brackets, index);
  guint number = index + 1 - t->brackets->n_implied;

  if (ml_explain_is_implied (t, index))
    /* Translators: the range below a scenario's first bracket; %s is a notional in USDT */
    return ml_explain_printf (t, _("Below the first bracket (notional up to %s\u00a0USDT): no maintenance margin"),
                    ml_explain_edge (t, b->cap));
  if (isinf (b->cap))
    /* Translators: "Bracket 1: notional above 1 USDT, maintenance rate 1.00 %, amount 0.01 USDT" */
    return ml_explain_printf (t, _("Bracket %u: notional above %s\u00a0USDT, maintenance rate %s, amount %s"),
                    number, ml_explain_edge (t, b->floor), ml_explain_percent (t, b->rate), ml_explain_usdt (t, b->amount));
  /* Translators: "Bracket 2: notional 50,000–600,000 USDT, maintenance rate 0.50 %, amount
   * 50.00 USDT" */
  return ml_explain_printf (t, _("Bracket %u: notional %s–%s\u00a0USDT, maintenance rate %s, amount %s"),
                  number, ml_explain_edge (t, b->floor), ml_explain_edge (t, b->cap),
                  ml_explain_percent (t, b->rate), ml_explain_usdt (t, b->amount));
}

/* @p's bracket at @price, noting the bracket it was in at entry when that one differs. */
static const char *
ml_explain_bracket_of (Text       *t,
                       MlPosition *p,
                       double      price)
{
  double q = ml_position_get_quantity (p);
  double entry_notional = q * ml_position_get_entry_price (p);
  guint index, entry;

  ml_explain_bracket_at (t, q * price, &index);
  ml_explain_bracket_at (t, entry_notional, &entry);
  if (index == entry)
    return ml_explain_bracket_line (t, index);
  /* Translators: a risk bracket, then where the position was at entry: "…; at entry (notional
   * 60,000.00 USDT) it was in bracket 2" */
  return ml_explain_printf (t, _("%s; at entry (notional %s) it was in %s"), ml_explain_bracket_line (t, index),
                  ml_explain_usdt (t, entry_notional), ml_explain_bracket_name (t, entry));
}

static void
ml_explain_brackets_at (Text       *t,
                        const char *where,
                        double      price)
{
  ML_EXPLAIN_LINEF (t, "%s", where);
  for (guint i = 0; i < t->cross->len; i++)
    {
      MlPosition *p = g_ptr_array_index (t->cross, i);

      ML_EXPLAIN_LINEF (t, "%s: %s", ml_explain_position_label (t, p), ml_explain_bracket_of (t, p, price));
    }
}

/* The cross pool at @price with the numbers in: "700.00 USDT − 0.0500 BTC · (60,000.0 − 62,000.0)" */
static const char *
ml_explain_pool_sum (Text   *t,
                     double  price)
{
  g_autoptr(GString) sum = g_string_new (ml_explain_usdt (t, ml_account_get_cross_wallet_balance (t->account)));

  for (guint i = 0; i < t->cross->len; i++)
    {
      MlPosition *p = g_ptr_array_index (t->cross, i);

      g_string_append_printf (sum, " %s %s · (%s − %s)", ml_explain_is_long (p) ? "+" : "−",
                              ml_explain_btc (t, ml_position_get_quantity (p)), ml_explain_price (t, price),
                              ml_explain_price (t, ml_position_get_entry_price (p)));
    }
  return ml_explain_keep (t, g_string_free (g_steal_pointer (&sum), FALSE));
}

/* One maintenance margin at @price with the numbers in: "0.1000 BTC · 60,000.0 · 0.40 % − 0.00 USDT" */
static const char *
ml_explain_mm_term (Text       *t,
                    MlPosition *p,
                    double      price)
{
  double q = ml_position_get_quantity (p);
  guint index;
  const MlBracket *b = ml_explain_bracket_at (t, q * price, &index);

  return ml_explain_printf (t, "%s · %s · %s − %s", ml_explain_btc (t, q), ml_explain_price (t, price), ml_explain_percent (t, b->rate),
                  ml_explain_usdt (t, b->amount));
}

static const char *
ml_explain_mm_sum (Text   *t,
                   double  price)
{
  g_autoptr(GString) sum = g_string_new (NULL);

  if (t->cross->len == 1)
    return ml_explain_mm_term (t, g_ptr_array_index (t->cross, 0), price);

  for (guint i = 0; i < t->cross->len; i++)
    g_string_append_printf (sum, "%s(%s)", i > 0 ? " + " : "",
                            ml_explain_mm_term (t, g_ptr_array_index (t->cross, i), price));
  return ml_explain_keep (t, g_string_free (g_steal_pointer (&sum), FALSE));
}

static void
ml_explain_pool_now (Text *t)
{
  double mark = ml_account_get_mark_price (t->account);

  ML_EXPLAIN_LINEF (t, "pool = %s = %s", ml_explain_pool_sum (t, mark), ml_explain_usdt (t, ml_account_get_cross_pool (t->account)));
  ML_EXPLAIN_LINEF (t, "Σ MM = %s = %s", ml_explain_mm_sum (t, mark),
          ml_explain_usdt (t, ml_account_get_cross_maintenance_margin (t->account)));
}

/* margin-model.md's LPc with the numbers of one end in, each position in its bracket there. */
static const char *
ml_explain_pool_solution (Text   *t,
                          double  end)
{
  g_autoptr(GString) num = g_string_new (ml_explain_usdt (t, ml_account_get_cross_wallet_balance (t->account)));
  g_autoptr(GString) den = g_string_new (NULL);
  guint index;

  for (guint i = 0; i < t->cross->len; i++)
    {
      MlPosition *p = g_ptr_array_index (t->cross, i);
      const MlBracket *b = ml_explain_bracket_at (t, ml_position_get_quantity (p) * end, &index);

      g_string_append_printf (num, " + %s", ml_explain_usdt (t, b->amount));
      g_string_append_printf (den, "%s%s · %s", i > 0 ? " + " : "",
                              ml_explain_btc (t, ml_position_get_quantity (p)), ml_explain_percent (t, b->rate));
    }
  for (guint i = 0; i < t->cross->len; i++)
    {
      MlPosition *p = g_ptr_array_index (t->cross, i);
      const char *sign = ml_explain_is_long (p) ? "−" : "+";
      const char *q = ml_explain_btc (t, ml_position_get_quantity (p));

      g_string_append_printf (num, " %s %s · %s", sign, q, ml_explain_price (t, ml_position_get_entry_price (p)));
      g_string_append_printf (den, " %s %s", sign, q);
    }
  return ml_explain_printf (t, "LPc = (%s) / (%s) = %s", num->str, den->str, ml_explain_price (t, end));
}

/* Where the last cross pool was liquidated, if one was: the price its positions keep. */
static double
ml_explain_last_pool_liquidation (Text *t)
{
  GListModel *model = ml_account_get_positions (t->account);
  double price = ML_PRICE_NONE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (model, i);

      if (ml_position_get_mode (p) == ML_MARGIN_MODE_CROSS && ml_position_get_liquidated (p))
        price = ml_position_get_liquidation_price (p);
    }
  return price;
}

static gboolean
ml_explain_owns (MlAccount  *account,
                 MlPosition *position)
{
  return ml_account_find_position (account, ml_position_get_id (position)) == position;
}

static const char *
ml_explain_cross_note (void)
{
  return _("This position uses cross margin: what it shows is the cross pool’s, shared by every cross position.");
}

/* A liquidated position */

static char *
ml_explain_liquidated (MlAccount  *account,
                       MlPosition *p,
                       gboolean    remaining)
{
  Text t;
  const char *price, *zero;

  ml_explain_text_init (&t, account);
  price = ml_explain_price (&t, ml_position_get_liquidation_price (p));
  zero = ml_explain_usdt (&t, 0);

  if (remaining)
    /* Translators: the title of an explanation, "Remaining collateral: 300.00 USDT" */
    ml_explain_heading (&t, ml_explain_printf (&t, _("Remaining collateral: %s"), zero));
  else
    /* Translators: the title of an explanation, "Liquidation price: 57,228.9" */
    ml_explain_heading (&t, ml_explain_printf (&t, _("Liquidation price: %s"), price));
  if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED)
    /* Translators: liquidation price, bankruptcy price, an amount of 0 */
    ML_EXPLAIN_LINEF (&t, _("This position was liquidated at %s. The exchange closed it at its bankruptcy price, %s, and what was left of its margin went to the insurance fund: its remaining collateral is %s."),
            price, ml_explain_price (&t, ml_position_get_bankruptcy_price (p)), zero);
  else
    /* Translators: liquidation price, an amount of 0 */
    ML_EXPLAIN_LINEF (&t, _("The cross pool was liquidated at %s. The exchange closed every cross position in it, this one included, and the cross wallet balance went with them: its remaining collateral is %s."),
            price, zero);
  ml_explain_line (&t, _("Liquidation is final: the position does not come back when the price returns."));
  return ml_explain_text_finish (&t);
}

/* Isolated liquidation price */

static void
ml_explain_isolated_meaning (Text       *t,
                             MlPosition *p,
                             double      lp)
{
  double q = ml_position_get_quantity (p), e = ml_position_get_entry_price (p);
  const char *w = ml_explain_usdt (t, ml_position_get_margin (p));

  if (lp != ML_PRICE_NONE)
    ML_EXPLAIN_LINEF (t, ml_explain_is_long (p)
            /* Translators: %s is the liquidation price */
            ? _("If the mark price falls to %s, the exchange closes this isolated long: there its margin plus its unrealized PnL has shrunk to its maintenance margin.")
            /* Translators: %s is the liquidation price */
            : _("If the mark price rises to %s, the exchange closes this isolated short: there its margin plus its unrealized PnL has shrunk to its maintenance margin."),
            ml_explain_price (t, lp));
  else if (ml_explain_is_long (p))
    /* Translators: the position's margin, its entry notional */
    ML_EXPLAIN_LINEF (t, _("This isolated long cannot be liquidated: its margin, %s, covers the whole entry notional Q·E = %s (as at 1× leverage), so even a fall to 0 could not use it up."),
            w, ml_explain_usdt (t, q * e));
  else
    /* Translators: the highest price the simulator accepts, the position's margin */
    ML_EXPLAIN_LINEF (t, _("This isolated short cannot be liquidated at any price the simulator accepts: only a rise above %s would use up its margin of %s."),
            ml_explain_price (t, ML_MAX_PRICE), w);
}

static void
ml_explain_isolated_formula (Text            *t,
                             MlPosition      *p,
                             double           lp,
                             const MlBracket *b)
{
  double q = ml_position_get_quantity (p);
  const char *tail;

  ml_explain_heading (t, _("Formula"));
  ml_explain_line (t, ml_explain_is_long (p) ? "LP = (Q·E − W − cum) / (Q·(1 − MMR))" : "LP = (Q·E + W + cum) / (Q·(1 + MMR))");
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (t, _("LP is the liquidation price, Q the size in BTC, E the entry price and W the position’s margin; MMR is the maintenance margin rate and cum the maintenance amount of the risk bracket that holds the notional Q·LP."));

  if (lp != ML_PRICE_NONE)
    tail = ml_explain_printf (t, " = %s", ml_explain_price (t, lp));
  else if (ml_explain_is_long (p))
    tail = ml_explain_printf (t, " ≤ 0: %s", ml_explain_price (t, ML_PRICE_NONE));
  else
    tail = ml_explain_printf (t, " > %s: %s", ml_explain_price (t, ML_MAX_PRICE), ml_explain_price (t, ML_PRICE_NONE));

  ml_explain_heading (t, _("With your numbers"));
  ML_EXPLAIN_LINEF (t, ml_explain_is_long (p) ? "LP = (%s · %s − %s − %s) / (%s · (1 − %s))%s"
                          : "LP = (%s · %s + %s + %s) / (%s · (1 + %s))%s",
          ml_explain_btc (t, q), ml_explain_price (t, ml_position_get_entry_price (p)),
          ml_explain_usdt (t, ml_position_get_margin (p)), ml_explain_usdt (t, b->amount),
          ml_explain_btc (t, q), ml_explain_percent (t, b->rate), tail);
}

static void
ml_explain_isolated_bracket (Text       *t,
                             MlPosition *p,
                             double      lp,
                             guint       index)
{
  double q = ml_position_get_quantity (p);
  guint entry;

  ml_explain_heading (t, _("Risk bracket"));
  ml_explain_line (t, ml_explain_bracket_line (t, index));
  if (lp == ML_PRICE_NONE)
    {
      ml_explain_line (t, ml_explain_is_long (p) ? _("This is the bracket of the notional as the price falls towards 0.")
                             : _("This is the bracket at the highest price the simulator accepts."));
      return;
    }

  /* Translators: %s is an amount, the position's notional at its liquidation price */
  ML_EXPLAIN_LINEF (t, _("At the liquidation price the notional is Q·LP = %s."), ml_explain_usdt (t, q * lp));
  ml_explain_bracket_at (t, q * ml_position_get_entry_price (p), &entry);
  if (entry != index)
    /* Translators: the notional at entry, "bracket 2" */
    ML_EXPLAIN_LINEF (t, _("At entry the notional Q·E = %s was in %s: the model looks the bracket up at the liquidation price, where the maintenance margin must be met, and solves again until it stays put."),
            ml_explain_usdt (t, q * ml_position_get_entry_price (p)), ml_explain_bracket_name (t, entry));

  /* Translators: the bankruptcy price */
  ML_EXPLAIN_PARAGRAPHF (t, _("Bankruptcy price: %s, where the margin is all gone. At liquidation the position is closed there, and what was left at the liquidation price goes to the insurance fund."),
               ml_explain_price (t, ml_position_get_bankruptcy_price (p)));
}

static char *
ml_explain_isolated_liquidation (MlAccount  *account,
                                 MlPosition *p)
{
  Text t;
  double lp = ml_position_get_liquidation_price (p);
  /* Where the formula is read: at LP, or, with none, as far as the price can go that way. */
  double at = lp != ML_PRICE_NONE ? lp : ml_explain_is_long (p) ? 0 : ML_MAX_PRICE;
  const MlBracket *b;
  guint index;

  ml_explain_text_init (&t, account);
  b = ml_explain_bracket_at (&t, ml_position_get_quantity (p) * at, &index);

  ml_explain_heading (&t, ml_explain_printf (&t, _("Liquidation price: %s"), ml_explain_price (&t, lp)));
  ml_explain_isolated_meaning (&t, p, lp);
  ml_explain_isolated_formula (&t, p, lp, b);
  ml_explain_isolated_bracket (&t, p, lp, index);
  return ml_explain_text_finish (&t);
}

/* The cross pool's liquidation price */

static void
ml_explain_pool_meaning (Text   *t,
                         double  low,
                         double  high)
{
  gboolean has_low = low != ML_PRICE_NONE, has_high = isfinite (high);

  /* Translators: an explain popover's text */
  ml_explain_line (t, _("The cross pool—the cross wallet balance plus the unrealized PnL of every cross position—is liquidated when it falls to their total maintenance margin: the exchange then closes every cross position at once."));
  if (has_low && has_high)
    /* Translators: the lower end, the upper end, the one of them nearer to the mark price */
    ML_EXPLAIN_LINEF (t, _("This pool is hedged and has two ends: it is liquidated if the mark price falls to %s or rises to %s. The nearer end, %s, is the one shown."),
            ml_explain_price (t, low), ml_explain_price (t, high),
            ml_explain_price (t, ml_account_get_cross_liquidation_price (t->account)));
  else if (has_low)
    /* Translators: %s is the liquidation price */
    ML_EXPLAIN_LINEF (t, _("That happens if the mark price falls to %s."), ml_explain_price (t, low));
  else if (has_high)
    /* Translators: %s is the liquidation price */
    ML_EXPLAIN_LINEF (t, _("That happens if the mark price rises to %s."), ml_explain_price (t, high));
  else
    ml_explain_line (t, _("This pool cannot be liquidated at any price the simulator accepts."));
}

static void
ml_explain_pool_formula (Text *t)
{
  ml_explain_heading (t, _("Formula"));
  ml_explain_line (t, "pool(P) = WBc + Σ s·Q·(P − E)");
  ml_explain_line (t, "LPc = (WBc + Σ cum − Σ s·Q·E) / (Σ Q·MMR − Σ s·Q)");
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (t, _("pool(P) is the cross pool at a mark price P. WBc is the cross wallet balance, the wallet balance minus every isolated margin; s is +1 for a long and −1 for a short; Q is a position’s size in BTC and E its entry price; the sums run over every cross position."));
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (t, _("The pool is liquidated where it falls to Σ MM(P) = Σ (Q·P·MMR − cum), where MM is the maintenance margin, MMR the maintenance margin rate and cum the maintenance amount of the risk bracket that holds each position’s notional there. LPc is the cross liquidation price, the price where the two meet."));
}

static void
ml_explain_pool_none_reasons (Text   *t,
                              double  low,
                              double  high)
{
  double k = ml_account_get_cross_wallet_balance (t->account), net = 0;

  for (guint i = 0; i < t->cross->len; i++)
    {
      MlPosition *p = g_ptr_array_index (t->cross, i);
      double sq = (ml_explain_is_long (p) ? 1 : -1) * ml_position_get_quantity (p);

      k -= sq * ml_position_get_entry_price (p);
      net += sq;
    }

  if (low == ML_PRICE_NONE)
    /* Translators: %s is an amount: the pool at a price of 0 */
    ML_EXPLAIN_LINEF (t, _("A falling price does not liquidate the pool: even at a price near 0 it would still hold WBc − Σ s·Q·E = %s, while the maintenance margin shrinks to 0."),
            ml_explain_usdt (t, k));
  if (!isfinite (high))
    ML_EXPLAIN_LINEF (t, net > 0
            /* Translators: %s is the highest price the simulator accepts */
            ? _("A rising price does not liquidate it below %s, the highest price the simulator accepts: a pool that is net long gains as the price rises.")
            /* Translators: %s is the highest price the simulator accepts */
            : _("A rising price does not liquidate it below %s, the highest price the simulator accepts."),
            ml_explain_price (t, ML_MAX_PRICE));
}

static void
ml_explain_pool_numbers (Text   *t,
                         double  low,
                         double  high)
{
  gboolean has_low = low != ML_PRICE_NONE, has_high = isfinite (high);

  ml_explain_heading (t, _("With your numbers"));
  /* Translators: %s is the mark price */
  ML_EXPLAIN_LINEF (t, _("Now, at the mark price of %s:"), ml_explain_price (t, ml_account_get_mark_price (t->account)));
  ml_explain_pool_now (t);
  if (has_low && has_high)
    {
      /* Translators: %s is the formula with the numbers in, at the lower end */
      ML_EXPLAIN_LINEF (t, _("Lower end: %s"), ml_explain_pool_solution (t, low));
      /* Translators: %s is the formula with the numbers in, at the upper end */
      ML_EXPLAIN_LINEF (t, _("Upper end: %s"), ml_explain_pool_solution (t, high));
    }
  else if (has_low || has_high)
    ml_explain_line (t, ml_explain_pool_solution (t, has_low ? low : high));
  else
    ml_explain_pool_none_reasons (t, low, high);
}

static void
ml_explain_pool_brackets (Text   *t,
                          double  low,
                          double  high)
{
  gboolean has_low = low != ML_PRICE_NONE, has_high = isfinite (high);

  ml_explain_heading (t, _("Risk brackets"));
  if (has_low && has_high)
    {
      /* Translators: %s is a price */
      ml_explain_brackets_at (t, ml_explain_printf (t, _("At the lower end, %s:"), ml_explain_price (t, low)), low);
      /* Translators: %s is a price */
      ml_explain_brackets_at (t, ml_explain_printf (t, _("At the upper end, %s:"), ml_explain_price (t, high)), high);
    }
  else if (has_low || has_high)
    /* Translators: %s is a price */
    ml_explain_brackets_at (t, ml_explain_printf (t, _("At the liquidation price, %s:"), ml_explain_price (t, has_low ? low : high)),
                  has_low ? low : high);
  else
    /* Translators: %s is a price */
    ml_explain_brackets_at (t, ml_explain_printf (t, _("At the mark price, %s:"), ml_explain_price (t, ml_account_get_mark_price (t->account))),
                  ml_account_get_mark_price (t->account));
}

static char *
ml_explain_pool_liquidation (MlAccount  *account,
                             MlPosition *position)
{
  Text t;
  double low, high;

  ml_explain_text_init (&t, account);
  /* Translators: the title of an explanation, "Cross liquidation price: 75,697.2" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Cross liquidation price: %s"),
                         ml_explain_price (&t, ml_account_get_cross_liquidation_price (account))));
  if (position != NULL)
    ml_explain_line (&t, ml_explain_cross_note ());

  if (t.cross->len == 0)
    {
      /* Translators: %s is the cross wallet balance */
      ML_EXPLAIN_LINEF (&t, _("No cross position is open, so the cross pool has nothing to liquidate: it is just the cross wallet balance, %s, the wallet balance minus every isolated margin."),
              ml_explain_usdt (&t, ml_account_get_cross_wallet_balance (account)));
      if (ml_explain_last_pool_liquidation (&t) != ML_PRICE_NONE)
        /* Translators: %s is the price at which it happened */
        ML_EXPLAIN_LINEF (&t, _("The last cross pool was liquidated at %s."), ml_explain_price (&t, ml_explain_last_pool_liquidation (&t)));
      return ml_explain_text_finish (&t);
    }

  ml_account_get_cross_survival (account, &low, &high);
  ml_explain_pool_meaning (&t, low, high);
  ml_explain_pool_formula (&t);
  ml_explain_pool_numbers (&t, low, high);
  ml_explain_pool_brackets (&t, low, high);
  ml_explain_paragraph (&t, _("This price belongs to the whole pool: it moves when other cross positions move—when one is opened, closed or liquidated—and when the cross wallet balance changes, through fees, funding or margin moved into or out of an isolated position."));
  return ml_explain_text_finish (&t);
}

/**
 * ml_explain_liquidation_price:
 * @position: (nullable): a position of @account; %NULL, or a cross position, for the cross pool
 *
 * Returns: (transfer full): Pango markup explaining the liquidation price
 */
char *
ml_explain_liquidation_price (MlAccount  *account,
                              MlPosition *position)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (position == NULL || ML_IS_POSITION (position), NULL);
  g_return_val_if_fail (position == NULL || ml_explain_owns (account, position), NULL);

  if (position != NULL && ml_position_get_liquidated (position))
    return ml_explain_liquidated (account, position, FALSE);
  if (position != NULL && ml_position_get_mode (position) == ML_MARGIN_MODE_ISOLATED)
    return ml_explain_isolated_liquidation (account, position);
  return ml_explain_pool_liquidation (account, position);
}

/* Margin ratio */

static void
ml_explain_ratio_numbers (Text *t)
{
  double mark = ml_account_get_mark_price (t->account);
  /* Translators: a name in a formula, "margin ratio = Σ MM / pool" */
  const char *name = C_("formula", "margin ratio");

  ml_explain_heading (t, _("Formula"));
  ML_EXPLAIN_LINEF (t, "%s = Σ MM / pool", name);
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (t, _("MM is a position’s maintenance margin, Q·P·MMR − cum, with Q its size in BTC, P the mark price, MMR the maintenance margin rate and cum the maintenance amount of its risk bracket. The pool, WBc + Σ s·Q·(P − E), is WBc, the cross wallet balance (the wallet balance minus every isolated margin), plus the unrealized PnL of the cross positions, where s is +1 for a long and −1 for a short and E is the entry price. The sums run over every cross position."));

  ml_explain_heading (t, _("With your numbers"));
  ml_explain_pool_now (t);
  ML_EXPLAIN_LINEF (t, "%s = %s / %s = %s", name, ml_explain_usdt (t, ml_account_get_cross_maintenance_margin (t->account)),
          ml_explain_usdt (t, ml_account_get_cross_pool (t->account)),
          ml_explain_percent (t, ml_account_get_cross_margin_ratio (t->account)));

  ml_explain_heading (t, _("Risk brackets"));
  /* Translators: %s is a price */
  ml_explain_brackets_at (t, ml_explain_printf (t, _("At the mark price, %s:"), ml_explain_price (t, mark)), mark);
}

static void
ml_explain_ratio_reading (Text   *t,
                          double  ratio)
{
  ml_explain_heading (t, _("Reading"));
  if (ratio < RATIO_WARNING)
    /* Translators: the reading of a margin ratio; "%%" is a percent sign */
    ML_EXPLAIN_LINEF (t, _("Safe: below 80\u00a0%%. From 80\u00a0%% on it is a warning, and at 100\u00a0%% the pool is liquidated."));
  else if (ratio < RATIO_LIQUIDATION)
    /* Translators: the reading of a margin ratio; "%%" is a percent sign */
    ML_EXPLAIN_LINEF (t, _("Warning: 80\u00a0%% or more. At 100\u00a0%% the pool is liquidated, and every cross position with it."));
  else
    /* Translators: the reading of a margin ratio; "%%" is a percent sign */
    ML_EXPLAIN_LINEF (t, _("Liquidation: at 100\u00a0%% the pool is liquidated, and every cross position with it."));

  /* Translators: an explain popover's text */
  ML_EXPLAIN_PARAGRAPHF (t, _("Only cross positions count: each isolated position has its own margin and its own liquidation price. Margin Lab follows Binance’s convention. Some exchanges define the margin ratio the other way round, as the pool divided by the maintenance margin: there a high ratio is safe, and liquidation comes when it falls to 100\u00a0%%."));
}

/**
 * ml_explain_margin_ratio:
 *
 * Returns: (transfer full): Pango markup explaining the cross margin ratio
 */
char *
ml_explain_margin_ratio (MlAccount *account)
{
  Text t;
  double ratio;

  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);

  ml_explain_text_init (&t, account);
  ratio = ml_account_get_cross_margin_ratio (account);
  /* Translators: the title of an explanation, "Margin ratio: 12.34 %" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Margin ratio: %s"), ml_explain_percent (&t, ratio)));
  /* Translators: an explain popover's text; %% is a percent sign */
  ML_EXPLAIN_LINEF (&t, _("How much of the cross pool the maintenance margin of the cross positions takes up: the nearer to 100\u00a0%%, the nearer the pool is to liquidation."));
  if (t.cross->len == 0)
    ml_explain_line (&t, _("No cross position is open, so nothing in the cross pool is at stake."));
  else
    ml_explain_ratio_numbers (&t);
  ml_explain_ratio_reading (&t, ratio);
  return ml_explain_text_finish (&t);
}

/* Remaining collateral */

static char *
ml_explain_isolated_remaining (MlAccount  *account,
                               MlPosition *p)
{
  Text t;
  double q = ml_position_get_quantity (p), mark = ml_account_get_mark_price (account);
  /* Translators: a name in a formula, "remaining = W + uPnL" */
  const char *name = C_("formula", "remaining");
  guint index;

  ml_explain_text_init (&t, account);
  ml_explain_bracket_at (&t, q * mark, &index);

  ml_explain_heading (&t, ml_explain_printf (&t, _("Remaining collateral: %s"),
                         ml_explain_usdt (&t, ml_position_get_remaining_collateral (p))));
  /* Translators: an explain popover's text */
  ml_explain_line (&t, _("What this isolated position still holds at the mark price: its own margin plus its unrealized PnL. It can lose this much and no more; the rest of the account is not at stake."));

  ml_explain_heading (&t, _("Formula"));
  ML_EXPLAIN_LINEF (&t, ml_explain_is_long (p) ? "%s = W + uPnL = W + Q·(P − E)" : "%s = W + uPnL = W − Q·(P − E)", name);
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (&t, _("W is the position’s margin and uPnL its unrealized PnL; Q is the size in BTC, P the mark price and E the entry price."));
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (&t, _("It is liquidated when this falls to its maintenance margin MM = Q·P·MMR − cum, at its liquidation price; from then on it is 0. MM is the maintenance margin, MMR the maintenance margin rate and cum the maintenance amount of the risk bracket at the mark price."));

  ml_explain_heading (&t, _("With your numbers"));
  ML_EXPLAIN_LINEF (&t, "%s = %s %s %s · (%s − %s) = %s", name, ml_explain_usdt (&t, ml_position_get_margin (p)),
          ml_explain_is_long (p) ? "+" : "−", ml_explain_btc (&t, q), ml_explain_price (&t, mark),
          ml_explain_price (&t, ml_position_get_entry_price (p)),
          ml_explain_usdt (&t, ml_position_get_remaining_collateral (p)));
  ML_EXPLAIN_LINEF (&t, "MM = %s = %s", ml_explain_mm_term (&t, p, mark), ml_explain_usdt (&t, ml_position_get_maintenance_margin (p)));
  /* Translators: %s is the liquidation price */
  ML_EXPLAIN_LINEF (&t, _("Liquidation price: %s."), ml_explain_price (&t, ml_position_get_liquidation_price (p)));

  ml_explain_heading (&t, _("Risk bracket at the mark price"));
  ml_explain_line (&t, ml_explain_bracket_line (&t, index));
  return ml_explain_text_finish (&t);
}

static void
ml_explain_pool_remaining_numbers (Text *t)
{
  double mark = ml_account_get_mark_price (t->account);

  ml_explain_heading (t, _("Formula"));
  ml_explain_line (t, "pool = WBc + Σ s·Q·(P − E)");
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (t, _("WBc is the cross wallet balance, the wallet balance minus every isolated margin; s is +1 for a long and −1 for a short; Q is a position’s size in BTC, P the mark price and E the entry price; the sum runs over every cross position."));
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (t, _("The pool is liquidated when it falls to Σ MM, the maintenance margin of every cross position added up, and from then on it is 0. A position’s maintenance margin MM is Q·P·MMR − cum, with MMR the maintenance margin rate and cum the maintenance amount of its risk bracket."));

  ml_explain_heading (t, _("With your numbers"));
  ml_explain_pool_now (t);
  /* Translators: %s is the cross liquidation price */
  ML_EXPLAIN_LINEF (t, _("Cross liquidation price: %s."), ml_explain_price (t, ml_account_get_cross_liquidation_price (t->account)));

  ml_explain_heading (t, _("Risk brackets"));
  /* Translators: %s is a price */
  ml_explain_brackets_at (t, ml_explain_printf (t, _("At the mark price, %s:"), ml_explain_price (t, mark)), mark);
}

static char *
ml_explain_pool_remaining (MlAccount  *account,
                           MlPosition *position)
{
  Text t;
  double wbc = ml_account_get_cross_wallet_balance (account);

  ml_explain_text_init (&t, account);
  /* Translators: the title of an explanation, "Remaining collateral (cross pool): 800.00 USDT" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Remaining collateral (cross pool): %s"),
                         ml_explain_usdt (&t, ml_account_get_cross_pool (account))));
  if (position != NULL)
    ml_explain_line (&t, ml_explain_cross_note ());
  /* Translators: an explain popover's text */
  ml_explain_line (&t, _("What the cross pool still holds at the mark price: the cross wallet balance plus the unrealized PnL of every cross position. Every cross position shows this same amount: they share one pool, and lose it together if it is liquidated."));

  if (t.cross->len > 0)
    {
      ml_explain_pool_remaining_numbers (&t);
      return ml_explain_text_finish (&t);
    }

  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (&t, _("No cross position is open: the pool is just WBc, the cross wallet balance (the wallet balance minus every isolated margin), and nothing can liquidate it."));
  ml_explain_heading (&t, _("With your numbers"));
  ML_EXPLAIN_LINEF (&t, "pool = WBc = %s", ml_explain_usdt (&t, wbc));
  return ml_explain_text_finish (&t);
}

/**
 * ml_explain_remaining_collateral:
 * @position: (nullable): a position of @account; %NULL, or a cross position, for the cross pool
 *
 * Returns: (transfer full): Pango markup explaining the remaining collateral (the chart's y)
 */
char *
ml_explain_remaining_collateral (MlAccount  *account,
                                 MlPosition *position)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (position == NULL || ML_IS_POSITION (position), NULL);
  g_return_val_if_fail (position == NULL || ml_explain_owns (account, position), NULL);

  if (position != NULL && ml_position_get_liquidated (position))
    return ml_explain_liquidated (account, position, TRUE);
  if (position != NULL && ml_position_get_mode (position) == ML_MARGIN_MODE_ISOLATED)
    return ml_explain_isolated_remaining (account, position);
  return ml_explain_pool_remaining (account, position);
}

/* Notional and initial margin */

/* A liquidated position is closed: only where it happened is left to tell. */
static void
ml_explain_closed (Text       *t,
                   MlPosition *p)
{
  /* Translators: %s is the price at which the position was liquidated */
  ML_EXPLAIN_LINEF (t, _("This position was liquidated at %s and is closed: it no longer holds a notional or a margin."),
          ml_explain_price (t, ml_position_get_liquidation_price (p)));
}

/**
 * ml_explain_notional:
 * @position: a position of @account
 *
 * Returns: (transfer full): Pango markup explaining the position's notional at the mark price
 */
char *
ml_explain_notional (MlAccount  *account,
                     MlPosition *position)
{
  Text t;
  double q, mark, notional;
  guint index;

  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (ML_IS_POSITION (position), NULL);
  g_return_val_if_fail (ml_explain_owns (account, position), NULL);

  ml_explain_text_init (&t, account);
  q = ml_position_get_quantity (position);
  mark = ml_account_get_mark_price (account);
  notional = ml_position_get_notional (position);
  /* Translators: the title of an explanation, "Notional: 6,000.00 USDT" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Notional: %s"), ml_explain_usdt (&t, notional)));
  if (ml_position_get_liquidated (position))
    {
      ml_explain_closed (&t, position);
      return ml_explain_text_finish (&t);
    }
  ml_explain_line (&t, _("What the position is worth at the mark price: its size times the price. The notional picks the risk bracket, and with it the maintenance rate and the highest leverage allowed."));

  ml_explain_heading (&t, _("Formula"));
  ml_explain_line (&t, "N = Q·P");
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (&t, _("N is the notional, Q the size in BTC and P the mark price."));

  ml_explain_heading (&t, _("With your numbers"));
  ML_EXPLAIN_LINEF (&t, "N = %s · %s = %s", ml_explain_btc (&t, q), ml_explain_price (&t, mark), ml_explain_usdt (&t, notional));
  if (ml_position_get_entry_price (position) != mark)
    /* Translators: the entry price, the notional there */
    ML_EXPLAIN_LINEF (&t, _("At the entry price of %s it was %s."), ml_explain_price (&t, ml_position_get_entry_price (position)),
            ml_explain_usdt (&t, q * ml_position_get_entry_price (position)));

  ml_explain_heading (&t, _("Risk bracket"));
  ml_explain_bracket_at (&t, notional, &index);
  ml_explain_line (&t, ml_explain_bracket_line (&t, index));
  /* Translators: a leverage, "125×" */
  ML_EXPLAIN_LINEF (&t, _("A new order of this notional may use at most %s leverage."),
          ml_explain_keep (&t, ml_money_format_leverage (ml_brackets_max_leverage_at (t.brackets, notional))));
  return ml_explain_text_finish (&t);
}

/* Cross: Σ IM over the pool's positions, and what it leaves for new orders. */
static void
ml_explain_available (Text *t)
{
  g_autoptr(GString) sum = g_string_new (NULL);
  double pool = ml_account_get_cross_pool (t->account);

  for (guint i = 0; i < t->cross->len; i++)
    {
      MlPosition *p = g_ptr_array_index (t->cross, i);

      g_string_append_printf (sum, " − %s", ml_explain_usdt (t, ml_position_get_initial_margin (p)));
    }
  ml_explain_line (t, _("The available balance is what the cross pool has left once every cross position’s initial margin is set aside, and never less than 0; Σ IM adds up those initial margins:"));
  ML_EXPLAIN_LINEF (t, "max(0, pool − Σ IM) = max(0, %s%s) = %s", ml_explain_usdt (t, pool), sum->str,
          ml_explain_usdt (t, ml_account_get_available_balance (t->account)));
}

/**
 * ml_explain_initial_margin:
 * @position: a position of @account
 *
 * Returns: (transfer full): Pango markup explaining the position's initial margin
 */
char *
ml_explain_initial_margin (MlAccount  *account,
                           MlPosition *position)
{
  Text t;
  double q, e, im;
  guint leverage;
  gboolean isolated;

  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (ML_IS_POSITION (position), NULL);
  g_return_val_if_fail (ml_explain_owns (account, position), NULL);

  ml_explain_text_init (&t, account);
  q = ml_position_get_quantity (position);
  e = ml_position_get_entry_price (position);
  im = ml_position_get_initial_margin (position);
  leverage = ml_position_get_leverage (position);
  isolated = ml_position_get_mode (position) == ML_MARGIN_MODE_ISOLATED;
  /* Translators: the title of an explanation, "Initial margin: 300.00 USDT" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Initial margin: %s"), ml_explain_usdt (&t, im)));
  if (ml_position_get_liquidated (position))
    {
      ml_explain_closed (&t, position);
      return ml_explain_text_finish (&t);
    }
  ml_explain_line (&t, isolated
                   ? _("The margin this isolated position took from the wallet when it was opened: its notional at entry divided by its leverage. It became the position’s own margin, the most it can lose.")
                   : _("The part of the cross pool this cross position sets aside: its notional at entry divided by its leverage. A new order must fit in what is left. It does not limit what this position can lose: the whole cross pool backs it."));

  ml_explain_heading (&t, _("Formula"));
  ml_explain_line (&t, "IM = Q·E / λ");
  /* Translators: %s is the leverage, "20×" */
  ML_EXPLAIN_LINEF (&t, _("IM is the initial margin, Q the size in BTC, E the entry price and λ the leverage, %s here."),
          ml_explain_keep (&t, ml_money_format_leverage (leverage)));

  ml_explain_heading (&t, _("With your numbers"));
  ML_EXPLAIN_LINEF (&t, "IM = %s · %s / %u = %s", ml_explain_btc (&t, q), ml_explain_price (&t, e), leverage, ml_explain_usdt (&t, im));
  if (isolated && ml_money_round (ml_position_get_margin (position), 2) != ml_money_round (im, 2))
    /* Translators: %s is the position's margin */
    ML_EXPLAIN_LINEF (&t, _("Margin was added or removed since: the position’s margin is now %s."),
            ml_explain_usdt (&t, ml_position_get_margin (position)));
  else if (!isolated)
    ml_explain_available (&t);
  return ml_explain_text_finish (&t);
}

/* Bankruptcy price */

static char *
ml_explain_liquidated_bankruptcy (MlAccount  *account,
                                  MlPosition *p)
{
  Text t;
  const char *price;

  ml_explain_text_init (&t, account);
  price = ml_explain_price (&t, ml_position_get_liquidation_price (p));
  /* Translators: the title of an explanation, "Bankruptcy price: 57,000.0" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Bankruptcy price: %s"), ml_explain_price (&t, ml_position_get_bankruptcy_price (p))));
  if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED)
    /* Translators: %s is the liquidation price */
    ML_EXPLAIN_LINEF (&t, _("This position was liquidated at %s and closed at this price, where its margin would have been all gone."), price);
  else
    /* Translators: %s is the liquidation price */
    ML_EXPLAIN_LINEF (&t, _("The cross pool was liquidated at %s, and every cross position in it, this one included, was closed at this price, where the pool would have been all gone."), price);
  ml_explain_line (&t, _("Liquidation is final: the position does not come back when the price returns."));
  return ml_explain_text_finish (&t);
}

static char *
ml_explain_isolated_bankruptcy (MlAccount  *account,
                                MlPosition *p)
{
  Text t;
  double bp = ml_position_get_bankruptcy_price (p);
  gboolean is_long = ml_explain_is_long (p);

  ml_explain_text_init (&t, account);
  /* Translators: the title of an explanation, "Bankruptcy price: 57,000.0" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Bankruptcy price: %s"), ml_explain_price (&t, bp)));
  if (bp == ML_PRICE_NONE)
    ml_explain_line (&t, _("This isolated long has no bankruptcy price: its margin covers its whole notional at entry, so even a fall to 0 could not use it up."));
  else
    /* Translators: %s is the liquidation price */
    ML_EXPLAIN_LINEF (&t, is_long ? _("The price at which this isolated long would have lost all of its margin. It is liquidated before that, when the mark price falls to its liquidation price of %s, and then closed at this price; what was left at the liquidation price goes to the insurance fund.")
                        /* Translators: %s is the liquidation price */
                        : _("The price at which this isolated short would have lost all of its margin. It is liquidated before that, when the mark price rises to its liquidation price of %s, and then closed at this price; what was left at the liquidation price goes to the insurance fund."),
            ml_explain_price (&t, ml_position_get_liquidation_price (p)));

  ml_explain_heading (&t, _("Formula"));
  ml_explain_line (&t, is_long ? "BP = E − W / Q" : "BP = E + W / Q");
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (&t, _("BP is the bankruptcy price, E the entry price, W the position’s margin and Q its size in BTC: there the loss Q·(E − BP) takes the whole margin."));

  ml_explain_heading (&t, _("With your numbers"));
  ML_EXPLAIN_LINEF (&t, "BP = %s %s %s / %s %s", ml_explain_price (&t, ml_position_get_entry_price (p)), is_long ? "−" : "+",
          ml_explain_usdt (&t, ml_position_get_margin (p)), ml_explain_btc (&t, ml_position_get_quantity (p)),
          bp == ML_PRICE_NONE ? ml_explain_printf (&t, "≤ 0: %s", ml_explain_price (&t, bp))
                              : ml_explain_printf (&t, "= %s", ml_explain_price (&t, bp)));
  return ml_explain_text_finish (&t);
}

/* "(0.1000 BTC · 60,000.0 − 1,000.00 USDT) / 0.1000 BTC": margin-model.md's pool(P) = 0 solved. */
static const char *
ml_explain_pool_bankruptcy_solution (Text *t)
{
  g_autoptr(GString) num = g_string_new (NULL);
  g_autoptr(GString) den = g_string_new (NULL);

  for (guint i = 0; i < t->cross->len; i++)
    {
      MlPosition *p = g_ptr_array_index (t->cross, i);
      const char *sign = ml_explain_is_long (p) ? (i > 0 ? " + " : "") : (i > 0 ? " − " : "−");
      const char *q = ml_explain_btc (t, ml_position_get_quantity (p));

      g_string_append_printf (num, "%s%s · %s", sign, q, ml_explain_price (t, ml_position_get_entry_price (p)));
      g_string_append_printf (den, "%s%s", sign, q);
    }
  return ml_explain_printf (t, t->cross->len > 1 ? "(%s − %s) / (%s)" : "(%s − %s) / %s", num->str,
                            ml_explain_usdt (t, ml_account_get_cross_wallet_balance (t->account)), den->str);
}

static char *
ml_explain_pool_bankruptcy (MlAccount  *account,
                            MlPosition *position)
{
  Text t;
  double bp = ml_account_get_cross_bankruptcy_price (account);

  ml_explain_text_init (&t, account);
  /* Translators: the title of an explanation, "Cross bankruptcy price: 50,000.0" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Cross bankruptcy price: %s"), ml_explain_price (&t, bp)));
  if (position != NULL)
    ml_explain_line (&t, ml_explain_cross_note ());
  if (t.cross->len == 0)
    {
      ml_explain_line (&t, _("No cross position is open, so the cross pool has no bankruptcy price."));
      return ml_explain_text_finish (&t);
    }
  /* Translators: %s is the cross liquidation price */
  ML_EXPLAIN_LINEF (&t, _("The price at which the cross pool—the cross wallet balance plus the unrealized PnL of every cross position—would be all gone. The pool is liquidated before that, at its liquidation price of %s, and every cross position is then closed at this price."),
          ml_explain_price (&t, ml_account_get_cross_liquidation_price (account)));

  ml_explain_heading (&t, _("Formula"));
  ml_explain_line (&t, "pool(P) = WBc + Σ s·Q·(P − E) = 0");
  ml_explain_line (&t, "BPc = (Σ s·Q·E − WBc) / Σ s·Q");
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (&t, _("BPc is the pool’s bankruptcy price: the mark price P where pool(P), the cross pool at that price, is 0. WBc is the cross wallet balance, the wallet balance minus every isolated margin; s is +1 for a long and −1 for a short; Q is a position’s size in BTC and E its entry price; the sums run over every cross position."));

  ml_explain_heading (&t, _("With your numbers"));
  if (ml_account_get_n_cross_positions (account) > 0 && bp == ML_PRICE_NONE)
    {
      /* Translators: %s is the formula with the numbers in */
      ML_EXPLAIN_LINEF (&t, _("BPc = %s ≤ 0, or no price at all when the cross positions net to zero size: there is no price at which the pool is all gone."),
              ml_explain_pool_bankruptcy_solution (&t));
      return ml_explain_text_finish (&t);
    }
  ML_EXPLAIN_LINEF (&t, "BPc = %s = %s", ml_explain_pool_bankruptcy_solution (&t), ml_explain_price (&t, bp));
  return ml_explain_text_finish (&t);
}

/**
 * ml_explain_bankruptcy_price:
 * @position: (nullable): a position of @account; %NULL, or a cross position, for the cross pool
 *
 * Returns: (transfer full): Pango markup explaining the bankruptcy price
 */
char *
ml_explain_bankruptcy_price (MlAccount  *account,
                             MlPosition *position)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (position == NULL || ML_IS_POSITION (position), NULL);
  g_return_val_if_fail (position == NULL || ml_explain_owns (account, position), NULL);

  if (position != NULL && ml_position_get_liquidated (position))
    return ml_explain_liquidated_bankruptcy (account, position);
  if (position != NULL && ml_position_get_mode (position) == ML_MARGIN_MODE_ISOLATED)
    return ml_explain_isolated_bankruptcy (account, position);
  return ml_explain_pool_bankruptcy (account, position);
}

/* Wallet balance and equity */

/* The live isolated positions, in list order. */
static GPtrArray *
ml_explain_isolated_positions (MlAccount *account)
{
  GListModel *model = ml_account_get_positions (account);
  GPtrArray *isolated = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      MlPosition *p = g_list_model_get_item (model, i);

      if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED && !ml_position_get_liquidated (p))
        g_ptr_array_add (isolated, p);
      else
        g_object_unref (p);
    }
  return isolated;
}

/* " + 300.00 USDT" or " − 12.50 USDT": a signed term of a sum. */
static const char *
ml_explain_term (Text   *t,
                 double  amount)
{
  return ml_explain_printf (t, " %s %s", ml_money_round (amount, 2) < 0 ? "−" : "+", ml_explain_usdt (t, fabs (amount)));
}

/**
 * ml_explain_wallet_balance:
 *
 * Returns: (transfer full): Pango markup explaining the account's wallet balance
 */
char *
ml_explain_wallet_balance (MlAccount *account)
{
  Text t;
  g_autoptr(GPtrArray) isolated = NULL;
  g_autoptr(GString) sum = NULL;

  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);

  ml_explain_text_init (&t, account);
  isolated = ml_explain_isolated_positions (account);
  sum = g_string_new (ml_explain_usdt (&t, ml_account_get_cross_wallet_balance (account)));
  for (guint i = 0; i < isolated->len; i++)
    g_string_append (sum, ml_explain_term (&t, ml_position_get_margin (g_ptr_array_index (isolated, i))));

  /* Translators: the title of an explanation, "Wallet balance: 1,000.00 USDT" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Wallet balance: %s"), ml_explain_usdt (&t, ml_account_get_wallet_balance (account))));
  /* Translators: an explain popover's text */
  ml_explain_line (&t, _("What the account holds before the unrealized PnL of its open positions is counted. It changes when a position is closed or liquidated, by the PnL made there, and when fees or funding are paid. It includes the margin set aside for isolated positions."));

  ml_explain_heading (&t, _("Formula"));
  ml_explain_line (&t, "wallet = WBc + Σ W");
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (&t, _("WBc is the cross wallet balance, what is left for the cross pool; W is the margin of an isolated position, and the sum runs over every isolated position."));

  ml_explain_heading (&t, _("With your numbers"));
  ML_EXPLAIN_LINEF (&t, "wallet = %s = %s", sum->str, ml_explain_usdt (&t, ml_account_get_wallet_balance (account)));
  if (isolated->len == 0)
    ml_explain_line (&t, _("No isolated position is open: the whole wallet balance backs the cross pool."));
  return ml_explain_text_finish (&t);
}

/**
 * ml_explain_equity:
 *
 * Returns: (transfer full): Pango markup explaining the account's equity at the mark price
 */
char *
ml_explain_equity (MlAccount *account)
{
  Text t;
  g_autoptr(GPtrArray) isolated = NULL;
  g_autoptr(GString) pnl = NULL;
  g_autoptr(GString) parts = NULL;
  GListModel *model;
  const char *equity;

  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);

  ml_explain_text_init (&t, account);
  isolated = ml_explain_isolated_positions (account);
  model = ml_account_get_positions (account);
  equity = ml_explain_usdt (&t, ml_account_get_equity (account));
  pnl = g_string_new (ml_explain_usdt (&t, ml_account_get_wallet_balance (account)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (model, i);

      if (!ml_position_get_liquidated (p))
        g_string_append (pnl, ml_explain_term (&t, ml_position_get_unrealized_pnl (p)));
    }
  parts = g_string_new (ml_explain_usdt (&t, ml_account_get_cross_pool (account)));
  for (guint i = 0; i < isolated->len; i++)
    g_string_append (parts, ml_explain_term (&t, ml_position_get_remaining_collateral (g_ptr_array_index (isolated, i))));

  /* Translators: the title of an explanation, "Equity: 1,100.00 USDT" */
  ml_explain_heading (&t, ml_explain_printf (&t, _("Equity: %s"), equity));
  /* Translators: an explain popover's text */
  ml_explain_line (&t, _("What the account is worth at the mark price: the wallet balance plus the unrealized PnL of every open position. Closing every position now would leave this much, before any closing fees."));

  ml_explain_heading (&t, _("Formula"));
  ml_explain_line (&t, "equity = wallet + Σ uPnL = pool + Σ (W + uPnL)");
  /* Translators: defines the symbols of the formula shown with it: keep the symbols (LP, BP, Q, E, W, P, MMR, MM, cum, WBc, uPnL, pool(P), s, N, Σ) exactly as they are */
  ml_explain_line (&t, _("uPnL is a position’s unrealized PnL, s·Q·(P − E): s is +1 for a long and −1 for a short, Q the size in BTC, P the mark price and E the entry price. The first sum runs over every open position. The pool is the cross pool, the cross wallet balance plus the cross positions’ unrealized PnL; W is an isolated position’s margin, and the second sum runs over every isolated position."));

  ml_explain_heading (&t, _("With your numbers"));
  ML_EXPLAIN_LINEF (&t, "equity = %s = %s", pnl->str, equity);
  ML_EXPLAIN_LINEF (&t, "equity = %s = %s", parts->str, equity);
  return ml_explain_text_finish (&t);
}
