/* ml-json-syntax.c — strict JSON syntax, with places and words a learner can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 reads more than JSON (octal 060000 as 24576, hex, comments, single quotes),
 * wraps long integers around, ignores a second value, keeps the last of two equal keys,
 * recurses without limit, and words its errors for programmers. So every file is checked here
 * first, in one pass with an explicit stack, and json-glib only ever sees valid JSON.
 */

#define G_LOG_DOMAIN "ml-json"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-json-private.h"
#include "ml-types.h"

#define MAX_DEPTH          64
/* Beyond 15 digits an integer no longer fits a double exactly (and json-glib would wrap it
 * around); no value in a scenario comes near that. */
#define MAX_INTEGER_DIGITS 15

typedef enum
{
  EXPECT_VALUE,        /* a value: at the top, after ':' or after ',' in a list */
  EXPECT_FIRST_VALUE,  /* a value or ']' right after '[' */
  EXPECT_KEY,          /* a key after ',' in an object */
  EXPECT_FIRST_KEY,    /* a key or '}' right after '{' */
  EXPECT_COLON,
  EXPECT_OBJECT_NEXT,  /* ',' or '}' */
  EXPECT_ARRAY_NEXT,   /* ',' or ']' */
  EXPECT_END,
} Expect;

typedef struct
{
  gboolean    is_object;
  guint       line, column;  /* where it was opened */
  GHashTable *keys;
} Frame;

typedef struct
{
  const char *p, *end;
  guint       line, column;
  GArray     *stack;
  Expect      expect;
  char       *key;          /* the last key read, for the ':' message */
  guint       comma_line;   /* where the last ',' stood, for "a comma too many" */
  guint       comma_column;
  GError    **error;
} Checker;

static void
ml_json_syntax_clear_frame (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

/* Moves one character on, counting lines and characters (not bytes) for the columns. */
static void
ml_json_syntax_advance (Checker *c)
{
  if (*c->p == '\n')
    c->line++, c->column = 1;
  else
    c->column++;
  c->p = g_utf8_next_char (c->p);
}

static gboolean
ml_json_syntax_fail_at (Checker    *c,
                        guint       line,
                        guint       column,
                        const char *format,
                        ...) G_GNUC_PRINTF (4, 5);

static gboolean
ml_json_syntax_fail_at (Checker    *c,
                        guint       line,
                        guint       column,
                        const char *format,
                        ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (c->error, ML_ERROR, ML_ERROR_SYNTAX, "%u:%u: %s", line, column, problem);
  return FALSE;
}

#define _fail(c, ...) ml_json_syntax_fail_at ((c), (c)->line, (c)->column, __VA_ARGS__)

/* What stands at the checker's position, quoted and printable, for a message. */
static char *
ml_json_syntax_describe_here (Checker *c)
{
  g_autofree char *text = NULL;
  const char *stop = c->p;

  if (c->p >= c->end)
    return g_strdup (_("the end of the file"));
  while (stop < c->end && (g_ascii_isalnum (*stop) || *stop == '_') && stop - c->p < 20)
    stop++;
  if (stop == c->p)
    stop = g_utf8_next_char (c->p);

  text = g_strndup (c->p, stop - c->p);
  return _ml_json_quote (text);
}

/* Reads the four hex digits after "\u" at c->p; returns G_MAXUINT if they are not there. */
static guint
ml_json_syntax_hex4 (Checker    *c,
                     const char *at)
{
  guint code = 0;

  for (int i = 0; i < 4; i++)
    {
      if (at + i >= c->end || !g_ascii_isxdigit (at[i]))
        return G_MAXUINT;
      code = code * 16 + g_ascii_xdigit_value (at[i]);
    }
  return code;
}

/* One escape after the backslash, at c->p: appends what it stands for to @text. */
static gboolean
ml_json_syntax_check_escape (Checker *c,
                             GString *text)
{
  static const char simple[] = "\"\\/bfnrt", meaning[] = "\"\\/\b\f\n\r\t";
  const char *which;
  guint code, low;

  if (c->p >= c->end || *c->p == '\0' || (!(which = strchr (simple, *c->p)) && *c->p != 'u'))
    return _fail (c, _("“\\” must be followed by one of \" \\ / b f n r t u"));
  if (*c->p != 'u')
    {
      g_string_append_c (text, meaning[which - simple]);
      ml_json_syntax_advance (c);
      return TRUE;
    }

  if ((code = ml_json_syntax_hex4 (c, c->p + 1)) == G_MAXUINT)
    return _fail (c, _("“\\u” must be followed by four hexadecimal digits"));
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      /* Half of a surrogate pair must come with its other half. */
      if (!(c->p + 6 < c->end && c->p[5] == '\\' && c->p[6] == 'u' &&
            (low = ml_json_syntax_hex4 (c, c->p + 7)) >= 0xDC00 && low <= 0xDFFF))
        /* Translators: a syntax error in a JSON file, after its line and column; \u%04X is the escape found in the file, kept as it is */
        return _fail (c, _("“\\u%04X” is half of a character; it needs its other half"), code);
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      for (int i = 0; i < 6; i++)
        ml_json_syntax_advance (c);
    }
  else if (code >= 0xDC00 && code <= 0xDFFF)
    return _fail (c, _("“\\u%04X” is half of a character; it needs its other half"), code);
  else if (code == 0)
    return _fail (c, _("“\\u0000” is not allowed in a scenario"));

  g_string_append_unichar (text, code);
  for (int i = 0; i < 5; i++)
    ml_json_syntax_advance (c);
  return TRUE;
}

