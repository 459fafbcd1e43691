/* ml-lesson-action.c — what a step's solution and a question's reveal do to the lab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actions are played through the MlLab, as the learner's own clicks are, so that a solution
 * that --check-pack accepts is one the learner can repeat. The lowest and highest mark since
 * the step started are tracked after every change, as the lesson run tracks them.
 */

#define G_LOG_DOMAIN "ml-lesson"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ml-enums.h"
#include "ml-json-private.h"
#include "ml-lesson-action.h"

void
_ml_lesson_action_free (MlLessonAction *self)
{
  g_free (self->path);
  g_free (self->id);
  g_free (self);
}

static gboolean
ml_lesson_action_read_price (MlLessonReader *reader,
                             JsonNode       *node,
                             const char     *path,
                             double         *price)
{
  GError *error = NULL;

  if (!_ml_json_read_number (node, path, price, &error) ||
      !_ml_json_check_range (*price, path, NULL, ML_MIN_PRICE, TRUE, ML_MAX_PRICE, &error))
    return _ml_lesson_reader_take_error (reader, error);
  return TRUE;
}

static gboolean
ml_lesson_action_read_true (MlLessonReader *reader,
                            JsonNode       *node,
                            const char     *path)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
      json_node_get_boolean (node))
    return TRUE;
  _ml_lesson_reader_problem (reader, path, _("expected true"));
  return FALSE;
}

static gboolean
ml_lesson_action_read_choice (MlLessonReader *reader,
                              JsonObject     *object,
                              const char     *path,
                              const char     *key,
                              GType           type,
                              int            *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autofree char *where = _ml_json_path_member (path, key);
  const GEnumValue *choice;
  const char *text = NULL;
  GError *error = NULL;

  if (!_ml_json_get_string (object, path, key, TRUE, &text, &error))
    return _ml_lesson_reader_take_error (reader, error);
  if ((choice = g_enum_get_value_by_nick (klass, text)) == NULL)
    {
      g_autofree char *quoted = _ml_json_quote (text);

      /* Translators: a problem in a lesson pack; %s in turn: the value found, then the two allowed values, kept as they are */
      _ml_lesson_reader_problem (reader, where, _("%s is neither “%s” nor “%s”"), quoted,
                                 klass->values[0].value_nick, klass->values[1].value_nick);
      return FALSE;
    }
  *value = choice->value;
  return TRUE;
}

static gboolean
ml_lesson_action_read_amount (MlLessonReader *reader,
                              JsonObject     *object,
                              const char     *path,
                              const char     *key,
                              gboolean        required,
                              double         *value)
{
  GError *error = NULL;

  if (!_ml_json_get_number (object, path, key, required, value, &error) ||
      (json_object_has_member (object, key) &&
       !_ml_json_check_range (*value, path, key, 0, FALSE, ML_MAX_BALANCE, &error)))
    return _ml_lesson_reader_take_error (reader, error);
  return TRUE;
}

static gboolean
ml_lesson_action_read_open (MlLessonReader *reader,
                            MlLessonAction *self,
                            JsonObject     *object,
                            const char     *path)
{
  static const char * const keys[] = { "id", "side", "mode", "leverage", "quantity", "margin", "price", NULL };
  g_autofree char *where_leverage = _ml_json_path_member (path, "leverage");
  const char *id = NULL;
  double leverage = 0;
  int side = 0, mode = 0;
  GError *error = NULL;
  gboolean ok;

  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  if (json_object_has_member (object, "id"))
    {
      ok = _ml_lesson_reader_read_id (reader, object, path, &id) && ok;
      self->id = g_strdup (id);
    }
  ok = ml_lesson_action_read_choice (reader, object, path, "side", ML_TYPE_SIDE, &side) && ok;
  ok = ml_lesson_action_read_choice (reader, object, path, "mode", ML_TYPE_MARGIN_MODE, &mode) && ok;
  self->side = side;
  self->mode = mode;

  if (!_ml_json_get_number (object, path, "leverage", TRUE, &leverage, &error))
    ok = _ml_lesson_reader_take_error (reader, error);
  else if (leverage != trunc (leverage) || leverage < 1 || leverage > ML_MAX_LEVERAGE)
    {
      /* Translators: a problem in a lesson pack; %d is the highest leverage allowed */
      _ml_lesson_reader_problem (reader, where_leverage, _("leverage is a whole number from 1 to %d"), ML_MAX_LEVERAGE);
      ok = FALSE;
    }
  self->leverage = (guint)CLAMP (leverage, 1, ML_MAX_LEVERAGE);

  if (json_object_has_member (object, "quantity") == json_object_has_member (object, "margin"))
    {
      /* Translators: a problem in a lesson pack; “quantity” and “margin” are keys of the file, kept as they are; BTC and USDT are units */
      _ml_lesson_reader_problem (reader, path, _("an order gives its size as either “quantity” (BTC) or “margin” (USDT), not both or neither"));
      ok = FALSE;
    }
  ok = ml_lesson_action_read_amount (reader, object, path, "quantity", FALSE, &self->quantity) && ok;
  ok = ml_lesson_action_read_amount (reader, object, path, "margin", FALSE, &self->margin) && ok;

  if (json_object_has_member (object, "price"))
    {
      g_autofree char *where = _ml_json_path_member (path, "price");

      ok = ml_lesson_action_read_price (reader, json_object_get_member (object, "price"), where, &self->price) && ok;
    }
  return ok;
}

