/* test-lab.c — the lab's state with no window: undo, redo, the price path, unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ml-test-util.h"

/* margin-model.md's isolated long: 0.1 BTC at 60,000, 20x, W = 300, liquidated at
 * 57,228.9156626506 and bankrupt at 57,000. The path passes its liquidation price. */
static const char example[] =
  "{ \"margin-lab-scenario\": 1, \"title\": \"Example\", \"wallet_balance\": 1000,"
  "  \"mark_price\": 60000,"
  "  \"positions\": [ { \"id\": \"a\", \"side\": \"long\", \"mode\": \"isolated\","
  "                   \"quantity\": 0.1, \"entry_price\": 60000, \"leverage\": 20 } ],"
  "  \"path\": [ 59000, 57000, 61000 ] }";

#define EXAMPLE_LP 57228.9156626506

static MlLab *
test_lab_new_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (example, -1, "example", &error);
  MlLab *lab = ml_lab_new ();

  g_assert_no_error (error);
  ml_lab_set_scenario (lab, scenario, NULL);
  return lab;
}

static guint
test_lab_n_positions (MlLab *lab)
{
  return g_list_model_get_n_items (ml_account_get_positions (ml_lab_get_account (lab)));
}

static void
test_lab_fresh (void)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  MlAccount *account = ml_lab_get_account (lab);

  g_assert_cmpfloat (ml_account_get_wallet_balance (account), ==, 1000);
  g_assert_cmpfloat (ml_account_get_mark_price (account), ==, 60000);
  g_assert_false (ml_lab_get_dirty (lab));
  g_assert_false (ml_lab_get_can_undo (lab));
  g_assert_null (ml_lab_dup_title (lab));
  g_assert_cmpuint (ml_lab_get_path_length (lab), ==, 0);
  g_assert_false (ml_lab_step_path (lab, ML_LAB_STEP_NEW, NULL));
}

static void
test_lab_undo_redo (void)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  MlOrder order = { NULL, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20, 0 };
  g_autoptr(GError) error = NULL;
  MlPosition *position;

  position = ml_lab_open_position (lab, &order, &error);
  g_assert_no_error (error);
  g_assert_nonnull (position);
  ml_assert_close (ml_position_get_liquidation_price (position), EXAMPLE_LP, ML_EXACT);
  g_assert_true (ml_lab_get_dirty (lab));
  g_assert_true (ml_lab_get_can_undo (lab));

  g_assert_true (ml_lab_add_margin (lab, ml_position_get_id (position), 100, &error));
  g_assert_no_error (error);
  ml_assert_close (ml_position_get_margin (ml_account_find_position (ml_lab_get_account (lab), "p1")), 400, ML_EXACT);

  /* Undone twice: no position, nothing unsaved; redone once: the position with W = 300. */
  g_assert_true (ml_lab_undo (lab));
  g_assert_true (ml_lab_undo (lab));
  g_assert_false (ml_lab_undo (lab));
  g_assert_cmpuint (test_lab_n_positions (lab), ==, 0);
  g_assert_false (ml_lab_get_dirty (lab));
  g_assert_true (ml_lab_redo (lab));
  g_assert_cmpuint (test_lab_n_positions (lab), ==, 1);
  ml_assert_close (ml_position_get_margin (ml_account_find_position (ml_lab_get_account (lab), "p1")), 300, ML_EXACT);
  g_assert_true (ml_lab_get_can_redo (lab));

  /* A new change forgets what could be redone. */
  g_assert_true (ml_lab_close_position (lab, "p1", &error));
  g_assert_false (ml_lab_get_can_redo (lab));
  g_assert_cmpuint (test_lab_n_positions (lab), ==, 0);
}

static void
test_lab_count (guint *count)
{
  (*count)++;
}

