/* ml-lesson-task.c — what a step asks the learner to do, as a check over the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check is a small tree read once from the pack and evaluated after every change in the
 * lab, so evaluating it only reads the model: no allocation, no formatting. A number is a
 * range; a bare number is equal within the tolerance of its unit (data/lessons/README.md).
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-enums.h"
#include "ml-json-private.h"
#include "ml-lesson-task-private.h"
#include "ml-loss.h"

/* Checks nest (all, any, not); deeper than this is no lesson's. */
#define MAX_DEPTH 16
#define MAX_CHILDREN 32

typedef enum
{
  CHECK_POSITION,
  CHECK_POOL,
  CHECK_MARK_BELOW,
  CHECK_MARK_ABOVE,
  CHECK_COMPARE,
  CHECK_COUNT,
  CHECK_ALL,
  CHECK_ANY,
  CHECK_NOT,
} CheckKind;

/* The numbers a check compares, each with the tolerance of its unit. */
typedef enum
{
  FIELD_LEVERAGE,
  FIELD_QUANTITY,
  FIELD_ENTRY,
  FIELD_MARGIN,
  FIELD_NOTIONAL,
  FIELD_LIQUIDATION,
  FIELD_MAX_LOSS,
  FIELD_REMAINING,
  FIELD_MARGIN_ADDED,
  N_POSITION_FIELDS,
  FIELD_POOL_LIQUIDATION = N_POSITION_FIELDS,
  FIELD_POOL_COLLATERAL,
  FIELD_COUNT,
  N_FIELDS,
} Field;

#define TOLERANCE_PRICE 0.05
#define TOLERANCE_USDT  0.005
#define TOLERANCE_BTC   0.00005

static const struct
{
  const char *key;
  double      tolerance;
  gboolean    price;      /* may be "none" */
} fields[N_FIELDS] = {
  [FIELD_LEVERAGE]         = { "leverage", 0, FALSE },
  [FIELD_QUANTITY]         = { "quantity", TOLERANCE_BTC, FALSE },
  [FIELD_ENTRY]            = { "entry", TOLERANCE_PRICE, FALSE },
  [FIELD_MARGIN]           = { "margin", TOLERANCE_USDT, FALSE },
  [FIELD_NOTIONAL]         = { "notional", TOLERANCE_USDT, FALSE },
  [FIELD_LIQUIDATION]      = { "liquidation", TOLERANCE_PRICE, TRUE },
  [FIELD_MAX_LOSS]         = { "max_loss", TOLERANCE_USDT, FALSE },
  [FIELD_REMAINING]        = { "remaining", TOLERANCE_USDT, FALSE },
  [FIELD_MARGIN_ADDED]     = { "margin_added", TOLERANCE_USDT, FALSE },
  [FIELD_POOL_LIQUIDATION] = { "liquidation", TOLERANCE_PRICE, TRUE },
  [FIELD_POOL_COLLATERAL]  = { "collateral", TOLERANCE_USDT, FALSE },
  [FIELD_COUNT]            = { "count", 0, FALSE },
};

typedef struct
{
  gboolean set;
  gboolean none;  /* matches a price that does not exist, and only that */
  double   min;
  double   max;
} Range;

typedef struct _Check Check;

struct _Check
{
  CheckKind  kind;
  GPtrArray *children;   /* Check: all, any, not */
  char      *id;         /* position: NULL for any */
  int        side;       /* position: -1 for either */
  int        mode;       /* position: -1 for either */
  int        liquidated; /* position and pool: -1 for not asked (a position: open only) */
  double     price;      /* mark_crossed */
  Range      ranges[N_FIELDS];
};

struct _MlLessonTask
{
  GObject  parent_instance;

  char    *text;
  Check   *check;
};

G_DEFINE_FINAL_TYPE (MlLessonTask, ml_lesson_task, G_TYPE_OBJECT)

static void
ml_lesson_task_check_free (Check *check)
{
  g_clear_pointer (&check->children, g_ptr_array_unref);
  g_free (check->id);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Check, ml_lesson_task_check_free)

static void
ml_lesson_task_finalize (GObject *object)
{
  MlLessonTask *self = (MlLessonTask *)object;

  g_free (self->text);
  g_clear_pointer (&self->check, ml_lesson_task_check_free);

  G_OBJECT_CLASS (ml_lesson_task_parent_class)->finalize (object);
}