static gboolean
ml_lesson_action_read_margin (MlLessonReader *reader,
                              MlLessonAction *self,
                              JsonNode       *node,
                              const char     *path)
{
  static const char * const keys[] = { "position", "amount", NULL };
  JsonObject *object;
  const char *id = NULL;
  gboolean ok;

  if (!_ml_lesson_reader_expect_object (reader, node, path))
    return FALSE;
  object = json_node_get_object (node);

  ok = _ml_lesson_reader_check_keys (reader, object, path, keys);
  if (!json_object_has_member (object, "position"))
    {
      g_autofree char *where = _ml_json_path_member (path, "position");

      _ml_lesson_reader_problem (reader, where, _("missing (this key is required)"));
      ok = FALSE;
    }
  else
    {
      g_autofree char *where = _ml_json_path_member (path, "position");

      ok = _ml_lesson_reader_read_position (reader, json_object_get_member (object, "position"), where, &id) && ok;
      self->id = g_strdup (id);
    }
  return ml_lesson_action_read_amount (reader, object, path, "amount", TRUE, &self->amount) && ok;
}

static gboolean
ml_lesson_action_read_kind (MlLessonReader *reader,
                            MlLessonAction *self,
                            const char     *key,
                            JsonNode       *node,
                            const char     *where)
{
  const char *id = NULL;

  if (strcmp (key, "mark") == 0)
    {
      self->kind = ML_LESSON_ACTION_MARK;
      return ml_lesson_action_read_price (reader, node, where, &self->price);
    }
  if (strcmp (key, "path") == 0 || strcmp (key, "compare") == 0)
    {
      self->kind = key[0] == 'p' ? ML_LESSON_ACTION_PATH : ML_LESSON_ACTION_COMPARE;
      return ml_lesson_action_read_true (reader, node, where);
    }
  if (strcmp (key, "open") == 0)
    {
      self->kind = ML_LESSON_ACTION_OPEN;
      return _ml_lesson_reader_expect_object (reader, node, where) &&
             ml_lesson_action_read_open (reader, self, json_node_get_object (node), where);
    }
  if (strcmp (key, "add_margin") == 0 || strcmp (key, "remove_margin") == 0)
    {
      self->kind = key[0] == 'a' ? ML_LESSON_ACTION_ADD_MARGIN : ML_LESSON_ACTION_REMOVE_MARGIN;
      return ml_lesson_action_read_margin (reader, self, node, where);
    }

  g_assert (strcmp (key, "close") == 0);
  self->kind = ML_LESSON_ACTION_CLOSE;
  if (!_ml_lesson_reader_read_position (reader, node, where, &id))
    return FALSE;
  self->id = g_strdup (id);
  return TRUE;
}

/**
 * _ml_lesson_action_read:
 * @reveal: whether it is a question's reveal, which only moves the mark, plays the path or
 *   turns Compare Modes on
 *
 * Returns: (transfer full) (nullable): the action, or %NULL with its problems recorded
 */
