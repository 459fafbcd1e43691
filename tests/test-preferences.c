/* test-preferences.c — the Preferences: the fees Free Practice and new labs start with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The learner opens Preferences from the main menu, switches fees on, types the rates and
 * presses Enter, as they would; the settings then hold the fractions, and a fresh lab places
 * an order whose preview and position show the fee, read from the labels the learner sees. A
 * lab with work in it, a scenario and a lesson keep their own fees. Numbers follow
 * margin-model.md: a fee is notional × rate (6,000 at the taker 0.05 % is 3.00), and a cross
 * pool's liquidation price is LPc = (WBc + cum − s·Q·E) / (Q·MMR − s·Q); texts are as the
 * C.UTF-8 locale shows them.
 */

#include "config.h"

#include <locale.h>
#include <adwaita.h>

#include "ml-application.h"
#include "ml-explain-button.h"
#include "ml-preferences-window.h"
#include "ml-test-util.h"
#include "ml-test-window.h"

/* One application for the whole run: the session bus keeps the first one's object path. */
static MlApplication *app;

static GSettings *
test_preferences_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  /* Each test starts where a first start does. */
  g_settings_reset (settings, "charge-fees");
  g_settings_reset (settings, "taker-fee-rate");
  g_settings_reset (settings, "maker-fee-rate");
  return settings;
}

static gpointer
test_preferences_child (GtkWidget  *prefs,
                        const char *name)
{
  gpointer child = gtk_widget_get_template_child (prefs, ML_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
test_preferences_find_window (void)
{
  return (GtkWidget *)ml_test_find_toplevel (ML_TYPE_PREFERENCES_WINDOW, TRUE);
}

/* The lab window of a first start, in Free Practice, in the application. */
static MlWindow *
test_preferences_new_lab (void)
{
  MlWindow *window = ml_test_window_new ();

  gtk_application_add_window (GTK_APPLICATION (app), GTK_WINDOW (window));
  ml_test_window_free_practice (window);
  return window;
}

/* Opens Preferences from the main menu, as the learner does. */
static GtkWidget *
test_preferences_open (MlWindow *window)
{
  GtkWidget *prefs;

  ml_test_window_click_menu_item (window, "Preferences");
  prefs = test_preferences_find_window ();
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (prefs)));
  return prefs;
}

static void
test_preferences_close (GtkWidget *prefs)
{
  gtk_window_close (GTK_WINDOW (prefs));
  ml_test_flush ();
  g_assert_null (test_preferences_find_window ());
}

/* Types @text into a rate's spin button and presses Enter. */
static void
test_preferences_enter (GtkWidget  *prefs,
                        const char *spin,
                        const char *text)
{
  gpointer button = test_preferences_child (prefs, spin);

  ml_test_type (button, text);
  ml_test_press_enter (button);
}

/* The row the switch is on: what a learner clicks, or moves to and presses Space on. */
static GtkWidget *
test_preferences_charge_row (GtkWidget *prefs)
{
  return gtk_widget_get_ancestor (test_preferences_child (prefs, "charge_switch"), ADW_TYPE_ACTION_ROW);
}

static const char *
test_preferences_text (GtkWidget  *prefs,
                       const char *spin)
{
  return gtk_editable_get_text (test_preferences_child (prefs, spin));
}

/* The worked example's size and leverage, typed into the order panel: 0.1 BTC at the mark of
 * 60,000, 20x, cross (the panel's first mode): a notional of 6,000. */
static void
test_preferences_type_order (MlWindow *window)
{
  g_assert_true (gtk_toggle_button_get_active (ml_test_window_panel_child (window, "cross_button")));
  ml_test_type (ml_test_window_panel_child (window, "leverage_spin"), "20");
  ml_test_type (ml_test_window_panel_child (window, "size_entry"), "0.1");
}

/* What the preview says placing the order pays, or NULL when it shows no fee. */
static const char *
test_preferences_preview_fee (MlWindow *window)
{
  GtkWidget *fee = ml_test_window_panel_child (window, "fee_value");

  return gtk_widget_get_mapped (fee) ? ml_test_label (fee) : NULL;
}

static const char *
test_preferences_wallet (MlWindow *window)
{
  return ml_explain_button_get_label (ml_test_window_child (window, "wallet_button"));
}

/* The learner has no unsaved work to keep: the window closes without asking. */
static void
test_preferences_discard (MlWindow *window)
{
  ml_lab_reset (ml_window_get_lab (window));
  gtk_window_destroy (GTK_WINDOW (window));
  ml_test_flush ();
}

