/* ml-brackets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-brackets"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-brackets-private.h"
#include "ml-contract.h"
#include "ml-json-private.h"

#define BRACKETS_RESOURCE "/io/github/marginlab/MarginLab/core/" ML_BRACKETS_DEFAULT_NAME ".json"

/* Limits that keep a scenario's own table meaningful; far beyond any real exchange's. */
#define MAX_CAP           1e13
#define MAX_AMOUNT        1e12
#define MAX_BRACKETS      64
#define AMOUNT_TOLERANCE  1e-6

G_DEFINE_FINAL_TYPE (MlBrackets, ml_brackets, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SOURCE,
  PROP_PUBLISHED,
  PROP_N_BRACKETS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ml_brackets_finalize (GObject *object)
{
  MlBrackets *self = (MlBrackets *)object;

  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->published, g_free);

  G_OBJECT_CLASS (ml_brackets_parent_class)->finalize (object);
}

static void
ml_brackets_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MlBrackets *self = ML_BRACKETS (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_N_BRACKETS:
      g_value_set_uint (value, self->n_brackets);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_brackets_class_init (MlBracketsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ml_brackets_finalize;
  object_class->get_property = ml_brackets_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_BRACKETS] =
    g_param_spec_uint ("n-brackets", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_brackets_init (MlBrackets *self)
{
}

static gboolean
ml_brackets_fail (GError    **error,
                  const char *path,
                  guint       index,
                  const char *key,
                  const char *format,
                  ...) G_GNUC_PRINTF (5, 6);

static gboolean
ml_brackets_fail (GError    **error,
                  const char *path,
                  guint       index,
                  const char *key,
                  const char *format,
                  ...)
{
  g_autofree char *element = _ml_json_path_element (path, index);
  g_autofree char *where = _ml_json_path_member (element, key);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ML_ERROR, ML_ERROR_INVALID, "%s: %s", where, problem);
  return FALSE;
}

/* The rules that make maintenance margin continuous and convex in price, which the
 * liquidation solver relies on: caps rise, rates never fall, leverage never rises, and each
 * amount is the one that makes the margin meet itself at the bracket's floor. */
static gboolean
ml_brackets_check_bracket (const MlBracket *b,
                           const MlBracket *previous,
                           const char      *path,
                           guint            i,
                           GError         **error)
{
  char v[G_ASCII_DTOSTR_BUF_SIZE], w[G_ASCII_DTOSTR_BUF_SIZE];
  guint max_leverage = ml_contract_get_max_leverage (ml_contract_get_default ());

  _ml_json_format_number (b->cap, v, sizeof v);
  if (b->cap <= b->floor || b->cap > MAX_CAP)
    {
      _ml_json_format_number (b->floor, w, sizeof w);
      return ml_brackets_fail (error, path, i, "cap",
                    /* Translators: a problem in a risk-bracket table; the first %s is where in the file (a JSON path), the second the previous bracket's notional cap */
                    _("%s must be above the previous cap (%s) and at most 10000000000000"), v, w);
    }

  _ml_json_format_number (b->rate, v, sizeof v);
  if (b->rate < 0 || b->rate >= 1)
    return ml_brackets_fail (error, path, i, "rate",
                  /* Translators: a problem in a risk-bracket table; %s is where in the file, a JSON path */
                  _("%s is not a maintenance rate (from 0 up to, but not including, 1)"), v);
  if (previous != NULL && b->rate < previous->rate)
    {
      _ml_json_format_number (previous->rate, w, sizeof w);
      return ml_brackets_fail (error, path, i, "rate",
                    /* Translators: a problem in a risk-bracket table; the first %s is where in the file, the second the previous rate */
                    _("%s is below the previous bracket's rate (%s); rates may only rise with the notional"),
                    v, w);
    }

  if (b->max_leverage < 1 || b->max_leverage > max_leverage ||
      (previous != NULL && b->max_leverage > previous->max_leverage))
    return ml_brackets_fail (error, path, i, "max_leverage",
                  /* Translators: a problem in a risk-bracket table; the first %u is the leverage found, the second the highest allowed */
                  _("%u must be a whole number from 1 to %u, and no higher than the previous bracket's"),
                  b->max_leverage, previous ? previous->max_leverage : max_leverage);

  _ml_json_format_number (b->amount, v, sizeof v);
  if (b->amount < 0 || b->amount > MAX_AMOUNT)
    /* Translators: a problem in a risk-bracket table; %s is where in the file, a JSON path */
    return ml_brackets_fail (error, path, i, "amount", _("%s must be from 0 to 1000000000000"), v);
  if (previous != NULL)
    {
      double expected = b->floor * (b->rate - previous->rate) + previous->amount;

      if (fabs (b->amount - expected) > AMOUNT_TOLERANCE * MAX (1.0, fabs (expected)))
        {
          char f[G_ASCII_DTOSTR_BUF_SIZE];

          _ml_json_format_number (expected, w, sizeof w);
          _ml_json_format_number (b->floor, f, sizeof f);
          return ml_brackets_fail (error, path, i, "amount",
                        /* Translators: a problem in a risk-bracket table; %s in turn: where in the file, the notional where the jump is, and the amount it must be */
                        _("%s makes the maintenance margin jump at %s USDT; it must be %s"),
                        v, f, w);
        }
    }

  return TRUE;
}

/* With a rate of 0 an amount could only ever make the margin negative. */
static gboolean
ml_brackets_check_first_amount (const MlBracket *first,
                                const char      *path,
                                GError         **error)
{
  if (first->rate > 0 || first->amount == 0)
    return TRUE;
  return ml_brackets_fail (error, path, 0, "amount",
                _("must be 0 when the rate is 0; an amount would make the maintenance margin negative"));
}

static gboolean
ml_brackets_read_bracket (JsonNode   *node,
                          const char *path,
                          guint       i,
                          MlBracket  *b,
                          GError    **error)
{
  static const char * const keys[] = { "cap", "rate", "amount", "max_leverage", NULL };
  g_autofree char *where = _ml_json_path_element (path, i);
  JsonObject *object;
  double max_leverage;

  if (!_ml_json_expect_object (node, where, error))
    return FALSE;
  object = json_node_get_object (node);

  if (!_ml_json_check_keys (object, where, keys, error) ||
      !_ml_json_get_number (object, where, "cap", TRUE, &b->cap, error) ||
      !_ml_json_get_number (object, where, "rate", TRUE, &b->rate, error) ||
      !_ml_json_get_number (object, where, "amount", TRUE, &b->amount, error) ||
      !_ml_json_get_number (object, where, "max_leverage", TRUE, &max_leverage, error))
    return FALSE;

  if (max_leverage != trunc (max_leverage) || max_leverage < 1 || max_leverage > G_MAXUINT16)
    return ml_brackets_fail (error, path, i, "max_leverage",
                  /* Translators: a problem in a risk-bracket table; %u is the highest leverage allowed */
                  _("must be a whole number from 1 to %u"),
                  ml_contract_get_max_leverage (ml_contract_get_default ()));
  b->max_leverage = (guint)max_leverage;

  return TRUE;
}

/* margin-model.md's MM = N × rate − amount would be negative below N = amount / rate when a
 * scenario's first bracket has an amount. No exchange asks for a negative maintenance margin,
 * so below that notional it is 0: an implied first bracket at rate 0. The margin stays
 * continuous and convex, which the liquidation solver relies on. */
static void
ml_brackets_add_zero_floor (MlBrackets *self)
{
  const MlBracket *first = &self->table[0];
  MlBracket *table;

  if (first->amount <= 0)
    return;

  table = g_new (MlBracket, self->n_brackets + 1);
  table[0] = (MlBracket) { 0, first->amount / first->rate, 0, 0, first->max_leverage };
  memcpy (table + 1, self->table, sizeof (MlBracket) * self->n_brackets);
  table[1].floor = table[0].cap;
  g_free (self->table);
  self->table = table;
  self->n_brackets++;
  self->n_implied = 1;
}

static MlBrackets *
ml_brackets_new_from_table_node (JsonNode    *node,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(MlBrackets) self = NULL;
  JsonArray *array;
  guint n;

  if (!_ml_json_expect_array (node, path, error))
    return NULL;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0 || n > MAX_BRACKETS)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a risk-bracket table; %s is where in the file; %u the most brackets allowed, then how many there are */
                   _("%s: a table needs from 1 to %u brackets, this one has %u"),
                   path, MAX_BRACKETS, n);
      return NULL;
    }

  self = g_object_new (ML_TYPE_BRACKETS, NULL);
  self->table = g_new0 (MlBracket, n);
  self->n_brackets = n;

  for (guint i = 0; i < n; i++)
    {
      MlBracket *b = &self->table[i];

      if (!ml_brackets_read_bracket (json_array_get_element (array, i), path, i, b, error))
        return NULL;
      b->floor = i > 0 ? self->table[i - 1].cap : 0;
      if (!ml_brackets_check_bracket (b, i > 0 ? &self->table[i - 1] : NULL, path, i, error))
        return NULL;
    }
  if (!ml_brackets_check_first_amount (self->table, path, error))
    return NULL;

  ml_brackets_add_zero_floor (self);
  return g_steal_pointer (&self);
}

