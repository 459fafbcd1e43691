/* test-scenario-errors.c — every kind of bad scenario file, and the one line that names it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scenario file is untrusted input. Each case below is a small file in tests/data/bad/ that
 * breaks exactly one thing; the loader must refuse it with one line, "FILE: PLACE: PROBLEM",
 * that a learner can act on. Files that must not be committed (binary, huge) are made at run
 * time in a temporary folder.
 */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "margin-lab-core.h"

static char *
test_scenario_errors_bad_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
}

/* Whether @message starts with @expected; a failure shows both. */
static gboolean
test_scenario_errors_check_starts_with (const char *message,
                                        const char *expected)
{
  g_autofree char *start = g_strndup (message, strlen (expected));

  g_assert_cmpstr (start, ==, expected);
  return g_str_has_prefix (message, expected);
}

/* The checks every refusal shares: nothing loaded, the right code, one line, the file's name
 * first. Returns the message after "FILE: ", or %NULL once the test has failed. */
static const char *
test_scenario_errors_check_one_line (const char   *path,
                                     MlScenario   *scenario,
                                     const GError *error,
                                     MlError       code)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);

  g_assert_null (scenario);
  g_assert_nonnull (error);
  if (scenario != NULL || error == NULL)
    return NULL;

  g_test_message ("%s", error->message);
  g_assert_cmpstr (g_quark_to_string (error->domain), ==, g_quark_to_string (ML_ERROR));
  g_assert_cmpint (error->code, ==, (int)code);
  g_assert_null (strchr (error->message, '\n'));
  if (!test_scenario_errors_check_starts_with (error->message, prefix))
    return NULL;

  return error->message + strlen (prefix);
}

/* @place, if any, comes right after the file's name: "positions[1].leverage" or "3:21". */
static void
test_scenario_errors_assert_refusal (const char   *path,
                                     MlScenario   *scenario,
                                     const GError *error,
                                     MlError       code,
                                     const char   *place,
                                     const char   *phrase)
{
  const char *rest = test_scenario_errors_check_one_line (path, scenario, error, code);

  if (rest == NULL)
    return;
  if (place != NULL)
    {
      g_autofree char *expected = g_strconcat (place, ": ", NULL);

      test_scenario_errors_check_starts_with (rest, expected);
    }
  if (strstr (rest, phrase) == NULL)
    g_test_fail_printf ("the message “%s” does not say “%s”", error->message, phrase);
}

static void
test_scenario_errors_assert_refused (const char *name,
                                     MlError     code,
                                     const char *place,
                                     const char *phrase)
{
  g_autofree char *path = test_scenario_errors_bad_file (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_file (path, &error);

  test_scenario_errors_assert_refusal (path, scenario, error, code, place, phrase);
}

/* A temporary folder for files made at run time. */
static char *
test_scenario_errors_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("margin-lab-test-XXXXXX", &error);

  if (dir == NULL)
    g_error ("cannot make a temporary folder: %s", error->message);
  return dir;
}

/* JSON syntax: the place is line:column */

static void
test_syntax_missing_value (void)
{
  test_scenario_errors_assert_refused ("syntax-missing-value.mlscenario", ML_ERROR_SYNTAX, "3:21", "a value is missing");
}

static void
test_syntax_trailing_comma (void)
{
  test_scenario_errors_assert_refused ("syntax-trailing-comma.mlscenario", ML_ERROR_SYNTAX, "10:4", "a comma too many");
}

static void
test_trailing_garbage (void)
{
  test_scenario_errors_assert_refused ("trailing-garbage.mlscenario", ML_ERROR_SYNTAX, "12:3", "more follows after the end");
}

/* A second JSON value after the scenario is as much garbage as a stray word: ignoring it would
 * ignore what the learner wrote. Its column is left open, the line is not. */
static void
test_trailing_second_object (void)
{
  g_autofree char *path = test_scenario_errors_bad_file ("trailing-second-object.mlscenario");
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_file (path, &error);
  const char *rest = test_scenario_errors_check_one_line (path, scenario, error, ML_ERROR_SYNTAX);

  if (rest != NULL)
    test_scenario_errors_check_starts_with (rest, "12:");
}

static void
test_duplicate_key (void)
{
  /* The place is the second key itself. */
  test_scenario_errors_assert_refused ("duplicate-key.mlscenario", ML_ERROR_SYNTAX, "5:3",
                   "“wallet_balance” appears twice");
}

/* The JSON integer check runs before the parser, which would wrap the number around. */
static void
test_huge_integer (void)
{
  test_scenario_errors_assert_refused ("huge-integer.mlscenario", ML_ERROR_SYNTAX, "4:17",
                   "the number 1234567890123456789012345 is far too large");
}

/* What json-glib 1.6 would accept although it is not JSON, each as its own case: the place
 * and the words that say what to write instead. */
