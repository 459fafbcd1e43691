/* ml-application-private.h — what ml-application.c and ml-application-command-line.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ml-application.h"

G_BEGIN_DECLS

struct _MlApplication
{
  AdwApplication   parent_instance;

  MlLessonLibrary *library;          /* loaded when a window first needs it */
  MlProgress      *progress;
  char            *progress_notice;  /* what the next window tells about the progress file */
  gboolean         broken_told;      /* a window has told of the packs that could not be read */
  char            *lesson;           /* --lesson, for the window the command line opens */
  guint            step;
  gboolean         presentation;     /* --presentation, for that window */
  GSettings       *settings;         /* the colour scheme; the windows keep their own state */
};

int   _ml_application_run_command_line (MlApplication  *self,
                                        char          **argv);
void  _ml_application_split_lesson     (const char     *name,
                                        char          **pack,
                                        char          **lesson);

G_END_DECLS