static MlBrackets *
ml_brackets_load_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  MlBrackets *self;

  /* The table ships inside our own binary: a failure is a packaging bug, not user input. */
  bytes = g_resources_lookup_data (BRACKETS_RESOURCE, 0, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error))
    g_error ("Cannot read the built-in brackets: %s", error->message);

  root = json_node_get_object (json_parser_get_root (parser));
  self = ml_brackets_new_from_table_node (json_object_get_member (root, "brackets"), "brackets", &error);
  if (self == NULL)
    g_error ("The built-in brackets are invalid: %s", error->message);

  self->name = g_strdup (json_object_get_string_member (root, "id"));
  self->source = g_strdup (json_object_get_string_member (root, "source"));
  self->published = g_strdup (json_object_get_string_member (root, "published"));
  g_assert (g_strcmp0 (self->name, ML_BRACKETS_DEFAULT_NAME) == 0);

  return self;
}

/**
 * ml_brackets_get_default:
 *
 * Returns: (transfer none): the Binance BTCUSDT brackets of 2024-05-30, the labelled stand-in
 */
MlBrackets *
ml_brackets_get_default (void)
{
  static MlBrackets *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, ml_brackets_load_default ());

  return instance;
}

/* Binance's own table never pairs a rate with more leverage than the largest λ whose initial
 * margin is at least twice the maintenance margin (0.4 % with 125x, 1 % with 50x, 50 % with 1x;
 * at 0.65 % it rounds the rule's 76x down to 75x). A flat rate gets that leverage, so that no
 * order is liquidated the moment it opens. */