/* The schema's defaults are the model's and its range is the one the model accepts, so a
 * first start charges as a new account would and no setting can be a rate the model refuses. */
static void
test_schema_matches_model (void)
{
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                                       APP_ID, TRUE);
  const struct { const char *key; double rate; } rates[] = {
    { "taker-fee-rate", ML_DEFAULT_TAKER_FEE_RATE },
    { "maker-fee-rate", ML_DEFAULT_MAKER_FEE_RATE },
  };
  g_autoptr(GSettingsSchemaKey) charge = NULL;
  g_autoptr(GVariant) charge_default = NULL;
  g_autoptr(MlAccount) account = ml_account_new (ml_brackets_get_default (), 1000, 60000);

  g_assert_nonnull (schema);
  charge = g_settings_schema_get_key (schema, "charge-fees");
  charge_default = g_settings_schema_key_get_default_value (charge);
  g_assert_cmpint (g_variant_get_boolean (charge_default), ==, ml_account_get_charge_fees (account));
  g_assert_cmpfloat (ML_DEFAULT_TAKER_FEE_RATE, ==, ml_account_get_taker_fee_rate (account));
  g_assert_cmpfloat (ML_DEFAULT_MAKER_FEE_RATE, ==, ml_account_get_maker_fee_rate (account));
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, rates[i].key);
      g_autoptr(GVariant) value = g_settings_schema_key_get_default_value (key);
      g_autoptr(GVariant) zero = g_variant_ref_sink (g_variant_new_double (0));
      g_autoptr(GVariant) highest = g_variant_ref_sink (g_variant_new_double (ML_MAX_FEE_RATE));
      g_autoptr(GVariant) above = g_variant_ref_sink (g_variant_new_double (ML_MAX_FEE_RATE * 1.001));
      g_autoptr(GVariant) negative = g_variant_ref_sink (g_variant_new_double (-0.0001));

      g_assert_cmpfloat (g_variant_get_double (value), ==, rates[i].rate);
      g_assert_true (g_settings_schema_key_range_check (key, zero));
      g_assert_true (g_settings_schema_key_range_check (key, highest));
      g_assert_false (g_settings_schema_key_range_check (key, above));
      g_assert_false (g_settings_schema_key_range_check (key, negative));
    }
}

/* Preferences sits above Keyboard Shortcuts in the main menu, as in GNOME's apps, opens with
 * Ctrl+comma (the shortcuts window lists it: /preferences/shortcuts-window). */
static void
test_menu_and_shortcut (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  MlWindow *window = test_preferences_new_lab ();
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (ml_test_window_find_main_menu (GTK_WIDGET (window)));
  g_autofree char *before_help = NULL;
  GMenuModel *menu;

  g_assert_cmpstrv (accels, ((const char *[]) { "<Control>comma", NULL }));

  /* The menu as the learner opens it: its items may be made only then. */
  gtk_menu_button_popup (menu_button);
  ml_test_flush ();
  menu = gtk_menu_button_get_menu_model (menu_button);
  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 1; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action)
              && g_str_equal (action, "win.show-help-overlay"))
            g_menu_model_get_item_attribute (section, i - 1, G_MENU_ATTRIBUTE_ACTION, "s", &before_help);
        }
    }
  g_assert_cmpstr (before_help, ==, "app.preferences");
  gtk_menu_button_popdown (menu_button);

  /* The action the shortcut and the menu item share opens the window on the active one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ml_test_flush ();
  g_assert_nonnull (test_preferences_find_window ());
  test_preferences_close (test_preferences_find_window ());
  test_preferences_discard (window);
}

/* Fees switched on and the rates typed in Preferences reach the lab that is open in Free
 * Practice at once, since nothing has been done in it: at taker 0.1 % and maker 0.01 %, the
 * worked example's notional of 6,000 pays 6.00 at the mark and 0.1 × 59,000 × 0.01 % = 0.59
 * at a limit of 59,000. Placed, the wallet and the pool are 1,000 − 6 = 994.00, and the pool's
 * liquidation price is (994 − 6,000) / (0.1 × 0.4 % − 0.1) = 50,261.04, where without the fee
 * it would be 50,200.80. */
