/* ml-worksheet.h — a lesson, or one step of it, as a PDF handout to print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "margin-lab-core.h"

G_BEGIN_DECLS

#define ML_TYPE_WORKSHEET (ml_worksheet_get_type ())

G_DECLARE_FINAL_TYPE (MlWorksheet, ml_worksheet, ML, WORKSHEET, GObject)

/* Every step of the lesson, not one. */
#define ML_WORKSHEET_ALL_STEPS G_MAXUINT

/* A sheet of paper, in PostScript points (1/72 inch), portrait. */
typedef struct
{
  double width;
  double height;
} MlWorksheetPaper;

#define ML_WORKSHEET_PAPER_A4     ((MlWorksheetPaper) { 595.28, 841.89 })
#define ML_WORKSHEET_PAPER_LETTER ((MlWorksheetPaper) { 612.0, 792.0 })

MlWorksheetPaper  ml_worksheet_paper_for_locale (void);

MlWorksheet      *ml_worksheet_new           (MlLesson               *lesson,
                                              guint                   step);
MlLesson         *ml_worksheet_get_lesson    (MlWorksheet            *self);
guint             ml_worksheet_get_step      (MlWorksheet            *self);
PangoDirection    ml_worksheet_get_direction (MlWorksheet            *self);
void              ml_worksheet_set_direction (MlWorksheet            *self,
                                              PangoDirection          direction);
void              ml_worksheet_get_paper     (MlWorksheet            *self,
                                              MlWorksheetPaper       *paper);
void              ml_worksheet_set_paper     (MlWorksheet            *self,
                                              const MlWorksheetPaper *paper);
gboolean          ml_worksheet_write         (MlWorksheet            *self,
                                              const char             *filename,
                                              guint                  *n_pages,
                                              GError                **error);

G_END_DECLS
