/* ml-scenario.c — reading and writing .mlscenario files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario file is untrusted input. Every problem becomes one line, "FILE: PLACE: PROBLEM",
 * where PLACE is line:column for what the JSON parser sees and the JSON path
 * (positions[1].leverage) for a value that is wrong; nothing is silently ignored or defaulted
 * that the learner wrote.
 */

#define G_LOG_DOMAIN "ml-scenario"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "ml-account-private.h"
#include "ml-enums.h"
#include "ml-file.h"
#include "ml-json-private.h"
#include "ml-scenario-private.h"

#define FORMAT_VERSION   1
#define MAX_TITLE        200
#define MAX_ID           64
#define MAX_POSITIONS    1000
#define MAX_WHAT_IF      10000
#define MAX_PATH         1000000
/* Each what-if price and path step lists every position in the report: a small file must not
 * ask for a report of gigabytes. */
#define MAX_REPORT_ENTRIES 2000000

G_DEFINE_FINAL_TYPE (MlScenario, ml_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ml_scenario_finalize (GObject *object)
{
  MlScenario *self = (MlScenario *)object;

  g_clear_object (&self->account);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->what_if, g_array_unref);
  g_clear_pointer (&self->path, g_array_unref);

  G_OBJECT_CLASS (ml_scenario_parent_class)->finalize (object);
}

static void
ml_scenario_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MlScenario *self = ML_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_scenario_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MlScenario *self = ML_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    case PROP_TITLE:
      ml_scenario_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_scenario_class_init (MlScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ml_scenario_finalize;
  object_class->get_property = ml_scenario_get_property;
  object_class->set_property = ml_scenario_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, ML_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_scenario_init (MlScenario *self)
{
  self->what_if = g_array_new (FALSE, FALSE, sizeof (double));
  self->path = g_array_new (FALSE, FALSE, sizeof (double));
}

/**
 * ml_scenario_new:
 * @account: the lab state to save
 *
 * Returns: (transfer full): a scenario with no title, what-if prices or path
 */
MlScenario *
ml_scenario_new (MlAccount *account)
{
  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);
  return g_object_new (ML_TYPE_SCENARIO, "account", account, NULL);
}

/**
 * ml_scenario_new_with_account:
 *
 * Returns: (transfer full): a scenario with @self's title, what-if prices and price path, and
 *   @account: the lab saves what the learner has done with the scenario it opened
 */
MlScenario *
ml_scenario_new_with_account (MlScenario *self,
                              MlAccount  *account)
{
  MlScenario *copy;

  g_return_val_if_fail (ML_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (ML_IS_ACCOUNT (account), NULL);

  copy = ml_scenario_new (account);
  ml_scenario_set_title (copy, self->title);
  g_array_append_vals (copy->what_if, self->what_if->data, self->what_if->len);
  g_array_append_vals (copy->path, self->path->data, self->path->len);
  return copy;
}

/* Reading: the text before JSON */

static gboolean
ml_scenario_too_large (guint64   size,
                       GError  **error)
{
  g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (ML_SCENARIO_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, ML_ERROR, ML_ERROR_NOT_TEXT,
               /* Translators: a problem in a scenario file, after its name; both %s are sizes such as “2.1 MB” */
               _("is too large (%s); a scenario file is at most %s"), actual, limit);
  return FALSE;
}

/* Text in another encoding than UTF-8, named by its byte-order mark or, without one, by the
 * zero bytes that ASCII characters have in it; or NULL. */
static const char *
ml_scenario_other_encoding (const guchar *data,
                            gsize         length)
{
  if (length >= 4 && (memcmp (data, "\xff\xfe\0\0", 4) == 0 || memcmp (data, "\0\0\xfe\xff", 4) == 0))
    return "UTF-32";
  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    return "UTF-16";
  /* Two ASCII characters, each with a zero byte after (little-endian) or before (big-endian). */
  if (length >= 4 && ((data[0] != 0 && data[0] < 0x80 && data[1] == 0 && data[2] != 0 && data[3] == 0) ||
                      (data[0] == 0 && data[1] != 0 && data[1] < 0x80 && data[2] == 0 && data[3] != 0)))
    return "UTF-16";
  return NULL;
}

/* Checks that @data is UTF-8 text with something in it, and steps over a UTF-8 byte-order
 * mark: some editors write one, and it is no part of the JSON. */
static gboolean
ml_scenario_check_text (const char **data,
                        gsize       *length,
                        GError     **error)
{
  const char *start = *data, *encoding, *end;

  if (*length > ML_SCENARIO_MAX_SIZE)
    return ml_scenario_too_large (*length, error);

  if ((encoding = ml_scenario_other_encoding ((const guchar *)*data, *length)) != NULL)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_NOT_TEXT,
                   /* Translators: %s is UTF-16 or UTF-32 */
                   _("is %s text; Margin Lab reads UTF-8: save the file as UTF-8"), encoding);
      return FALSE;
    }
  if (*length >= 3 && memcmp (*data, "\xef\xbb\xbf", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }

  if (!g_utf8_validate_len (*data, *length, &end) || memchr (*data, '\0', *length) != NULL)
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize)(end - start) + 1);

      g_set_error (error, ML_ERROR, ML_ERROR_NOT_TEXT,
                   /* Translators: a problem in a scenario file, after its name; %s is where in the file, counted in bytes */
                   _("is not a text file (byte %s is not UTF-8 text): a scenario is a JSON text file"),
                   offset);
      return FALSE;
    }

  for (gsize i = 0; i < *length; i++)
    if (!g_ascii_isspace ((*data)[i]))
      return TRUE;

  g_set_error (error, ML_ERROR, ML_ERROR_NOT_TEXT, _("is empty: a scenario is a JSON object"));
  return FALSE;
}