static gboolean
ml_json_syntax_check_string (Checker *c,
                             char   **value)
{
  guint line = c->line, column = c->column;
  g_autoptr(GString) text = g_string_new (NULL);

  ml_json_syntax_advance (c); /* the opening quote */
  for (;;)
    {
      gunichar ch;

      if (c->p >= c->end)
        return ml_json_syntax_fail_at (c, line, column, _("this text is never closed with a double quote"));
      ch = g_utf8_get_char (c->p);
      if (ch == '"')
        break;
      if (ch < 0x20)
        return _fail (c, ch == '\n' ? _("a line break inside text in double quotes; write \\n instead")
                                    : _("a control character inside text in double quotes"));
      if (ch == '\\')
        {
          ml_json_syntax_advance (c);
          if (!ml_json_syntax_check_escape (c, text))
            return FALSE;
          continue;
        }
      g_string_append_unichar (text, ch);
      ml_json_syntax_advance (c);
    }
  ml_json_syntax_advance (c); /* the closing quote */

  if (value != NULL)
    *value = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

static gboolean
ml_json_syntax_check_number (Checker *c)
{
  const char *start = c->p;
  guint digits = 0;

  if (*c->p == '-')
    ml_json_syntax_advance (c);
  if (c->p >= c->end || !g_ascii_isdigit (*c->p))
    return _fail (c, _("a digit must follow “-”"));
  if (*c->p == '0' && c->p + 1 < c->end && g_ascii_isalnum (c->p[1]))
    return _fail (c, _("a number may not start with 0 (write 60000, not 060000; hexadecimal is not allowed)"));
  while (c->p < c->end && g_ascii_isdigit (*c->p))
    ml_json_syntax_advance (c), digits++;
  if (digits > MAX_INTEGER_DIGITS)
    /* Translators: a syntax error in a JSON file, after its line and column; %.*s is the number found in the file */
    return ml_json_syntax_fail_at (c, c->line, c->column - digits, _("the number %.*s is far too large"),
                     (int)MIN (digits + (start[0] == '-'), 40), start);

  if (c->p < c->end && *c->p == '.')
    {
      ml_json_syntax_advance (c);
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return _fail (c, _("a digit must follow the decimal point (write 1000.0 or 1000)"));
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        ml_json_syntax_advance (c);
    }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      ml_json_syntax_advance (c);
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        ml_json_syntax_advance (c);
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return _fail (c, _("a digit must follow the exponent “e”"));
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        ml_json_syntax_advance (c);
    }
  if (c->p < c->end && (g_ascii_isalnum (*c->p) || *c->p == '.'))
    /* Translators: a syntax error in a JSON file, after its line and column; %c is the character found in the file */
    return _fail (c, _("a number cannot continue with “%c”"), *c->p);
  return TRUE;
}

static gboolean
ml_json_syntax_check_word (Checker *c)
{
  static const char * const words[] = { "true", "false", "null" };
  g_autofree char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if ((gsize)(c->end - c->p) >= n && strncmp (c->p, words[i], n) == 0 &&
          (c->p + n == c->end || !g_ascii_isalnum (c->p[n])))
        {
          for (gsize j = 0; j < n; j++)
            ml_json_syntax_advance (c);
          return TRUE;
        }
    }

  found = ml_json_syntax_describe_here (c);
  /* Translators: a syntax error in a JSON file, after its line and column; %s is what was found, quoted */
  return _fail (c, _("unexpected word %s: text goes in double quotes, and a number must be finite"), found);
}