typedef struct
{
  const char *text;
  const char *place;
  const char *phrase;
} NotJson;

static const NotJson not_json[] = {
  { "{\"margin-lab-scenario\": 1, \"wallet_balance\": 1000, \"mark_price\": 060000}", "1:66", "may not start with 0" },
  { "{\"margin-lab-scenario\": 1, \"wallet_balance\": 0x10, \"mark_price\": 60000}", "1:46", "may not start with 0" },
  { "{\"margin-lab-scenario\": 1, /* note */ \"wallet_balance\": 1}", "1:28", "comments are not allowed" },
  { "{'margin-lab-scenario': 1}", "1:2", "not single quotes" },
  { "{\"margin-lab-scenario\": 1, \"wallet_balance\": .5}", "1:46", "must start with a digit" },
  { "{\"margin-lab-scenario\": 1, \"wallet_balance\": 1000.}", "1:51", "must follow the decimal point" },
  { "{\"margin-lab-scenario\": 1, \"title\": \"a\tb\"}", "1:39", "control character" },
  { "{\"margin-lab-scenario\": 1, \"title\": \"\\ud800\"}", "1:39", "half of a character" },
  { "{\"margin-lab-scenario\": 1, \"wallet_balance\": NaN}", "1:46", "unexpected word “NaN”" },
  { "{\"margin-lab-scenario\": 1, \"wallet_balance\": 1,}", "1:47", "a comma too many" },
  { "{\"margin-lab-scenario\": 1 \"wallet_balance\": 1}", "1:27", "is a comma missing?" },
  { "{\"margin-lab-scenario\" 1}", "1:24", "expected “:” after the key “margin-lab-scenario”" },
  { "{\"margin-lab-scenario\": 1, \"positions\": [\n  {\"id\": \"a\"}\n", "3:1", "ends inside the list opened at 1:41" },
  { "{\"title\": \"never closed}", "1:11", "never closed" },
  /* Found by the fuzzer: json-glib 1.6 crashed or overflowed on these escapes. */
  { "{\"margin-lab-scenario\": 1, \"title\": \"\\360\"}", "1:39", "must be followed by one of" },
  { "{\"margin-lab-scenario\": 1, \"title\": \"\\u00e\u00e9\"}", "1:39", "four hexadecimal digits" },
  { "{\"margin-lab-scenario\": 1}{}", "1:27", "more follows after the end" },
};

/* A small file must not ask for a report of gigabytes: 1,000 positions and 3,000 prices would
 * list 3,000,000 position entries. Made in memory: the file itself is 100 kB. */
static void
test_report_too_large (void)
{
  g_autoptr(GString) text = g_string_new ("{\"margin-lab-scenario\": 1, \"wallet_balance\": 1000000,"
                                          " \"mark_price\": 60000, \"positions\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%s{\"id\": \"p%u\", \"side\": \"long\", \"mode\": \"cross\","
                            " \"quantity\": 0.0001, \"entry_price\": 60000, \"leverage\": 1}",
                            i ? ", " : "", i);
  g_string_append (text, "], \"path\": [");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "%s60000", i ? ", " : "");
  g_string_append (text, "]}");

  scenario = ml_scenario_new_from_data (text->str, text->len, "big.mlscenario", &error);
  g_assert_null (scenario);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID);
  test_scenario_errors_check_starts_with (error->message, "big.mlscenario: path: ");
  g_assert_nonnull (strstr (error->message, "3000000 entries"));
}

static void
test_not_json (gconstpointer data)
{
  const NotJson *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (c->text, -1, "x.mlscenario", &error);
  g_autofree char *expected = g_strdup_printf ("x.mlscenario: %s: ", c->place);

  g_assert_null (scenario);
  g_assert_error (error, ML_ERROR, ML_ERROR_SYNTAX);
  g_assert_null (strchr (error->message, '\n'));
  test_scenario_errors_check_starts_with (error->message, expected);
  if (strstr (error->message, c->phrase) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, c->phrase);
}

/* Recursion in the JSON parser must not turn a small file into a crash: 100,000 nested lists
 * are 200 kB, far below the size limit. Run apart, so that a crash fails this test only; read
 * from memory, so that a crash leaves no file behind. */
static void
test_deep_nesting (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GString) text = g_string_new ("{ \"margin-lab-scenario\": 1, \"what_if\": ");
      g_autoptr(GError) error = NULL;
      g_autoptr(MlScenario) scenario = NULL;
      const guint depth = 100000;

      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, ']');
      g_string_append (text, " }\n");

      /* Refused where the 65th level opens (the object is the first), before any parser
       * recurses into it. */
      scenario = ml_scenario_new_from_data (text->str, text->len, "deep.mlscenario", &error);
      g_assert_null (scenario);
      g_assert_error (error, ML_ERROR, ML_ERROR_SYNTAX);
      g_assert_null (strchr (error->message, '\n'));
      test_scenario_errors_check_starts_with (error->message, "deep.mlscenario: 1:103: ");
      g_assert_nonnull (strstr (error->message, "nested more than 64 deep"));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Not text, or no text */

