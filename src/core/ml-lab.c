/* ml-lab.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lab's one source of truth, shared by the window and (later) the lesson runner: the
 * account, the scenario it came from and its file, whether it has unsaved changes, undo and
 * redo, and where the scenario's price path has got to. Every change (ml-lab-changes.c) goes
 * through _ml_lab_apply(), which keeps the state before it for Undo and, once every number is
 * current, emits "changed" and then "liquidated" for what the change liquidated.
 *
 * The fees a fresh lab starts with are the lab's to be told (the application binds them to
 * its settings; the core reads none). A lab that nothing has been done in since New takes a
 * new default at once, since it holds nothing the learner made; any other lab keeps the fees
 * it has, as a scenario keeps its own, until New.
 */

#define G_LOG_DOMAIN "ml-lab"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ml-lab-private.h"

G_DEFINE_FINAL_TYPE (MlLab, ml_lab, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_SCENARIO,
  PROP_FILE,
  PROP_TITLE,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_PATH_LENGTH,
  PROP_PATH_POSITION,
  PROP_COMPARE,
  PROP_FRESH_CHARGE_FEES,
  PROP_FRESH_TAKER_FEE_RATE,
  PROP_FRESH_MAKER_FEE_RATE,
  N_PROPS
};

enum {
  STARTED,
  CHANGED,
  LIQUIDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a view shows, to notify only what really changed. */
typedef struct
{
  guint      account_serial;
  guint      source_serial;
  guint      start_serial;
  gboolean   dirty;
  gboolean   can_undo;
  gboolean   can_redo;
  guint      path_position;
} MlLabSnapshot;

static void
ml_lab_state_clear (gpointer data)
{
  MlLabState *state = data;

  g_clear_object (&state->account);
}

static void
ml_lab_liquidation_clear (gpointer data)
{
  MlLabLiquidation *item = data;

  g_clear_object (&item->position);
}

static void
ml_lab_snapshot (MlLab         *self,
                 MlLabSnapshot *snapshot)
{
  snapshot->account_serial = self->account_serial;
  snapshot->source_serial = self->source_serial;
  snapshot->start_serial = self->start_serial;
  snapshot->dirty = ml_lab_get_dirty (self);
  snapshot->can_undo = ml_lab_get_can_undo (self);
  snapshot->can_redo = ml_lab_get_can_redo (self);
  snapshot->path_position = self->path_position;
}

/* Tells the views: first what changed among the properties, then "started" after a fresh
 * start, then "changed", then each liquidation, so that a handler of any of them reads
 * current numbers. */
static void
ml_lab_notify (MlLab               *self,
               const MlLabSnapshot *before)
{
  g_autoptr(GArray) liquidations = g_steal_pointer (&self->liquidations);

  self->liquidations = g_array_new (FALSE, FALSE, sizeof (MlLabLiquidation));
  g_array_set_clear_func (self->liquidations, ml_lab_liquidation_clear);

  g_object_freeze_notify (G_OBJECT (self));
  if (before->account_serial != self->account_serial)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
  if (before->dirty != ml_lab_get_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  if (before->can_undo != ml_lab_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != ml_lab_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->path_position != self->path_position)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH_POSITION]);
  if (before->source_serial != self->source_serial)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (before->start_serial != self->start_serial)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH_LENGTH]);
  g_object_thaw_notify (G_OBJECT (self));

  if (before->start_serial != self->start_serial)
    g_signal_emit (self, signals[STARTED], 0);
  g_signal_emit (self, signals[CHANGED], 0);
  for (guint i = 0; i < liquidations->len; i++)
    {
      MlLabLiquidation *item = &g_array_index (liquidations, MlLabLiquidation, i);

      g_signal_emit (self, signals[LIQUIDATED], 0, item->position, item->price);
    }
}

static void
ml_lab_account_liquidated (MlLab      *self,
                           MlPosition *position,
                           double      price)
{
  MlLabLiquidation item = { g_object_ref (position), price };

  g_array_append_val (self->liquidations, item);
}

/* Puts @account (consumed) in the lab. */
void
_ml_lab_take_account (MlLab     *self,
                     MlAccount *account)
{
  if (self->account != NULL)
    g_clear_signal_handler (&self->liquidated_handler, self->account);
  g_clear_object (&self->account);
  self->account = account;
  self->account_serial++;
  self->liquidated_handler = g_signal_connect_object (account, "liquidated",
                                                      G_CALLBACK (ml_lab_account_liquidated),
                                                      self, G_CONNECT_SWAPPED);
}

