/* ml-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Preferences: whether Free Practice and new labs charge fees, and at which rates. They
 * are settings, bound here to the controls and, in each window, to what its lab starts with
 * (MlLab's fresh-* properties), and the lab decides when an open lab takes them. A rate is
 * shown and typed as a percentage in the learner's locale, and kept as the fraction the model
 * uses: 0.05 % is 0.0005.
 */

#define G_LOG_DOMAIN "ml-preferences-window"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "margin-lab-core.h"
#include "ml-preferences-window.h"
#include "ml-utils.h"

/* The decimals of a percentage the rates are shown and kept with. */
#define RATE_DECIMALS 3

struct _MlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  char                 *taker_subtitle;  /* the rows' own, shown again once the input is good */
  char                 *maker_subtitle;

  GtkSwitch            *charge_switch;
  AdwActionRow         *taker_row;
  GtkSpinButton        *taker_spin;
  GtkWidget            *taker_unit;
  AdwActionRow         *maker_row;
  GtkSpinButton        *maker_spin;
  GtkWidget            *maker_unit;
};

G_DEFINE_FINAL_TYPE (MlPreferencesWindow, ml_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Bad input is told in the rate's row, where the learner is looking: its subtitle says what is
 * wrong, the spin button takes the error style and is marked invalid for screen readers, which
 * read the same sentence as its description. @problem NULL puts the row's own subtitle back. */
static void
ml_preferences_window_show_problem (MlPreferencesWindow *self,
                                    GtkSpinButton       *spin,
                                    const char          *problem)
{
  gboolean taker = spin == self->taker_spin;
  const char *subtitle = problem ? problem : taker ? self->taker_subtitle : self->maker_subtitle;

  adw_action_row_set_subtitle (taker ? self->taker_row : self->maker_row, subtitle);
  ml_utils_set_css_class (GTK_WIDGET (spin), "error", problem != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (spin),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               problem ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
}

/* Reads a rate as the learner types it: a percentage in their locale ("0.05", "0,05" in
 * German), a percent sign after it allowed. GTK alone would read text that is not a number as
 * 0: here the rate stays as it was and the row says why. A number outside the range is set to
 * its nearer end, as GTK does, and the row says so. Every run (Enter, leaving the field, the
 * buttons) tells again, or clears, the row's problem. */
static int
ml_preferences_window_rate_input (GtkSpinButton       *spin,
                                  double              *new_value,
                                  MlPreferencesWindow *self)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  double lower = gtk_adjustment_get_lower (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autofree char *problem = NULL;
  double percent;

  if (g_str_has_suffix (text, "%"))
    text[strlen (text) - strlen ("%")] = '\0';
  else if (g_str_has_suffix (text, "\u066a"))
    text[strlen (text) - strlen ("\u066a")] = '\0';

  *new_value = gtk_adjustment_get_value (adjustment);
  /* Emptied: the rate as it is shows again. */
  if (ml_utils_is_blank (text))
    {
      ml_preferences_window_show_problem (self, spin, NULL);
      return TRUE;
    }
  if (!ml_money_parse (text, &percent))
    {
      g_autofree char *example = ml_money_format_number (ML_DEFAULT_TAKER_FEE_RATE * 100, RATE_DECIMALS);

      /* Translators: the first %s is what was typed; the second an example of a fee rate in
       * percent, in the learner's locale, such as “0.050” */
      problem = g_strdup_printf (_("“%s” is not a number. Type a percentage such as %s."), typed, example);
      ml_preferences_window_show_problem (self, spin, problem);
      return GTK_INPUT_ERROR;
    }

  /* What is kept is what is shown. */
  *new_value = CLAMP (ml_money_round (percent, RATE_DECIMALS), lower, upper);
  if (*new_value != ml_money_round (percent, RATE_DECIMALS))
    {
      g_autofree char *lowest = ml_money_format_percent (lower / 100);
      g_autofree char *highest = ml_money_format_percent (upper / 100);

      /* Translators: "A fee goes from 0.00 % to 1.00 %, so 1.00 % is set." The third %s is
       * the first or the second, the one nearer to what was typed */
      problem = g_strdup_printf (_("A fee goes from %s to %s, so %s is set."), lowest, highest,
                                 *new_value == lower ? lowest : highest);
    }
  ml_preferences_window_show_problem (self, spin, problem);
  return TRUE;
}

/* The setting holds the fraction, the spin button the percentage. */
static gboolean
ml_preferences_window_percent_from_rate (GValue   *value,
                                         GVariant *variant,
                                         gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

/* Rounded to the decimals shown, so that 0.07 % is kept as 0.0007 itself and not as 0.07 / 100,
 * a bit above it: the fraction is the one a scenario file would hold. */
static GVariant *
ml_preferences_window_rate_from_percent (const GValue       *value,
                                         const GVariantType *expected_type,
                                         gpointer            user_data)
{
  double scale = pow (10, RATE_DECIMALS);

  return g_variant_new_double (round (g_value_get_double (value) * scale) / (scale * 100));
}

static void
ml_preferences_window_bind_rate (MlPreferencesWindow *self,
                                 const char          *key,
                                 GtkSpinButton       *spin)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);

  gtk_spin_button_set_digits (spin, RATE_DECIMALS);
  gtk_adjustment_set_upper (adjustment, ML_MAX_FEE_RATE * 100);
  g_settings_bind_with_mapping (self->settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT,
                                ml_preferences_window_percent_from_rate,
                                ml_preferences_window_rate_from_percent, NULL, NULL);
}

static void
ml_preferences_window_dispose (GObject *object)
{
  MlPreferencesWindow *self = ML_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->taker_subtitle, g_free);
  g_clear_pointer (&self->maker_subtitle, g_free);
  G_OBJECT_CLASS (ml_preferences_window_parent_class)->dispose (object);
}

static void
ml_preferences_window_class_init (MlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MlPreferencesWindow, charge_switch);
  gtk_widget_class_bind_template_child (widget_class, MlPreferencesWindow, taker_row);
  gtk_widget_class_bind_template_child (widget_class, MlPreferencesWindow, taker_spin);
  gtk_widget_class_bind_template_child (widget_class, MlPreferencesWindow, taker_unit);
  gtk_widget_class_bind_template_child (widget_class, MlPreferencesWindow, maker_row);
  gtk_widget_class_bind_template_child (widget_class, MlPreferencesWindow, maker_spin);
  gtk_widget_class_bind_template_child (widget_class, MlPreferencesWindow, maker_unit);
  gtk_widget_class_bind_template_callback (widget_class, ml_preferences_window_rate_input);
}

static void
ml_preferences_window_init (MlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->taker_subtitle = g_strdup (adw_action_row_get_subtitle (self->taker_row));
  self->maker_subtitle = g_strdup (adw_action_row_get_subtitle (self->maker_row));
  /* A rate's spoken name is its row's title and its unit, "Taker Fee %". */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->taker_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->taker_row, self->taker_unit, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->maker_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->maker_row, self->maker_unit, NULL, -1);
  ml_preferences_window_show_problem (self, self->taker_spin, NULL);
  ml_preferences_window_show_problem (self, self->maker_spin, NULL);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "charge-fees", self->charge_switch, "active", G_SETTINGS_BIND_DEFAULT);
  ml_preferences_window_bind_rate (self, "taker-fee-rate", self->taker_spin);
  ml_preferences_window_bind_rate (self, "maker-fee-rate", self->maker_spin);
}

/**
 * ml_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the Preferences, to present; GTK owns it, as it owns every window
 */
GtkWidget *
ml_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (ML_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