static void
test_lab_refusal_changes_nothing (void)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  /* 1 BTC at 60,000 and 10x needs 6,000 USDT of margin; the lab has 1,000. */
  MlOrder order = { NULL, ML_SIDE_LONG, ML_MARGIN_MODE_CROSS, 1, 60000, 10, 0 };
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect_swapped (lab, "changed", G_CALLBACK (test_lab_count), &changes);

  g_assert_null (ml_lab_open_position (lab, &order, &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (ml_lab_close_position (lab, "nobody", &error));
  g_assert_error (error, ML_ERROR, ML_ERROR_REFUSED);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_false (ml_lab_get_dirty (lab));
  g_assert_false (ml_lab_get_can_undo (lab));
}

/* A drag is one undo step: the moves that join it do not push states of their own. */
static void
test_lab_mark_drag_is_one_step (void)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  MlAccount *account;

  g_assert_true (ml_lab_move_mark (lab, 59000, ML_LAB_STEP_NEW, NULL));
  g_assert_true (ml_lab_move_mark (lab, 58000, ML_LAB_STEP_JOIN, NULL));
  g_assert_true (ml_lab_move_mark (lab, 57000, ML_LAB_STEP_JOIN, NULL));
  account = ml_lab_get_account (lab);
  g_assert_cmpfloat (ml_account_get_mark_price (account), ==, 57000);

  g_assert_true (ml_lab_undo (lab));
  g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (lab)), ==, 60000);
  g_assert_false (ml_lab_get_can_undo (lab));

  /* A JOIN after another kind of change starts a step of its own. */
  g_assert_true (ml_lab_redo (lab));
  g_assert_true (ml_lab_move_mark (lab, 61000, ML_LAB_STEP_JOIN, NULL));
  g_assert_true (ml_lab_undo (lab));
  g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (lab)), ==, 57000);
}

typedef struct
{
  MlLab   *lab;
  GString *log;
} SignalLog;

static void
test_lab_log_changed (SignalLog *log)
{
  MlAccount *account = ml_lab_get_account (log->lab);

  g_string_append_printf (log->log, "changed(mark %.1f, step %u) ",
                          ml_account_get_mark_price (account), ml_lab_get_path_position (log->lab));
}

/* A handler of "liquidated" finds every number current: the mark already at the step's price,
 * the position already liquidated and its collateral 0. */
static void
test_lab_log_liquidated (SignalLog  *log,
                         MlPosition *position,
                         double      price)
{
  MlAccount *account = ml_lab_get_account (log->lab);

  g_assert_true (ml_position_get_liquidated (position));
  g_assert_cmpfloat (ml_position_get_remaining_collateral (position), ==, 0);
  ml_assert_close (price, EXAMPLE_LP, ML_EXACT);
  g_string_append_printf (log->log, "liquidated(%s, mark %.1f) ",
                          ml_position_get_id (position), ml_account_get_mark_price (account));
}

static void
test_lab_path_steps_and_signals (void)
{
  g_autoptr(MlLab) lab = test_lab_new_example ();
  g_autoptr(GString) text = g_string_new (NULL);
  SignalLog log = { lab, text };

  g_signal_connect_swapped (lab, "changed", G_CALLBACK (test_lab_log_changed), &log);
  g_signal_connect_swapped (lab, "liquidated", G_CALLBACK (test_lab_log_liquidated), &log);
  g_assert_cmpuint (ml_lab_get_path_length (lab), ==, 3);

  g_assert_true (ml_lab_step_path (lab, ML_LAB_STEP_NEW, NULL));
  g_assert_true (ml_lab_step_path (lab, ML_LAB_STEP_NEW, NULL));
  g_assert_cmpstr (text->str, ==, "changed(mark 59000.0, step 1) "
                                  "changed(mark 57000.0, step 2) liquidated(a, mark 57000.0) ");
  g_assert_true (ml_lab_step_path (lab, ML_LAB_STEP_NEW, NULL));
  g_assert_cmpuint (ml_lab_get_path_position (lab), ==, 3);

  /* Liquidation is sticky: at 61,000 the position stays liquidated. */
  g_assert_true (ml_position_get_liquidated (ml_account_find_position (ml_lab_get_account (lab), "a")));

  /* Undo takes the step counter back with the state. */
  g_assert_true (ml_lab_undo (lab));
  g_assert_cmpuint (ml_lab_get_path_position (lab), ==, 2);
  g_assert_true (ml_lab_undo (lab));
  g_assert_cmpuint (ml_lab_get_path_position (lab), ==, 1);
  g_assert_false (ml_position_get_liquidated (ml_account_find_position (ml_lab_get_account (lab), "a")));
}