static void
test_empty_file (void)
{
  test_scenario_errors_assert_refused ("empty.mlscenario", ML_ERROR_NOT_TEXT, NULL, "is empty");
}

static void
test_whitespace_only (void)
{
  test_scenario_errors_assert_refused ("whitespace-only.mlscenario", ML_ERROR_NOT_TEXT, NULL, "is empty");
}

static void
test_binary_file (void)
{
  /* Valid UTF-8 up to byte 27, then a NUL and bytes that are never UTF-8. */
  static const char data[] = "{\"margin-lab-scenario\": 1,\n\0\xff\xfe\x01\x80";
  g_autofree char *dir = test_scenario_errors_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "binary.mlscenario", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = NULL;

  if (!g_file_set_contents (path, data, sizeof data - 1, &error))
    g_error ("%s", error->message);
  scenario = ml_scenario_new_from_file (path, &error);
  g_unlink (path);
  g_rmdir (dir);

  test_scenario_errors_assert_refusal (path, scenario, error, ML_ERROR_NOT_TEXT, NULL, "is not a text file (byte 28 ");
}

/* A sparse file: 100 MB on paper, almost nothing on disk. Deleted before the assertions, so
 * that a failure does not leave it behind. */
static void
test_huge_file (void)
{
  const off_t size = 100 * 1024 * 1024;
  g_autofree char *dir = test_scenario_errors_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.mlscenario", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = NULL;
  gboolean written;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    g_error ("cannot create %s: %s", path, g_strerror (errno));
  written = lseek (fd, size, SEEK_SET) == size && write (fd, "}", 1) == 1;
  close (fd);

  if (written)
    scenario = ml_scenario_new_from_file (path, &error);
  g_unlink (path);
  g_rmdir (dir);

  if (!written)
    g_error ("cannot make a 100 MB sparse file in %s", dir);
  test_scenario_errors_assert_refusal (path, scenario, error, ML_ERROR_NOT_TEXT, NULL, "is too large");
}

static void
test_nonexistent_file (void)
{
  g_autofree char *path = test_scenario_errors_bad_file ("no-such-file.mlscenario");
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  scenario = ml_scenario_new_from_file (path, &error);
  test_scenario_errors_assert_refusal (path, scenario, error, ML_ERROR_NOT_TEXT, NULL, g_strerror (ENOENT));
}

static void
test_directory (void)
{
  g_autofree char *dir = test_scenario_errors_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "folder.mlscenario", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = NULL;

  if (g_mkdir (path, 0700) != 0)
    g_error ("cannot make %s: %s", path, g_strerror (errno));
  scenario = ml_scenario_new_from_file (path, &error);
  g_rmdir (path);
  g_rmdir (dir);

  test_scenario_errors_assert_refusal (path, scenario, error, ML_ERROR_NOT_TEXT, NULL,
                   "cannot be read: it is a folder");
}

static void
test_device (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_file ("/dev/null", &error);

  test_scenario_errors_assert_refusal ("/dev/null", scenario, error, ML_ERROR_NOT_TEXT, NULL,
                                       "cannot be read: it is a device, not a file");
}

/* A pipe with no writer would block a reader for ever: run apart, with a deadline. */
static void
test_fifo (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MlScenario) scenario = NULL;

      dir = test_scenario_errors_make_tmp_dir ();
      path = g_build_filename (dir, "pipe.mlscenario", NULL);
      if (mkfifo (path, 0600) != 0)
        g_error ("cannot make %s: %s", path, g_strerror (errno));
      scenario = ml_scenario_new_from_file (path, &error);
      g_unlink (path);
      g_rmdir (dir);

      test_scenario_errors_assert_refusal (path, scenario, error, ML_ERROR_NOT_TEXT, NULL,
                                           "cannot be read: it is a pipe (FIFO), not a file");
      return;
    }

  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The file's frame: one object, the version, known keys */

static void
test_top_level_array (void)
{
  test_scenario_errors_assert_refused ("top-level-array.mlscenario", ML_ERROR_INVALID, NULL, "not an object");
}

static void
test_version_2 (void)
{
  test_scenario_errors_assert_refused ("version-2.mlscenario", ML_ERROR_VERSION, "margin-lab-scenario",
                   "newer Margin Lab");
}

static void
test_missing_version (void)
{
  test_scenario_errors_assert_refused ("missing-version.mlscenario", ML_ERROR_INVALID, "margin-lab-scenario",
                   "missing");
}

