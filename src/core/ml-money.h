/* ml-money.h — how numbers are shown to people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * THE ROUNDING RULE, stated once: the model computes in double and never rounds. Only display
 * rounds: USDT amounts to the cent, prices to the contract's 0.1 USDT tick, BTC sizes to the
 * 0.0001 BTC contract, percentages to hundredths of a percent; each to the nearest, halves away
 * from zero, and a value that rounds to zero is shown without a minus sign. Display uses the
 * user's locale (digit grouping, decimal mark); files and the command line use C-locale JSON.
 * Every number shown with a unit or a sign is isolated for bidirectional text here, and only
 * here (see ml-money.c): callers put the results into their sentences as they are.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double ml_money_round        (double value,
                              guint  decimals);
char  *ml_money_format_usdt  (double amount);
char  *ml_money_format_price (double price);
char  *ml_money_format_price_usdt (double price);
char  *ml_money_format_number (double value,
                               guint  decimals);
char  *ml_money_format_btc   (double quantity);
char  *ml_money_format_percent (double fraction);
char  *ml_money_format_leverage (guint leverage);
char  *ml_money_format_times (double factor);
gboolean ml_money_parse      (const char *text,
                              double     *value);

G_END_DECLS
