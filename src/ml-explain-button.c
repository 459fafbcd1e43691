/* ml-explain-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A flat menu button showing a number; its popover shows the formula with the learner's own
 * numbers, written only when it opens so that it always matches the model. It must not look
 * like a drop-down: no arrow, the number underlined with dots and a small info icon after it.
 * The popover shows the whole text, wrapped, and scrolls when it is taller than the window.
 */

#define G_LOG_DOMAIN "ml-explain-button"

#include "config.h"

#include <glib/gi18n.h>

#include "ml-explain-button.h"
#include "ml-utils.h"

struct _MlExplainButton
{
  GtkWidget       parent_instance;

  GtkMenuButton  *button;
  GtkLabel       *value;
  GtkScrolledWindow *scroller;
  GtkLabel       *text;
  char           *title;
  MlExplainFunc   func;
  gpointer        user_data;
  GDestroyNotify  destroy;
};

G_DEFINE_FINAL_TYPE (MlExplainButton, ml_explain_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the popover may take of the window's height: the rest is for its arrow and margins. */
#define POPOVER_WINDOW_SHARE 0.8

static GtkWidget *ml_explain_button_new_popover (MlExplainButton *self);

/* The popover is made the first time it opens: a list of a thousand positions shows two
 * numbers a row, and most are never explained. */
static void
ml_explain_button_fill_popover (GtkMenuButton *button,
                                gpointer       user_data)
{
  MlExplainButton *self = user_data;
  g_autofree char *markup = ml_explain_button_explain (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;

  if (self->scroller == NULL)
    gtk_menu_button_set_popover (button, ml_explain_button_new_popover (self));

  gtk_label_set_markup (self->text, markup ? markup : "");
  /* Measured now: the window may have been resized since the last time. */
  gtk_scrolled_window_set_max_content_height (self->scroller, height > 0 ? (int)(height * POPOVER_WINDOW_SHARE) : -1);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Screen readers hear what the number is, not only its digits. */
static void
ml_explain_button_update_accessible_label (MlExplainButton *self)
{
  const char *label = ml_explain_button_get_label (self);
  g_autofree char *name = NULL;

  if (self->title == NULL)
    return;
  /* Translators: a number's accessible name, "Liquidation price: 54,321.0" */
  name = g_strdup_printf (_("%s: %s"), self->title, label ? label : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Opens an explanation of this number"),
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                  -1);
}

static void
ml_explain_button_dispose (GObject *object)
{
  MlExplainButton *self = ML_EXPLAIN_BUTTON (object);

  ml_explain_button_set_func (self, NULL, NULL, NULL);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer ((GtkWidget **)&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (ml_explain_button_parent_class)->dispose (object);
}

static void
ml_explain_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MlExplainButton *self = ML_EXPLAIN_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, ml_explain_button_get_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_explain_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MlExplainButton *self = ML_EXPLAIN_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      ml_explain_button_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_explain_button_class_init (MlExplainButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ml_explain_button_dispose;
  object_class->get_property = ml_explain_button_get_property;
  object_class->set_property = ml_explain_button_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "explainbutton");
}

/* The popover gives the focus to the explanation, a selectable label, so that a screen reader
 * reads it as it opens. */
static void
ml_explain_button_popover_shown (MlExplainButton *self)
{
  ml_utils_announce (self->text);
}

static GtkWidget *
ml_explain_button_new_popover (MlExplainButton *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_selectable (self->text, TRUE);
  gtk_label_set_wrap (self->text, TRUE);
  gtk_label_set_wrap_mode (self->text, PANGO_WRAP_WORD_CHAR);
  /* About 60 characters a line: long enough for a formula with its numbers, short enough to read. */
  gtk_label_set_width_chars (self->text, 36);
  gtk_label_set_max_width_chars (self->text, 60);
  gtk_label_set_xalign (self->text, 0);
  gtk_label_set_yalign (self->text, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->text), "explanation");

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (self->scroller, TRUE);
  gtk_scrolled_window_set_propagate_natural_height (self->scroller, TRUE);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->text));
  /* The label takes the focus; the arrows scroll it as they would the scrolled window. */
  gtk_widget_set_focusable (GTK_WIDGET (self->scroller), FALSE);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->scroller));
  g_signal_connect_object (popover, "map", G_CALLBACK (ml_explain_button_popover_shown), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return popover;
}

static GtkWidget *
ml_explain_button_new_content (MlExplainButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("help-about-symbolic");

  self->value = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->value), "value");
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->value));
  gtk_box_append (GTK_BOX (box), icon);
  return box;
}

static void
ml_explain_button_init (MlExplainButton *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, ml_explain_button_new_content (self));
  gtk_menu_button_set_always_show_arrow (self->button, FALSE);
  gtk_menu_button_set_create_popup_func (self->button, ml_explain_button_fill_popover, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "numeric");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Explain this number"));
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
}

GtkWidget *
ml_explain_button_new (void)
{
  return g_object_new (ML_TYPE_EXPLAIN_BUTTON, NULL);
}

const char *
ml_explain_button_get_label (MlExplainButton *self)
{
  g_return_val_if_fail (ML_IS_EXPLAIN_BUTTON (self), NULL);
  return gtk_label_get_label (self->value);
}

void
ml_explain_button_set_label (MlExplainButton *self,
                             const char      *label)
{
  g_return_if_fail (ML_IS_EXPLAIN_BUTTON (self));

  if (g_strcmp0 (label, ml_explain_button_get_label (self)) == 0)
    return;
  gtk_label_set_label (self->value, label != NULL ? label : "");
  ml_explain_button_update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * ml_explain_button_set_title:
 * @title: what the number is, "Liquidation price", for its accessible name
 */
void
ml_explain_button_set_title (MlExplainButton *self,
                             const char      *title)
{
  g_return_if_fail (ML_IS_EXPLAIN_BUTTON (self));

  g_free (self->title);
  self->title = g_strdup (title);
  ml_explain_button_update_accessible_label (self);
}

void
ml_explain_button_set_func (MlExplainButton *self,
                            MlExplainFunc    func,
                            gpointer         user_data,
                            GDestroyNotify   destroy)
{
  g_return_if_fail (ML_IS_EXPLAIN_BUTTON (self));

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
}

/**
 * ml_explain_button_explain:
 *
 * Returns: (transfer full) (nullable): the popover's markup as it would show now
 */
char *
ml_explain_button_explain (MlExplainButton *self)
{
  g_return_val_if_fail (ML_IS_EXPLAIN_BUTTON (self), NULL);
  return self->func != NULL ? self->func (self->user_data) : NULL;
}
