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

/* %' groups digits the way the user's locale does: "60,000.0" in English, "60.000,0" in German,
 * "60 000,0" in French (glibc groups with U+202F NARROW NO-BREAK SPACE). A negative number
 * takes the true minus sign U+2212, as typeset text does, not the hyphen.
 *
 * Arabic: the digits are the European ones, "60,000.0" in ar_EG.UTF-8 (the Arabic locale the
 * tests use, as glibc's ar_SA.UTF-8 does not group digits at all). Arabic-Indic digits (٦٠٬٠٠٠٫٠)
 * are not used: glibc's Arabic locales define none for printf's I flag, so they would have to
 * be substituted by hand; the exchanges' Arabic pages and most Arabic trading apps show
 * European digits for prices; and the chart's axes, the files and the command line have them.
 * Typed Arabic-Indic digits are read all the same (ml_money_parse()). */
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

/* THE ONE PLACE that isolates numbers for bidirectional text. A number with a unit ("60,000.00
 * USDT", "33.33 %", "0.1000 BTC", "10×") or a sign (the minus sign U+2212 is a weak character
 * that right-to-left text would move to the number's other end) is wrapped in FSI U+2068 …
 * PDI U+2069: inside, it takes the direction of its first strong letter ("USDT" left to right,
 * an Arabic unit right to left, none, as in "10×" or "−4.62 %", left to right), and outside it
 * is one neutral block that moves as a whole. A price alone is not wrapped: unsigned digits
 * with their separators (",", ".", the no-break spaces of French) are one run that keeps its
 * order in any text, and the entries show and read prices without invisible characters. Takes
 * @text. */
static char *
ml_money_isolate (char *text)
{
  char *isolated = g_strconcat ("\u2068", text, "\u2069", NULL);

  g_free (text);
  return isolated;
}

char *
ml_money_format_usdt (double amount)
{
  g_autofree char *number = ml_money_format_grouped (amount, 2);

  /* Translators: an amount of money, "1,000.00 USDT"; the space is a no-break space, so that
   * the unit never stands alone on a line */
  return ml_money_isolate (g_strdup_printf (_("%s\u00a0USDT"), number));
}

char *
ml_money_format_price (double price)
{
  if (price == ML_PRICE_NONE || !isfinite (price))
    /* Translators: shown where a liquidation or bankruptcy price does not exist */
    return g_strdup (_("none"));
  return ml_money_format_grouped (price, 1);
}

/**
 * ml_money_format_number:
 * @value: a number to put in an entry, such as a size in BTC
 * @decimals: how many to show, rounded by the rule
 *
 * Returns: (transfer full): @value as the user's locale writes it, with no unit and, as a
 *   price, no isolation: "0.01" in English, "0,01" in German
 */
char *
ml_money_format_number (double value,
                        guint  decimals)
{
  return ml_money_format_grouped (value, decimals);
}

/* A price with its unit, as a limit is told: "100,000,000.0 USDT". */
char *
ml_money_format_price_usdt (double price)
{
  g_autofree char *number = ml_money_format_grouped (price, 1);

  /* Translators: an amount of money, "1,000.00 USDT"; the space is a no-break space */
  return ml_money_isolate (g_strdup_printf (_("%s\u00a0USDT"), number));
}

char *
ml_money_format_btc (double quantity)
{
  g_autofree char *number = ml_money_format_grouped (quantity, 4);

  /* Translators: a position size, "0.1000 BTC"; the space is a no-break space */
  return ml_money_isolate (g_strdup_printf (_("%s\u00a0BTC"), number));
}

char *
ml_money_format_percent (double fraction)
{
  g_autofree char *number = ml_money_format_grouped (fraction * 100, 2);

  /* Translators: a percentage, "33.33 %"; use your language's spacing and sign (the space is
   * a no-break space) */
  return ml_money_isolate (g_strdup_printf (_("%s\u00a0%%"), number));
}

/**
 * ml_money_format_times:
 * @factor: a leverage, or how fast the price path plays
 *
 * Returns: (transfer full): "125×", "0.5×" ("0,5×" in German), isolated so that the sign
 *   stays after its number in right-to-left text
 */
char *
ml_money_format_times (double factor)
{
  g_autofree char *number = g_strdup_printf ("%'g", factor);

  /* Translators: a leverage or a speed, "125×", "0.5×"; the sign is the multiplication sign
   * U+00D7 */
  return ml_money_isolate (g_strdup_printf (_("%s×"), number));
}

char *
ml_money_format_leverage (guint leverage)
{
  return ml_money_format_times (leverage);
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

/* A number as the locale writes it, its digits copied to @out in the C form. */
static gboolean
ml_money_read_locale (const char         **p,
                      const struct lconv  *lc,
                      GString             *out)
{
  if (!ml_money_read_integer_part (p, lc, out))
    return FALSE;
  if (ml_money_skip_decimal_mark (p, lc))
    {
      g_string_append_c (out, '.');
      while (g_ascii_isdigit (**p))
        g_string_append_c (out, *(*p)++);
    }
  return **p == '\0';
}

/* What was typed, or copied from a label, without the marks of bidirectional text (shown
 * numbers are isolated), and with Arabic-Indic and Eastern Arabic-Indic digits, and the Arabic
 * decimal and thousands separators, as the locale's own. */
static char *
ml_money_normalize (const char *text)
{
  const struct lconv *lc = localeconv ();
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c)
        continue;
      if (c >= 0x0660 && c <= 0x0669)
        g_string_append_c (out, '0' + (c - 0x0660));
      else if (c >= 0x06f0 && c <= 0x06f9)
        g_string_append_c (out, '0' + (c - 0x06f0));
      else if (c == 0x066b)
        g_string_append (out, lc->decimal_point);
      else if (c == 0x066c)
        g_string_append (out, "\u202f");
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
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
 * The C form ("60000.5") is read in every locale, where it cannot be read as the locale's
 * grouping. Bidirectional marks are ignored, and Arabic-Indic digits read as digits.
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
  const char *p, *number;
  char *end;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);

  trimmed = g_strstrip (ml_money_normalize (text));
  p = trimmed;
  if (*p == '-' || *p == '+')
    g_string_append_c (clean, *p++);
  else if (ml_money_skip (&p, "−"))
    g_string_append_c (clean, '-');
  number = p;
  if (!ml_money_read_locale (&p, lc, clean))
    {
      /* The C form, "60000.5", where the locale groups with "." (German): read so only when
       * the "." cannot be grouping, so "1.500" stays 1,500 as German writes it. */
      p = number;
      g_string_truncate (clean, clean->len > 0 && !g_ascii_isdigit (clean->str[0]) ? 1 : 0);
      while (g_ascii_isdigit (*p) || *p == '.')
        g_string_append_c (clean, *p++);
    }
  if (*p != '\0' || strpbrk (clean->str, "0123456789") == NULL)
    return FALSE;

  *value = g_ascii_strtod (clean->str, &end);
  return *end == '\0' && isfinite (*value);
}
