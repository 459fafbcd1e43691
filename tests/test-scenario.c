/* test-scenario.c — scenario files and the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "margin-lab-core.h"
#include "ml-test-util.h"

static char *
test_scenario_example (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", name, NULL);
}

static MlScenario *
test_scenario_load (const char *name)
{
  g_autofree char *path = test_scenario_example (name);
  g_autoptr(GError) error = NULL;
  MlScenario *scenario = ml_scenario_new_from_file (path, &error);

  g_assert_no_error (error);
  return scenario;
}

static void
test_load_design_example (void)
{
  g_autoptr(MlScenario) scenario = test_scenario_load ("same-long-two-modes.mlscenario");
  MlAccount *account = ml_scenario_get_account (scenario);
  MlPosition *a = ml_account_find_position (account, "a");
  MlPosition *b = ml_account_find_position (account, "b");
  gsize n;

  g_assert_cmpstr (ml_scenario_get_title (scenario), ==, "Same long, two modes");
  g_assert_cmpfloat (ml_account_get_wallet_balance (account), ==, 1000);
  g_assert_cmpint (ml_position_get_side (a), ==, ML_SIDE_LONG);
  g_assert_cmpint (ml_position_get_mode (b), ==, ML_MARGIN_MODE_CROSS);
  ml_assert_close (ml_position_get_liquidation_price (a), 57228.9156626506, ML_EXACT);
  ml_assert_close (ml_position_get_bankruptcy_price (a), 57000, ML_EXACT);
  /* Cross short: (WBc + Q·E) / (Q·(1 + MMR)) with WBc = 700 */
  ml_assert_close (ml_position_get_liquidation_price (b), 3800.0 / 0.0502, ML_EXACT);
  ml_assert_close (ml_position_get_bankruptcy_price (b), 76000, ML_EXACT);
  ml_assert_close (ml_position_get_remaining_collateral (b), 800, ML_EXACT);
  g_assert_nonnull (ml_scenario_get_what_if (scenario, &n));
  g_assert_cmpuint (n, ==, 2);
  ml_scenario_get_path (scenario, &n);
  g_assert_cmpuint (n, ==, 3);
}

static void
test_scenario_assert_round_trip (MlScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  first = ml_scenario_to_data (scenario, &length);
  again = ml_scenario_new_from_data (first, length, "saved", &error);
  g_assert_no_error (error);
  second = ml_scenario_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_round_trip (void)
{
  const char *names[] = { "same-long-two-modes.mlscenario", "hedged-cross-pool.mlscenario" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MlScenario) scenario = test_scenario_load (names[i]);
      test_scenario_assert_round_trip (scenario);
    }
}

static void
test_round_trip_tables_and_awkward_numbers (void)
{
  const char *data =
    "{\"margin-lab-scenario\": 1, \"title\": \"Ünïcode \\\"quoted\\\" back\\\\slash\", \"wallet_balance\": 5234.56789,"
    " \"mark_price\": 60000.1, \"fees\": {\"taker\": 0.0004, \"maker\": 0.0001, \"charge\": true},"
    " \"maintenance\": {\"brackets\": [{\"cap\": 50000, \"rate\": 0.004, \"amount\": 0, \"max_leverage\": 125},"
    "   {\"cap\": 1e7, \"rate\": 0.01, \"amount\": 300, \"max_leverage\": 20}]},"
    " \"positions\": [{\"id\": \"x\", \"side\": \"short\", \"mode\": \"isolated\", \"quantity\": 0.3,"
    "   \"entry_price\": 60123.456, \"leverage\": 7, \"margin\": 2600.3333333333335}],"
    " \"what_if\": [0.1, 123456.7], \"path\": [0.15, 59999.9]}";
  const char *flat =
    "{\"margin-lab-scenario\": 1, \"wallet_balance\": 100, \"mark_price\": 10,"
    " \"maintenance\": {\"rate\": 0.01, \"amount\": 0.01}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (data, -1, "inline", &error);
  g_autoptr(MlScenario) flat_scenario = NULL;

  g_assert_no_error (error);
  test_scenario_assert_round_trip (scenario);
  flat_scenario = ml_scenario_new_from_data (flat, -1, "inline", &error);
  g_assert_no_error (error);
  test_scenario_assert_round_trip (flat_scenario);
}

