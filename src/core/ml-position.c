/* ml-position.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A position holds what the learner chose (side, mode, size, entry, leverage, margin) and shows
 * what follows from it at the account's mark price. Only its MlAccount changes it, so every
 * change is validated against the contract, the brackets and the balance.
 */

#define G_LOG_DOMAIN "ml-position"

#include "config.h"

#include "ml-contract.h"
#include "ml-enums.h"
#include "ml-position-private.h"

G_DEFINE_FINAL_TYPE (MlPosition, ml_position, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SIDE,
  PROP_MODE,
  PROP_QUANTITY,
  PROP_CONTRACTS,
  PROP_ENTRY_PRICE,
  PROP_LEVERAGE,
  PROP_MARGIN,
  PROP_LIQUIDATED,
  PROP_INITIAL_MARGIN,
  PROP_LIQUIDATED_AT,
  PROP_REALIZED_PNL,
  /* values at the mark, in the order of MlPositionValues */
  PROP_NOTIONAL,
  PROP_MAINTENANCE_RATE,
  PROP_MAINTENANCE_MARGIN,
  PROP_UNREALIZED_PNL,
  PROP_ROE,
  PROP_LIQUIDATION_PRICE,
  PROP_BANKRUPTCY_PRICE,
  PROP_MAX_REMOVABLE_MARGIN,
  PROP_REMAINING_COLLATERAL,
  N_PROPS
};

#define N_VALUES (N_PROPS - PROP_NOTIONAL)
G_STATIC_ASSERT (sizeof (MlPositionValues) == N_VALUES * sizeof (double));

static GParamSpec *properties[N_PROPS];

static void
ml_position_finalize (GObject *object)
{
  MlPosition *self = (MlPosition *)object;

  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (ml_position_parent_class)->finalize (object);
}

static void
ml_position_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MlPosition *self = ML_POSITION (object);

  if (prop_id >= PROP_NOTIONAL && prop_id < N_PROPS)
    {
      g_value_set_double (value, ((const double *)&self->values)[prop_id - PROP_NOTIONAL]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SIDE:
      g_value_set_enum (value, self->side);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_QUANTITY:
      g_value_set_double (value, self->quantity);
      break;

    case PROP_CONTRACTS:
      g_value_set_int64 (value, ml_position_get_contracts (self));
      break;

    case PROP_ENTRY_PRICE:
      g_value_set_double (value, self->entry_price);
      break;

    case PROP_LEVERAGE:
      g_value_set_uint (value, self->leverage);
      break;

    case PROP_MARGIN:
      g_value_set_double (value, self->margin);
      break;

    case PROP_LIQUIDATED:
      g_value_set_boolean (value, self->liquidated);
      break;

    case PROP_INITIAL_MARGIN:
      g_value_set_double (value, _ml_position_initial_margin (self));
      break;

    case PROP_LIQUIDATED_AT:
      g_value_set_double (value, self->close.price);
      break;

    case PROP_REALIZED_PNL:
      g_value_set_double (value, self->close.realized_pnl);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
ml_position_double_property (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
ml_position_class_init (MlPositionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ml_position_finalize;
  object_class->get_property = ml_position_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_SIDE] = g_param_spec_enum ("side", NULL, NULL, ML_TYPE_SIDE, ML_SIDE_LONG, flags);
  properties[PROP_MODE] = g_param_spec_enum ("mode", NULL, NULL, ML_TYPE_MARGIN_MODE,
                                             ML_MARGIN_MODE_CROSS, flags);
  properties[PROP_QUANTITY] = ml_position_double_property ("quantity");
  properties[PROP_CONTRACTS] = g_param_spec_int64 ("contracts", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ENTRY_PRICE] = ml_position_double_property ("entry-price");
  properties[PROP_LEVERAGE] = g_param_spec_uint ("leverage", NULL, NULL, 1, G_MAXUINT, 1, flags);
  properties[PROP_MARGIN] = ml_position_double_property ("margin");
  properties[PROP_LIQUIDATED] = g_param_spec_boolean ("liquidated", NULL, NULL, FALSE, flags);
  properties[PROP_INITIAL_MARGIN] = ml_position_double_property ("initial-margin");
  properties[PROP_LIQUIDATED_AT] = ml_position_double_property ("liquidated-at");
  properties[PROP_REALIZED_PNL] = ml_position_double_property ("realized-pnl");
  properties[PROP_NOTIONAL] = ml_position_double_property ("notional");
  properties[PROP_MAINTENANCE_RATE] = ml_position_double_property ("maintenance-rate");
  properties[PROP_MAINTENANCE_MARGIN] = ml_position_double_property ("maintenance-margin");
  properties[PROP_UNREALIZED_PNL] = ml_position_double_property ("unrealized-pnl");
  properties[PROP_ROE] = ml_position_double_property ("roe");
  properties[PROP_LIQUIDATION_PRICE] = ml_position_double_property ("liquidation-price");
  properties[PROP_BANKRUPTCY_PRICE] = ml_position_double_property ("bankruptcy-price");
  properties[PROP_MAX_REMOVABLE_MARGIN] = ml_position_double_property ("max-removable-margin");
  properties[PROP_REMAINING_COLLATERAL] = ml_position_double_property ("remaining-collateral");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_position_init (MlPosition *self)
{
}

MlPosition *
_ml_position_new (const char   *id,
                  MlSide        side,
                  MlMarginMode  mode,
                  double        quantity,
                  double        entry_price,
                  guint         leverage,
                  double        margin)
{
  MlPosition *self = g_object_new (ML_TYPE_POSITION, NULL);

  self->id = g_strdup (id);
  self->side = side;
  self->mode = mode;
  self->quantity = quantity;
  self->entry_price = entry_price;
  self->leverage = leverage;
  self->margin = mode == ML_MARGIN_MODE_ISOLATED ? margin : 0;
  return self;
}

MlPosition *
_ml_position_copy (MlPosition *self)
{
  MlPosition *copy = _ml_position_new (self->id, self->side, self->mode, self->quantity,
                                       self->entry_price, self->leverage, self->margin);

  copy->liquidated = self->liquidated;
  copy->group = self->group;
  copy->values = self->values;
  copy->close = self->close;
  return copy;
}

void
_ml_position_set_margin (MlPosition *self,
                         double      margin)
{
  g_assert (self->mode == ML_MARGIN_MODE_ISOLATED);

  if (self->margin != margin)
    {
      self->margin = margin;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARGIN]);
    }
}

/* The kept liquidation and bankruptcy prices reach their properties with the next values. */
void
_ml_position_set_liquidated (MlPosition            *self,
                             const MlPositionClose *close)
{
  gboolean pnl_changed = close->realized_pnl != self->close.realized_pnl;

  g_assert (!self->liquidated);

  self->liquidated = TRUE;
  self->close = *close;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIQUIDATED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIQUIDATED_AT]);
  if (pnl_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REALIZED_PNL]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Notifies each value that really changed, in one batch. */