/* At the end of the path the next step goes back to the scenario as it was opened. */
static void
test_lab_path_restarts (void)
{
  g_autoptr(MlLab) lab = test_lab_new_example ();
  MlPosition *a;

  for (guint i = 0; i < 3; i++)
    g_assert_true (ml_lab_step_path (lab, ML_LAB_STEP_JOIN, NULL));
  g_assert_cmpuint (ml_lab_get_path_position (lab), ==, 3);

  g_assert_true (ml_lab_step_path (lab, ML_LAB_STEP_NEW, NULL));
  g_assert_cmpuint (ml_lab_get_path_position (lab), ==, 0);
  a = ml_account_find_position (ml_lab_get_account (lab), "a");
  g_assert_false (ml_position_get_liquidated (a));
  g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (lab)), ==, 60000);
  /* The scenario itself was never touched by the run. */
  g_assert_false (ml_position_get_liquidated (ml_account_find_position (ml_scenario_get_account (ml_lab_get_scenario (lab)), "a")));

  /* One run of Play (JOIN steps) and the restart are two undo steps. */
  g_assert_true (ml_lab_undo (lab));
  g_assert_cmpuint (ml_lab_get_path_position (lab), ==, 3);
  g_assert_true (ml_lab_undo (lab));
  g_assert_cmpuint (ml_lab_get_path_position (lab), ==, 0);
  g_assert_false (ml_lab_get_can_undo (lab));
  g_assert_false (ml_lab_get_dirty (lab));
}

