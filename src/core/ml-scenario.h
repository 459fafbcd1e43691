/* ml-scenario.h — a saved lab state: an account, what-if prices and a price path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-account.h"

G_BEGIN_DECLS

#define ML_TYPE_SCENARIO (ml_scenario_get_type ())

G_DECLARE_FINAL_TYPE (MlScenario, ml_scenario, ML, SCENARIO, GObject)

/* A scenario file larger than this is refused before it is read. */
#define ML_SCENARIO_MAX_SIZE (16 * 1024 * 1024)

MlScenario   *ml_scenario_new             (MlAccount    *account);
MlScenario   *ml_scenario_new_with_account (MlScenario   *self,
                                           MlAccount    *account);
MlScenario   *ml_scenario_new_from_file   (const char   *filename,
                                           GError      **error);
MlScenario   *ml_scenario_new_from_data   (const char   *data,
                                           gssize        length,
                                           const char   *name,
                                           GError      **error);
char         *ml_scenario_to_data         (MlScenario   *self,
                                           gsize        *length);
gboolean      ml_scenario_save            (MlScenario   *self,
                                           const char   *filename,
                                           GError      **error);
char         *ml_scenario_describe_error  (const GError *error,
                                           const char   *filename);
char         *ml_scenario_build_report    (MlScenario   *self,
                                           gsize        *length);
MlAccount    *ml_scenario_get_account     (MlScenario   *self);
const char   *ml_scenario_get_title       (MlScenario   *self);
void          ml_scenario_set_title       (MlScenario   *self,
                                           const char   *title);
const double *ml_scenario_get_what_if     (MlScenario   *self,
                                           gsize        *n_prices);
const double *ml_scenario_get_path        (MlScenario   *self,
                                           gsize        *n_prices);

G_END_DECLS