/* Files stay C-locale JSON whatever the user's locale: "60000.5", never German "60000,5". */
static void
test_save_in_german (void)
{
  g_autoptr(MlAccount) account = ml_account_new (NULL, 1000, 60000.5);
  g_autoptr(MlScenario) scenario = ml_scenario_new (account);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "german.mlscenario", NULL);
  g_autofree char *contents = NULL;
  gboolean saved;

  g_assert_no_error (error);
  if (!ml_test_use_locale ("de_DE.UTF-8"))
    return;
  saved = ml_scenario_save (scenario, path, &error);
  setlocale (LC_ALL, "C.UTF-8");
  g_assert_no_error (error);
  g_assert_true (saved);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_test_message ("%s", contents);
  g_assert_nonnull (strstr (contents, "\"mark_price\": 60000.5"));
  g_assert_null (strstr (contents, "60000,5"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_is_atomic (void)
{
  g_autoptr(MlScenario) scenario = test_scenario_load ("same-long-two-modes.mlscenario");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.mlscenario", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir.mlscenario", NULL);
  g_autofree char *expected = ml_scenario_to_data (scenario, NULL);
  g_autofree char *contents = NULL;
  GDir *listing;
  guint n_files = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_true (ml_scenario_save (scenario, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  g_assert_false (ml_scenario_save (scenario, missing, &error));
  g_assert_nonnull (error);

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_dir_close (listing);
  g_assert_cmpuint (n_files, ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

static guint
test_scenario_count_files (const char *dir)
{
  GDir *listing = g_dir_open (dir, 0, NULL);
  guint n_files = 0;

  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_dir_close (listing);
  return n_files;
}

/* Saving over a link writes the file at its end, through a chain of links, one of them
 * relative; every link stays a link, and the file keeps its mode. */
static void
test_save_through_link (void)
{
  g_autoptr(MlScenario) scenario = test_scenario_load ("same-long-two-modes.mlscenario");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-XXXXXX", &error);
  g_autofree char *real = g_build_filename (dir, "real.mlscenario", NULL);
  g_autofree char *link = g_build_filename (dir, "link.mlscenario", NULL);
  g_autofree char *outer = g_build_filename (dir, "outer.mlscenario", NULL);
  g_autofree char *expected = ml_scenario_to_data (scenario, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (real, "old contents", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  g_assert_cmpint (symlink ("real.mlscenario", link), ==, 0);
  g_assert_cmpint (symlink (link, outer), ==, 0);

  g_assert_true (ml_scenario_save (scenario, outer, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (outer, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.mlscenario");
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpint (g_lstat (real, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (test_scenario_count_files (dir), ==, 3);

  g_remove (outer);
  g_remove (link);
  g_remove (real);
  g_rmdir (dir);
}

/* An error names the file the learner chose, once, and never the temporary one; the dialog's
 * words for it keep only the base name. */
static void
test_save_errors (void)
{
  g_autoptr(MlScenario) scenario = test_scenario_load ("same-long-two-modes.mlscenario");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) folder_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("margin-lab-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "x.mlscenario", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.mlscenario", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: cannot be saved in its folder: %s", missing, g_strerror (ENOENT));
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  g_assert_false (ml_scenario_save (scenario, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);
  described = ml_scenario_describe_error (error, missing);
  g_assert_true (g_str_has_prefix (described, "“x.mlscenario” cannot be saved in its folder: "));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (ml_scenario_save (scenario, folder, &folder_error));
  g_assert_error (folder_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_str_has_suffix (folder_error->message, "folder.mlscenario: cannot be saved: it is a folder"));
  g_assert_cmpuint (test_scenario_count_files (dir), ==, 1);

  g_rmdir (folder);
  g_rmdir (dir);
}

static JsonObject *
test_scenario_report (MlScenario *scenario,
                      JsonParser *parser)
{
  g_autofree char *report = ml_scenario_build_report (scenario, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, report, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_report (void)
{
  g_autoptr(MlScenario) scenario = test_scenario_load ("same-long-two-modes.mlscenario");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *report = test_scenario_report (scenario, parser);
  JsonObject *account = json_object_get_object_member (report, "account");
  JsonArray *positions = json_object_get_array_member (report, "positions");
  JsonObject *a = json_array_get_object_element (positions, 0);
  JsonObject *b = json_array_get_object_element (positions, 1);
  JsonArray *path = json_object_get_array_member (report, "path");
  JsonObject *step, *event;

  g_assert_cmpint (json_object_get_int_member (report, "margin-lab-report"), ==, 1);
  ml_assert_close (json_object_get_double_member (account, "cross_wallet_balance"), 700, ML_EXACT);
  ml_assert_close (json_object_get_double_member (account, "cross_pool"), 800, ML_EXACT);
  ml_assert_close (json_object_get_double_member (account, "equity"), 1100, ML_EXACT);
  ml_assert_close (json_object_get_double_member (account, "available_balance"), 800 - 310, ML_EXACT);
  ml_assert_close (json_object_get_double_member (account, "cross_margin_ratio"), 12.0 / 800, ML_EXACT);

  g_assert_cmpint (json_object_get_int_member (a, "contracts"), ==, 1000);
  ml_assert_close (json_object_get_double_member (a, "liquidation_price"), 57228.9156626506, ML_EXACT);
  ml_assert_close (json_object_get_double_member (a, "maintenance_margin"), 24, ML_EXACT);
  g_assert_true (json_object_get_null_member (b, "margin"));
  g_assert_true (json_object_get_null_member (b, "max_removable_margin"));
  ml_assert_close (json_object_get_double_member (b, "roe"), 100.0 / 310, ML_EXACT);

  /* Path 59,000 → 57,000: the isolated long dies at its liquidation price, not the step's. */
  step = json_array_get_object_element (path, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (step, "events")), ==, 1);
  event = json_array_get_object_element (json_object_get_array_member (step, "events"), 0);
  g_assert_cmpstr (json_object_get_string_member (event, "id"), ==, "a");
  g_assert_cmpstr (json_object_get_string_member (event, "event"), ==, "liquidated");
  ml_assert_close (json_object_get_double_member (event, "price"), 57228.9156626506, ML_EXACT);
  ml_assert_close (json_object_get_double_member (step, "equity"), 700 + 0.05 * 5000, ML_EXACT);

  /* Sticky: back at 61,000 the long stays liquidated. */
  step = json_array_get_object_element (path, 2);
  g_assert_true (json_object_get_boolean_member (
    json_array_get_object_element (json_object_get_array_member (step, "positions"), 0), "liquidated"));

  /* The report leaves the scenario as it was. */
  g_assert_cmpfloat (ml_account_get_mark_price (ml_scenario_get_account (scenario)), ==, 60000);
  g_assert_false (ml_position_get_liquidated (ml_account_find_position (ml_scenario_get_account (scenario), "a")));
}

static void
test_report_nulls_without_cross (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (
    "{\"margin-lab-scenario\": 1, \"wallet_balance\": 100, \"mark_price\": 60000}", -1, "x", &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *account;

  g_assert_no_error (error);
  account = json_object_get_object_member (test_scenario_report (scenario, parser), "account");
  g_assert_true (json_object_get_null_member (account, "cross_margin_ratio"));
  g_assert_true (json_object_get_null_member (account, "cross_liquidation_price"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/load-design-example", test_load_design_example);
  g_test_add_func ("/scenario/round-trip", test_round_trip);
  g_test_add_func ("/scenario/round-trip-tables-and-awkward-numbers", test_round_trip_tables_and_awkward_numbers);
  g_test_add_func ("/scenario/save-is-atomic", test_save_is_atomic);
  g_test_add_func ("/scenario/save-in-german", test_save_in_german);
  g_test_add_func ("/scenario/save-through-link", test_save_through_link);
  g_test_add_func ("/scenario/save-errors", test_save_errors);
  g_test_add_func ("/scenario/report", test_report);
  g_test_add_func ("/scenario/report-nulls-without-cross", test_report_nulls_without_cross);

  return g_test_run ();
}
