/* ml-lesson-text.c — a lesson's plain text and its placeholders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A lesson's text is shown as typed, in labels that could read markup: so markup is refused,
 * not escaped, and a teacher learns of it from --check-pack rather than from a learner. The
 * rule is simple to state: '<' followed by a letter, '/', '!' or '?' could open a tag, and '&'
 * followed by a name or a number and ';' is an entity; a lone "<" or "&" ("if A < B", "R&D")
 * is fine. Numbers come from placeholders, read against the model when the pack is loaded
 * (which proves they exist) and formatted when they are shown (in the learner's locale).
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-json-private.h"
#include "ml-lesson-pack.h"
#include "ml-lesson-text.h"
#include "ml-loss.h"
#include "ml-money.h"

static gboolean
ml_lesson_text_is_bidi_control (gunichar ch)
{
  return ch == 0x061c || ch == 0x200e || ch == 0x200f || (ch >= 0x202a && ch <= 0x202e) ||
         (ch >= 0x2066 && ch <= 0x2069);
}

/* The length of an entity at @p ("&amp;", "&#38;"), or 0 if there is none. */
static gsize
ml_lesson_text_entity_length (const char *p)
{
  gsize n = 1;

  if (p[n] == '#')
    n++;
  while (g_ascii_isalnum (p[n]))
    n++;
  return p[n] == ';' && n > 1 && !(n == 2 && p[1] == '#') ? n + 1 : 0;
}

static gboolean
ml_lesson_text_check_character (const char  *p,
                                GError     **error)
{
  gunichar ch = g_utf8_get_char (p);
  GUnicodeType type = g_unichar_type (ch);

  if (ch == '\n' || ch == '\r' || type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a lesson pack; U+%04X names the character by its Unicode code point */
                   _("a text is one paragraph: it may not hold a line break (U+%04X)"), ch);
      return FALSE;
    }
  if (type == G_UNICODE_CONTROL)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a lesson pack; U+%04X names the character by its Unicode code point */
                   _("a text may not hold control characters (U+%04X)"), ch);
      return FALSE;
    }
  if (ml_lesson_text_is_bidi_control (ch))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a lesson pack; U+%04X names the character by its Unicode code point */
                   _("a text may not hold U+%04X, an invisible character that changes the direction of the text around it"), ch);
      return FALSE;
    }
  if (ch == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: %.2s is what looks like the start of a tag, such as "<b" */
                   _("a text is plain: “%.2s” looks like markup, which is not allowed (write “< %c” if you mean “less than”)"),
                   p, p[1]);
      return FALSE;
    }
  if (ch == '&' && ml_lesson_text_entity_length (p) > 0)
    {
      gsize n = ml_lesson_text_entity_length (p);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: %.*s is an entity such as "&amp;" */
                   _("a text is plain: “%.*s” is a markup entity, which is not allowed; write the character itself"),
                   (int)MIN (n, 40), p);
      return FALSE;
    }
  return TRUE;
}

/* Reads the placeholder starting at @p, a '{', into @names; returns where it ends, or NULL. */
static const char *
ml_lesson_text_read_placeholder (const char  *p,
                                 gboolean     placeholders,
                                 GPtrArray   *names,
                                 GError     **error)
{
  const char *end = strchr (p + 1, '}');
  const char *open = strchr (p + 1, '{');

  if (end == NULL || (open != NULL && open < end))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   _("a “{” opens a placeholder that is not closed by “}” (write “{{” for a brace)"));
      return NULL;
    }
  if (end == p + 1)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   _("“{}” names no value (write “{{}}” for braces)"));
      return NULL;
    }
  if (!placeholders)
    {
      g_autofree char *name = g_strndup (p + 1, end - p - 1);
      g_autofree char *quoted = _ml_json_quote (name);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a lesson pack; %s is the placeholder found, such as {mark}; “{{” is kept as it is */
                   _("placeholders such as %s are read only in a step’s texts (write “{{” for a brace)"),
                   quoted);
      return NULL;
    }
  if (names != NULL)
    g_ptr_array_add (names, g_strndup (p + 1, end - p - 1));
  return end + 1;
}

/**
 * _ml_lesson_text_check:
 * @placeholders: whether the text may hold placeholders
 * @names: (element-type utf8) (nullable): receives the names of its placeholders
 *
 * Returns: %TRUE if @text is a plain, one-line text of the allowed length
 */