static JsonNode *
ml_scenario_parse (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (!_ml_json_check_syntax (data, length, error))
    return NULL;

  /* Only valid JSON gets here, so json-glib has no reason to refuse it. */
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_SYNTAX, _("syntax error: %s"), local_error->message);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

/* Reading: the values */

static gboolean
ml_scenario_read_prices (JsonObject  *object,
                         const char  *key,
                         guint        max,
                         GArray      *prices,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;
  if (!_ml_json_expect_array (node, key, error))
    return FALSE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > max)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; %u are how many prices it has, then the most allowed */
                   _("%s: %u prices is too many (at most %u)"), key, n, max);
      return FALSE;
    }

  g_array_set_size (prices, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = _ml_json_path_element (key, i);
      double *price = &g_array_index (prices, double, i);

      if (!_ml_json_read_number (json_array_get_element (array, i), where, price, error) ||
          !_ml_json_check_range (*price, where, NULL, ML_MIN_PRICE, TRUE, ML_MAX_PRICE, error))
        return FALSE;
    }

  return TRUE;
}

/* One of a two-valued enum of ml-enums.h, by its nick. */
static gboolean
ml_scenario_read_choice (JsonObject  *object,
                         const char  *path,
                         const char  *key,
                         GType        type,
                         int         *value,
                         GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  const GEnumValue *choice;
  const char *text = NULL;

  if (!_ml_json_get_string (object, path, key, TRUE, &text, error))
    return FALSE;

  if ((choice = g_enum_get_value_by_nick (klass, text)) != NULL)
    {
      *value = choice->value;
      return TRUE;
    }

  {
    g_autofree char *where = _ml_json_path_member (path, key);
    g_autofree char *quoted = _ml_json_quote (text);

    g_assert (klass->n_values == 2);
    g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                 /* Translators: a problem in a scenario file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; then the value found and the two allowed values, kept as they are */
                 _("%s: %s is neither “%s” nor “%s”"), where, quoted,
                 klass->values[0].value_nick, klass->values[1].value_nick);
  }
  return FALSE;
}

static gboolean
ml_scenario_is_bidi_control (gunichar ch)
{
  return ch == 0x061c || ch == 0x200e || ch == 0x200f || (ch >= 0x202a && ch <= 0x202e) ||
         (ch >= 0x2066 && ch <= 0x2069);
}

static gboolean
ml_scenario_is_zero_width (gunichar ch)
{
  return (ch >= 0x200b && ch <= 0x200d) || ch == 0x2060 || ch == 0xfeff;
}