void
_ml_position_set_values (MlPosition             *self,
                         const MlPositionValues *values)
{
  double *mine = (double *)&self->values;
  const double *theirs = (const double *)values;
  guint changed[N_VALUES];
  guint n_changed = 0;

  for (guint i = 0; i < N_VALUES; i++)
    if (mine[i] != theirs[i])
      {
        mine[i] = theirs[i];
        changed[n_changed++] = PROP_NOTIONAL + i;
      }

  if (n_changed == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n_changed; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[changed[i]]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ml_position_get_id (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), NULL);
  return self->id;
}

MlSide
ml_position_get_side (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), ML_SIDE_LONG);
  return self->side;
}

MlMarginMode
ml_position_get_mode (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), ML_MARGIN_MODE_CROSS);
  return self->mode;
}

double
ml_position_get_quantity (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), 0);
  return self->quantity;
}

gint64
ml_position_get_contracts (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), 0);
  return ml_contract_count_contracts (ml_contract_get_default (), self->quantity);
}

double
ml_position_get_entry_price (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), 0);
  return self->entry_price;
}

guint
ml_position_get_leverage (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), 1);
  return self->leverage;
}

/**
 * ml_position_get_margin:
 *
 * Returns: the isolated margin W (what the position can lose); 0 for a cross position,
 *   which draws on the shared pool instead
 */
double
ml_position_get_margin (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), 0);
  return self->margin;
}

gboolean
ml_position_get_liquidated (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), FALSE);
  return self->liquidated;
}

double
ml_position_get_initial_margin (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), 0);
  return _ml_position_initial_margin (self);
}

#define VALUE_GETTER(name) \
  double \
  ml_position_get_##name (MlPosition *self) \
  { \
    g_return_val_if_fail (ML_IS_POSITION (self), 0); \
    return self->values.name; \
  }

VALUE_GETTER (notional)
VALUE_GETTER (maintenance_rate)
VALUE_GETTER (maintenance_margin)
VALUE_GETTER (unrealized_pnl)
VALUE_GETTER (roe)
VALUE_GETTER (liquidation_price)
VALUE_GETTER (bankruptcy_price)
VALUE_GETTER (max_removable_margin)
VALUE_GETTER (remaining_collateral)

/**
 * ml_position_get_liquidated_at:
 *
 * Returns: the mark price at which the position was liquidated (its liquidation price then,
 *   or the cross pool's); %ML_PRICE_NONE while it is live
 */
double
ml_position_get_liquidated_at (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), ML_PRICE_NONE);
  return self->close.price;
}

/**
 * ml_position_get_realized_pnl:
 *
 * Returns: the signed USDT that liquidation realised by closing the position at its
 *   bankruptcy price; 0 while it is live
 */
double
ml_position_get_realized_pnl (MlPosition *self)
{
  g_return_val_if_fail (ML_IS_POSITION (self), 0);
  return self->close.realized_pnl;
}
