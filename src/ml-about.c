/* ml-about.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The About window. Its release notes are the newest <release>'s description in the metainfo
 * that software centres show, built into the resources, so that the two never disagree: msgfmt
 * has put each paragraph's translations after it as siblings with xml:lang, and the learner's
 * language is picked paragraph by paragraph.
 */

#define G_LOG_DOMAIN "ml-about"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ml-about.h"

typedef struct
{
  const char * const *languages;
  char               *version;     /* the newest release's, once its <release> is open */
  gboolean            in_description;
  gboolean            done;        /* past the newest release */
  GString            *markup;
  /* The paragraph or item being read, and the one chosen among it and its translations */
  char               *element;
  int                 rank;        /* of the language being read: its index in languages */
  GString            *text;
  char               *chosen_element;
  char               *chosen_text;
  int                 chosen_rank;
  gboolean            in_list;
} MlAboutParser;

static int
ml_about_language_rank (const char * const *languages,
                        const char         *lang)
{
  guint n = g_strv_length ((char **)languages);

  /* The untranslated text ranks as "C" would, or after every language. */
  if (lang == NULL)
    lang = "C";
  for (guint i = 0; i < n; i++)
    if (g_str_equal (languages[i], lang))
      return i;
  return g_str_equal (lang, "C") ? (int)n : -1;
}

/* Ends the paragraph or item whose translations have all been read. */
static void
ml_about_parser_flush (MlAboutParser *self)
{
  g_autofree char *collapsed = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *escaped = NULL;

  if (self->chosen_text == NULL)
    return;
  /* The template's line breaks and indentation are layout, not text. */
  words = g_strsplit_set (g_strstrip (self->chosen_text), " \t\n", -1);
  for (char **w = words, **out = words; ; w++)
    {
      if (*w != NULL && **w == '\0')
        {
          g_free (*w);
          continue;
        }
      *out++ = *w;
      if (*w == NULL)
        break;
    }
  collapsed = g_strjoinv (" ", words);
  escaped = g_markup_escape_text (collapsed, -1);
  g_string_append_printf (self->markup, "<%s>%s</%s>", self->chosen_element, escaped, self->chosen_element);
  g_clear_pointer (&self->chosen_text, g_free);
  g_clear_pointer (&self->chosen_element, g_free);
}

static void
ml_about_parser_start (GMarkupParseContext  *context,
                       const char           *element,
                       const char          **names,
                       const char          **values,
                       gpointer              user_data,
                       GError              **error)
{
  MlAboutParser *self = user_data;
  const char *lang = NULL, *version = NULL;

  if (self->done)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "xml:lang"))
      lang = values[i];
    else if (g_str_equal (names[i], "version"))
      version = values[i];

  if (g_str_equal (element, "release") && self->version == NULL)
    self->version = g_strdup (version);
  else if (g_str_equal (element, "description") && self->version != NULL)
    self->in_description = TRUE;
  else if (self->in_description && (g_str_equal (element, "ul") || g_str_equal (element, "ol")))
    {
      ml_about_parser_flush (self);
      g_string_append_printf (self->markup, "<%s>", element);
      self->in_list = TRUE;
    }
  else if (self->in_description && (g_str_equal (element, "p") || g_str_equal (element, "li")))
    {
      /* An untranslated paragraph starts the next group of translations. */
      if (lang == NULL)
        {
          ml_about_parser_flush (self);
          self->chosen_rank = G_MAXINT;
        }
      g_free (self->element);
      self->element = g_strdup (element);
      self->rank = ml_about_language_rank (self->languages, lang);
      self->text = g_string_new (NULL);
    }
}

static void
ml_about_parser_text (GMarkupParseContext  *context,
                      const char           *text,
                      gsize                 length,
                      gpointer              user_data,
                      GError              **error)
{
  MlAboutParser *self = user_data;

  if (self->text != NULL)
    g_string_append_len (self->text, text, length);
}