/* Why @ch may not stand in an id (or a title), in words; or %NULL if it may. */
static char *
ml_scenario_refuse_character (gunichar ch,
                              gboolean is_id)
{
  GUnicodeType type = g_unichar_type (ch);

  if (type == G_UNICODE_CONTROL)
    /* Translators: a problem in a scenario file; U+%04X names the character by its Unicode code point */
    return g_strdup_printf (is_id ? _("an id may not contain control characters (U+%04X)")
                                  /* Translators: a problem in a scenario file; U+%04X names the character by its Unicode code point */
                                  : _("a title may not contain control characters (U+%04X)"), ch);
  if (type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
    /* Translators: a problem in a scenario file; U+%04X names the character by its Unicode code point */
    return g_strdup_printf (is_id ? _("an id may not contain U+%04X, a line break")
                                  /* Translators: a problem in a scenario file; U+%04X names the character by its Unicode code point */
                                  : _("a title may not contain U+%04X, a line break"), ch);
  /* A title may be in a right-to-left language, which needs its direction marks. */
  if (!is_id || type != G_UNICODE_FORMAT)
    return NULL;
  if (ml_scenario_is_bidi_control (ch))
    /* Translators: a problem in a scenario file; U+%04X names the character by its Unicode code point */
    return g_strdup_printf (_("an id may not contain U+%04X, an invisible character that changes the direction of the text around it"), ch);
  if (ml_scenario_is_zero_width (ch))
    /* Translators: a problem in a scenario file; U+%04X names the character by its Unicode code point */
    return g_strdup_printf (_("an id may not contain U+%04X, an invisible character of zero width"), ch);
  /* Translators: a problem in a scenario file; U+%04X names the character by its Unicode code point */
  return g_strdup_printf (_("an id may not contain U+%04X, an invisible formatting character"), ch);
}

/* Ids and titles are shown as they are, in the window, the chart and messages: nothing in them
 * may break the line, and an id, which tells positions apart, may not hide or reorder itself. */
static gboolean
ml_scenario_check_shown_text (const char  *text,
                              const char  *where,
                              gboolean     is_id,
                              GError     **error)
{
  gboolean only_space = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      g_autofree char *problem = ml_scenario_refuse_character (ch, is_id);

      if (problem != NULL)
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID, "%s: %s", where, problem);
          return FALSE;
        }
      only_space = only_space && g_unichar_isspace (ch);
    }

  if (is_id && only_space)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is */
                   _("%s: an id must show something; this one is only spaces"), where);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ml_scenario_read_id (JsonObject  *object,
                     const char  *path,
                     MlAccount   *account,
                     const char **id,
                     GError     **error)
{
  g_autofree char *where = _ml_json_path_member (path, "id");
  glong length;

  if (!_ml_json_get_string (object, path, "id", TRUE, id, error))
    return FALSE;

  length = g_utf8_strlen (*id, -1);
  if (length == 0 || length > MAX_ID)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; %d is the longest id allowed */
                   _("%s: an id is from 1 to %d characters long"), where, MAX_ID);
      return FALSE;
    }
  if (!ml_scenario_check_shown_text (*id, where, TRUE, error))
    return FALSE;
  if (ml_account_find_position (account, *id) != NULL)
    {
      g_autofree char *quoted = _ml_json_quote (*id);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; the second is the id */
                   _("%s: another position already has the id %s; ids must be unique"), where, quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
ml_scenario_read_position (JsonNode    *node,
                           const char  *path,
                           MlAccount   *account,
                           GError     **error)
{
  static const char * const keys[] = {
    "id", "side", "mode", "quantity", "entry_price", "leverage", "margin", NULL
  };
  MlOrder order = { 0 };
  JsonObject *object;
  int side, mode;
  double leverage;
  const char *field = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!_ml_json_expect_object (node, path, error))
    return FALSE;
  object = json_node_get_object (node);

  if (!_ml_json_check_keys (object, path, keys, error) ||
      !ml_scenario_read_id (object, path, account, &order.id, error) ||
      !ml_scenario_read_choice (object, path, "side", ML_TYPE_SIDE, &side, error) ||
      !ml_scenario_read_choice (object, path, "mode", ML_TYPE_MARGIN_MODE, &mode, error) ||
      !_ml_json_get_number (object, path, "quantity", TRUE, &order.quantity, error) ||
      !_ml_json_get_number (object, path, "entry_price", TRUE, &order.price, error) ||
      !_ml_json_get_number (object, path, "leverage", TRUE, &leverage, error) ||
      !_ml_json_get_number (object, path, "margin", FALSE, &order.margin, error))
    return FALSE;

  order.side = side;
  order.mode = mode;

  if (leverage != trunc (leverage) || leverage < 1 || leverage > G_MAXUINT16)
    {
      g_autofree char *where = _ml_json_path_member (path, "leverage");
      char v[G_ASCII_DTOSTR_BUF_SIZE];

      _ml_json_format_number (leverage, v, sizeof v);
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; the second is the leverage found; %u the highest allowed */
                   _("%s: %s is not allowed; leverage is a whole number from 1 to %u"),
                   where, v, ml_contract_get_max_leverage (ml_contract_get_default ()));
      return FALSE;
    }
  order.leverage = (guint)leverage;

  if (order.mode == ML_MARGIN_MODE_ISOLATED && json_object_has_member (object, "margin") &&
      order.margin <= 0)
    {
      g_autofree char *where = _ml_json_path_member (path, "margin");

      /* Translators: a problem in a scenario file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is */
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID, _("%s: the margin must be above 0"), where);
      return FALSE;
    }

  if (order.mode == ML_MARGIN_MODE_CROSS && json_object_has_member (object, "margin"))
    order.margin = NAN; /* refused below, naming the key */

  if (!_ml_account_check_order (account, &order, FALSE, &field, &local_error))
    {
      g_autofree char *where = _ml_json_path_member (path, field);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID, "%s: %s", where, local_error->message);
      return FALSE;
    }

  _ml_account_restore (account, &order);
  return TRUE;
}

