/* ml-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-utils"

#include "config.h"

#include "ml-file.h"
#include "ml-utils.h"

/**
 * ml_utils_show_error:
 * @label: the line under @control that says what is wrong
 * @message: (nullable): the sentence, or %NULL when all is well
 *
 * Bad input is shown the same way everywhere: the control gets the error style and is marked
 * invalid for screen readers, and the line under it says what is wrong and what is allowed,
 * the control's error message and description, so that a screen reader reads it with it.
 */
void
ml_utils_show_error (GtkLabel   *label,
                     GtkWidget  *control,
                     const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  ml_utils_set_css_class (control, "error", message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (control),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (control),
                                    GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE, label,
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                    -1);
  else
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_ERROR_MESSAGE);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/* Empty, or only spaces: what a learner means by leaving an entry alone. */
gboolean
ml_utils_is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* A file's name as a dialog or toast shows it: its base name, never its whole path, with
 * line breaks and invisible characters written out so that it cannot disguise itself. */
char *
ml_utils_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return ml_file_display_name (base);
}

/* GTK 4.8 adds or removes a style class, but has no call that sets it to a state. */
void
ml_utils_set_css_class (GtkWidget  *widget,
                        const char *css_class,
                        gboolean    set)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (css_class != NULL);

  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/**
 * ml_utils_announce:
 * @label: a selectable label
 *
 * Moves the focus to @label, so that a screen reader reads it. A label takes the focus only
 * when selectable, and would then select itself whole: nothing is left selected.
 */
void
ml_utils_announce (GtkLabel *label)
{
  gtk_widget_grab_focus (GTK_WIDGET (label));
  gtk_label_select_region (label, 0, 0);
}