gboolean
_ml_lesson_text_check (const char  *text,
                       gboolean     placeholders,
                       GPtrArray   *names,
                       GError     **error)
{
  gboolean only_space = TRUE;

  if (g_utf8_strlen (text, -1) > ML_LESSON_PACK_MAX_TEXT)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a lesson pack; %d is the longest text allowed, in characters */
                   _("a text is at most %d characters long"), ML_LESSON_PACK_MAX_TEXT);
      return FALSE;
    }

  for (const char *p = text; *p != '\0';)
    {
      if (!ml_lesson_text_check_character (p, error))
        return FALSE;
      only_space = only_space && g_unichar_isspace (g_utf8_get_char (p));

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        p += 2;
      else if (p[0] == '{')
        {
          if (!(p = ml_lesson_text_read_placeholder (p, placeholders, names, error)))
            return FALSE;
        }
      else if (p[0] == '}')
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                       _("a “}” closes no placeholder (write “}}” for a brace)"));
          return FALSE;
        }
      else
        p = g_utf8_next_char (p);
    }

  if (only_space)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID, _("a text must say something; this one is empty"));
      return FALSE;
    }
  return TRUE;
}

/* Resolving placeholders */

static gboolean
ml_lesson_text_set (MlLessonValue      *value,
                    MlLessonValueKind   kind,
                    double              number)
{
  value->kind = kind;
  value->value = number;
  return TRUE;
}

static gboolean
ml_lesson_text_price (MlLessonValue *value,
                      double         price)
{
  if (price == ML_PRICE_NONE || !isfinite (price))
    return FALSE;
  return ml_lesson_text_set (value, ML_LESSON_VALUE_PRICE, price);
}

static gboolean
ml_lesson_text_distance (MlLessonValue *value,
                         double         mark,
                         double         price)
{
  if (price == ML_PRICE_NONE || !isfinite (price))
    return FALSE;
  return ml_lesson_text_set (value, ML_LESSON_VALUE_PERCENT, fabs (mark - price) / mark);
}

/* The account's own values: TRUE with @value set, FALSE when @field is not one of them or it
 * does not exist now; *@known says which. */
static gboolean
ml_lesson_text_account_value (MlAccount     *account,
                              const char    *field,
                              MlLessonValue *value,
                              gboolean      *known)
{
  gboolean cross = ml_account_get_n_cross_positions (account) > 0;

  *known = TRUE;
  if (strcmp (field, "balance") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_account_get_wallet_balance (account));
  if (strcmp (field, "mark") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_PRICE, ml_account_get_mark_price (account));
  if (strcmp (field, "equity") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_account_get_equity (account));
  if (strcmp (field, "pool") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_account_get_cross_pool (account));
  if (strcmp (field, "ratio") == 0)
    return cross && ml_lesson_text_set (value, ML_LESSON_VALUE_PERCENT, ml_account_get_cross_margin_ratio (account));
  if (strcmp (field, "pool.liquidation") == 0)
    return cross && ml_lesson_text_price (value, ml_account_get_cross_liquidation_price (account));
  if (strcmp (field, "pool.bankruptcy") == 0)
    return cross && ml_lesson_text_price (value, ml_account_get_cross_bankruptcy_price (account));
  *known = FALSE;
  return FALSE;
}

static gboolean
ml_lesson_text_position_value (MlAccount     *account,
                               MlPosition    *p,
                               const char    *field,
                               MlLessonValue *value,
                               gboolean      *known)
{
  double mark = ml_account_get_mark_price (account);
  double loss = 0;

  *known = TRUE;
  if (strcmp (field, "quantity") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_BTC, ml_position_get_quantity (p));
  if (strcmp (field, "entry") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_PRICE, ml_position_get_entry_price (p));
  if (strcmp (field, "leverage") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_LEVERAGE, ml_position_get_leverage (p));
  if (strcmp (field, "margin") == 0)
    return ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED &&
           ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_position_get_margin (p));
  if (strcmp (field, "notional") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_position_get_notional (p));
  if (strcmp (field, "im") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_position_get_initial_margin (p));
  if (strcmp (field, "mm") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_position_get_maintenance_margin (p));
  if (strcmp (field, "liquidation") == 0)
    return ml_lesson_text_price (value, ml_position_get_liquidation_price (p));
  if (strcmp (field, "bankruptcy") == 0)
    return ml_lesson_text_price (value, ml_position_get_bankruptcy_price (p));
  if (strcmp (field, "distance") == 0)
    return ml_lesson_text_distance (value, mark, ml_position_get_liquidation_price (p));
  if (strcmp (field, "bankruptcy_distance") == 0)
    return ml_lesson_text_distance (value, mark, ml_position_get_bankruptcy_price (p));
  if (strcmp (field, "loss") == 0)
    {
      ml_loss_compute (account, p, &loss);
      return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, loss);
    }
  if (strcmp (field, "pnl") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_position_get_unrealized_pnl (p));
  if (strcmp (field, "remaining") == 0)
    return ml_lesson_text_set (value, ML_LESSON_VALUE_USDT, ml_position_get_remaining_collateral (p));
  *known = FALSE;
  return FALSE;
}