static gboolean
ml_scenario_read_fees (JsonObject  *root,
                       MlAccount   *account,
                       GError     **error)
{
  static const char * const keys[] = { "taker", "maker", "charge", NULL };
  double taker = ml_account_get_taker_fee_rate (account);
  double maker = ml_account_get_maker_fee_rate (account);
  gboolean charge = FALSE;
  JsonNode *node = json_object_get_member (root, "fees");
  JsonObject *fees;

  if (node == NULL)
    return TRUE;
  if (!_ml_json_expect_object (node, "fees", error))
    return FALSE;

  fees = json_node_get_object (node);
  if (!_ml_json_check_keys (fees, "fees", keys, error) ||
      !_ml_json_get_number (fees, "fees", "taker", FALSE, &taker, error) ||
      !_ml_json_check_range (taker, "fees", "taker", 0, TRUE, ML_MAX_FEE_RATE, error) ||
      !_ml_json_get_number (fees, "fees", "maker", FALSE, &maker, error) ||
      !_ml_json_check_range (maker, "fees", "maker", 0, TRUE, ML_MAX_FEE_RATE, error) ||
      !_ml_json_get_boolean (fees, "fees", "charge", &charge, error))
    return FALSE;

  ml_account_set_taker_fee_rate (account, taker);
  ml_account_set_maker_fee_rate (account, maker);
  ml_account_set_charge_fees (account, charge);
  return TRUE;
}

static MlAccount *
ml_scenario_read_account (JsonObject  *root,
                          GError     **error)
{
  g_autoptr(MlBrackets) brackets = NULL;
  g_autoptr(MlAccount) account = NULL;
  double wallet = 0, mark = 0;
  JsonNode *node;
  guint index;
  g_autoptr(GError) local_error = NULL;

  if (!_ml_json_get_number (root, NULL, "wallet_balance", TRUE, &wallet, error) ||
      !_ml_json_check_range (wallet, NULL, "wallet_balance", 0, FALSE, ML_MAX_BALANCE, error) ||
      !_ml_json_get_number (root, NULL, "mark_price", TRUE, &mark, error) ||
      !_ml_json_check_range (mark, NULL, "mark_price", ML_MIN_PRICE, TRUE, ML_MAX_PRICE, error))
    return NULL;

  if ((node = json_object_get_member (root, "maintenance")) != NULL &&
      !(brackets = ml_brackets_new_from_json (node, "maintenance", error)))
    return NULL;

  account = ml_account_new (brackets, wallet, mark);
  if (!ml_scenario_read_fees (root, account, error))
    return NULL;

  if ((node = json_object_get_member (root, "positions")) != NULL)
    {
      JsonArray *array;

      if (!_ml_json_expect_array (node, "positions", error))
        return NULL;
      array = json_node_get_array (node);
      if (json_array_get_length (array) > MAX_POSITIONS)
        {
          g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                       /* Translators: a problem in a scenario file; “positions:” is where, kept as it is; %u are how many positions it has, then the most allowed */
                       _("positions: %u positions is too many (at most %u)"),
                       json_array_get_length (array), MAX_POSITIONS);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = _ml_json_path_element ("positions", i);

          if (!ml_scenario_read_position (json_array_get_element (array, i), path, account, error))
            return NULL;
        }
    }

  if (!_ml_account_check_state (account, &index, &local_error))
    {
      g_autofree char *path = index == G_MAXUINT ? g_strdup ("positions")
                                                 : _ml_json_path_element ("positions", index);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID, "%s: %s", path, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&account);
}

