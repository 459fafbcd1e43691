/* ml-test-util.h — assertions shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <locale.h>
#include <math.h>
#include <glib.h>

#include "margin-lab-core.h"

/* Relative closeness, with an absolute floor for values near zero. The expected numbers come
 * from margin-model.md's worked examples, never from the code under test. */
#define ml_assert_close(actual, expected, relative) \
  G_STMT_START { \
    double _a = (actual), _e = (expected); \
    double _tol = (relative) * MAX (1.0, fabs (_e)); \
    if (!(fabs (_a - _e) <= _tol)) \
      g_error ("%s:%d: %s = %.17g, expected %.17g (±%.3g)", __FILE__, __LINE__, \
               #actual, _a, _e, _tol); \
  } G_STMT_END

#define ML_EXACT 1e-9

/* Switches to the locale @name (all categories). One missing on a developer's machine skips the
 * test; under build-aux/test.sh or CI, which generate the locales (ML_TEST_LOCALES in
 * build-aux/deps.sh), it fails, naming the locale. */
static inline gboolean
ml_test_use_locale (const char *name)
{
  g_autofree char *missing = NULL;

  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;
  missing = g_strdup_printf ("the machine does not have the %s locale (build-aux/test.sh generates it)", name);
  if (g_getenv ("CI") != NULL || g_getenv ("ML_TEST_REQUIRE_LOCALES") != NULL)
    g_error ("%s", missing);
  g_test_skip (missing);
  return FALSE;
}

/* A path to a file in tests/data/. */
static inline char *
ml_test_data (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Opens an order at its price with the initial margin; the order must be accepted. */
static inline MlPosition *
ml_test_open (MlAccount    *account,
              MlSide        side,
              MlMarginMode  mode,
              double        quantity,
              double        price,
              guint         leverage)
{
  g_autoptr(GError) error = NULL;
  MlOrder order = { NULL, side, mode, quantity, price, leverage, 0 };
  MlPosition *position = ml_account_open_position (account, &order, &error);

  g_assert_no_error (error);
  return position;
}
