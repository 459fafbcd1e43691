/* ml-limits-window.c — what this simulator leaves out, in plain words
 *
 * Reached from the main menu and from the end of the course: a learner should leave knowing
 * where the model stops and a real exchange goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-limits-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-limits-window.h"

struct _MlLimitsWindow
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (MlLimitsWindow, ml_limits_window, ADW_TYPE_WINDOW)

static const struct { const char *title; const char *body; } limits[] = {
  { N_("One price, not two"),
    N_("The lab moves a single price. Exchanges liquidate on a mark price taken from an index of spot markets, while the last traded price, which charts show, can differ from it for a while.") },
  { N_("Funding"),
    N_("Perpetual contracts pass funding payments between longs and shorts every few hours. Over days they add to or take from your margin; in the lab, time does not pass.") },
  { N_("Liquidation fees and the insurance fund"),
    N_("When a real position is liquidated, the exchange also charges a liquidation fee, and what is left of its maintenance margin goes to an insurance fund. The lab stops at the liquidation price.") },
  { N_("Partial liquidation"),
    N_("Large positions are often liquidated step by step, one risk tier at a time. The lab liquidates a whole position, or the whole cross pool, at once.") },
  { N_("Slippage, gaps and auto-deleveraging"),
    N_("The lab fills every order at the exact price. In a fast market a liquidation can fill beyond the bankruptcy price; the insurance fund, or auto-deleveraging of profitable traders, covers the gap.") },
  { N_("Orders that wait"),
    N_("There is no order book, and no stop-loss or take-profit orders. A stop-loss is how most traders cap a loss well before liquidation.") },
  { N_("Other collateral"),
    /* Translators: USDT is the contract's currency, kept as it is */
    N_("The cross pool here holds USDT only. Exchanges also offer multi-asset and portfolio margin, where other coins count as collateral at a discount.") },
  { N_("One contract, one set of brackets"),
    /* Translators: BTC/USDT is the contract's name, kept as it is */
    N_("Only BTC/USDT, with one exchange’s published risk brackets as a labelled stand-in. Other exchanges, and other dates, use other maintenance rates and leverage limits.") },
};

static void
ml_limits_window_class_init (MlLimitsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/marginlab/MarginLab/ml-limits-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MlLimitsWindow, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ml_limits_window_init (MlLimitsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      /* Plain text, not markup: the rows are read as they are written. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(limits[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(limits[i].body));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->group, row);
    }
}

GtkWidget *
ml_limits_window_new (GtkWindow *parent)
{
  return g_object_new (ML_TYPE_LIMITS_WINDOW, "transient-for", parent, NULL);
}
