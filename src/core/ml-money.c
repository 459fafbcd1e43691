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

/* %' groups digits the way the user's locale does; a negative number takes the true minus
 * sign U+2212, as typeset text does, not the hyphen. */
static char *
ml_money_format_grouped (double value,
                         guint  decimals)
{
  char *text = g_strdup_printf ("%'.*f", (int)decimals, ml_money_round (value, decimals));
  char *signed_text;

  if (text[0] != '-')
    return text;
  signed_text = g_strconcat ("\u2212", text + 1, NULL);
  g_free (text);
  return signed_text;
}

char *
ml_money_format_usdt (double amount)
{
  g_autofree char *number = ml_money_format_grouped (amount, 2);

  /* Translators: an amount of money, "1,000.00 USDT"; the space is a no-break space, so that
   * the unit never stands alone on a line */
  return g_strdup_printf (_("%s\u00a0USDT"), number);
}

char *
ml_money_format_price (double price)
{
  if (price == ML_PRICE_NONE || !isfinite (price))
    /* Translators: shown where a liquidation or bankruptcy price does not exist */
    return g_strdup (_("none"));
  return ml_money_format_grouped (price, 1);
}

char *
ml_money_format_btc (double quantity)
{
  g_autofree char *number = ml_money_format_grouped (quantity, 4);

  /* Translators: a position size, "0.1000 BTC"; the space is a no-break space */
  return g_strdup_printf (_("%s\u00a0BTC"), number);
}

char *
ml_money_format_percent (double fraction)
{
  g_autofree char *number = ml_money_format_grouped (fraction * 100, 2);

  /* Translators: a percentage, "33.33 %"; use your language's spacing and sign (the space is
   * a no-break space) */
  return g_strdup_printf (_("%s\u00a0%%"), number);
}

char *
ml_money_format_leverage (guint leverage)
{
  /* Translators: a leverage, "125×"; the sign is the multiplication sign U+00D7. It is
   * isolated left to right (U+2066 … U+2069): in right-to-left text the sign would otherwise
   * move to the number's other side. */
  return g_strdup_printf (_("\u2066%u×\u2069"), leverage);
}

/* Moves *@p past @token if the text there starts with it. */
static gboolean
ml_money_skip (const char **p,
               const char  *token)
{
  gsize n = strlen (token);

  if (n == 0 || strncmp (*p, token, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static gboolean
ml_money_skip_group_separator (const char         **p,
                               const struct lconv  *lc)
{
  return ml_money_skip (p, lc->thousands_sep) || ml_money_skip (p, " ") || ml_money_skip (p, "\u00a0") || ml_money_skip (p, "\u202f");
}

static gboolean
ml_money_skip_decimal_mark (const char         **p,
                            const struct lconv  *lc)
{
  /* A "." is a decimal point too, unless the locale groups digits with it. */
  return ml_money_skip (p, lc->decimal_point) || (strcmp (lc->thousands_sep, ".") != 0 && ml_money_skip (p, "."));
}

/* Copies the digits at *@p to @out, checking that digit groups, if any, are of three. */
static gboolean
ml_money_read_integer_part (const char         **p,
                            const struct lconv  *lc,
                            GString             *out)
{
  guint group = 0;
  gboolean grouped = FALSE;

  for (;;)
    {
      if (g_ascii_isdigit (**p))
        {
          g_string_append_c (out, *(*p)++);
          group++;
        }
      else if (ml_money_skip_group_separator (p, lc))
        {
          if (group == 0 || group > 3 || (grouped && group != 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
        }
      else
        return !grouped || group == 3;
    }
}

/**
 * ml_money_parse:
 * @text: what a person typed: "60,000.5" in English, "60.000,5" in German
 * @value: (out): the number
 *
 * Reads a number the way ml_money_format_*() shows one in the user's locale. Digit grouping is
 * optional, but where it is used the groups must be of three: "1,5" in English is refused, not
 * read as 15, since it is most likely a decimal comma and a tenfold mistake with money. The
 * decimal mark is the locale's, and also "." where the locale does not group with it. A sign
 * ("-", "+" or the true minus sign U+2212) is read so that a negative number can be refused
 * by name rather than as "not a number"; exponents, hex, "inf" and "nan" are not numbers here.
 *
 * Returns: %TRUE if @text was a finite number and nothing else
 */
gboolean
ml_money_parse (const char *text,
                double     *value)
{
  const struct lconv *lc = localeconv ();
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *p;
  char *end;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  p = trimmed;
  if (*p == '-' || *p == '+')
    g_string_append_c (clean, *p++);
  else if (ml_money_skip (&p, "−"))
    g_string_append_c (clean, '-');
  if (!ml_money_read_integer_part (&p, lc, clean))
    return FALSE;
  if (ml_money_skip_decimal_mark (&p, lc))
    {
      g_string_append_c (clean, '.');
      while (g_ascii_isdigit (*p))
        g_string_append_c (clean, *p++);
    }
  if (*p != '\0' || strpbrk (clean->str, "0123456789") == NULL)
    return FALSE;

  *value = g_ascii_strtod (clean->str, &end);
  return *end == '\0' && isfinite (*value);
}