static void
ml_lab_push (GArray    *stack,
             MlAccount *account,
             guint      path_position,
             guint      serial)
{
  MlLabState state = { account, path_position, serial };

  g_array_append_val (stack, state);
}

/* The account New starts with: the fresh balance and mark, and the fresh fees. */
static MlAccount *
ml_lab_new_fresh_account (MlLab *self)
{
  MlAccount *account = ml_account_new (ml_brackets_get_default (), ML_LAB_FRESH_BALANCE, ML_LAB_FRESH_MARK_PRICE);

  ml_account_set_charge_fees (account, self->fresh_charge_fees);
  ml_account_set_taker_fee_rate (account, self->fresh_taker_fee_rate);
  ml_account_set_maker_fee_rate (account, self->fresh_maker_fee_rate);
  return account;
}

/* Starts the lab afresh on @account (consumed): no history, nothing unsaved. */
static void
ml_lab_start (MlLab      *self,
              MlAccount  *account,
              MlScenario *scenario,
              GFile      *file)
{
  MlLabSnapshot before;

  ml_lab_snapshot (self, &before);
  _ml_lab_take_account (self, account);
  g_set_object (&self->scenario, scenario);
  g_set_object (&self->file, file);
  g_array_set_size (self->undo, 0);
  g_array_set_size (self->redo, 0);
  self->path_position = 0;
  self->mark_step_open = FALSE;
  self->serial = self->saved_serial = ++self->last_serial;
  self->source_serial++;
  self->start_serial++;
  ml_lab_notify (self, &before);
}

/* Applies one change, which leaves the path at @path_position. @step says whether it is an
 * undo step of its own; a refused change leaves everything as it was. */
gboolean
_ml_lab_apply (MlLab            *self,
              MlLabChangeFunc   func,
              gpointer          data,
              MlLabStep         step,
              gboolean          mark_move,
              guint             path_position,
              GError          **error)
{
  gboolean join = step == ML_LAB_STEP_JOIN && self->mark_step_open && mark_move;
  g_autoptr(MlAccount) before = join ? NULL : ml_account_copy (self->account);
  MlLabSnapshot snapshot;

  ml_lab_snapshot (self, &snapshot);
  if (!func (self, data, error))
    {
      g_array_set_size (self->liquidations, 0);
      return FALSE;
    }
  if (before != NULL)
    {
      ml_lab_push (self->undo, g_steal_pointer (&before), self->path_position, self->serial);
      g_array_set_size (self->redo, 0);
    }
  self->serial = ++self->last_serial;
  self->mark_step_open = mark_move;
  self->path_position = path_position;
  ml_lab_notify (self, &snapshot);
  return TRUE;
}

/* GObject */

static void
ml_lab_dispose (GObject *object)
{
  MlLab *self = ML_LAB (object);

  if (self->account != NULL)
    g_clear_signal_handler (&self->liquidated_handler, self->account);
  g_clear_object (&self->account);
  g_clear_object (&self->scenario);
  g_clear_object (&self->file);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);
  g_clear_pointer (&self->liquidations, g_array_unref);
  G_OBJECT_CLASS (ml_lab_parent_class)->dispose (object);
}