MlLessonAction *
_ml_lesson_action_read (MlLessonReader *reader,
                        JsonNode       *node,
                        const char     *path,
                        gboolean        reveal)
{
  static const char * const all[] = { "open", "mark", "add_margin", "remove_margin", "close", "path", "compare", NULL };
  static const char * const reveals[] = { "mark", "path", "compare", NULL };
  g_autoptr(MlLessonAction) self = g_new0 (MlLessonAction, 1);
  g_autoptr(GList) members = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;
  const char *key;

  if (!_ml_lesson_reader_expect_object (reader, node, path))
    return NULL;
  object = json_node_get_object (node);
  if (!_ml_lesson_reader_check_keys (reader, object, path, reveal ? reveals : all))
    return NULL;
  if (json_object_get_size (object) != 1)
    {
      _ml_lesson_reader_problem (reader, path, reveal ? _("a reveal is an object with exactly one key: mark, path or compare")
                                                      : _("an action is an object with exactly one key"));
      return NULL;
    }

  members = json_object_get_members (object);
  key = members->data;
  where = _ml_json_path_member (path, key);
  self->path = g_strdup (path);
  if (!ml_lesson_action_read_kind (reader, self, key, json_object_get_member (object, key), where))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * _ml_lesson_action_read_list:
 *
 * Returns: (transfer full) (nullable) (element-type MlLessonAction): the list at @key, or
 *   %NULL with its problems recorded when it is not there or any action is wrong
 */
GPtrArray *
_ml_lesson_action_read_list (MlLessonReader *reader,
                             JsonObject     *object,
                             const char     *path,
                             const char     *key)
{
  g_autofree char *where = _ml_json_path_member (path, key);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify)_ml_lesson_action_free);
  JsonArray *array;
  gboolean ok = TRUE;

  if (!(array = _ml_lesson_reader_get_array (reader, object, path, key, 1, ML_LESSON_MAX_ACTIONS)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = _ml_json_path_element (where, i);
      MlLessonAction *action = _ml_lesson_action_read (reader, json_array_get_element (array, i), element, FALSE);

      if (action != NULL)
        g_ptr_array_add (actions, action);
      ok = ok && action != NULL;
    }
  return ok ? g_steal_pointer (&actions) : NULL;
}

/* Playing */

/**
 * _ml_lesson_action_track:
 * @state: (nullable): receives the lab's account, and its mark in the marks seen
 */
void
_ml_lesson_action_track (MlLab         *lab,
                         MlLessonState *state)
{
  double mark;

  if (state == NULL)
    return;
  state->account = ml_lab_get_account (lab);
  state->compare = ml_lab_get_compare (lab);
  mark = ml_account_get_mark_price (state->account);
  state->mark_low = MIN (state->mark_low, mark);
  state->mark_high = MAX (state->mark_high, mark);
}

static gboolean
ml_lesson_action_open (const MlLessonAction  *self,
                       MlLab                 *lab,
                       GError               **error)
{
  MlAccount *account = ml_lab_get_account (lab);
  double size = ml_contract_get_contract_size (ml_account_get_contract (account));
  MlOrder order = { self->id, self->side, self->mode, self->quantity, self->price, self->leverage, 0 };

  if (order.price == 0)
    order.price = ml_account_get_mark_price (account);
  if (self->margin > 0)
    {
      /* As many whole contracts as the margin pays for at this leverage. */
      order.quantity = floor (self->margin * self->leverage / order.price / size + 1e-9) * size;
      if (self->mode == ML_MARGIN_MODE_ISOLATED)
        order.margin = self->margin;
    }
  return ml_lab_open_position (lab, &order, error) != NULL;
}

static gboolean
ml_lesson_action_play_path (MlLab   *lab,
                            MlLessonState *state,
                            GError **error)
{
  if (ml_lab_get_path_length (lab) == 0)
    {
      g_set_error (error, ML_ERROR, ML_ERROR_REFUSED, _("the step’s scenario has no price path to play"));
      return FALSE;
    }
  while (ml_lab_get_path_position (lab) < ml_lab_get_path_length (lab))
    {
      if (!ml_lab_step_path (lab, ML_LAB_STEP_JOIN, error))
        return FALSE;
      _ml_lesson_action_track (lab, state);
    }
  return TRUE;
}

/**
 * _ml_lesson_action_play:
 * @state: (nullable): the step's state, kept up to date after every change
 *
 * Returns: %TRUE if the lab took the action; else %FALSE with @error saying why it refused
 */
gboolean
_ml_lesson_action_play (const MlLessonAction  *self,
                        MlLab                 *lab,
                        MlLessonState         *state,
                        GError               **error)
{
  gboolean ok = TRUE;

  switch (self->kind)
    {
    case ML_LESSON_ACTION_OPEN:
      ok = ml_lesson_action_open (self, lab, error);
      break;
    case ML_LESSON_ACTION_MARK:
      ok = ml_lab_move_mark (lab, self->price, ML_LAB_STEP_NEW, error);
      break;
    case ML_LESSON_ACTION_ADD_MARGIN:
      ok = ml_lab_add_margin (lab, self->id, self->amount, error);
      break;
    case ML_LESSON_ACTION_REMOVE_MARGIN:
      ok = ml_lab_remove_margin (lab, self->id, self->amount, error);
      break;
    case ML_LESSON_ACTION_CLOSE:
      ok = ml_lab_close_position (lab, self->id, error);
      break;
    case ML_LESSON_ACTION_PATH:
      ok = ml_lesson_action_play_path (lab, state, error);
      break;
    case ML_LESSON_ACTION_COMPARE:
      ml_lab_set_compare (lab, TRUE);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    _ml_lesson_action_track (lab, state);
  return ok;
}