static gboolean
ml_scenario_read_header (JsonObject  *root,
                         const char **title,
                         GError     **error)
{
  static const char * const keys[] = {
    "margin-lab-scenario", "title", "wallet_balance", "mark_price", "maintenance", "fees",
    "positions", "what_if", "path", NULL
  };
  double version = 0;

  if (!json_object_has_member (root, "margin-lab-scenario"))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   _("margin-lab-scenario: missing; a Margin Lab scenario starts with \"margin-lab-scenario\": 1"));
      return FALSE;
    }
  if (!_ml_json_get_number (root, NULL, "margin-lab-scenario", TRUE, &version, error))
    return FALSE;
  if (version > FORMAT_VERSION && version == trunc (version))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_VERSION,
                   /* Translators: a problem in a scenario file; “margin-lab-scenario:” is where, kept as it is; %.0f is the file's version, %d the version this app reads */
                   _("margin-lab-scenario: version %.0f was written by a newer Margin Lab; this one reads version %d"),
                   version, FORMAT_VERSION);
      return FALSE;
    }
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario file; “margin-lab-scenario:” is where, kept as it is; %d is the version this app reads */
                   _("margin-lab-scenario: the version must be %d"), FORMAT_VERSION);
      return FALSE;
    }

  if (!_ml_json_check_keys (root, NULL, keys, error) ||
      !_ml_json_get_string (root, NULL, "title", FALSE, title, error))
    return FALSE;

  if (*title != NULL && g_utf8_strlen (*title, -1) > MAX_TITLE)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario file; “title:” is where, kept as it is; %d is the longest title allowed */
                   _("title: a title is at most %d characters long"), MAX_TITLE);
      return FALSE;
    }

  return *title == NULL || ml_scenario_check_shown_text (*title, "title", FALSE, error);
}

static gboolean
ml_scenario_check_report_size (MlScenario  *self,
                               GError     **error)
{
  guint64 n_positions = g_list_model_get_n_items (ml_account_get_positions (self->account));
  guint64 entries = n_positions * (self->what_if->len + self->path->len);
  g_autofree char *count = NULL;

  if (entries <= MAX_REPORT_ENTRIES)
    return TRUE;

  count = g_strdup_printf ("%" G_GUINT64_FORMAT, entries);
  g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
               /* Translators: a problem in a scenario file; “path:” is where, kept as it is; %u are the number of prices and positions, %s the entries they would make, %d the most allowed */
               _("path: %u what-if and path prices for %u positions would make a report of %s entries; a scenario may ask for at most %d"),
               self->what_if->len + self->path->len, (guint)n_positions, count, MAX_REPORT_ENTRIES);
  return FALSE;
}