static gboolean
ml_json_syntax_open (Checker *c,
                     gboolean is_object)
{
  Frame frame = { is_object, c->line, c->column, NULL };

  if (c->stack->len >= MAX_DEPTH)
    /* Translators: a syntax error in a JSON file, after its line and column; %d is the deepest nesting allowed */
    return _fail (c, _("lists and objects are nested more than %d deep"), MAX_DEPTH);
  g_array_append_val (c->stack, frame);
  ml_json_syntax_advance (c);
  c->expect = is_object ? EXPECT_FIRST_KEY : EXPECT_FIRST_VALUE;
  return TRUE;
}

/* After a complete value: what may follow depends on what holds it. */
static void
ml_json_syntax_value_done (Checker *c)
{
  if (c->stack->len == 0)
    c->expect = EXPECT_END;
  else
    c->expect = g_array_index (c->stack, Frame, c->stack->len - 1).is_object ? EXPECT_OBJECT_NEXT
                                                                             : EXPECT_ARRAY_NEXT;
}

static gboolean
ml_json_syntax_close (Checker *c)
{
  g_array_set_size (c->stack, c->stack->len - 1);
  ml_json_syntax_advance (c);
  ml_json_syntax_value_done (c);
  return TRUE;
}

static gboolean
ml_json_syntax_value (Checker *c)
{
  switch (*c->p)
    {
    case '{': return ml_json_syntax_open (c, TRUE);
    case '[': return ml_json_syntax_open (c, FALSE);
    case '"':
      if (!ml_json_syntax_check_string (c, NULL))
        return FALSE;
      break;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!ml_json_syntax_check_number (c))
        return FALSE;
      break;
    case '.':
      return _fail (c, _("a number must start with a digit (write 0.5, not .5)"));
    case ',':
      return _fail (c, _("a value is missing before “,”"));
    case '}': case ']':
      if (c->stack->len > 0 && c->comma_line > 0)
        /* Translators: a syntax error in a JSON file, after its line and column; %c is the character found in the file */
        return ml_json_syntax_fail_at (c, c->comma_line, c->comma_column, _("a comma too many before “%c”"), *c->p);
      /* Translators: a syntax error in a JSON file, after its line and column; %c is the character found in the file */
      return _fail (c, _("a value is missing before “%c”"), *c->p);
    default:
      if (!ml_json_syntax_check_word (c))
        return FALSE;
    }
  ml_json_syntax_value_done (c);
  return TRUE;
}

static gboolean
ml_json_syntax_key (Checker *c)
{
  Frame *frame = &g_array_index (c->stack, Frame, c->stack->len - 1);
  guint line = c->line, column = c->column;

  if (*c->p != '"')
    {
      g_autofree char *found = ml_json_syntax_describe_here (c);

      if (*c->p == '}')
        return ml_json_syntax_fail_at (c, c->comma_line, c->comma_column, _("a comma too many before “}”"));
      /* Translators: a syntax error in a JSON file, after its line and column; %s is what was found, quoted */
      return _fail (c, _("expected a key in double quotes, found %s"), found);
    }

  g_clear_pointer (&c->key, g_free);
  if (!ml_json_syntax_check_string (c, &c->key))
    return FALSE;

  if (frame->keys == NULL)
    frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (frame->keys, g_strdup (c->key)))
    {
      g_autofree char *quoted = _ml_json_quote (c->key);

      /* Translators: a syntax error in a JSON file, after its line and column; %s is what was found, quoted */
      return ml_json_syntax_fail_at (c, line, column, _("the key %s appears twice in one object; each key may appear once"),
                       quoted);
    }

  c->expect = EXPECT_COLON;
  return TRUE;
}

static gboolean
ml_json_syntax_step (Checker *c)
{
  char ch = *c->p;
  g_autofree char *found = ml_json_syntax_describe_here (c);

  switch (c->expect)
    {
    case EXPECT_FIRST_VALUE:
      if (ch == ']')
        return ml_json_syntax_close (c);
      G_GNUC_FALLTHROUGH;
    case EXPECT_VALUE:
      return ml_json_syntax_value (c);

    case EXPECT_FIRST_KEY:
      if (ch == '}')
        return ml_json_syntax_close (c);
      G_GNUC_FALLTHROUGH;
    case EXPECT_KEY:
      return ml_json_syntax_key (c);

    case EXPECT_COLON:
      if (ch != ':')
        {
          g_autofree char *key = _ml_json_quote (c->key);
          /* Translators: a syntax error in a JSON file, after its line and column; %s is what was found, quoted */
          return _fail (c, _("expected “:” after the key %s, found %s"), key, found);
        }
      ml_json_syntax_advance (c);
      c->expect = EXPECT_VALUE;
      return TRUE;

    case EXPECT_OBJECT_NEXT:
    case EXPECT_ARRAY_NEXT:
      {
        char close = c->expect == EXPECT_OBJECT_NEXT ? '}' : ']';

        if (ch == close)
          return ml_json_syntax_close (c);
        if (ch == ',')
          {
            c->comma_line = c->line;
            c->comma_column = c->column;
            ml_json_syntax_advance (c);
            c->expect = c->expect == EXPECT_OBJECT_NEXT ? EXPECT_KEY : EXPECT_VALUE;
            return TRUE;
          }
        if (ch == '}' || ch == ']')
          /* Translators: a syntax error in a JSON file, after its line and column; %c is the character found in the file */
          return _fail (c, _("“%c” does not match the “%c” it closes"), ch, close == '}' ? '{' : '[');
        /* Translators: a syntax error in a JSON file, after its line and column; %c is the character found in the file; %s is what was found, quoted */
        return _fail (c, _("expected “,” or “%c”, found %s; is a comma missing?"), close, found);
      }

    case EXPECT_END:
    default:
      return _fail (c, _("more follows after the end of the JSON value; a file holds one object"));
    }
}