static void
ml_lab_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  MlLab *self = ML_LAB (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_take_string (value, ml_lab_dup_title (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, ml_lab_get_dirty (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ml_lab_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ml_lab_get_can_redo (self));
      break;
    case PROP_PATH_LENGTH:
      g_value_set_uint (value, ml_lab_get_path_length (self));
      break;
    case PROP_PATH_POSITION:
      g_value_set_uint (value, self->path_position);
      break;
    case PROP_COMPARE:
      g_value_set_boolean (value, self->compare);
      break;
    case PROP_FRESH_CHARGE_FEES:
      g_value_set_boolean (value, self->fresh_charge_fees);
      break;
    case PROP_FRESH_TAKER_FEE_RATE:
      g_value_set_double (value, self->fresh_taker_fee_rate);
      break;
    case PROP_FRESH_MAKER_FEE_RATE:
      g_value_set_double (value, self->fresh_maker_fee_rate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_lab_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  MlLab *self = ML_LAB (object);

  switch (prop_id)
    {
    case PROP_COMPARE:
      ml_lab_set_compare (self, g_value_get_boolean (value));
      break;
    case PROP_FRESH_CHARGE_FEES:
      ml_lab_set_fresh_charge_fees (self, g_value_get_boolean (value));
      break;
    case PROP_FRESH_TAKER_FEE_RATE:
      ml_lab_set_fresh_taker_fee_rate (self, g_value_get_double (value));
      break;
    case PROP_FRESH_MAKER_FEE_RATE:
      ml_lab_set_fresh_maker_fee_rate (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_lab_class_init (MlLabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ml_lab_dispose;
  object_class->get_property = ml_lab_get_property;
  object_class->set_property = ml_lab_set_property;

  properties[PROP_ACCOUNT] = g_param_spec_object ("account", NULL, NULL, ML_TYPE_ACCOUNT, flags);
  properties[PROP_SCENARIO] = g_param_spec_object ("scenario", NULL, NULL, ML_TYPE_SCENARIO, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_PATH_LENGTH] = g_param_spec_uint ("path-length", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PATH_POSITION] = g_param_spec_uint ("path-position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_COMPARE] = g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                                                   flags | G_PARAM_WRITABLE);
  /**
   * MlLab:fresh-charge-fees:
   *
   * Whether a fresh lab charges fees: New starts with it, and so does a lab that nothing has
   * been done in yet (no scenario, no unsaved change, no undo or redo), which takes a change
   * at once. Any other lab keeps its own fees until New; a scenario always has its own.
   */
  properties[PROP_FRESH_CHARGE_FEES] = g_param_spec_boolean ("fresh-charge-fees", NULL, NULL, FALSE,
                                                             flags | G_PARAM_WRITABLE);
  /**
   * MlLab:fresh-taker-fee-rate:
   *
   * The taker fee rate of a fresh lab, as a fraction (0.0005 is 0.05 %), for orders at the
   * mark price; it reaches the lab as #MlLab:fresh-charge-fees does.
   */
  properties[PROP_FRESH_TAKER_FEE_RATE] =
    g_param_spec_double ("fresh-taker-fee-rate", NULL, NULL, 0, ML_MAX_FEE_RATE, ML_DEFAULT_TAKER_FEE_RATE,
                         flags | G_PARAM_WRITABLE);
  /**
   * MlLab:fresh-maker-fee-rate:
   *
   * The maker fee rate of a fresh lab, as a fraction, for orders at any other price; it
   * reaches the lab as #MlLab:fresh-charge-fees does.
   */
  properties[PROP_FRESH_MAKER_FEE_RATE] =
    g_param_spec_double ("fresh-maker-fee-rate", NULL, NULL, 0, ML_MAX_FEE_RATE, ML_DEFAULT_MAKER_FEE_RATE,
                         flags | G_PARAM_WRITABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MlLab::started:
   *
   * The lab started afresh (New, Open, a scenario put in), with no history: views let go of
   * what they kept of the old one, such as a zoom or a playback. Saving is not a start.
   */
  signals[STARTED] =
    g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  /**
   * MlLab::changed:
   *
   * The lab changed: a change was made, undone or redone, or another account was put in.
   * Every number is current when it is emitted.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  /**
   * MlLab::liquidated:
   * @position: the liquidated position
   * @price: the mark price at which it happened
   *
   * Emitted after "changed", once for each position the change liquidated, in price order.
   */
  signals[LIQUIDATED] =
    g_signal_new ("liquidated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, ML_TYPE_POSITION, G_TYPE_DOUBLE);
}

static void
ml_lab_init (MlLab *self)
{
  self->undo = g_array_new (FALSE, FALSE, sizeof (MlLabState));
  self->redo = g_array_new (FALSE, FALSE, sizeof (MlLabState));
  g_array_set_clear_func (self->undo, ml_lab_state_clear);
  g_array_set_clear_func (self->redo, ml_lab_state_clear);
  self->liquidations = g_array_new (FALSE, FALSE, sizeof (MlLabLiquidation));
  g_array_set_clear_func (self->liquidations, ml_lab_liquidation_clear);
  self->fresh_taker_fee_rate = ML_DEFAULT_TAKER_FEE_RATE;
  self->fresh_maker_fee_rate = ML_DEFAULT_MAKER_FEE_RATE;
  _ml_lab_take_account (self, ml_lab_new_fresh_account (self));
}

/**
 * ml_lab_new:
 *
 * Returns: (transfer full): a fresh lab, with nothing unsaved
 */
MlLab *
ml_lab_new (void)
{
  return g_object_new (ML_TYPE_LAB, NULL);
}

/* Reading */

/**
 * ml_lab_get_account:
 *
 * Returns: (transfer none): the account; Undo, Redo and Open put another one in, which
 *   "notify::account" tells
 */
MlAccount *
ml_lab_get_account (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), NULL);
  return self->account;
}

/**
 * ml_lab_get_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario as it was opened or last saved
 */
MlScenario *
ml_lab_get_scenario (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), NULL);
  return self->scenario;
}

/**
 * ml_lab_get_file:
 *
 * Returns: (transfer none) (nullable): where Save writes
 */
GFile *
ml_lab_get_file (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), NULL);
  return self->file;
}

/**
 * ml_lab_dup_title:
 *
 * Returns: (transfer full) (nullable): the scenario's title, or else its file's name;
 *   %NULL for a fresh lab
 */
char *
ml_lab_dup_title (MlLab *self)
{
  const char *title;

  g_return_val_if_fail (ML_IS_LAB (self), NULL);

  title = self->scenario ? ml_scenario_get_title (self->scenario) : NULL;
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return self->file ? g_file_get_basename (self->file) : NULL;
}

/* Whether the lab holds changes that its file (or, fresh, no file) does not. */
gboolean
ml_lab_get_dirty (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  return self->serial != self->saved_serial;
}

gboolean
ml_lab_get_can_undo (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  return self->undo->len > 0;
}

gboolean
ml_lab_get_can_redo (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  return self->redo->len > 0;
}

/* The number of prices in the scenario's path; 0 for none. */
guint
ml_lab_get_path_length (MlLab *self)
{
  gsize n = 0;

  g_return_val_if_fail (ML_IS_LAB (self), 0);
  if (self->scenario != NULL)
    ml_scenario_get_path (self->scenario, &n);
  return (guint)n;
}

/* How many of the path's prices have been applied: "step N of M" shows this as N. */
guint
ml_lab_get_path_position (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), 0);
  return self->path_position;
}

/**
 * ml_lab_get_compare:
 *
 * Returns: whether the lab also shows every position in the other margin mode (Compare Modes)
 */
gboolean
ml_lab_get_compare (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  return self->compare;
}

void
ml_lab_set_compare (MlLab    *self,
                    gboolean  compare)
{
  g_return_if_fail (ML_IS_LAB (self));

  compare = !!compare;
  if (self->compare == compare)
    return;
  self->compare = compare;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
}

/* The fees of a fresh lab */

/* Whether nothing has been done in the lab since New: it holds nothing of the learner's, so a
 * new default fee can replace its account without losing anything or marking it unsaved. */
static gboolean
ml_lab_is_untouched (MlLab *self)
{
  return self->scenario == NULL && !ml_lab_get_dirty (self) && self->undo->len == 0 && self->redo->len == 0;
}

/* A fresh default reaches an untouched lab at once, as if New had been chosen again; any
 * other lab keeps its fees. Not a start: nothing is stopped or zoomed out. */
static void
ml_lab_fresh_fees_changed (MlLab *self,
                           guint  prop_id)
{
  MlLabSnapshot before;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (!ml_lab_is_untouched (self))
    return;
  ml_lab_snapshot (self, &before);
  _ml_lab_take_account (self, ml_lab_new_fresh_account (self));
  ml_lab_notify (self, &before);
}

gboolean
ml_lab_get_fresh_charge_fees (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  return self->fresh_charge_fees;
}

/**
 * ml_lab_set_fresh_charge_fees:
 *
 * Sets whether a fresh lab charges fees (#MlLab:fresh-charge-fees): New, and the lab itself if
 * nothing has been done in it yet.
 */
void
ml_lab_set_fresh_charge_fees (MlLab    *self,
                              gboolean  charge_fees)
{
  g_return_if_fail (ML_IS_LAB (self));

  charge_fees = !!charge_fees;
  if (self->fresh_charge_fees == charge_fees)
    return;
  self->fresh_charge_fees = charge_fees;
  ml_lab_fresh_fees_changed (self, PROP_FRESH_CHARGE_FEES);
}

double
ml_lab_get_fresh_taker_fee_rate (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), 0);
  return self->fresh_taker_fee_rate;
}

