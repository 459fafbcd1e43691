/* ml-scenario-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-scenario.h"

G_BEGIN_DECLS

struct _MlScenario
{
  GObject    parent_instance;

  MlAccount *account;
  char      *title;
  GArray    *what_if;  /* double */
  GArray    *path;     /* double */
};

G_END_DECLS
