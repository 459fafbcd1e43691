/* ml-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-json"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ml-json-private.h"
#include "ml-types.h"

/* A key as it stands in a path: as it is when it is a plain word, quoted (and cut, and
 * escaped) when it holds anything that could disturb a one-line message. */
static char *
ml_json_path_key (const char *key)
{
  gsize n = 0;

  for (const char *p = key; *p != '\0'; p++, n++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return _ml_json_quote (key);
  return n > 0 && n <= 40 ? g_strdup (key) : _ml_json_quote (key);
}

char *
_ml_json_path_member (const char *path,
                      const char *key)
{
  g_autofree char *shown = ml_json_path_key (key);

  if (path == NULL || path[0] == '\0')
    return g_steal_pointer (&shown);
  return g_strconcat (path, ".", shown, NULL);
}

char *
_ml_json_path_element (const char *path,
                       guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

static const char *
ml_json_describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
ml_json_type_error (JsonNode   *node,
                    const char *path,
                    const char *expected,
                    GError    **error)
{
  g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
               /* Translators: "positions[0].side: expected text, found a number" */
               _("%s: expected %s, found %s"), path, expected, ml_json_describe_node (node));
  return FALSE;
}

gboolean
_ml_json_check_keys (JsonObject          *object,
                     const char          *path,
                     const char * const  *allowed,
                     GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!g_strv_contains (allowed, key))
        {
          g_autofree char *where = _ml_json_path_member (path, key);
          g_autofree char *expected = g_strjoinv (", ", (char **)allowed);

          g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                       /* Translators: a problem in a scenario or lesson file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; then the value found and the limit */
                       _("%s: unknown key (the keys allowed here are %s)"), where, expected);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_ml_json_expect_object (JsonNode    *node,
                        const char  *path,
                        GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return ml_json_type_error (node, path, _("an object"), error);
  return TRUE;
}

gboolean
_ml_json_expect_array (JsonNode    *node,
                       const char  *path,
                       GError     **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return ml_json_type_error (node, path, _("a list"), error);
  return TRUE;
}

gboolean
_ml_json_read_number (JsonNode    *node,
                      const char  *path,
                      double      *value,
                      GError     **error)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return ml_json_type_error (node, path, _("a number"), error);

  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return ml_json_type_error (node, path, _("a number"), error);

  *value = json_node_get_double (node);
  if (!isfinite (*value))
    {
      g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                   /* Translators: a problem in a scenario or lesson file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is */
                   _("%s: the number is too large to be represented"), path);
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
ml_json_get_member (JsonObject  *object,
                    const char  *path,
                    const char  *key,
                    gboolean     required,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    {
      g_autofree char *where = _ml_json_path_member (path, key);

      g_set_error (error, ML_ERROR, ML_ERROR_INVALID, _("%s: missing (this key is required)"), where);
    }

  return node;
}

gboolean
_ml_json_get_number (JsonObject  *object,
                     const char  *path,
                     const char  *key,
                     gboolean     required,
                     double      *value,
                     GError     **error)
{
  g_autofree char *where = NULL;
  JsonNode *node;

  if (!(node = ml_json_get_member (object, path, key, required, error)))
    return !required;

  where = _ml_json_path_member (path, key);
  return _ml_json_read_number (node, where, value, error);
}

gboolean
_ml_json_get_string (JsonObject   *object,
                     const char   *path,
                     const char   *key,
                     gboolean      required,
                     const char  **value,
                     GError      **error)
{
  g_autofree char *where = NULL;
  JsonNode *node;

  if (!(node = ml_json_get_member (object, path, key, required, error)))
    return !required;

  where = _ml_json_path_member (path, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return ml_json_type_error (node, where, _("text"), error);

  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
_ml_json_get_boolean (JsonObject  *object,
                      const char  *path,
                      const char  *key,
                      gboolean    *value,
                      GError     **error)
{
  g_autofree char *where = NULL;
  JsonNode *node;

  if (!(node = json_object_get_member (object, key)))
    return TRUE;

  where = _ml_json_path_member (path, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return ml_json_type_error (node, where, _("true or false"), error);

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_ml_json_check_range (double       value,
                      const char  *path,
                      const char  *key,
                      double       min,
                      gboolean     min_inclusive,
                      double       max,
                      GError     **error)
{
  g_autofree char *where = key ? _ml_json_path_member (path, key) : g_strdup (path);
  char v[G_ASCII_DTOSTR_BUF_SIZE], lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

  if ((min_inclusive ? value >= min : value > min) && value <= max)
    return TRUE;

  _ml_json_format_number (value, v, sizeof v);
  _ml_json_format_number (min, lo, sizeof lo);
  _ml_json_format_number (max, hi, sizeof hi);

  if (value > max)
    g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                 /* Translators: a problem in a scenario or lesson file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; then the value found and the limit */
                 _("%s: %s is too large (at most %s)"), where, v, hi);
  else if (min == 0 && !min_inclusive)
    g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                 /* Translators: a problem in a scenario or lesson file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; then the value found and the limit */
                 _("%s: %s is not allowed, it must be above 0"), where, v);
  else
    g_set_error (error, ML_ERROR, ML_ERROR_INVALID,
                 /* Translators: a problem in a scenario or lesson file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; then the value found and the limit */
                 min_inclusive ? _("%s: %s is too small (at least %s)")
                               /* Translators: a problem in a scenario or lesson file; the first %s is where in the file the problem is, a JSON path such as “positions[0].leverage”, kept as it is; then the value found and the limit */
                               : _("%s: %s is too small (it must be above %s)"),
                 where, v, lo);
  return FALSE;
}

/* Writing */

void
_ml_json_format_number (double  value,
                        char   *buffer,
                        gsize   size)
{
  g_assert (isfinite (value));

  if (value == 0)
    value = 0; /* never "-0" */

  if (value == trunc (value) && fabs (value) < 1e15)
    {
      g_snprintf (buffer, size, "%" G_GINT64_FORMAT, (gint64)value);
      return;
    }

  /* The shortest of the usual precisions that reads back to the same double. */
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, size, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

typedef struct
{
  gboolean is_array;
  gboolean inline_elements;
  guint    count;
} Frame;

struct _MlJsonWriter
{
  GString *out;
  GArray  *frames;
  gboolean after_key;
};

MlJsonWriter *
_ml_json_writer_new (void)
{
  MlJsonWriter *self = g_new0 (MlJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  return self;
}

void
_ml_json_writer_free (MlJsonWriter *self)
{
  g_string_free (self->out, TRUE);
  g_array_unref (self->frames);
  g_free (self);
}

char *
_ml_json_writer_finish (MlJsonWriter *self,
                        gsize        *length)
{
  char *text;

  g_assert (self->frames->len == 0);
  g_string_append_c (self->out, '\n');
  if (length != NULL)
    *length = self->out->len;
  text = g_string_free (g_steal_pointer (&self->out), FALSE);
  self->out = g_string_new (NULL);
  return text;
}

static void
ml_json_newline (MlJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->frames->len; i++)
    g_string_append (self->out, "  ");
}

/* Separator and indentation before a value or key at the current level. */
static void
ml_json_before_item (MlJsonWriter *self)
{
  Frame *frame;

  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->frames->len == 0)
    return;

  frame = &g_array_index (self->frames, Frame, self->frames->len - 1);
  if (frame->count++ > 0)
    g_string_append_c (self->out, ',');
  if (frame->inline_elements)
    {
      if (frame->count > 1)
        g_string_append_c (self->out, ' ');
    }
  else
    ml_json_newline (self);
}

static void
ml_json_append_escaped (GString    *out,
                        const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar)*p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar)*p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

void
_ml_json_writer_key (MlJsonWriter *self,
                     const char   *key)
{
  ml_json_before_item (self);
  ml_json_append_escaped (self->out, key);
  g_string_append (self->out, ": ");
  self->after_key = TRUE;
}

static void
ml_json_begin (MlJsonWriter *self,
               char          open,
               gboolean      is_array,
               gboolean      inline_elements)
{
  Frame frame = { is_array, inline_elements, 0 };

  ml_json_before_item (self);
  g_string_append_c (self->out, open);
  g_array_append_val (self->frames, frame);
}

static void
ml_json_end (MlJsonWriter *self,
             char          close)
{
  Frame frame = g_array_index (self->frames, Frame, self->frames->len - 1);

  g_array_set_size (self->frames, self->frames->len - 1);
  if (frame.count > 0 && !frame.inline_elements)
    ml_json_newline (self);
  g_string_append_c (self->out, close);
}

void
_ml_json_writer_begin_object (MlJsonWriter *self)
{
  ml_json_begin (self, '{', FALSE, FALSE);
}

void
_ml_json_writer_end_object (MlJsonWriter *self)
{
  ml_json_end (self, '}');
}

void
_ml_json_writer_begin_array (MlJsonWriter *self,
                             gboolean      inline_elements)
{
  ml_json_begin (self, '[', TRUE, inline_elements);
}

void
_ml_json_writer_end_array (MlJsonWriter *self)
{
  ml_json_end (self, ']');
}

void
_ml_json_writer_number (MlJsonWriter *self,
                        double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  ml_json_before_item (self);
  _ml_json_format_number (value, buffer, sizeof buffer);
  g_string_append (self->out, buffer);
}

void
_ml_json_writer_price (MlJsonWriter *self,
                       double        price)
{
  if (price == ML_PRICE_NONE || isinf (price))
    _ml_json_writer_null (self);
  else
    _ml_json_writer_number (self, price);
}

void
_ml_json_writer_string (MlJsonWriter *self,
                        const char   *value)
{
  ml_json_before_item (self);
  ml_json_append_escaped (self->out, value);
}

void
_ml_json_writer_boolean (MlJsonWriter *self,
                         gboolean      value)
{
  ml_json_before_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
_ml_json_writer_null (MlJsonWriter *self)
{
  ml_json_before_item (self);
  g_string_append (self->out, "null");
}
