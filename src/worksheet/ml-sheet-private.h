/* ml-sheet-private.h — text, charts, tick boxes and ruled lines laid out on printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "margin-lab-core.h"
#include "ml-worksheet.h"

G_BEGIN_DECLS

typedef struct _MlSheet MlSheet;

/* How a run of text looks, from the largest. */
typedef enum
{
  ML_SHEET_TITLE,
  ML_SHEET_KICKER,    /* the small coloured line above a title */
  ML_SHEET_HEADING,
  ML_SHEET_SUMMARY,
  ML_SHEET_LABEL,     /* "Task", "Question": bold, and kept with what follows */
  ML_SHEET_BODY,
  ML_SHEET_STRONG,
  ML_SHEET_NOTE,
} MlSheetStyle;

MlSheet *_ml_sheet_new         (cairo_t                *cr,
                                const MlWorksheetPaper *paper,
                                PangoDirection          direction);
void     _ml_sheet_free        (MlSheet                *self);
void     _ml_sheet_add_text    (MlSheet                *self,
                                MlSheetStyle            style,
                                const char             *text);
void     _ml_sheet_add_text_with_aside (MlSheet       *self,
                                        MlSheetStyle   style,
                                        const char    *text,
                                        const char    *aside);
void     _ml_sheet_add_box     (MlSheet                *self,
                                const char             *text);
void     _ml_sheet_add_lines   (MlSheet                *self,
                                guint                   n_lines);
void     _ml_sheet_add_fields  (MlSheet                *self,
                                const char             *name,
                                const char             *date);
void     _ml_sheet_add_rule    (MlSheet                *self);
void     _ml_sheet_add_chart   (MlSheet                *self,
                                MlAccount              *account,
                                gboolean                compare);
void     _ml_sheet_break_page  (MlSheet                *self);
guint    _ml_sheet_paint       (MlSheet                *self,
                                const char             *footer_start,
                                const char             *footer_middle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlSheet, _ml_sheet_free)

G_END_DECLS