static void
test_unknown_key_top (void)
{
  test_scenario_errors_assert_refused ("unknown-key-top.mlscenario", ML_ERROR_INVALID, "comment", "unknown key");
}

static void
test_unknown_key_position (void)
{
  test_scenario_errors_assert_refused ("unknown-key-position.mlscenario", ML_ERROR_INVALID, "positions[0].levrage",
                   "unknown key");
}

/* A key is the learner's text: a line break in it must not break the message in two. */
static void
test_newline_in_key (void)
{
  test_scenario_errors_assert_refused ("newline-in-key.mlscenario", ML_ERROR_INVALID, NULL, "unknown key");
}

static void
test_wrong_type (void)
{
  test_scenario_errors_assert_refused ("wrong-type.mlscenario", ML_ERROR_INVALID, "positions[0].quantity",
                   "expected a number, found text");
}

static void
test_missing_wallet_balance (void)
{
  test_scenario_errors_assert_refused ("missing-wallet-balance.mlscenario", ML_ERROR_INVALID, "wallet_balance",
                   "missing");
}

static void
test_missing_side (void)
{
  test_scenario_errors_assert_refused ("missing-side.mlscenario", ML_ERROR_INVALID, "positions[1].side", "missing");
}

/* Ids and titles are shown as they are: nothing in them may break a line, and an id may not
 * hide or reorder itself. Each case is one position's id, or the title, as JSON text. */
typedef struct
{
  const char *id;
  const char *title;
  const char *place;
  const char *phrase;
} BadText;

static const BadText bad_texts[] = {
  { "\"a\\u202eb\"", NULL, "positions[0].id", "U+202E, an invisible character that changes the direction" },
  { "\"a\u202Eb\"", NULL, "positions[0].id", "U+202E, an invisible character that changes the direction" },
  { "\"\\u061c1\"", NULL, "positions[0].id", "U+061C, an invisible character that changes the direction" },
  { "\"a\\u200e\"", NULL, "positions[0].id", "U+200E, an invisible character that changes the direction" },
  { "\"a\\u200f\"", NULL, "positions[0].id", "U+200F, an invisible character that changes the direction" },
  { "\"a\\u202a\"", NULL, "positions[0].id", "U+202A, an invisible character that changes the direction" },
  { "\"a\\u2066\"", NULL, "positions[0].id", "U+2066, an invisible character that changes the direction" },
  { "\"a\\u2069\"", NULL, "positions[0].id", "U+2069, an invisible character that changes the direction" },
  { "\"a\\u200bb\"", NULL, "positions[0].id", "U+200B, an invisible character of zero width" },
  { "\"a\\u200d\"", NULL, "positions[0].id", "U+200D, an invisible character of zero width" },
  { "\"a\\u2060\"", NULL, "positions[0].id", "U+2060, an invisible character of zero width" },
  { "\"\\ufeffa\"", NULL, "positions[0].id", "U+FEFF, an invisible character of zero width" },
  { "\"   \"", NULL, "positions[0].id", "only spaces" },
  { "\"\\u00a0\\u3000\"", NULL, "positions[0].id", "only spaces" },
  { "\"a\\u001b\"", NULL, "positions[0].id", "may not contain control characters (U+001B)" },
  { "\"a\\u007f\"", NULL, "positions[0].id", "may not contain control characters (U+007F)" },
  { "\"a\\u0085\"", NULL, "positions[0].id", "may not contain control characters (U+0085)" },
  { "\"a\\u2028\"", NULL, "positions[0].id", "U+2028, a line break" },
  { "\"a\"", "\"one\\ntwo\"", "title", "a title may not contain control characters (U+000A)" },
  { "\"a\"", "\"bell\\u0007\"", "title", "a title may not contain control characters (U+0007)" },
  { "\"a\"", "\"del\\u007f\"", "title", "a title may not contain control characters (U+007F)" },
  { "\"a\"", "\"c1\\u009b\"", "title", "a title may not contain control characters (U+009B)" },
  { "\"a\"", "\"one\\u2029two\"", "title", "U+2029, a line break" },
};

static char *
test_scenario_errors_text_scenario (const char *id,
                                    const char *title)
{
  return g_strdup_printf ("{\"margin-lab-scenario\": 1, %s%s%s\"wallet_balance\": 1000, \"mark_price\": 60000,"
                          " \"positions\": [{\"id\": %s, \"side\": \"long\", \"mode\": \"cross\","
                          " \"quantity\": 0.01, \"entry_price\": 60000, \"leverage\": 10}]}",
                          title ? "\"title\": " : "", title ? title : "", title ? ", " : "", id);
}