static void
ml_lesson_task_class_init (MlLessonTaskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ml_lesson_task_finalize;
}

static void
ml_lesson_task_init (MlLessonTask *self)
{
}

/* Reading */

static Check *ml_lesson_task_read_check (MlLessonReader *reader,
                                         JsonNode       *node,
                                         const char     *path,
                                         MlAccount      *start,
                                         guint           depth);

static gboolean
ml_lesson_task_read_range (MlLessonReader *reader,
                           JsonNode       *node,
                           const char     *path,
                           Field           field,
                           Range          *range)
{
  static const char * const keys[] = { "min", "max", "value", "tolerance", NULL };
  JsonObject *object;
  double value = 0, tolerance = fields[field].tolerance;
  GError *error = NULL;

  range->set = TRUE;
  range->min = -INFINITY;
  range->max = INFINITY;

  if (fields[field].price && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      strcmp (json_node_get_string (node), "none") == 0)
    {
      range->none = TRUE;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING)
    {
      if (!_ml_json_read_number (node, path, &value, &error))
        return _ml_lesson_reader_take_error (reader, error);
      range->min = value - tolerance;
      range->max = value + tolerance;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _ml_lesson_reader_problem (reader, path,
                                 fields[field].price ? _("expected a number, a range such as {\"min\": 1, \"max\": 2}, or \"none\"")
                                                     : _("expected a number, or a range such as {\"min\": 1, \"max\": 2}"));
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!_ml_lesson_reader_check_keys (reader, object, path, keys))
    return FALSE;
  if (json_object_get_size (object) == 0 ||
      (json_object_has_member (object, "value") && (json_object_has_member (object, "min") || json_object_has_member (object, "max"))) ||
      (json_object_has_member (object, "tolerance") && !json_object_has_member (object, "value")))
    {
      _ml_lesson_reader_problem (reader, path, _("a range is {\"min\": A}, {\"max\": B}, {\"min\": A, \"max\": B} or {\"value\": V, \"tolerance\": T}"));
      return FALSE;
    }

  if (!_ml_json_get_number (object, path, "min", FALSE, &range->min, &error) ||
      !_ml_json_get_number (object, path, "max", FALSE, &range->max, &error) ||
      !_ml_json_get_number (object, path, "value", FALSE, &value, &error) ||
      !_ml_json_get_number (object, path, "tolerance", FALSE, &tolerance, &error) ||
      !_ml_json_check_range (tolerance, path, "tolerance", 0, TRUE, ML_MAX_PRICE, &error))
    return _ml_lesson_reader_take_error (reader, error);

  if (json_object_has_member (object, "value"))
    {
      range->min = value - tolerance;
      range->max = value + tolerance;
    }
  if (range->min > range->max)
    {
      _ml_lesson_reader_problem (reader, path, _("the range is empty: its “min” is above its “max”"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
ml_lesson_task_read_flag (MlLessonReader *reader,
                          JsonObject     *object,
                          const char     *path,
                          const char     *key,
                          int            *value)
{
  gboolean flag = FALSE;
  GError *error = NULL;

  if (!json_object_has_member (object, key))
    return TRUE;
  if (!_ml_json_get_boolean (object, path, key, &flag, &error))
    return _ml_lesson_reader_take_error (reader, error);
  *value = flag;
  return TRUE;
}

static gboolean
ml_lesson_task_read_enum (MlLessonReader *reader,
                          JsonObject     *object,
                          const char     *path,
                          const char     *key,
                          GType           type,
                          int            *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *where = NULL;
  const GEnumValue *choice;
  const char *text = NULL;
  GError *error = NULL;

  if (!json_object_has_member (object, key))
    return TRUE;
  if (!_ml_json_get_string (object, path, key, TRUE, &text, &error))
    return _ml_lesson_reader_take_error (reader, error);

  klass = g_type_class_ref (type);
  if ((choice = g_enum_get_value_by_nick (klass, text)) != NULL)
    {
      *value = choice->value;
      return TRUE;
    }
  where = _ml_json_path_member (path, key);
  /* Translators: a problem in a lesson pack; the two %s are the allowed values, kept as they are */
  _ml_lesson_reader_problem (reader, where, _("expected “%s” or “%s”"),
                             klass->values[0].value_nick, klass->values[1].value_nick);
  return FALSE;
}

static gboolean
ml_lesson_task_read_id (MlLessonReader *reader,
                        JsonObject     *object,
                        const char     *path,
                        MlAccount      *start,
                        Check          *check)
{
  g_autofree char *where = _ml_json_path_member (path, "id");
  const char *id = NULL;

  if (!json_object_has_member (object, "id"))
    return TRUE;
  if (!_ml_lesson_reader_read_position (reader, json_object_get_member (object, "id"), where, &id))
    return FALSE;

  check->id = g_strdup (id);
  if (ml_account_find_position (start, id) == NULL)
    {
      g_autofree char *quoted = _ml_json_quote (id);

      /* Translators: a problem in a lesson pack; %s is the position's id */
      _ml_lesson_reader_problem (reader, where, _("the step’s scenario has no position %s"), quoted);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ml_lesson_task_read_ranges (MlLessonReader *reader,
                            JsonObject     *object,
                            const char     *path,
                            Field           first,
                            Field           last,
                            Check          *check)
{
  gboolean ok = TRUE;

  for (Field f = first; f <= last; f++)
    {
      JsonNode *node = json_object_get_member (object, fields[f].key);
      g_autofree char *where = _ml_json_path_member (path, fields[f].key);

      if (node != NULL)
        ok = ml_lesson_task_read_range (reader, node, where, f, &check->ranges[f]) && ok;
    }
  return ok;
}

static gboolean
ml_lesson_task_read_position (MlLessonReader *reader,
                              JsonObject     *object,
                              const char     *path,
                              MlAccount      *start,
                              Check          *check)
{
  static const char * const keys[] = {
    "id", "side", "mode", "liquidated", "leverage", "quantity", "entry", "margin", "notional",
    "liquidation", "max_loss", "remaining", "margin_added", NULL
  };
  gboolean ok;

  if (json_object_get_size (object) == 0)
    {
      _ml_lesson_reader_problem (reader, path, _("a position check needs at least one key"));
      return FALSE;
    }
  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  ok = ml_lesson_task_read_id (reader, object, path, start, check) && ok;
  ok = ml_lesson_task_read_enum (reader, object, path, "side", ML_TYPE_SIDE, &check->side) && ok;
  ok = ml_lesson_task_read_enum (reader, object, path, "mode", ML_TYPE_MARGIN_MODE, &check->mode) && ok;
  ok = ml_lesson_task_read_flag (reader, object, path, "liquidated", &check->liquidated) && ok;
  return ml_lesson_task_read_ranges (reader, object, path, 0, N_POSITION_FIELDS - 1, check) && ok;
}

static gboolean
ml_lesson_task_read_pool (MlLessonReader *reader,
                          JsonObject     *object,
                          const char     *path,
                          Check          *check)
{
  static const char * const keys[] = { "liquidation", "collateral", "liquidated", NULL };
  gboolean ok;

  if (json_object_get_size (object) == 0)
    {
      _ml_lesson_reader_problem (reader, path, _("a pool check needs at least one key"));
      return FALSE;
    }
  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  ok = ml_lesson_task_read_flag (reader, object, path, "liquidated", &check->liquidated) && ok;
  return ml_lesson_task_read_ranges (reader, object, path, FIELD_POOL_LIQUIDATION, FIELD_POOL_COLLATERAL, check) && ok;
}

static gboolean
ml_lesson_task_read_mark (MlLessonReader *reader,
                          JsonObject     *object,
                          const char     *path,
                          Check          *check)
{
  static const char * const keys[] = { "below", "above", NULL };
  const char *key;
  GError *error = NULL;

  if (!_ml_lesson_reader_check_keys (reader, object, path, keys))
    return FALSE;
  if (json_object_get_size (object) != 1)
    {
      _ml_lesson_reader_problem (reader, path, _("expected {\"below\": PRICE} or {\"above\": PRICE}"));
      return FALSE;
    }
  key = json_object_has_member (object, "below") ? "below" : "above";
  check->kind = key[0] == 'b' ? CHECK_MARK_BELOW : CHECK_MARK_ABOVE;
  if (!_ml_json_get_number (object, path, key, TRUE, &check->price, &error) ||
      !_ml_json_check_range (check->price, path, key, ML_MIN_PRICE, TRUE, ML_MAX_PRICE, &error))
    return _ml_lesson_reader_take_error (reader, error);
  return TRUE;
}

static gboolean
ml_lesson_task_read_count (MlLessonReader *reader,
                           JsonObject     *object,
                           const char     *path,
                           Check          *check)
{
  static const char * const keys[] = { "count", NULL };
  g_autofree char *where = _ml_json_path_member (path, "count");

  if (!_ml_lesson_reader_check_keys (reader, object, path, keys))
    return FALSE;
  if (!json_object_has_member (object, "count"))
    {
      _ml_lesson_reader_problem (reader, where, _("missing (this key is required)"));
      return FALSE;
    }
  return ml_lesson_task_read_range (reader, json_object_get_member (object, "count"), where,
                                    FIELD_COUNT, &check->ranges[FIELD_COUNT]);
}

static gboolean
ml_lesson_task_read_children (MlLessonReader *reader,
                              JsonNode       *node,
                              const char     *path,
                              MlAccount      *start,
                              guint           depth,
                              Check          *check)
{
  JsonArray *array;
  gboolean ok = TRUE;
  guint n;

  check->children = g_ptr_array_new_with_free_func ((GDestroyNotify)ml_lesson_task_check_free);
  if (check->kind == CHECK_NOT)
    {
      Check *child = ml_lesson_task_read_check (reader, node, path, start, depth + 1);

      if (child != NULL)
        g_ptr_array_add (check->children, child);
      return child != NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node) || (n = json_array_get_length (array = json_node_get_array (node))) == 0 ||
      n > MAX_CHILDREN)
    {
      /* Translators: a problem in a lesson pack; %d is the most checks allowed */
      _ml_lesson_reader_problem (reader, path, _("expected a list of 1 to %d checks"), MAX_CHILDREN);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *element = _ml_json_path_element (path, i);
      Check *child = ml_lesson_task_read_check (reader, json_array_get_element (array, i), element, start, depth + 1);

      if (child != NULL)
        g_ptr_array_add (check->children, child);
      ok = ok && child != NULL;
    }
  return ok;
}

static gboolean
ml_lesson_task_read_kind (MlLessonReader *reader,
                          const char     *key,
                          JsonNode       *node,
                          const char     *where,
                          MlAccount      *start,
                          guint           depth,
                          Check          *check)
{
  if (strcmp (key, "compare") == 0)
    {
      check->kind = CHECK_COMPARE;
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node))
        return TRUE;
      _ml_lesson_reader_problem (reader, where, _("expected true"));
      return FALSE;
    }
  if (strcmp (key, "all") == 0 || strcmp (key, "any") == 0 || strcmp (key, "not") == 0)
    {
      check->kind = key[1] == 'l' ? CHECK_ALL : key[1] == 'n' ? CHECK_ANY : CHECK_NOT;
      return ml_lesson_task_read_children (reader, node, where, start, depth, check);
    }

  if (!_ml_lesson_reader_expect_object (reader, node, where))
    return FALSE;
  if (strcmp (key, "position") == 0)
    {
      check->kind = CHECK_POSITION;
      return ml_lesson_task_read_position (reader, json_node_get_object (node), where, start, check);
    }
  if (strcmp (key, "pool") == 0)
    {
      check->kind = CHECK_POOL;
      return ml_lesson_task_read_pool (reader, json_node_get_object (node), where, check);
    }
  if (strcmp (key, "mark_crossed") == 0)
    return ml_lesson_task_read_mark (reader, json_node_get_object (node), where, check);

  g_assert (strcmp (key, "positions") == 0);
  check->kind = CHECK_COUNT;
  return ml_lesson_task_read_count (reader, json_node_get_object (node), where, check);
}

static Check *
ml_lesson_task_read_check (MlLessonReader *reader,
                           JsonNode       *node,
                           const char     *path,
                           MlAccount      *start,
                           guint           depth)
{
  static const char * const keys[] = {
    "position", "pool", "mark_crossed", "compare", "positions", "all", "any", "not", NULL
  };
  g_autoptr(Check) check = g_new0 (Check, 1);
  g_autoptr(GList) members = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;

  check->side = check->mode = check->liquidated = -1;
  if (depth > MAX_DEPTH)
    {
      /* Translators: a problem in a lesson pack; %d is the deepest nesting allowed */
      _ml_lesson_reader_problem (reader, path, _("checks are nested more than %d deep"), MAX_DEPTH);
      return NULL;
    }
  if (!_ml_lesson_reader_expect_object (reader, node, path))
    return NULL;
  object = json_node_get_object (node);
  if (!_ml_lesson_reader_check_keys (reader, object, path, keys))
    return NULL;
  if (json_object_get_size (object) != 1)
    {
      _ml_lesson_reader_problem (reader, path, _("a check is an object with exactly one key"));
      return NULL;
    }

  members = json_object_get_members (object);
  where = _ml_json_path_member (path, members->data);
  if (!ml_lesson_task_read_kind (reader, members->data, json_object_get_member (object, members->data),
                                 where, start, depth, check))
    return NULL;
  return g_steal_pointer (&check);
}

/**
 * _ml_lesson_task_new_from_json:
 * @start: the step's starting account: the positions a check names must be there
 *
 * Returns: (transfer full) (nullable): the task, or %NULL with its problems in @reader
 */
MlLessonTask *
_ml_lesson_task_new_from_json (JsonNode       *node,
                               const char     *path,
                               MlLessonReader *reader,
                               MlAccount      *start)
{
  static const char * const keys[] = { "text", "check", NULL };
  g_autoptr(MlLessonTask) self = NULL;
  g_autofree char *where = _ml_json_path_member (path, "check");
  JsonObject *object;
  gboolean ok;

  if (!_ml_lesson_reader_expect_object (reader, node, path))
    return NULL;
  object = json_node_get_object (node);

  self = g_object_new (ML_TYPE_LESSON_TASK, NULL);
  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  ok = _ml_lesson_reader_read_text (reader, object, path, "text", TRUE, ML_LESSON_TEXT_STEP, &self->text) && ok;
  if (!json_object_has_member (object, "check"))
    {
      _ml_lesson_reader_problem (reader, where, _("missing (this key is required)"));
      return NULL;
    }
  self->check = ml_lesson_task_read_check (reader, json_object_get_member (object, "check"), where, start, 0);
  return ok && self->check != NULL ? g_steal_pointer (&self) : NULL;
}

/* Evaluating */

static gboolean
ml_lesson_task_in_range (const Range *range,
                         double       value,
                         gboolean     price)
{
  if (!range->set)
    return TRUE;
  if (price && (value == ML_PRICE_NONE || !isfinite (value)))
    return range->none;
  return !range->none && value >= range->min && value <= range->max;
}

static double
ml_lesson_task_margin_added (const MlLessonState *state,
                             MlPosition          *p)
{
  MlPosition *before = ml_account_find_position (state->start, ml_position_get_id (p));

  if (ml_position_get_mode (p) != ML_MARGIN_MODE_ISOLATED)
    return 0;
  if (before != NULL)
    return ml_position_get_margin (p) - ml_position_get_margin (before);
  return ml_position_get_margin (p) - ml_position_get_initial_margin (p);
}

static double
ml_lesson_task_position_field (const MlLessonState *state,
                               MlPosition          *p,
                               Field                field)
{
  double loss = 0;

  switch (field)
    {
    case FIELD_LEVERAGE:     return ml_position_get_leverage (p);
    case FIELD_QUANTITY:     return ml_position_get_quantity (p);
    case FIELD_ENTRY:        return ml_position_get_entry_price (p);
    case FIELD_MARGIN:       return ml_position_get_margin (p);
    case FIELD_NOTIONAL:     return ml_position_get_notional (p);
    case FIELD_LIQUIDATION:  return ml_position_get_liquidation_price (p);
    case FIELD_REMAINING:    return ml_position_get_remaining_collateral (p);
    case FIELD_MARGIN_ADDED: return ml_lesson_task_margin_added (state, p);
    case FIELD_MAX_LOSS:
      ml_loss_compute (state->account, p, &loss);
      return loss;
    case N_POSITION_FIELDS:
    case FIELD_POOL_COLLATERAL:
    case FIELD_COUNT:
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
ml_lesson_task_match_position (const Check         *check,
                               const MlLessonState *state,
                               MlPosition          *p)
{
  gboolean liquidated = ml_position_get_liquidated (p);

  if ((check->id != NULL && strcmp (check->id, ml_position_get_id (p)) != 0) ||
      (check->side >= 0 && (MlSide)check->side != ml_position_get_side (p)) ||
      (check->mode >= 0 && (MlMarginMode)check->mode != ml_position_get_mode (p)) ||
      (check->liquidated >= 0 ? !!check->liquidated != liquidated : liquidated))
    return FALSE;

  for (Field f = 0; f < N_POSITION_FIELDS; f++)
    if (check->ranges[f].set &&
        !ml_lesson_task_in_range (&check->ranges[f], ml_lesson_task_position_field (state, p, f), fields[f].price))
      return FALSE;
  return TRUE;
}

static gboolean
ml_lesson_task_any_position (const Check         *check,
                             const MlLessonState *state)
{
  GListModel *positions = ml_account_get_positions (state->account);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      if (ml_lesson_task_match_position (check, state, p))
        return TRUE;
    }
  return FALSE;
}

/* Whether a cross position was liquidated since the step started. */
static gboolean
ml_lesson_task_pool_liquidated (const MlLessonState *state)
{
  GListModel *positions = ml_account_get_positions (state->account);

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);
      MlPosition *before;

      if (ml_position_get_mode (p) != ML_MARGIN_MODE_CROSS || !ml_position_get_liquidated (p))
        continue;
      before = ml_account_find_position (state->start, ml_position_get_id (p));
      if (before == NULL || !ml_position_get_liquidated (before))
        return TRUE;
    }
  return FALSE;
}

static guint
ml_lesson_task_count_open (MlAccount *account)
{
  GListModel *positions = ml_account_get_positions (account);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (positions); i++)
    {
      g_autoptr(MlPosition) p = g_list_model_get_item (positions, i);

      n += !ml_position_get_liquidated (p);
    }
  return n;
}

static gboolean
ml_lesson_task_evaluate (const Check         *check,
                         const MlLessonState *state)
{
  switch (check->kind)
    {
    case CHECK_POSITION:
      return ml_lesson_task_any_position (check, state);
    case CHECK_POOL:
      return (check->liquidated < 0 || !!check->liquidated == ml_lesson_task_pool_liquidated (state)) &&
             ml_lesson_task_in_range (&check->ranges[FIELD_POOL_LIQUIDATION],
                                      ml_account_get_n_cross_positions (state->account) > 0
                                        ? ml_account_get_cross_liquidation_price (state->account) : ML_PRICE_NONE,
                                      TRUE) &&
             ml_lesson_task_in_range (&check->ranges[FIELD_POOL_COLLATERAL],
                                      ml_account_get_cross_pool (state->account), FALSE);
    case CHECK_MARK_BELOW:
      return state->mark_low <= check->price;
    case CHECK_MARK_ABOVE:
      return state->mark_high >= check->price;
    case CHECK_COMPARE:
      return state->compare;
    case CHECK_COUNT:
      return ml_lesson_task_in_range (&check->ranges[FIELD_COUNT], ml_lesson_task_count_open (state->account), FALSE);
    case CHECK_ALL:
      for (guint i = 0; i < check->children->len; i++)
        if (!ml_lesson_task_evaluate (check->children->pdata[i], state))
          return FALSE;
      return TRUE;
    case CHECK_ANY:
      for (guint i = 0; i < check->children->len; i++)
        if (ml_lesson_task_evaluate (check->children->pdata[i], state))
          return TRUE;
      return FALSE;
    case CHECK_NOT:
      return !ml_lesson_task_evaluate (check->children->pdata[0], state);
    default:
      g_assert_not_reached ();
    }
}

/**
 * ml_lesson_task_get_text:
 *
 * Returns: the task as written, with its placeholders: show it through ml_lesson_step_expand()
 */
const char *
ml_lesson_task_get_text (MlLessonTask *self)
{
  g_return_val_if_fail (ML_IS_LESSON_TASK (self), NULL);
  return self->text;
}

/**
 * ml_lesson_task_check:
 *
 * Returns: whether @state does what the task asks
 */
gboolean
ml_lesson_task_check (MlLessonTask        *self,
                      const MlLessonState *state)
{
  g_return_val_if_fail (ML_IS_LESSON_TASK (self), FALSE);
  g_return_val_if_fail (state != NULL && ML_IS_ACCOUNT (state->account) && ML_IS_ACCOUNT (state->start), FALSE);
  return ml_lesson_task_evaluate (self->check, state);
}
