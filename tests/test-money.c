/* test-money.c — numbers as people read and type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rounding rule (ml-money.h) on its own; numbers shown and read in the C.UTF-8 locale every
 * machine has, and in English, German, French and Arabic (the locales build-aux/test.sh
 * generates, ML_TEST_LOCALES in build-aux/deps.sh); and the isolation of numbers with units
 * for right-to-left text.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

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
test_money_assert_format (char       *text,
                          const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
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

/* "1,5" is a decimal comma typed in English: refused, never read as 15. */
static void
test_parse_english (void)
{
  const Case cases[] = {
    { "60,000.5", TRUE, 60000.5 }, { "60000.5", TRUE, 60000.5 }, { "1,000,000", TRUE, 1000000 },
    { "1,5", FALSE }, { "0,5", FALSE }, { "1,0000", FALSE }, { ",500", FALSE }, { "1,000,00", FALSE },
    { "1,000.000,5", FALSE },
  };

  if (ml_test_use_locale ("en_US.UTF-8"))
    test_money_check (cases, G_N_ELEMENTS (cases));
  setlocale (LC_ALL, "C.UTF-8");
}

/* German groups with "." and so "1.500" is 1,500; the C form is read where "." cannot be
 * grouping ("60000.5", "1.5"); an English "1,500.5" is refused. */
static void
test_parse_german (void)
{
  const Case cases[] = {
    { "60.000,5", TRUE, 60000.5 }, { "60000,5", TRUE, 60000.5 }, { "0,1", TRUE, 0.1 },
    { "1.000.000", TRUE, 1000000 }, { "1.500", TRUE, 1500 }, { "60000.5", TRUE, 60000.5 },
    { "1.5", TRUE, 1.5 }, { "−1.234,5", TRUE, -1234.5 }, { "-60000.5", TRUE, -60000.5 },
    { "1,500.5", FALSE }, { "1.50.0", FALSE }, { "60.000.5", FALSE }, { "1.5.", FALSE },
  };

  if (ml_test_use_locale ("de_DE.UTF-8"))
    test_money_check (cases, G_N_ELEMENTS (cases));
  setlocale (LC_ALL, "C.UTF-8");
}

/* French groups with U+202F NARROW NO-BREAK SPACE and writes a decimal comma; a space or a
 * no-break space typed instead is read too, and so is the C form. */
static void
test_parse_french (void)
{
  const Case cases[] = {
    { "60\u202f000,5", TRUE, 60000.5 }, { "60 000,5", TRUE, 60000.5 }, { "60\u00a0000,5", TRUE, 60000.5 },
    { "60000,5", TRUE, 60000.5 }, { "1,5", TRUE, 1.5 }, { "60000.5", TRUE, 60000.5 },
    { "60 00,5", FALSE }, { "1,5,0", FALSE }, { "60.000,5", FALSE },
  };

  if (ml_test_use_locale ("fr_FR.UTF-8"))
    test_money_check (cases, G_N_ELEMENTS (cases));
  setlocale (LC_ALL, "C.UTF-8");
}

/* ar_EG writes "60,000.5" with European digits; Arabic-Indic digits (and the Arabic decimal
 * and thousands separators U+066B and U+066C) typed on an Arabic keyboard are read too, as are
 * Eastern Arabic-Indic ones; "1,5" is refused as in English. */
static void
test_parse_arabic (void)
{
  const Case cases[] = {
    { "60,000.5", TRUE, 60000.5 }, { "60000.5", TRUE, 60000.5 }, { "٦٠٠٠٠", TRUE, 60000 },
    { "٦٠٬٠٠٠٫٥", TRUE, 60000.5 }, { "۱۲۳", TRUE, 123 }, { "−٣٠٠", TRUE, -300 },
    { "1,5", FALSE }, { "٦٠٬٠٠", FALSE },
  };

  if (ml_test_use_locale ("ar_EG.UTF-8"))
    test_money_check (cases, G_N_ELEMENTS (cases));
  setlocale (LC_ALL, "C.UTF-8");
}