static void
test_bad_text (gconstpointer data)
{
  const BadText *c = data;
  g_autofree char *text = test_scenario_errors_text_scenario (c->id, c->title);
  g_autofree char *expected = g_strdup_printf ("x.mlscenario: %s: ", c->place);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (text, -1, "x.mlscenario", &error);

  g_assert_null (scenario);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID);
  if (error == NULL)
    return;
  g_test_message ("%s", error->message);
  test_scenario_errors_check_starts_with (error->message, expected);
  if (strstr (error->message, c->phrase) == NULL)
    g_test_fail_printf ("“%s” does not say “%s”", error->message, c->phrase);
}

/* A right-to-left title needs its direction marks, and an id may hold any visible letters. */
static void
test_good_texts (void)
{
  g_autofree char *text = test_scenario_errors_text_scenario ("\"\u05d0 1\"", "\"\\u200f\u05e9\u05dc\u05d5\u05dd \u202bx\u202c\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (text, -1, "x.mlscenario", &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
}

/* Names and keys from outside in a one-line message: escaped, never raw */

static void
test_scenario_errors_assert_printable (const char *message)
{
  g_assert_null (strchr (message, '\n'));
  g_assert_null (strchr (message, '\x1b'));
  g_assert_null (strstr (message, "\u202E"));
  g_assert_null (strstr (message, "\u200B"));
}

static void
test_display_name (void)
{
  g_autofree char *shown = ml_file_display_name ("a\u202Eb\nc\x1b" "d\tz\u200B\xc2\x85.mlscenario");

  g_assert_cmpstr (shown, ==, "a\\u202Eb\\nc\\x1bd\\tz\\u200B\\u0085.mlscenario");
}

static void
test_key_escaped (void)
{
  const char *text = "{\"margin-lab-scenario\": 1, \"a\\u202eb\\nc\\u001b\": 1}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (text, -1, "x\ny\u202E.mlscenario", &error);

  g_assert_null (scenario);
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_test_message ("%s", error->message);
  test_scenario_errors_assert_printable (error->message);
  test_scenario_errors_check_starts_with (error->message, "x\\ny\\u202E.mlscenario: “a\\u202Eb\\nc\\x1b”: unknown key");
}

static void
test_file_name_escaped (void)
{
  g_autofree char *dir = test_scenario_errors_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "evil\u202Egpj\n\x1b.mlscenario", NULL);
  g_autofree char *shown_dir = g_filename_display_name (dir);
  g_autofree char *expected = g_strconcat (shown_dir, "/evil\\u202Egpj\\n\\x1b.mlscenario: is empty", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = NULL;

  if (!g_file_set_contents (path, "", 0, &error))
    g_error ("%s", error->message);
  scenario = ml_scenario_new_from_file (path, &error);
  g_unlink (path);
  g_rmdir (dir);

  g_assert_null (scenario);
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  test_scenario_errors_assert_printable (error->message);
  test_scenario_errors_check_starts_with (error->message, expected);
}

/* The text before JSON: byte-order marks and other encodings */

static void
test_utf8_bom (void)
{
  const char *text = "\xef\xbb\xbf{\"margin-lab-scenario\": 1, \"title\": \"BOM\", \"wallet_balance\": 1000, \"mark_price\": 60000}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (text, -1, "bom.mlscenario", &error);
  g_autoptr(GError) broken_error = NULL;
  g_autoptr(MlScenario) broken = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  g_assert_cmpstr (scenario ? ml_scenario_get_title (scenario) : NULL, ==, "BOM");

  /* The mark is no character of the text: places are counted after it. */
  broken = ml_scenario_new_from_data ("\xef\xbb\xbf{,}", -1, "bom.mlscenario", &broken_error);
  g_assert_null (broken);
  g_assert_error (broken_error, ML_ERROR, ML_ERROR_SYNTAX);
  if (broken_error != NULL)
    test_scenario_errors_check_starts_with (broken_error->message, "bom.mlscenario: 1:2: ");
}

static void
test_utf16 (void)
{
  static const struct { const char *data; gsize length; const char *encoding; } cases[] = {
    { "\xff\xfe{\0}\0", 6, "UTF-16" },
    { "\xfe\xff\0{\0}", 6, "UTF-16" },
    { "{\0\"\0m\0", 6, "UTF-16" },
    { "\0{\0\"\0m", 6, "UTF-16" },
    { "\xff\xfe\0\0{\0\0\0", 8, "UTF-32" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (cases[i].data, cases[i].length, "wide.mlscenario", &error);
      g_autofree char *expected = g_strdup_printf ("wide.mlscenario: is %s text; Margin Lab reads UTF-8", cases[i].encoding);

      g_assert_null (scenario);
      g_assert_error (error, ML_ERROR, ML_ERROR_NOT_TEXT);
      if (error != NULL)
        test_scenario_errors_check_starts_with (error->message, expected);
    }
}

/* Zero bytes among bytes that are no characters: binary, not UTF-16. */
static void
test_binary_not_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data ("\0\xff\0\xfe", 4, "bin.mlscenario", &error);

  g_assert_null (scenario);
  g_assert_error (error, ML_ERROR, ML_ERROR_NOT_TEXT);
  if (error != NULL)
    test_scenario_errors_check_starts_with (error->message, "bin.mlscenario: is not a text file (byte 1 ");
}

/* What the open dialog shows under a heading that names the file */

static char *
test_scenario_errors_describe_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_file (path, &error);

  g_assert_null (scenario);
  g_assert_nonnull (error);
  return error ? ml_scenario_describe_error (error, path) : NULL;
}

