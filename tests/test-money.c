/* test-money.c — numbers as people read and type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rounding rule (ml-money.h) on its own, and ml_money_parse() in the C.UTF-8 locale every
 * machine has, and in English and German where the machine has them.
 */

#include "config.h"

#include <locale.h>

#include "ml-test-util.h"

typedef struct
{
  const char *text;
  gboolean    valid;
  double      value;
} Case;

static void
test_money_check (const Case *cases,
                  gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      double value = -12345;
      gboolean valid = ml_money_parse (cases[i].text, &value);

      g_test_message ("“%s” → %s %.17g", cases[i].text, valid ? "valid" : "refused", value);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        g_assert_cmpfloat (value, ==, cases[i].value);
    }
}

static void
test_parse_c (void)
{
  const Case cases[] = {
    { "60000", TRUE, 60000 }, { "60000.5", TRUE, 60000.5 }, { " 0.1 ", TRUE, 0.1 },
    { ".5", TRUE, 0.5 }, { "5.", TRUE, 5 }, { "-1", TRUE, -1 }, { "+2", TRUE, 2 },
    { "60 000", TRUE, 60000 }, { "1 000 000.25", TRUE, 1000000.25 },
    { "", FALSE }, { " ", FALSE }, { ".", FALSE }, { "-", FALSE }, { "abc", FALSE },
    { "1e5", FALSE }, { "0x10", FALSE }, { "inf", FALSE }, { "nan", FALSE }, { "1.2.3", FALSE },
    { "--1", FALSE }, { "1-", FALSE }, { "60,000", FALSE }, { "1 5", FALSE }, { "1 0000", FALSE },
    { "10 00", FALSE }, { "1000 000", FALSE }, { "1 000.5 5", FALSE },
    /* The true minus sign U+2212, as a number may be shown and copied back. */
    { "−1.5", TRUE, -1.5 }, { "−", FALSE }, { "−−1", FALSE }, { "-−1", FALSE }, { "1−", FALSE },
  };

  setlocale (LC_ALL, "C.UTF-8");
  test_money_check (cases, G_N_ELEMENTS (cases));
}

static gboolean
test_money_use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;
  g_test_skip ("the machine does not have this locale");
  return FALSE;
}

/* "1,5" is a decimal comma typed in English: refused, never read as 15. */
static void
test_parse_english (void)
{
  const Case cases[] = {
    { "60,000.5", TRUE, 60000.5 }, { "60000.5", TRUE, 60000.5 }, { "1,000,000", TRUE, 1000000 },
    { "1,5", FALSE }, { "0,5", FALSE }, { "1,0000", FALSE }, { ",500", FALSE }, { "1,000,00", FALSE },
    { "1,000.000,5", FALSE },
  };

  if (test_money_use_locale ("en_US.UTF-8"))
    test_money_check (cases, G_N_ELEMENTS (cases));
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_parse_german (void)
{
  const Case cases[] = {
    { "60.000,5", TRUE, 60000.5 }, { "60000,5", TRUE, 60000.5 }, { "0,1", TRUE, 0.1 },
    { "1.5", FALSE }, { "1.000.000", TRUE, 1000000 },
  };

  if (test_money_use_locale ("de_DE.UTF-8"))
    test_money_check (cases, G_N_ELEMENTS (cases));
  setlocale (LC_ALL, "C.UTF-8");
}

/* What the app shows, the app reads back: to the display's precision. */
static void
test_round_trip (void)
{
  const double prices[] = { 0.1, 57228.9156626506, 60000, 99999999.95 };
  const char *locales[] = { "C.UTF-8", "en_US.UTF-8", "de_DE.UTF-8" };

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (setlocale (LC_ALL, locales[l]) == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (prices); i++)
        {
          g_autofree char *shown = ml_money_format_price (prices[i]);
          double read;

          g_assert_true (ml_money_parse (shown, &read));
          g_assert_cmpfloat (read, ==, ml_money_round (prices[i], 1));
        }
    }
  setlocale (LC_ALL, "C.UTF-8");
}

/* The rule in ml-money.h: nearest, halves away from zero, no negative zero. */
static void
test_rounding (void)
{
  g_assert_cmpfloat (ml_money_round (2.5, 0), ==, 3);
  g_assert_cmpfloat (ml_money_round (-2.5, 0), ==, -3);
  g_assert_cmpfloat (ml_money_round (0.125, 2), ==, 0.13);
  g_assert_false (signbit (ml_money_round (-0.001, 2)));
}

static void
test_money_assert_format (char       *text,
                          const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

/* Shown as typeset text is: the true minus sign, a no-break space before every unit and "%"
 * (so that no unit stands alone on a line), and a leverage isolated left to right so that its
 * sign stays after the number in right-to-left text. In the C locale: no grouping. */
static void
test_typeset (void)
{
  double back;

  test_money_assert_format (ml_money_format_usdt (-300), "\u2212300.00\u00a0USDT");
  test_money_assert_format (ml_money_format_usdt (-0.001), "0.00\u00a0USDT");
  test_money_assert_format (ml_money_format_btc (0.1), "0.1000\u00a0BTC");
  test_money_assert_format (ml_money_format_percent (-0.0462), "\u22124.62\u00a0%");
  test_money_assert_format (ml_money_format_leverage (125), "\u2066125×\u2069");
  /* What is shown can be typed back. */
  g_assert_true (ml_money_parse ("\u2212300.00", &back));
  g_assert_cmpfloat (back, ==, -300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/c", test_parse_c);
  g_test_add_func ("/money/parse/english", test_parse_english);
  g_test_add_func ("/money/parse/german", test_parse_german);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/rounding", test_rounding);
  g_test_add_func ("/money/typeset", test_typeset);
  return g_test_run ();
}
