/* ml-money.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-money"

#include "config.h"

#include <math.h>
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