static void
test_describe_error (void)
{
  g_autofree char *syntax_path = test_scenario_errors_bad_file ("syntax-missing-value.mlscenario");
  g_autofree char *value_path = test_scenario_errors_bad_file ("leverage-above-bracket.mlscenario");
  g_autofree char *empty_path = test_scenario_errors_bad_file ("empty.mlscenario");
  g_autofree char *syntax = test_scenario_errors_describe_file (syntax_path);
  g_autofree char *value = test_scenario_errors_describe_file (value_path);
  g_autofree char *empty = test_scenario_errors_describe_file (empty_path);

  g_assert_cmpstr (syntax, ==, "Line 3, column 21: a value is missing before “,”");
  g_assert_true (g_str_has_prefix (value, "positions[0].leverage: A position of "));
  g_assert_nonnull (strstr (value, "may use at most \u2068100×\u2069"));
  g_assert_cmpstr (empty, ==, "“empty.mlscenario” is empty: a scenario is a JSON object");
}

/* The base name is escaped as well, and nothing of the folder shows. */
static void
test_describe_error_escaped_name (void)
{
  g_autofree char *dir = test_scenario_errors_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "e\u202Egpj.mlscenario", NULL);
  g_autofree char *described = NULL;

  if (g_mkdir (path, 0700) != 0)
    g_error ("cannot make %s: %s", path, g_strerror (errno));
  described = test_scenario_errors_describe_file (path);
  g_rmdir (path);
  g_rmdir (dir);

  g_assert_cmpstr (described, ==, "“e\\u202Egpj.mlscenario” cannot be read: it is a folder");
}

/* Account values */

static void
test_zero_wallet_balance (void)
{
  test_scenario_errors_assert_refused ("zero-wallet-balance.mlscenario", ML_ERROR_INVALID, "wallet_balance",
                   "must be above 0");
}

static void
test_huge_wallet_balance (void)
{
  test_scenario_errors_assert_refused ("huge-wallet-balance.mlscenario", ML_ERROR_INVALID, "wallet_balance",
                   "is too large");
}

static void
test_negative_mark_price (void)
{
  test_scenario_errors_assert_refused ("negative-mark-price.mlscenario", ML_ERROR_INVALID, "mark_price",
                   "is too small (at least 0.1)");
}

/* 1e400 is valid JSON but no double: it must not become infinity. */
static void
test_non_finite (void)
{
  test_scenario_errors_assert_refused ("non-finite.mlscenario", ML_ERROR_INVALID, "positions[1].entry_price",
                   "too large to be represented");
}

static void
test_isolated_above_wallet (void)
{
  test_scenario_errors_assert_refused ("isolated-above-wallet.mlscenario", ML_ERROR_INVALID, "positions",
                   "isolated margins add up to");
}

/* Long 0.1 @ 60,000 at 20x with 300 USDT is liquidated near 57,228.9: it cannot exist at a
 * mark of 50,000. */
static void
test_already_liquidated (void)
{
  test_scenario_errors_assert_refused ("already-liquidated.mlscenario", ML_ERROR_INVALID, "positions[0]",
                   "would already be liquidated");
}

/* Positions */

static void
test_zero_quantity (void)
{
  test_scenario_errors_assert_refused ("zero-quantity.mlscenario", ML_ERROR_INVALID, "positions[0].quantity",
                   "must be more than 0 BTC");
}

/* 1e-10 BTC is a whole number of contracts within the tolerance, and rounds to none. */
static void
test_tiny_quantity (void)
{
  const char *text = "{\"margin-lab-scenario\": 1, \"wallet_balance\": 1000, \"mark_price\": 60000,"
                     " \"positions\": [{\"id\": \"a\", \"side\": \"long\", \"mode\": \"isolated\","
                     " \"quantity\": 1e-10, \"entry_price\": 60000, \"leverage\": 10}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MlScenario) scenario = ml_scenario_new_from_data (text, -1, "x.mlscenario", &error);

  g_assert_null (scenario);
  g_assert_error (error, ML_ERROR, ML_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "x.mlscenario: positions[0].quantity: The size must be more than 0: at least 0.0001 BTC, one contract.");
}