static void
test_fees_reach_fresh_lab (void)
{
  g_autoptr(GSettings) settings = test_preferences_settings ();
  MlWindow *window = test_preferences_new_lab ();
  g_autofree char *rows = NULL;
  GtkWidget *prefs;

  test_preferences_type_order (window);
  g_assert_null (test_preferences_preview_fee (window));

  prefs = test_preferences_open (window);
  g_assert_false (gtk_switch_get_active (test_preferences_child (prefs, "charge_switch")));
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "0.050");
  g_assert_cmpstr (test_preferences_text (prefs, "maker_spin"), ==, "0.020");

  ml_test_activate (test_preferences_charge_row (prefs));
  g_assert_true (gtk_switch_get_active (test_preferences_child (prefs, "charge_switch")));
  g_assert_true (g_settings_get_boolean (settings, "charge-fees"));
  test_preferences_enter (prefs, "taker_spin", "0.1");
  g_assert_cmpfloat (g_settings_get_double (settings, "taker-fee-rate"), ==, 0.001);
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "0.100");
  test_preferences_enter (prefs, "maker_spin", "0.01");
  g_assert_cmpfloat (g_settings_get_double (settings, "maker-fee-rate"), ==, 0.0001);
  test_preferences_close (prefs);

  /* The preview: the fee, the taker's at the mark, and a pool the fee has come out of. */
  g_assert_cmpstr (test_preferences_preview_fee (window), ==, "\u20686.00\u00a0USDT\u2069");
  g_assert_cmpstr (ml_test_label (ml_test_window_panel_child (window, "price_hint")), ==,
                   "At the mark price: a market order, taker fee");
  g_assert_cmpstr (ml_test_label (ml_test_window_panel_child (window, "loss_value")), ==,
                   "the whole cross pool, \u2068994.00\u00a0USDT\u2069, if BTC reaches the pool’s liquidation price");
  ml_test_type (ml_test_window_panel_child (window, "price_entry"), "59000");
  g_assert_cmpstr (test_preferences_preview_fee (window), ==, "\u20680.59\u00a0USDT\u2069");
  ml_test_type (ml_test_window_panel_child (window, "price_entry"), "");
  g_assert_false (ml_lab_get_dirty (ml_window_get_lab (window)));

  /* Placed: the account bar and the position's row show what the fee took. */
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  g_assert_cmpstr (test_preferences_wallet (window), ==, "\u2068994.00\u00a0USDT\u2069");
  rows = ml_test_shown_text (ml_test_window_child (window, "position_list"));
  g_test_message ("%s", rows);
  g_assert_nonnull (strstr (rows, "50261.0"));
  g_assert_nonnull (strstr (rows, "\u2068994.00\u00a0USDT\u2069"));
  test_preferences_discard (window);
}

/* Work in progress keeps the fees it was started with; New takes the Preferences' (at the
 * taker 0.05 %, the worked example pays margin-model.md's 3.00). A scenario and a lesson keep
 * their own, fees off, and Free Practice after the lesson is fresh again. */
static void
test_labs_keep_their_own_fees (void)
{
  g_autoptr(GSettings) settings = test_preferences_settings ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "article-long-isolated.mlscenario", NULL);
  g_autoptr(GFile) scenario = g_file_new_for_path (path);
  MlWindow *window = test_preferences_new_lab ();
  AdwMessageDialog *dialog;
  GtkWidget *prefs;

  test_preferences_type_order (window);
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  g_assert_cmpstr (test_preferences_wallet (window), ==, "\u20681000.00\u00a0USDT\u2069");

  prefs = test_preferences_open (window);
  ml_test_activate (test_preferences_child (prefs, "charge_switch"));
  g_assert_true (g_settings_get_boolean (settings, "charge-fees"));
  test_preferences_close (prefs);
  g_assert_null (test_preferences_preview_fee (window));
  ml_test_click (ml_test_window_panel_child (window, "open_button"));
  g_assert_cmpstr (test_preferences_wallet (window), ==, "\u20681000.00\u00a0USDT\u2069");

  /* New asks about the unsaved orders first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  ml_test_flush ();
  dialog = ml_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  ml_test_answer_dialog (dialog, "_Discard");
  test_preferences_type_order (window);
  g_assert_cmpstr (test_preferences_preview_fee (window), ==, "\u20683.00\u00a0USDT\u2069");

  ml_window_open_file (window, scenario);
  ml_test_flush ();
  g_assert_false (ml_account_get_charge_fees (ml_lab_get_account (ml_window_get_lab (window))));
  test_preferences_type_order (window);
  g_assert_null (test_preferences_preview_fee (window));
  g_assert_cmpstr (ml_test_label (ml_test_window_panel_child (window, "price_hint")), ==,
                   "At the mark price: a market order");

  g_assert_true (ml_window_open_lesson (window, NULL, "cross-margin", 0));
  ml_test_flush ();
  g_assert_true (gtk_widget_get_visible (ml_test_window_child (window, "lesson_card")));
  g_assert_false (ml_account_get_charge_fees (ml_lab_get_account (ml_window_get_lab (window))));
  g_assert_null (test_preferences_preview_fee (window));

  ml_test_window_free_practice (window);
  test_preferences_type_order (window);
  g_assert_cmpstr (test_preferences_preview_fee (window), ==, "\u20683.00\u00a0USDT\u2069");
  test_preferences_discard (window);
}

/* What is not a number leaves the rate as it was and says so in the row; a number beyond the
 * range sets the nearer end and says so; an emptied field shows the rate again; a percent sign
 * may follow the number; and a rate typed without Enter is kept on closing. */