/* Every amount, price and percentage in the locale's own separators. */
static void
test_format_locales (void)
{
  const struct {
    const char *locale, *price, *usdt, *percent, *speed;
  } cases[] = {
    { "en_US.UTF-8", "60,000.0", "\u2068\u22121,234.50\u00a0USDT\u2069", "\u206812.50\u00a0%\u2069", "\u20680.5×\u2069" },
    { "de_DE.UTF-8", "60.000,0", "\u2068\u22121.234,50\u00a0USDT\u2069", "\u206812,50\u00a0%\u2069", "\u20680,5×\u2069" },
    { "fr_FR.UTF-8", "60\u202f000,0", "\u2068\u22121\u202f234,50\u00a0USDT\u2069", "\u206812,50\u00a0%\u2069", "\u20680,5×\u2069" },
    { "ar_EG.UTF-8", "60,000.0", "\u2068\u22121,234.50\u00a0USDT\u2069", "\u206812.50\u00a0%\u2069", "\u20680.5×\u2069" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (!ml_test_use_locale (cases[i].locale))
        break;
      test_money_assert_format (ml_money_format_price (60000), cases[i].price);
      test_money_assert_format (ml_money_format_usdt (-1234.5), cases[i].usdt);
      test_money_assert_format (ml_money_format_percent (0.125), cases[i].percent);
      test_money_assert_format (ml_money_format_times (0.5), cases[i].speed);
    }
  setlocale (LC_ALL, "C.UTF-8");
}

/* What the app shows, the app reads back: to the display's precision. */
static void
test_round_trip (void)
{
  const double prices[] = { 0.1, 57228.9156626506, 60000, 99999999.95 };
  const char *locales[] = { "C.UTF-8", "en_US.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "ar_EG.UTF-8" };

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

/* Shown as typeset text is: the true minus sign, a no-break space before every unit and "%"
 * (so that no unit stands alone on a line). In the C locale: no grouping. */
static void
test_typeset (void)
{
  double back;

  test_money_assert_format (ml_money_format_usdt (-0.001), "\u20680.00\u00a0USDT\u2069");
  test_money_assert_format (ml_money_format_btc (0.1), "\u20680.1000\u00a0BTC\u2069");
  test_money_assert_format (ml_money_format_price (57228.9156), "57228.9");
  /* What is shown can be typed back, or copied from a label with its isolation marks. */
  g_assert_true (ml_money_parse ("\u2212300.00", &back));
  g_assert_cmpfloat (back, ==, -300);
  g_assert_true (ml_money_parse ("\u2068\u2212300.00\u2069", &back));
  g_assert_cmpfloat (back, ==, -300);
  g_assert_true (ml_money_parse ("\u200f60000.5\u200e", &back));
  g_assert_cmpfloat (back, ==, 60000.5);
}

/* Right to left, a number with a unit or a sign is one block, FSI U+2068 … PDI U+2069, so that
 * "USDT", "%" and "×" stay on the right of their numbers and the minus sign on the left; each
 * is isolated once, and a sentence made of them isolates nothing again. A price alone is not:
 * unsigned digits keep their order in any text. */
static void
test_isolation (void)
{
  char *shown[] = {
    ml_money_format_usdt (-300), ml_money_format_btc (0.1), ml_money_format_percent (-0.0462),
    ml_money_format_leverage (125), ml_money_format_times (2), ml_money_format_price_usdt (0.1),
  };
  const char *expected[] = {
    "\u2068\u2212300.00\u00a0USDT\u2069", "\u20680.1000\u00a0BTC\u2069", "\u2068\u22124.62\u00a0%\u2069",
    "\u2068125×\u2069", "\u20682×\u2069", "\u20680.1\u00a0USDT\u2069",
  };
  g_autofree char *price = ml_money_format_price (60000);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_assert_cmpstr (shown[i], ==, expected[i]);
      /* Exactly one isolate: opened first, closed last, none inside, no older LRI. */
      g_assert_null (strstr (shown[i] + strlen ("\u2068"), "\u2068"));
      g_assert_null (strstr (shown[i], "\u2066"));
      g_assert_true (g_str_has_suffix (shown[i], "\u2069"));
      g_free (shown[i]);
    }
  g_assert_cmpstr (price, ==, "60000.0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/c", test_parse_c);
  g_test_add_func ("/money/parse/english", test_parse_english);
  g_test_add_func ("/money/parse/german", test_parse_german);
  g_test_add_func ("/money/parse/french", test_parse_french);
  g_test_add_func ("/money/parse/arabic", test_parse_arabic);
  g_test_add_func ("/money/format/locales", test_format_locales);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/rounding", test_rounding);
  g_test_add_func ("/money/typeset", test_typeset);
  g_test_add_func ("/money/isolation", test_isolation);
  return g_test_run ();
}