static void
test_negative_quantity (void)
{
  test_scenario_errors_assert_refused ("negative-quantity.mlscenario", ML_ERROR_INVALID, "positions[0].quantity",
                   "must be more than 0 BTC");
}

static void
test_fractional_quantity (void)
{
  test_scenario_errors_assert_refused ("fractional-quantity.mlscenario", ML_ERROR_INVALID, "positions[1].quantity",
                   "not a whole number of contracts");
}

static void
test_leverage_above_max (void)
{
  test_scenario_errors_assert_refused ("leverage-above-max.mlscenario", ML_ERROR_INVALID, "positions[1].leverage",
                   "\u2068150×\u2069 is not allowed");
}

/* 1 BTC at 60,000 is 60,000 USDT of notional: the second bracket, which allows 100x. */
static void
test_leverage_above_bracket (void)
{
  test_scenario_errors_assert_refused ("leverage-above-bracket.mlscenario", ML_ERROR_INVALID, "positions[0].leverage",
                   "may use at most \u2068100×\u2069");
}

static void
test_leverage_fraction (void)
{
  test_scenario_errors_assert_refused ("leverage-fraction.mlscenario", ML_ERROR_INVALID, "positions[0].leverage",
                   "12.5 is not allowed");
}

/* 0.1 BTC at 60,000 with 20x needs 300 USDT. */
static void
test_margin_below_initial (void)
{
  test_scenario_errors_assert_refused ("margin-below-initial.mlscenario", ML_ERROR_INVALID, "positions[0].margin",
                   "below the initial margin of \u2068300.00\u00a0USDT\u2069");
}

static void
test_margin_on_cross (void)
{
  test_scenario_errors_assert_refused ("margin-on-cross.mlscenario", ML_ERROR_INVALID, "positions[1].margin",
                   "cross position has no margin of its own");
}

static void
test_duplicate_id (void)
{
  test_scenario_errors_assert_refused ("duplicate-id.mlscenario", ML_ERROR_INVALID, "positions[1].id",
                   "already has the id “a”");
}

static void
test_bad_side (void)
{
  test_scenario_errors_assert_refused ("bad-side.mlscenario", ML_ERROR_INVALID, "positions[0].side",
                   "“buy” is neither “long” nor “short”");
}

static void
test_bad_mode (void)
{
  test_scenario_errors_assert_refused ("bad-mode.mlscenario", ML_ERROR_INVALID, "positions[1].mode",
                   "“portfolio” is neither “cross” nor “isolated”");
}

/* Maintenance tables */

/* The second bracket must start where the first ends: 50,000 × (0.005 − 0.004) + 0 = 50. */
static void
test_bracket_amount_jump (void)
{
  test_scenario_errors_assert_refused ("bracket-amount-jump.mlscenario", ML_ERROR_INVALID,
                   "maintenance.brackets[1].amount", "it must be 50");
}

static void
test_bracket_rate_falls (void)
{
  test_scenario_errors_assert_refused ("bracket-rate-falls.mlscenario", ML_ERROR_INVALID,
                   "maintenance.brackets[1].rate", "below the previous bracket's rate");
}

static void
test_unknown_maintenance (void)
{
  test_scenario_errors_assert_refused ("unknown-maintenance.mlscenario", ML_ERROR_INVALID, "maintenance",
                   "unknown bracket table “binance-btcusdt-2019”");
}

/* Prices to evaluate */

static void
test_what_if_zero (void)
{
  test_scenario_errors_assert_refused ("what-if-zero.mlscenario", ML_ERROR_INVALID, "what_if[1]", "is too small (at least 0.1)");
}

