/* ml-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-money"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-money.h"
#include "ml-types.h"

/* Nearest, halves away from zero, and no negative zero. */
double
ml_money_round (double value,
                guint  decimals)
{
  double scale = pow (10, decimals);
  double rounded = round (value * scale) / scale;

  return rounded == 0 ? 0 : rounded;
}

/* %' groups digits the way the user's locale does. */
static char *
_format_grouped (double value,
                 guint  decimals)
{
  return g_strdup_printf ("%'.*f", (int)decimals, ml_money_round (value, decimals));
}

char *
ml_money_format_usdt (double amount)
{
  g_autofree char *number = _format_grouped (amount, 2);

  /* Translators: an amount of money, "1,000.00 USDT" */
  return g_strdup_printf (_("%s USDT"), number);
}

char *
ml_money_format_price (double price)
{
  if (price == ML_PRICE_NONE || !isfinite (price))
    /* Translators: shown where a liquidation or bankruptcy price does not exist */
    return g_strdup (_("none"));
  return _format_grouped (price, 1);
}

char *
ml_money_format_btc (double quantity)
{
  g_autofree char *number = _format_grouped (quantity, 4);

  /* Translators: a position size, "0.1000 BTC" */
  return g_strdup_printf (_("%s BTC"), number);
}

char *
ml_money_format_percent (double fraction)
{
  g_autofree char *number = _format_grouped (fraction * 100, 2);

  /* Translators: a percentage, "33.33 %"; use your language's spacing and sign */
  return g_strdup_printf (_("%s %%"), number);
}

/* Removes every copy of @sep (a UTF-8 string) from @text. */
static void
_remove_all (GString    *text,
             const char *sep)
{
  gsize n = strlen (sep);
  char *at;

  while (n > 0 && (at = strstr (text->str, sep)) != NULL)
    g_string_erase (text, at - text->str, n);
}

/**
 * ml_money_parse:
 * @text: what a person typed: "60,000.5" in English, "60.000,5" in German
 * @value: (out): the number
 *
 * Reads a number the way ml_money_format_*() shows one in the user's locale: digit grouping is
 * optional, the decimal mark is the locale's (a "." is also taken where the locale groups with
 * something else). Signs are allowed so that a negative number can be refused by name rather
 * than as "not a number"; exponents, hex, "inf" and "nan" are not numbers here.
 *
 * Returns: %TRUE if @text was a finite number and nothing else
 */
gboolean
ml_money_parse (const char *text,
                double     *value)
{
  const struct lconv *lc = localeconv ();
  g_autoptr(GString) clean = NULL;
  gboolean seen_point = FALSE, seen_digit = FALSE;
  char *end;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);

  clean = g_string_new (text);
  _remove_all (clean, "\u202f");  /* the narrow no-break space some locales group with */
  _remove_all (clean, "\u00a0");
  _remove_all (clean, " ");
  if (lc->thousands_sep[0] != '\0' && strcmp (lc->thousands_sep, lc->decimal_point) != 0)
    _remove_all (clean, lc->thousands_sep);
  if (strcmp (lc->decimal_point, ".") != 0 && strstr (clean->str, lc->decimal_point) != NULL)
    {
      gsize at = strstr (clean->str, lc->decimal_point) - clean->str;

      g_string_erase (clean, at, strlen (lc->decimal_point));
      g_string_insert_c (clean, at, '.');
    }

  for (const char *c = clean->str; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        seen_digit = TRUE;
      else if (*c == '.' && !seen_point)
        seen_point = TRUE;
      else if ((*c == '-' || *c == '+') && c == clean->str)
        continue;
      else
        return FALSE;
    }
  if (!seen_digit)
    return FALSE;

  *value = g_ascii_strtod (clean->str, &end);
  return *end == '\0' && isfinite (*value);
}