static void
test_bad_input (void)
{
  g_autoptr(GSettings) settings = test_preferences_settings ();
  GtkWidget *prefs = ml_preferences_window_new (NULL);
  AdwActionRow *row;
  GtkWidget *spin;

  gtk_window_present (GTK_WINDOW (prefs));
  ml_test_flush ();
  row = test_preferences_child (prefs, "taker_row");
  spin = test_preferences_child (prefs, "taker_spin");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Orders at the mark price");

  test_preferences_enter (prefs, "taker_spin", "abc");
  g_assert_cmpfloat (g_settings_get_double (settings, "taker-fee-rate"), ==, 0.0005);
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "0.050");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "“abc” is not a number. Type a percentage such as 0.050.");
  g_assert_true (gtk_widget_has_css_class (spin, "error"));
  gtk_test_accessible_assert_state (spin, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_property (spin, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "“abc” is not a number. Type a percentage such as 0.050.");

  test_preferences_enter (prefs, "taker_spin", "5");
  g_assert_cmpfloat (g_settings_get_double (settings, "taker-fee-rate"), ==, ML_MAX_FEE_RATE);
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "1.000");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "A fee goes from \u20680.00\u00a0%\u2069 to \u20681.00\u00a0%\u2069, so \u20681.00\u00a0%\u2069 is set.");
  test_preferences_enter (prefs, "taker_spin", "-0.1");
  g_assert_cmpfloat (g_settings_get_double (settings, "taker-fee-rate"), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "A fee goes from \u20680.00\u00a0%\u2069 to \u20681.00\u00a0%\u2069, so \u20680.00\u00a0%\u2069 is set.");

  test_preferences_enter (prefs, "taker_spin", "0.075 %");
  g_assert_cmpfloat (g_settings_get_double (settings, "taker-fee-rate"), ==, 0.00075);
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "0.075");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Orders at the mark price");
  g_assert_false (gtk_widget_has_css_class (spin, "error"));
  gtk_test_accessible_assert_state (spin, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);

  test_preferences_enter (prefs, "taker_spin", "");
  g_assert_cmpfloat (g_settings_get_double (settings, "taker-fee-rate"), ==, 0.00075);
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "0.075");

  /* One step of the buttons is 0.005 %; the rate is kept to the decimals shown, 0.0007 itself
   * and not 0.07 / 100, a bit above it. */
  test_preferences_enter (prefs, "taker_spin", "0.065");
  gtk_spin_button_spin (GTK_SPIN_BUTTON (spin), GTK_SPIN_STEP_FORWARD, 0);
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "0.070");
  g_assert_cmpfloat (g_settings_get_double (settings, "taker-fee-rate"), ==, 0.0007);

  ml_test_type (test_preferences_child (prefs, "maker_spin"), "0.03");
  test_preferences_close (prefs);
  g_assert_cmpfloat (g_settings_get_double (settings, "maker-fee-rate"), ==, 0.0003);
}

/* In German the rates show and are typed with a decimal comma; the plain "0.075" is read too. */
static void
test_german (void)
{
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *prefs;

  if (!ml_test_use_locale ("de_DE.UTF-8"))
    return;
  settings = test_preferences_settings ();
  prefs = ml_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  ml_test_flush ();
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "0,050");
  test_preferences_enter (prefs, "taker_spin", "0,075");
  g_assert_cmpfloat (g_settings_get_double (settings, "taker-fee-rate"), ==, 0.00075);
  g_assert_cmpstr (test_preferences_text (prefs, "taker_spin"), ==, "0,075");
  test_preferences_enter (prefs, "maker_spin", "0.01");
  g_assert_cmpfloat (g_settings_get_double (settings, "maker-fee-rate"), ==, 0.0001);
  g_assert_cmpstr (test_preferences_text (prefs, "maker_spin"), ==, "0,010");
  test_preferences_close (prefs);
  setlocale (LC_ALL, "C.UTF-8");
}

