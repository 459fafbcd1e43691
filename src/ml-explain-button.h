/* ml-explain-button.h — a number that explains itself in a popover when clicked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ML_TYPE_EXPLAIN_BUTTON (ml_explain_button_get_type ())

G_DECLARE_FINAL_TYPE (MlExplainButton, ml_explain_button, ML, EXPLAIN_BUTTON, GtkWidget)

/* Returns the explanation as Pango markup, written when the popover opens. */
typedef char *(*MlExplainFunc) (gpointer user_data);

GtkWidget  *ml_explain_button_new         (void);
const char *ml_explain_button_get_label   (MlExplainButton *self);
void        ml_explain_button_set_label   (MlExplainButton *self,
                                           const char      *label);
void        ml_explain_button_set_title   (MlExplainButton *self,
                                           const char      *title);
void        ml_explain_button_set_func    (MlExplainButton *self,
                                           MlExplainFunc    func,
                                           gpointer         user_data,
                                           GDestroyNotify   destroy);
char       *ml_explain_button_explain     (MlExplainButton *self);

G_END_DECLS