static gboolean
ml_json_syntax_skip_space (Checker *c)
{
  while (c->p < c->end)
    {
      if (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')
        ml_json_syntax_advance (c);
      else if (*c->p == '/')
        return _fail (c, _("comments are not allowed in JSON"));
      else if (*c->p == '\'')
        return _fail (c, _("text goes in double quotes, not single quotes"));
      else
        break;
    }
  return TRUE;
}

/**
 * _ml_json_check_syntax:
 * @data: UTF-8 text
 *
 * Returns: %TRUE if @data is exactly one well-formed JSON value, nested at most 64 deep, with
 *   no key twice in an object; else %FALSE with @error saying "LINE:COLUMN: what is wrong"
 */
gboolean
_ml_json_check_syntax (const char  *data,
                       gsize        length,
                       GError     **error)
{
  Checker c = { data, data + length, 1, 1, NULL, EXPECT_VALUE, NULL, 0, 0, error };
  gboolean ok = TRUE;

  c.stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_set_clear_func (c.stack, ml_json_syntax_clear_frame);

  while (ok && (ok = ml_json_syntax_skip_space (&c)) && c.p < c.end)
    ok = ml_json_syntax_step (&c);

  if (ok && c.stack->len > 0)
    {
      Frame *frame = &g_array_index (c.stack, Frame, c.stack->len - 1);

      /* Translators: a syntax error in a JSON file, after its line and column; %u:%u is the line and column where it was opened */
      ok = _fail (&c, frame->is_object ? _("the file ends inside the object opened at %u:%u")
                                       /* Translators: a syntax error in a JSON file, after its line and column; %u:%u is the line and column where it was opened */
                                       : _("the file ends inside the list opened at %u:%u"),
                  frame->line, frame->column);
    }
  else if (ok && c.expect != EXPECT_END)
    ok = _fail (&c, _("the file holds no JSON value"));

  g_array_unref (c.stack);
  g_free (c.key);
  return ok;
}

/* Line breaks, control characters (C0, DEL, C1) and invisible formatting characters: bidi
 * controls such as U+202E reorder the text around them, zero-width ones hide in it. */
static gboolean
ml_json_syntax_is_unprintable (gunichar ch)
{
  GUnicodeType type = g_unichar_type (ch);

  return type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
         type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/**
 * _ml_json_append_one_line:
 * @text: UTF-8 text from outside: a file's name, a key, an id
 * @max_chars: how many characters to show before “…”, or 0 for all of them
 *
 * Appends @text so that a one-line message stays one line and reads in order: line breaks,
 * control characters and invisible formatting characters are written as escapes (\n, \x1b,
 * \u202E). Text that has none of them is appended as it is, so escaping twice changes nothing.
 */
void
_ml_json_append_one_line (GString    *out,
                          const char *text,
                          guint       max_chars)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (ch == '\n')
        g_string_append (out, "\\n");
      else if (ch == '\r')
        g_string_append (out, "\\r");
      else if (ch == '\t')
        g_string_append (out, "\\t");
      else if (ch < 0x20 || ch == 0x7f)
        g_string_append_printf (out, "\\x%02x", ch);
      else if (ml_json_syntax_is_unprintable (ch))
        g_string_append_printf (out, ch > 0xffff ? "\\U%08X" : "\\u%04X", ch);
      else
        g_string_append_unichar (out, ch);
    }
}

/**
 * _ml_json_quote:
 *
 * Returns: @text in quotes for a one-line message, escaped as _ml_json_append_one_line() does
 *   and cut after 40 characters
 */
char *
_ml_json_quote (const char *text)
{
  g_autoptr(GString) out = g_string_new ("“");

  _ml_json_append_one_line (out, text, 40);
  g_string_append (out, "”");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