static const char *
ml_lesson_text_moment_name (MlLessonMoment moment)
{
  switch (moment)
    {
    case ML_LESSON_MOMENT_SOLVED:
      return _("after the step’s solution");
    case ML_LESSON_MOMENT_AFTER:
      return _("after the step’s solution and its question’s reveal");
    case ML_LESSON_MOMENT_START:
    case ML_LESSON_N_MOMENTS:
    default:
      return _("at the step’s start");
    }
}

static gboolean
ml_lesson_text_resolve_field (const char     *field,
                              MlAccount      *account,
                              MlLessonMoment  moment,
                              MlLessonValue  *value,
                              GError        **error)
{
  g_autofree char *id = NULL;
  g_autofree char *quoted = _ml_json_quote (field);
  const char *dot;
  MlPosition *position;
  gboolean known;

  if (ml_lesson_text_account_value (account, field, value, &known))
    return TRUE;
  if (known)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: "{pool.liquidation}: there is no such value at the step's start" */
                   _("{%s}: there is no such value %s"), field, ml_lesson_text_moment_name (moment));
      return FALSE;
    }

  if ((dot = strrchr (field, '.')) == NULL || dot == field)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a lesson pack; %s is the placeholder found; the placeholders in braces are kept as they are */
                   _("%s names nothing: a placeholder is {balance}, {mark}, {equity}, {pool}, {ratio}, {pool.liquidation}, {pool.bankruptcy} or {ID.FIELD}"),
                   quoted);
      return FALSE;
    }

  id = g_strndup (field, dot - field);
  if ((position = ml_account_find_position (account, id)) == NULL)
    {
      g_autofree char *quoted_id = _ml_json_quote (id);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a lesson pack; %s in turn: the placeholder, the position's id and where it is looked for */
                   _("%s: there is no position %s %s"), quoted, quoted_id, ml_lesson_text_moment_name (moment));
      return FALSE;
    }
  if (ml_lesson_text_position_value (account, position, dot + 1, value, &known))
    return TRUE;

  if (known)
    g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                 /* Translators: a problem in a lesson pack; %s in turn: the placeholder and the field's name */
                 _("%s: the position has no such value %s"), quoted, ml_lesson_text_moment_name (moment));
  else
    g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                 /* Translators: a problem in a lesson pack; %s is the placeholder found; the field names are kept as they are */
                 _("%s names no value of a position: the fields are quantity, entry, leverage, margin, notional, im, mm, liquidation, bankruptcy, distance, bankruptcy_distance, loss, pnl and remaining"),
                 quoted);
  return FALSE;
}

/**
 * _ml_lesson_text_resolve:
 * @name: what stands between the braces: "mark", "solved.mine.loss"
 * @accounts: the step's account at each #MlLessonMoment
 *
 * Returns: %TRUE with @value set, or %FALSE with @error saying why @name names nothing there
 */
gboolean
_ml_lesson_text_resolve (const char        *name,
                         MlAccount * const *accounts,
                         MlLessonValue     *value,
                         GError           **error)
{
  MlLessonMoment moment = ML_LESSON_MOMENT_START;

  if (g_str_has_prefix (name, "solved."))
    moment = ML_LESSON_MOMENT_SOLVED, name += strlen ("solved.");
  else if (g_str_has_prefix (name, "after."))
    moment = ML_LESSON_MOMENT_AFTER, name += strlen ("after.");

  return ml_lesson_text_resolve_field (name, accounts[moment], moment, value, error);
}

/**
 * _ml_lesson_text_format:
 *
 * Returns: (transfer full): @value as ml-money.h shows it in the user's locale
 */
char *
_ml_lesson_text_format (const MlLessonValue *value)
{
  switch (value->kind)
    {
    case ML_LESSON_VALUE_PRICE:
      return ml_money_format_price (value->value);
    case ML_LESSON_VALUE_BTC:
      return ml_money_format_btc (value->value);
    case ML_LESSON_VALUE_PERCENT:
      return ml_money_format_percent (value->value);
    case ML_LESSON_VALUE_LEVERAGE:
      return ml_money_format_leverage ((guint)value->value);
    case ML_LESSON_VALUE_USDT:
    default:
      return ml_money_format_usdt (value->value);
    }
}

/**
 * _ml_lesson_text_expand:
 * @values: (nullable): placeholder name → #MlLessonValue
 *
 * Returns: (transfer full): @text with each placeholder @values knows replaced by its number
 *   and "{{", "}}" by braces; a placeholder it does not know stays as it was written
 */
char *
_ml_lesson_text_expand (const char *text,
                        GHashTable *values)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      const char *end;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (out, p[0]);
          p += 2;
        }
      else if (p[0] == '{' && (end = strchr (p, '}')) != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, end - p - 1);
          const MlLessonValue *value = values ? g_hash_table_lookup (values, name) : NULL;

          if (value != NULL)
            {
              g_autofree char *shown = _ml_lesson_text_format (value);

              g_string_append (out, shown);
            }
          else
            g_string_append_len (out, p, end - p + 1);
          p = end + 1;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