static void
ml_lab_set_fresh_rate (MlLab  *self,
                       double *field,
                       double  rate,
                       guint   prop_id)
{
  g_return_if_fail (isfinite (rate) && rate >= 0 && rate <= ML_MAX_FEE_RATE);

  if (*field == rate)
    return;
  *field = rate;
  ml_lab_fresh_fees_changed (self, prop_id);
}

/**
 * ml_lab_set_fresh_taker_fee_rate:
 * @rate: a fraction from 0 to %ML_MAX_FEE_RATE: 0.0005 is 0.05 %
 *
 * Sets the taker fee rate of a fresh lab (#MlLab:fresh-taker-fee-rate).
 */
void
ml_lab_set_fresh_taker_fee_rate (MlLab  *self,
                                 double  rate)
{
  g_return_if_fail (ML_IS_LAB (self));
  ml_lab_set_fresh_rate (self, &self->fresh_taker_fee_rate, rate, PROP_FRESH_TAKER_FEE_RATE);
}

double
ml_lab_get_fresh_maker_fee_rate (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), 0);
  return self->fresh_maker_fee_rate;
}

/**
 * ml_lab_set_fresh_maker_fee_rate:
 * @rate: a fraction from 0 to %ML_MAX_FEE_RATE: 0.0002 is 0.02 %
 *
 * Sets the maker fee rate of a fresh lab (#MlLab:fresh-maker-fee-rate).
 */