static guint
ml_brackets_max_leverage_for_rate (double rate)
{
  double contract_max = ml_contract_get_max_leverage (ml_contract_get_default ());

  /* Clamped as a double: for a tiny rate 1 / (2 × rate) does not fit an integer. */
  if (rate <= 0)
    return contract_max;
  return (guint) CLAMP (floor (1 / (2 * rate) + 1e-9), 1, contract_max);
}

/**
 * ml_brackets_new_flat:
 *
 * One bracket for every notional: MM = notional × @rate − @amount, with the leverage Binance
 * pairs with that rate (the largest λ with 1/λ ≥ 2 × @rate, at most the contract's).
 *
 * Returns: (transfer full) (nullable): the brackets, or %NULL with @error set
 */
MlBrackets *
ml_brackets_new_flat (double   rate,
                      double   amount,
                      GError **error)
{
  g_autoptr(MlBrackets) self = g_object_new (ML_TYPE_BRACKETS, NULL);
  MlBracket *b;

  self->flat = TRUE;
  self->n_brackets = 1;
  self->table = b = g_new0 (MlBracket, 1);
  b->floor = 0;
  b->cap = INFINITY;

  if (!_ml_json_check_range (rate, NULL, "rate", 0, TRUE, 0.999, error) ||
      !_ml_json_check_range (amount, NULL, "amount", 0, TRUE, MAX_AMOUNT, error))
    return NULL;

  b->rate = rate;
  b->amount = amount;
  b->max_leverage = ml_brackets_max_leverage_for_rate (rate);
  if (rate == 0 && amount > 0)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   _("amount: must be 0 when the rate is 0; an amount would make the maintenance margin negative"));
      return NULL;
    }
  ml_brackets_add_zero_floor (self);
  return g_steal_pointer (&self);
}

/**
 * ml_brackets_new_from_json:
 * @node: a scenario's `maintenance` value
 * @path: its JSON path, for error messages
 *
 * Reads `"binance-btcusdt-2024"`, `{"rate": R, "amount": A}` or `{"brackets": [...]}`.
 *
 * Returns: (transfer full) (nullable): the brackets, or %NULL with @error set
 */
MlBrackets *
ml_brackets_new_from_json (JsonNode    *node,
                           const char  *path,
                           GError     **error)
{
  static const char * const flat_keys[] = { "rate", "amount", NULL };
  static const char * const table_keys[] = { "brackets", NULL };
  JsonObject *object;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *quoted = NULL;

      if (g_strcmp0 (json_node_get_string (node), ML_BRACKETS_DEFAULT_NAME) == 0)
        return g_object_ref (ml_brackets_get_default ());

      quoted = _ml_json_quote (json_node_get_string (node));
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: %s in turn: where in the file, the table's name found, and the built-in table's name, kept as they are */
                   _("%s: unknown bracket table %s (the built-in one is “%s”)"),
                   path, quoted, ML_BRACKETS_DEFAULT_NAME);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: %s in turn: where in the file and the built-in table's name; the JSON in braces is kept as it is */
                   _("%s: expected “%s”, {\"rate\": R, \"amount\": A} or {\"brackets\": [...]}"),
                   path, ML_BRACKETS_DEFAULT_NAME);
      return NULL;
    }

  object = json_node_get_object (node);
  if (json_object_has_member (object, "brackets"))
    {
      g_autofree char *where = _ml_json_path_member (path, "brackets");

      if (!_ml_json_check_keys (object, path, table_keys, error))
        return NULL;
      return ml_brackets_new_from_table_node (json_object_get_member (object, "brackets"), where, error);
    }
  else
    {
      double rate = 0, amount = 0;
      MlBrackets *self;

      if (!_ml_json_check_keys (object, path, flat_keys, error) ||
          !_ml_json_get_number (object, path, "rate", TRUE, &rate, error) ||
          !_ml_json_get_number (object, path, "amount", FALSE, &amount, error))
        return NULL;

      if (!(self = ml_brackets_new_flat (rate, amount, error)))
        g_prefix_error (error, "%s.", path);
      return self;
    }
}