static MlScenario *
ml_scenario_read_scenario (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(MlAccount) account = NULL;
  g_autoptr(MlScenario) self = NULL;
  JsonObject *object;
  const char *title = NULL;

  if (!ml_scenario_check_text (&data, &length, error) || !(root = ml_scenario_parse (data, length, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   _("the file holds JSON but not an object; a scenario is one JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!ml_scenario_read_header (object, &title, error) || !(account = ml_scenario_read_account (object, error)))
    return NULL;

  self = ml_scenario_new (account);
  self->title = g_strdup (title);
  if (!ml_scenario_read_prices (object, "what_if", MAX_WHAT_IF, self->what_if, error) ||
      !ml_scenario_read_prices (object, "path", MAX_PATH, self->path, error) ||
      !ml_scenario_check_report_size (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ml_scenario_new_from_data:
 * @length: the length of @data, or -1 if it ends with a NUL byte
 * @name: how to name the data in error messages, usually the file's name; its line breaks,
 *   control and bidi characters are escaped there
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL with @error set to one line,
 *   "NAME: PLACE: PROBLEM"
 */
MlScenario *
ml_scenario_new_from_data (const char  *data,
                           gssize       length,
                           const char  *name,
                           GError     **error)
{
  MlScenario *self;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (data == NULL)
    data = "", length = 0;
  else if (length < 0)
    length = strlen (data);

  if (!(self = ml_scenario_read_scenario (data, length, error)))
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      _ml_json_append_one_line (shown, name, 0);
      g_prefix_error (error, "%s: ", shown->str);
    }
  return self;
}

/**
 * ml_scenario_new_from_file:
 *
 * Reads a regular file only: a folder, a device or a pipe is refused without blocking.
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL with @error set to one line
 *   naming @filename as ml_file_display_name() shows it, the place and the problem
 */
MlScenario *
ml_scenario_new_from_file (const char  *filename,
                           GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (filename != NULL, NULL);

  name = ml_file_display_name (filename);
  if (!(data = ml_file_read_contents (filename, ML_SCENARIO_MAX_SIZE, &length, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        ml_scenario_too_large (length, error);
      else
        g_set_error_literal (error, ML_ERROR, ML_ERROR_NOT_TEXT, local_error->message);
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  return ml_scenario_new_from_data (data, length, name, error);
}

/**
 * ml_scenario_describe_error:
 * @error: an error from ml_scenario_new_from_file() or ml_scenario_save()
 * @filename: the file it was given
 *
 * The command line prints @error's message as it is, "NAME: 4:26: PROBLEM". A dialog whose
 * heading names the file says the rest in words: "Line 4, column 26: PROBLEM", or
 * "positions[1].leverage: PROBLEM"; a problem with the file as a whole ("is empty: …") keeps
 * the file's base name in front, so that it still reads as a sentence.
 *
 * Returns: (transfer full): the problem, on one line
 */
char *
ml_scenario_describe_error (const GError *error,
                            const char   *filename)
{
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *shown_base = NULL;
  const char *rest;
  guint line, column;
  int consumed = 0;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  name = ml_file_display_name (filename);
  if (!g_str_has_prefix (error->message, name) || !g_str_has_prefix (error->message + strlen (name), ": "))
    return g_strdup (error->message);
  rest = error->message + strlen (name) + 2;

  if (g_error_matches (error, ML_ERROR, ML_ERROR_SYNTAX) &&
      sscanf (rest, "%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    /* Translators: where a scenario file's JSON goes wrong, then what is wrong */
    return g_strdup_printf (_("Line %u, column %u: %s"), line, column, rest + consumed);
  if (error->domain == ML_ERROR && error->code != ML_ERROR_NOT_TEXT)
    return g_strdup (rest);

  base = g_path_get_basename (filename);
  shown_base = ml_file_display_name (base);
  /* Translators: a file's name, then what is wrong with it: “a.mlscenario” is empty: … */
  return g_strdup_printf (_("“%s” %s"), shown_base, rest);
}

/* Writing */

static void
ml_scenario_write_position (MlJsonWriter *w,
                            MlPosition   *p)
{
  _ml_json_writer_begin_object (w);
  _ml_json_writer_key (w, "id");
  _ml_json_writer_string (w, ml_position_get_id (p));
  _ml_json_writer_key (w, "side");
  _ml_json_writer_string (w, ml_enum_get_nick (ML_TYPE_SIDE, ml_position_get_side (p)));
  _ml_json_writer_key (w, "mode");
  _ml_json_writer_string (w, ml_enum_get_nick (ML_TYPE_MARGIN_MODE, ml_position_get_mode (p)));
  _ml_json_writer_key (w, "quantity");
  _ml_json_writer_number (w, ml_position_get_quantity (p));
  _ml_json_writer_key (w, "entry_price");
  _ml_json_writer_number (w, ml_position_get_entry_price (p));
  _ml_json_writer_key (w, "leverage");
  _ml_json_writer_number (w, ml_position_get_leverage (p));
  if (ml_position_get_mode (p) == ML_MARGIN_MODE_ISOLATED)
    {
      _ml_json_writer_key (w, "margin");
      _ml_json_writer_number (w, ml_position_get_margin (p));
    }
  _ml_json_writer_end_object (w);
}

static void
ml_scenario_write_prices (MlJsonWriter *w,
                          const char   *key,
                          GArray       *prices)
{
  if (prices->len == 0)
    return;

  _ml_json_writer_key (w, key);
  _ml_json_writer_begin_array (w, TRUE);
  for (guint i = 0; i < prices->len; i++)
    _ml_json_writer_number (w, g_array_index (prices, double, i));
  _ml_json_writer_end_array (w);
}

/**
 * ml_scenario_to_data:
 *
 * Writes the scenario as version 1 JSON: the live positions (liquidated ones are history, and
 * already paid for in the wallet). Loading the result and writing it again gives the same bytes.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
ml_scenario_to_data (MlScenario *self,
                     gsize      *length)
{
  g_autoptr(MlJsonWriter) w = _ml_json_writer_new ();
  MlAccount *account;
  GListModel *positions;

  g_return_val_if_fail (ML_IS_SCENARIO (self), NULL);

  account = self->account;
  positions = ml_account_get_positions (account);

  _ml_json_writer_begin_object (w);
  _ml_json_writer_key (w, "margin-lab-scenario");
  _ml_json_writer_number (w, FORMAT_VERSION);
  if (self->title != NULL)
    {
      _ml_json_writer_key (w, "title");
      _ml_json_writer_string (w, self->title);
    }
  _ml_json_writer_key (w, "wallet_balance");
  _ml_json_writer_number (w, ml_account_get_wallet_balance (account));
  _ml_json_writer_key (w, "mark_price");
  _ml_json_writer_number (w, ml_account_get_mark_price (account));
  _ml_json_writer_key (w, "maintenance");
  ml_brackets_to_json (ml_account_get_brackets (account), w);

  _ml_json_writer_key (w, "fees");
  _ml_json_writer_begin_object (w);
  _ml_json_writer_key (w, "taker");
  _ml_json_writer_number (w, ml_account_get_taker_fee_rate (account));
  _ml_json_writer_key (w, "maker");
  _ml_json_writer_number (w, ml_account_get_maker_fee_rate (account));
  _ml_json_writer_key (w, "charge");
  _ml_json_writer_boolean (w, ml_account_get_charge_fees (account));
  _ml_json_writer_end_object (w);

  _ml_json_writer_key (w, "positions");
  _ml_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (!ml_position_get_liquidated (p))
        ml_scenario_write_position (w, p);
    }
  _ml_json_writer_end_array (w);

  ml_scenario_write_prices (w, "what_if", self->what_if);
  ml_scenario_write_prices (w, "path", self->path);
  _ml_json_writer_end_object (w);

  return _ml_json_writer_finish (w, length);
}

/**
 * ml_scenario_save:
 *
 * Writes the scenario atomically with ml_file_replace_contents(): over the file a symbolic link
 * points to, keeping its mode, so a crash leaves the old file or the new one, never half of
 * either.
 *
 * Returns: %TRUE if saved; else %FALSE with @error set to one line naming @filename, as
 *   ml_file_display_name() shows it, and the problem
 */
gboolean
ml_scenario_save (MlScenario  *self,
                  const char  *filename,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (ML_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  data = ml_scenario_to_data (self, &length);
  if (ml_file_replace_contents (filename, data, length, error))
    return TRUE;

  name = ml_file_display_name (filename);
  g_prefix_error (error, "%s: ", name);
  return FALSE;
}

/**
 * ml_scenario_get_account:
 *
 * Returns: (transfer none): the lab state
 */
MlAccount *
ml_scenario_get_account (MlScenario *self)
{
  g_return_val_if_fail (ML_IS_SCENARIO (self), NULL);
  return self->account;
}

const char *
ml_scenario_get_title (MlScenario *self)
{
  g_return_val_if_fail (ML_IS_SCENARIO (self), NULL);
  return self->title;
}

void
ml_scenario_set_title (MlScenario *self,
                       const char *title)
{
  g_return_if_fail (ML_IS_SCENARIO (self));

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/**
 * ml_scenario_get_what_if:
 *
 * Returns: (array length=n_prices): the prices to evaluate independently of the state
 */
const double *
ml_scenario_get_what_if (MlScenario *self,
                         gsize      *n_prices)
{
  g_return_val_if_fail (ML_IS_SCENARIO (self), NULL);
  *n_prices = self->what_if->len;
  return (const double *)(gpointer)self->what_if->data;
}

/**
 * ml_scenario_get_path:
 *
 * Returns: (array length=n_prices): the mark prices to apply in order
 */
const double *
ml_scenario_get_path (MlScenario *self,
                      gsize      *n_prices)
{
  g_return_val_if_fail (ML_IS_SCENARIO (self), NULL);
  *n_prices = self->path->len;
  return (const double *)(gpointer)self->path->data;
}