void
ml_lab_set_fresh_maker_fee_rate (MlLab  *self,
                                 double  rate)
{
  g_return_if_fail (ML_IS_LAB (self));
  ml_lab_set_fresh_rate (self, &self->fresh_maker_fee_rate, rate, PROP_FRESH_MAKER_FEE_RATE);
}

/* Starting again */

/**
 * ml_lab_reset:
 *
 * Starts a fresh lab (New): 1,000 USDT at a mark of 60,000 and the fresh fees, no scenario, no
 * file.
 */
void
ml_lab_reset (MlLab *self)
{
  g_return_if_fail (ML_IS_LAB (self));
  ml_lab_start (self, ml_lab_new_fresh_account (self), NULL, NULL);
}

/**
 * ml_lab_set_scenario:
 * @file: (nullable): where it came from, and where Save writes
 *
 * Starts the lab afresh from a copy of @scenario's account; the history starts again.
 */
void
ml_lab_set_scenario (MlLab      *self,
                     MlScenario *scenario,
                     GFile      *file)
{
  g_return_if_fail (ML_IS_LAB (self));
  g_return_if_fail (ML_IS_SCENARIO (scenario));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  ml_lab_start (self, ml_account_copy (ml_scenario_get_account (scenario)), scenario, file);
}

/**
 * ml_lab_open_file:
 *
 * Opens a scenario file. A broken one is refused with the one-line reason the command line
 * gives, and the lab is kept as it was.
 */
gboolean
ml_lab_open_file (MlLab   *self,
                  GFile   *file,
                  GError **error)
{
  g_autoptr(MlScenario) scenario = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened."));
      return FALSE;
    }
  if (!(scenario = ml_scenario_new_from_file (path, error)))
    return FALSE;
  ml_lab_set_scenario (self, scenario, file);
  return TRUE;
}

/**
 * ml_lab_save_file:
 *
 * Saves the lab as a scenario, atomically, keeping the opened scenario's title, what-if
 * prices and path. On failure nothing on disk has changed and the lab still has unsaved
 * changes.
 */
gboolean
ml_lab_save_file (MlLab   *self,
                  GFile   *file,
                  GError **error)
{
  g_autoptr(MlScenario) scenario = NULL;
  g_autoptr(MlAccount) account = NULL;
  g_autofree char *path = NULL;
  MlLabSnapshot before;

  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved."));
      return FALSE;
    }
  /* The saved scenario owns a copy: the lab's account goes on changing. */
  account = ml_account_copy (self->account);
  scenario = self->scenario ? ml_scenario_new_with_account (self->scenario, account) : ml_scenario_new (account);
  if (!ml_scenario_save (scenario, path, error))
    return FALSE;

  ml_lab_snapshot (self, &before);
  g_set_object (&self->scenario, scenario);
  g_set_object (&self->file, file);
  self->saved_serial = self->serial;
  self->source_serial++;
  ml_lab_notify (self, &before);
  return TRUE;
}

/* Undo and Redo */

static gboolean
ml_lab_swap_history (MlLab  *self,
                     GArray *from,
                     GArray *to)
{
  MlLabState state;
  MlLabSnapshot before;

  if (from->len == 0)
    return FALSE;
  ml_lab_snapshot (self, &before);
  state = g_array_index (from, MlLabState, from->len - 1);
  g_array_index (from, MlLabState, from->len - 1).account = NULL; /* ours now */
  g_array_set_size (from, from->len - 1);
  ml_lab_push (to, g_object_ref (self->account), self->path_position, self->serial);
  _ml_lab_take_account (self, state.account);
  self->path_position = state.path_position;
  self->serial = state.serial;
  self->mark_step_open = FALSE;
  ml_lab_notify (self, &before);
  return TRUE;
}

gboolean
ml_lab_undo (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  return ml_lab_swap_history (self, self->undo, self->redo);
}

gboolean
ml_lab_redo (MlLab *self)
{
  g_return_val_if_fail (ML_IS_LAB (self), FALSE);
  return ml_lab_swap_history (self, self->redo, self->undo);
}