/* A screen reader hears each control by its row's title, a rate with its unit, and what the
 * row's subtitle says. */
static void
test_accessible (void)
{
  GtkWidget *prefs;

  /* The fees at a first start's, which the rows' subtitles describe. */
  g_object_unref (test_preferences_settings ());
  prefs = ml_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  ml_test_flush ();
  gtk_test_accessible_assert_relation (test_preferences_child (prefs, "charge_switch"), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       test_preferences_charge_row (prefs), NULL);
  gtk_test_accessible_assert_relation (test_preferences_child (prefs, "taker_spin"), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       test_preferences_child (prefs, "taker_row"), test_preferences_child (prefs, "taker_unit"), NULL);
  gtk_test_accessible_assert_relation (test_preferences_child (prefs, "maker_spin"), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       test_preferences_child (prefs, "maker_row"), test_preferences_child (prefs, "maker_unit"), NULL);
  gtk_test_accessible_assert_property (test_preferences_child (prefs, "taker_spin"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Orders at the mark price");
  gtk_test_accessible_assert_property (test_preferences_child (prefs, "maker_spin"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Orders at any other price");
  test_preferences_close (prefs);
}

/* Whether @widget holds the shortcut of @action. */
static gboolean
test_preferences_lists_action (GtkWidget  *widget,
                               const char *action)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *name = NULL;

      g_object_get (widget, "action-name", &name, NULL);
      if (g_strcmp0 (name, action) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (test_preferences_lists_action (child, action))
      return TRUE;
  return FALSE;
}

/* The shortcuts window fits a 1024 × 768 projector: GTK cannot make a window smaller than it
 * needs, so a taller or wider one runs off the screen. */
static void
test_preferences_assert_fits_projector (GtkWindow *shortcuts)
{
  int width, height;

  gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  if (width > 1024 || height > 768)
    g_error ("the shortcuts window needs %d × %d, more than a 1024 × 768 screen", width, height);
}

/* Appends the titles of the shortcut groups under @widget, in the order a reader meets them. */
static void
test_preferences_collect_groups (GtkWidget *widget,
                                 GString   *titles)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      g_string_append_printf (titles, "%s%s", titles->len ? ", " : "", title);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    test_preferences_collect_groups (child, titles);
}

/* Keyboard Shortcuts, from the main menu, lists Preferences. Its window is made then, not with
 * the lab (start-up has no use for it); closed, it is kept for the next time; it goes with its
 * lab. */
static void
test_shortcuts_window (void)
{
  MlWindow *window = test_preferences_new_lab ();
  g_autoptr(GString) groups = g_string_new (NULL);
  GtkWindow *shortcuts;

  g_assert_null (ml_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, FALSE));
  ml_test_window_click_menu_item (window, "Keyboard Shortcuts");
  shortcuts = ml_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, FALSE);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (test_preferences_lists_action (GTK_WIDGET (shortcuts), "app.preferences"));
  test_preferences_assert_fits_projector (shortcuts);
  /* Page by page, column by column, the groups come in the order the file gives them. */
  test_preferences_collect_groups (GTK_WIDGET (shortcuts), groups);
  g_assert_cmpstr (groups->str, ==, "Lessons, Presentation, Scenarios, Lab, Chart, General");
  gtk_window_close (shortcuts);
  ml_test_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  ml_test_window_click_menu_item (window, "Keyboard Shortcuts");
  g_assert_true (ml_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, FALSE) == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_destroy (GTK_WINDOW (window));
  ml_test_flush ();
  g_assert_null (ml_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!ml_test_init_display (&argc, &argv))
    return 0;

  app = ml_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_test_add_func ("/preferences/schema-matches-model", test_schema_matches_model);
  g_test_add_func ("/preferences/menu-and-shortcut", test_menu_and_shortcut);
  g_test_add_func ("/preferences/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/preferences/fees-reach-fresh-lab", test_fees_reach_fresh_lab);
  g_test_add_func ("/preferences/labs-keep-their-own-fees", test_labs_keep_their_own_fees);
  g_test_add_func ("/preferences/bad-input", test_bad_input);
  g_test_add_func ("/preferences/german", test_german);
  g_test_add_func ("/preferences/accessible", test_accessible);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