/**
 * ml_brackets_to_json:
 * @writer: an `MlJsonWriter`, positioned where the value goes
 *
 * Writes the form ml_brackets_new_from_json() reads back to equal brackets.
 */
void
ml_brackets_to_json (MlBrackets *self,
                     gpointer    writer)
{
  g_return_if_fail (ML_IS_BRACKETS (self));

  if (self->name != NULL)
    {
      _ml_json_writer_string (writer, self->name);
      return;
    }

  _ml_json_writer_begin_object (writer);
  if (self->flat)
    {
      _ml_json_writer_key (writer, "rate");
      _ml_json_writer_number (writer, self->table[self->n_implied].rate);
      _ml_json_writer_key (writer, "amount");
      _ml_json_writer_number (writer, self->table[self->n_implied].amount);
    }
  else
    {
      _ml_json_writer_key (writer, "brackets");
      _ml_json_writer_begin_array (writer, FALSE);
      for (guint i = self->n_implied; i < self->n_brackets; i++)
        {
          const MlBracket *b = &self->table[i];

          _ml_json_writer_begin_object (writer);
          _ml_json_writer_key (writer, "cap");
          _ml_json_writer_number (writer, b->cap);
          _ml_json_writer_key (writer, "rate");
          _ml_json_writer_number (writer, b->rate);
          _ml_json_writer_key (writer, "amount");
          _ml_json_writer_number (writer, b->amount);
          _ml_json_writer_key (writer, "max_leverage");
          _ml_json_writer_number (writer, b->max_leverage);
          _ml_json_writer_end_object (writer);
        }
      _ml_json_writer_end_array (writer);
    }
  _ml_json_writer_end_object (writer);
}

const char *
ml_brackets_get_name (MlBrackets *self)
{
  g_return_val_if_fail (ML_IS_BRACKETS (self), NULL);
  return self->name;
}

const char *
ml_brackets_get_source (MlBrackets *self)
{
  g_return_val_if_fail (ML_IS_BRACKETS (self), NULL);
  return self->source;
}

const char *
ml_brackets_get_published (MlBrackets *self)
{
  g_return_val_if_fail (ML_IS_BRACKETS (self), NULL);
  return self->published;
}

guint
ml_brackets_get_n_brackets (MlBrackets *self)
{
  g_return_val_if_fail (ML_IS_BRACKETS (self), 0);
  return self->n_brackets;
}

const MlBracket *
ml_brackets_get_bracket (MlBrackets *self,
                         guint       index)
{
  g_return_val_if_fail (ML_IS_BRACKETS (self), NULL);
  g_return_val_if_fail (index < self->n_brackets, NULL);
  return &self->table[index];
}

/**
 * ml_brackets_find:
 *
 * Returns: the index of the bracket that holds @notional (floor < N ≤ cap); beyond the last
 *   cap, the last bracket
 */
guint
ml_brackets_find (MlBrackets *self,
                  double      notional)
{
  g_return_val_if_fail (ML_IS_BRACKETS (self), 0);
  return _ml_brackets_find_below (self, notional);
}

double
ml_brackets_maintenance_margin (MlBrackets *self,
                                double      notional)
{
  const MlBracket *b;

  g_return_val_if_fail (ML_IS_BRACKETS (self), 0);

  b = &self->table[_ml_brackets_find_below (self, notional)];
  return notional * b->rate - b->amount;
}

guint
ml_brackets_max_leverage_at (MlBrackets *self,
                             double      notional)
{
  g_return_val_if_fail (ML_IS_BRACKETS (self), 0);
  return self->table[_ml_brackets_find_below (self, notional)].max_leverage;
}

/**
 * ml_brackets_get_max_notional:
 *
 * Returns: the last bracket's cap; an order above it is refused (infinite for a flat rate)
 */
double
ml_brackets_get_max_notional (MlBrackets *self)
{
  g_return_val_if_fail (ML_IS_BRACKETS (self), 0);
  return self->table[self->n_brackets - 1].cap;
}
