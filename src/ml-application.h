/* ml-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_APPLICATION (ml_application_get_type ())

G_DECLARE_FINAL_TYPE (MlApplication, ml_application, ML, APPLICATION, AdwApplication)

MlApplication   *ml_application_new                (void);
MlLessonLibrary *ml_application_get_library        (MlApplication *self);
MlProgress      *ml_application_get_progress       (MlApplication *self);
char            *ml_application_steal_progress_notice (MlApplication *self);
gboolean         ml_application_take_broken_notice    (MlApplication *self);

MlLessonLibrary *ml_application_new_library        (void);
MlProgress      *ml_application_new_progress       (char         **notice);
char            *ml_application_describe_kept_aside (const char    *path);

G_END_DECLS