static void
test_path_negative (void)
{
  test_scenario_errors_assert_refused ("path-negative.mlscenario", ML_ERROR_INVALID, "path[1]", "is too small (at least 0.1)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed case fails its test and the run goes on to the others. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/scenario-errors/syntax/missing-value", test_syntax_missing_value);
  g_test_add_func ("/scenario-errors/syntax/trailing-comma", test_syntax_trailing_comma);
  g_test_add_func ("/scenario-errors/syntax/trailing-garbage", test_trailing_garbage);
  g_test_add_func ("/scenario-errors/syntax/trailing-second-object", test_trailing_second_object);
  g_test_add_func ("/scenario-errors/syntax/duplicate-key", test_duplicate_key);
  g_test_add_func ("/scenario-errors/syntax/huge-integer", test_huge_integer);
  g_test_add_func ("/scenario-errors/syntax/deep-nesting", test_deep_nesting);
  g_test_add_func ("/scenario-errors/report-too-large", test_report_too_large);
  for (guint i = 0; i < G_N_ELEMENTS (not_json); i++)
    {
      g_autofree char *name = g_strdup_printf ("/scenario-errors/syntax/not-json/%u", i);
      g_test_add_data_func (name, &not_json[i], test_not_json);
    }

  g_test_add_func ("/scenario-errors/file/empty", test_empty_file);
  g_test_add_func ("/scenario-errors/file/whitespace-only", test_whitespace_only);
  g_test_add_func ("/scenario-errors/file/binary", test_binary_file);
  g_test_add_func ("/scenario-errors/file/huge", test_huge_file);
  g_test_add_func ("/scenario-errors/file/nonexistent", test_nonexistent_file);
  g_test_add_func ("/scenario-errors/file/directory", test_directory);
  g_test_add_func ("/scenario-errors/file/device", test_device);
  g_test_add_func ("/scenario-errors/file/fifo", test_fifo);
  g_test_add_func ("/scenario-errors/file/utf8-bom", test_utf8_bom);
  g_test_add_func ("/scenario-errors/file/utf16", test_utf16);
  g_test_add_func ("/scenario-errors/file/binary-not-utf16", test_binary_not_utf16);
  g_test_add_func ("/scenario-errors/file/name-escaped", test_file_name_escaped);
  g_test_add_func ("/scenario-errors/file/display-name", test_display_name);
  g_test_add_func ("/scenario-errors/describe", test_describe_error);
  g_test_add_func ("/scenario-errors/describe/escaped-name", test_describe_error_escaped_name);

  g_test_add_func ("/scenario-errors/frame/top-level-array", test_top_level_array);
  g_test_add_func ("/scenario-errors/frame/version-2", test_version_2);
  g_test_add_func ("/scenario-errors/frame/missing-version", test_missing_version);
  g_test_add_func ("/scenario-errors/frame/unknown-key-top", test_unknown_key_top);
  g_test_add_func ("/scenario-errors/frame/unknown-key-position", test_unknown_key_position);
  g_test_add_func ("/scenario-errors/frame/newline-in-key", test_newline_in_key);
  g_test_add_func ("/scenario-errors/frame/key-escaped", test_key_escaped);
  g_test_add_func ("/scenario-errors/frame/wrong-type", test_wrong_type);
  g_test_add_func ("/scenario-errors/frame/missing-wallet-balance", test_missing_wallet_balance);
  g_test_add_func ("/scenario-errors/frame/missing-side", test_missing_side);

  g_test_add_func ("/scenario-errors/account/zero-wallet-balance", test_zero_wallet_balance);
  g_test_add_func ("/scenario-errors/account/huge-wallet-balance", test_huge_wallet_balance);
  g_test_add_func ("/scenario-errors/account/negative-mark-price", test_negative_mark_price);
  g_test_add_func ("/scenario-errors/account/non-finite", test_non_finite);
  g_test_add_func ("/scenario-errors/account/isolated-above-wallet", test_isolated_above_wallet);
  g_test_add_func ("/scenario-errors/account/already-liquidated", test_already_liquidated);

  g_test_add_func ("/scenario-errors/position/zero-quantity", test_zero_quantity);
  g_test_add_func ("/scenario-errors/position/tiny-quantity", test_tiny_quantity);
  g_test_add_func ("/scenario-errors/position/negative-quantity", test_negative_quantity);
  g_test_add_func ("/scenario-errors/position/fractional-quantity", test_fractional_quantity);
  g_test_add_func ("/scenario-errors/position/leverage-above-max", test_leverage_above_max);
  g_test_add_func ("/scenario-errors/position/leverage-above-bracket", test_leverage_above_bracket);
  g_test_add_func ("/scenario-errors/position/leverage-fraction", test_leverage_fraction);
  g_test_add_func ("/scenario-errors/position/margin-below-initial", test_margin_below_initial);
  g_test_add_func ("/scenario-errors/position/margin-on-cross", test_margin_on_cross);
  g_test_add_func ("/scenario-errors/position/duplicate-id", test_duplicate_id);
  g_test_add_func ("/scenario-errors/position/bad-side", test_bad_side);
  g_test_add_func ("/scenario-errors/position/bad-mode", test_bad_mode);
  g_test_add_func ("/scenario-errors/position/good-texts", test_good_texts);
  for (guint i = 0; i < G_N_ELEMENTS (bad_texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("/scenario-errors/position/bad-text/%u", i);
      g_test_add_data_func (name, &bad_texts[i], test_bad_text);
    }

  g_test_add_func ("/scenario-errors/maintenance/amount-jump", test_bracket_amount_jump);
  g_test_add_func ("/scenario-errors/maintenance/rate-falls", test_bracket_rate_falls);
  g_test_add_func ("/scenario-errors/maintenance/unknown-table", test_unknown_maintenance);

  g_test_add_func ("/scenario-errors/prices/what-if-zero", test_what_if_zero);
  g_test_add_func ("/scenario-errors/prices/path-negative", test_path_negative);

  return g_test_run ();
}