static void
ml_about_parser_end (GMarkupParseContext  *context,
                     const char           *element,
                     gpointer              user_data,
                     GError              **error)
{
  MlAboutParser *self = user_data;

  if (self->done || !self->in_description)
    return;
  if (self->text != NULL && g_str_equal (element, self->element))
    {
      g_autofree char *text = g_string_free (g_steal_pointer (&self->text), FALSE);

      if (self->rank >= 0 && self->rank < self->chosen_rank)
        {
          g_free (self->chosen_text);
          g_free (self->chosen_element);
          self->chosen_text = g_steal_pointer (&text);
          self->chosen_element = g_strdup (element);
          self->chosen_rank = self->rank;
        }
    }
  else if (self->in_list && (g_str_equal (element, "ul") || g_str_equal (element, "ol")))
    {
      ml_about_parser_flush (self);
      g_string_append_printf (self->markup, "</%s>", element);
      self->in_list = FALSE;
    }
  else if (g_str_equal (element, "description"))
    {
      ml_about_parser_flush (self);
      self->in_description = FALSE;
      self->done = TRUE;
    }
}

/**
 * ml_about_release_notes:
 * @metainfo: an AppStream metainfo file's text, as msgfmt merges its translations
 * @languages: the languages to look for, best first, as g_get_language_names() gives them
 * @version: (out) (optional): the newest release's version
 *
 * Returns: (transfer full) (nullable): the newest release's description as the markup
 *   AdwAboutWindow takes (paragraphs and lists, text escaped), each paragraph in the first of
 *   @languages it is translated into; %NULL with @error set when the text is not well formed
 *   or has no release with a description
 */
char *
ml_about_release_notes (const char         *metainfo,
                        const char * const *languages,
                        char              **version,
                        GError            **error)
{
  static const GMarkupParser parser = {
    ml_about_parser_start, ml_about_parser_end, ml_about_parser_text, NULL, NULL,
  };
  MlAboutParser self = { .languages = languages, .markup = g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &self, NULL);
  gboolean parsed = g_markup_parse_context_parse (context, metainfo, -1, error)
                    && g_markup_parse_context_end_parse (context, error);
  g_autofree char *markup = g_string_free (self.markup, FALSE);

  g_free (self.element);
  g_free (self.chosen_element);
  g_free (self.chosen_text);
  if (self.text != NULL)
    g_string_free (self.text, TRUE);
  if (parsed && (!self.done || *markup == '\0'))
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "the metainfo has no release with a description");
      parsed = FALSE;
    }
  if (parsed && version != NULL)
    *version = g_strdup (self.version);
  g_free (self.version);
  return parsed ? g_steal_pointer (&markup) : NULL;
}

/**
 * ml_about_show:
 * @parent: (nullable): the window the About window belongs to
 */
void
ml_about_show (GtkWindow *parent)
{
  static const char *developers[] = { "Margin Lab developers", NULL };
  g_autoptr(GBytes) metainfo = g_resources_lookup_data ("/io/github/marginlab/MarginLab/metainfo.xml",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *notes = NULL;
  g_autofree char *notes_version = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *about;

  /* Built in, so always there, and checked by test-about; the window still opens without it. */
  if (metainfo != NULL)
    notes = ml_about_release_notes (g_bytes_get_data (metainfo, NULL), g_get_language_names (),
                                    &notes_version, &error);
  if (notes == NULL && error != NULL)
    g_critical ("The release notes cannot be read from the metainfo: %s", error->message);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Margin Lab"),
                        "application-icon", APP_ID,
                        "developer-name", _("Margin Lab developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "release-notes", notes,
                        "release-notes-version", notes_version,
                        "website", "https://github.com/marginlab/MarginLab",
                        "issue-url", "https://github.com/marginlab/MarginLab/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: the About window's comments; BTC/USDT and BTCUSDT are the contract's names, kept as they are */
                        "comments", _("See what cross and isolated margin do to a BTC/USDT perpetual position before you risk money. Risk brackets: Binance BTCUSDT, as published from 2024-05-30, a labelled stand-in."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}