static void
test_lab_dirty_and_files (void)
{
  g_autoptr(MlLab) lab = test_lab_new_example ();
  g_autofree char *dir = g_dir_make_tmp ("ml-lab-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.mlscenario", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/nothing.mlscenario");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint dirty_notifies = 0, starts = 0;

  g_signal_connect_swapped (lab, "notify::dirty", G_CALLBACK (test_lab_count), &dirty_notifies);
  g_signal_connect_swapped (lab, "started", G_CALLBACK (test_lab_count), &starts);
  g_assert_false (ml_lab_get_dirty (lab));
  g_assert_true (ml_lab_move_mark (lab, 59000, ML_LAB_STEP_NEW, NULL));
  g_assert_true (ml_lab_get_dirty (lab));
  g_assert_true (ml_lab_move_mark (lab, 58000, ML_LAB_STEP_NEW, NULL));
  g_assert_cmpuint (dirty_notifies, ==, 1);

  g_assert_true (ml_lab_save_file (lab, file, &error));
  g_assert_no_error (error);
  g_assert_false (ml_lab_get_dirty (lab));
  g_assert_cmpuint (dirty_notifies, ==, 2);
  g_assert_true (ml_lab_get_file (lab) == file);
  /* Saving is not a fresh start: the views keep their zoom and playback. */
  g_assert_cmpuint (starts, ==, 0);

  /* Undo past the save: unsaved again; redo back to it: saved. */
  g_assert_true (ml_lab_undo (lab));
  g_assert_true (ml_lab_get_dirty (lab));
  g_assert_true (ml_lab_redo (lab));
  g_assert_false (ml_lab_get_dirty (lab));

  /* The file holds the lab: opened again, the mark is 58,000 and the title is kept. */
  g_assert_true (ml_lab_open_file (lab, file, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (lab)), ==, 58000);
  title = ml_lab_dup_title (lab);
  g_assert_cmpstr (title, ==, "Example");
  g_assert_false (ml_lab_get_can_undo (lab));
  g_assert_cmpuint (starts, ==, 1);

  /* A file that cannot be opened leaves the lab as it was. */
  g_assert_false (ml_lab_open_file (lab, missing, &error));
  g_assert_nonnull (error);
  g_assert_true (ml_lab_get_file (lab) != missing);
  g_assert_cmpfloat (ml_account_get_mark_price (ml_lab_get_account (lab)), ==, 58000);

  ml_lab_reset (lab);
  g_assert_cmpuint (starts, ==, 2);
  g_assert_null (ml_lab_get_file (lab));
  g_assert_cmpuint (ml_lab_get_path_length (lab), ==, 0);
  g_assert_cmpuint (test_lab_n_positions (lab), ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

/* margin-model.md: "fee | notional 6,000, taker 0.05 % | 3.00". The worked example's isolated
 * long is that notional: 0.1 BTC at the mark of 60,000, 20x, W = 300. */
static const MlOrder fee_order = { NULL, ML_SIDE_LONG, ML_MARGIN_MODE_ISOLATED, 0.1, 60000, 20, 0 };

static double
test_lab_wallet (MlLab *lab)
{
  return ml_account_get_wallet_balance (ml_lab_get_account (lab));
}

/* A fresh lab starts with the built-in fees (off; taker 0.05 %, maker 0.02 %), as a new account
 * does; each property tells a real change only, and an untouched lab takes it at once: its
 * account is replaced, "changed" is emitted, and it is still not a start nor unsaved. */
static void
test_lab_fresh_fees (void)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  MlAccount *account = ml_lab_get_account (lab);
  guint charge_notifies = 0, taker_notifies = 0, maker_notifies = 0, accounts = 0, changes = 0, starts = 0;

  g_assert_false (ml_lab_get_fresh_charge_fees (lab));
  g_assert_cmpfloat (ml_lab_get_fresh_taker_fee_rate (lab), ==, 0.0005);
  g_assert_cmpfloat (ml_lab_get_fresh_maker_fee_rate (lab), ==, 0.0002);
  g_assert_false (ml_account_get_charge_fees (account));
  g_assert_cmpfloat (ml_account_get_taker_fee_rate (account), ==, 0.0005);
  g_assert_cmpfloat (ml_account_get_maker_fee_rate (account), ==, 0.0002);

  g_signal_connect_swapped (lab, "notify::fresh-charge-fees", G_CALLBACK (test_lab_count), &charge_notifies);
  g_signal_connect_swapped (lab, "notify::fresh-taker-fee-rate", G_CALLBACK (test_lab_count), &taker_notifies);
  g_signal_connect_swapped (lab, "notify::fresh-maker-fee-rate", G_CALLBACK (test_lab_count), &maker_notifies);
  g_signal_connect_swapped (lab, "notify::account", G_CALLBACK (test_lab_count), &accounts);
  g_signal_connect_swapped (lab, "changed", G_CALLBACK (test_lab_count), &changes);
  g_signal_connect_swapped (lab, "started", G_CALLBACK (test_lab_count), &starts);

  g_object_set (lab, "fresh-charge-fees", TRUE, NULL);
  g_object_set (lab, "fresh-charge-fees", TRUE, NULL);
  g_object_set (lab, "fresh-taker-fee-rate", 0.001, NULL);
  g_object_set (lab, "fresh-taker-fee-rate", 0.001, NULL);
  g_object_set (lab, "fresh-maker-fee-rate", 0.0002, NULL);
  g_assert_cmpuint (charge_notifies, ==, 1);
  g_assert_cmpuint (taker_notifies, ==, 1);
  g_assert_cmpuint (maker_notifies, ==, 0);
  g_assert_cmpuint (accounts, ==, 2);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (starts, ==, 0);
  g_assert_false (ml_lab_get_dirty (lab));
  g_assert_false (ml_lab_get_can_undo (lab));

  account = ml_lab_get_account (lab);
  g_assert_true (ml_account_get_charge_fees (account));
  g_assert_cmpfloat (ml_account_get_taker_fee_rate (account), ==, 0.001);
  g_assert_cmpfloat (ml_account_get_wallet_balance (account), ==, ML_LAB_FRESH_BALANCE);
  g_assert_cmpfloat (ml_account_get_mark_price (account), ==, ML_LAB_FRESH_MARK_PRICE);

  /* Back to 0.05 %: the order pays margin-model.md's 3.00 from the wallet. */
  ml_lab_set_fresh_taker_fee_rate (lab, 0.0005);
  g_assert_nonnull (ml_lab_open_position (lab, &fee_order, NULL));
  ml_assert_close (test_lab_wallet (lab), 1000 - 3.00, ML_EXACT);
}

/* Once something has been done in the lab, it keeps its fees: a default reaches it at New. A
 * limit order at 59,000 pays the maker rate: 0.1 × 59,000 × 0.02 % = 1.18. */
static void
test_lab_fresh_fees_wait_for_new (void)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  MlOrder limit = fee_order;
  guint accounts = 0, changes = 0;

  limit.price = 59000;
  g_assert_nonnull (ml_lab_open_position (lab, &fee_order, NULL));
  g_signal_connect_swapped (lab, "notify::account", G_CALLBACK (test_lab_count), &accounts);
  g_signal_connect_swapped (lab, "changed", G_CALLBACK (test_lab_count), &changes);
  ml_lab_set_fresh_charge_fees (lab, TRUE);
  g_assert_true (ml_lab_get_fresh_charge_fees (lab));
  g_assert_false (ml_account_get_charge_fees (ml_lab_get_account (lab)));
  g_assert_cmpuint (test_lab_n_positions (lab), ==, 1);

  /* Undone back to the start, nothing is unsaved, but Redo holds the order: still kept. */
  g_assert_true (ml_lab_undo (lab));
  g_assert_false (ml_lab_get_dirty (lab));
  accounts = changes = 0;
  ml_lab_set_fresh_maker_fee_rate (lab, 0.0002 / 2);
  g_assert_cmpuint (accounts, ==, 0);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_false (ml_account_get_charge_fees (ml_lab_get_account (lab)));
  g_assert_true (ml_lab_redo (lab));
  ml_assert_close (test_lab_wallet (lab), 1000, ML_EXACT);

  ml_lab_set_fresh_maker_fee_rate (lab, 0.0002);
  ml_lab_reset (lab);
  g_assert_true (ml_account_get_charge_fees (ml_lab_get_account (lab)));
  g_assert_nonnull (ml_lab_open_position (lab, &limit, NULL));
  ml_assert_close (test_lab_wallet (lab), 1000 - 1.18, ML_EXACT);
}

/* A scenario's fees are its own, whether it names them or not, before and after a default
 * changes; saving a fresh lab makes it a scenario too. */
static void
test_lab_fresh_fees_leave_scenarios (void)
{
  g_autoptr(MlLab) lab = test_lab_new_example ();
  g_autoptr(MlScenario) charged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ml-lab-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fresh.mlscenario", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  ml_lab_set_fresh_charge_fees (lab, TRUE);
  g_assert_false (ml_account_get_charge_fees (ml_lab_get_account (lab)));

  charged = ml_scenario_new_from_data ("{ \"margin-lab-scenario\": 1, \"wallet_balance\": 1000,"
                                       "  \"mark_price\": 60000,"
                                       "  \"fees\": { \"taker\": 0.0004, \"maker\": 0.0001, \"charge\": true } }",
                                       -1, "charged", &error);
  g_assert_no_error (error);
  ml_lab_set_scenario (lab, charged, NULL);
  ml_lab_set_fresh_charge_fees (lab, FALSE);
  ml_lab_set_fresh_taker_fee_rate (lab, 0.001);
  g_assert_true (ml_account_get_charge_fees (ml_lab_get_account (lab)));
  g_assert_cmpfloat (ml_account_get_taker_fee_rate (ml_lab_get_account (lab)), ==, 0.0004);

  ml_lab_reset (lab);
  g_assert_true (ml_lab_save_file (lab, file, &error));
  g_assert_no_error (error);
  ml_lab_set_fresh_charge_fees (lab, TRUE);
  g_assert_false (ml_account_get_charge_fees (ml_lab_get_account (lab)));

  g_unlink (path);
  g_rmdir (dir);
}

/* Undo puts another account in: "notify::account" says so, and the old one is not leaked. */
static void
test_lab_account_replaced (void)
{
  g_autoptr(MlLab) lab = ml_lab_new ();
  guint notifies = 0;

  g_signal_connect_swapped (lab, "notify::account", G_CALLBACK (test_lab_count), &notifies);
  g_assert_true (ml_lab_move_mark (lab, 59000, ML_LAB_STEP_NEW, NULL));
  g_assert_cmpuint (notifies, ==, 0);
  g_assert_true (ml_lab_undo (lab));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (ml_lab_redo (lab));
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&lab));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lab/fresh", test_lab_fresh);
  g_test_add_func ("/lab/undo-redo", test_lab_undo_redo);
  g_test_add_func ("/lab/refusal-changes-nothing", test_lab_refusal_changes_nothing);
  g_test_add_func ("/lab/mark-drag-is-one-step", test_lab_mark_drag_is_one_step);
  g_test_add_func ("/lab/path-steps-and-signals", test_lab_path_steps_and_signals);
  g_test_add_func ("/lab/path-restarts", test_lab_path_restarts);
  g_test_add_func ("/lab/dirty-and-files", test_lab_dirty_and_files);
  g_test_add_func ("/lab/account-replaced", test_lab_account_replaced);
  g_test_add_func ("/lab/fresh-fees", test_lab_fresh_fees);
  g_test_add_func ("/lab/fresh-fees/wait-for-new", test_lab_fresh_fees_wait_for_new);
  g_test_add_func ("/lab/fresh-fees/leave-scenarios", test_lab_fresh_fees_leave_scenarios);

  return g_test_run ();
}
