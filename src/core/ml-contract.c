/* ml-contract.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-contract"

#include "config.h"

#include <math.h>
#include <json-glib/json-glib.h>

#include "ml-contract.h"

#define CONTRACT_RESOURCE "/io/github/marginlab/MarginLab/core/btcusdt-perpetual.json"

/* How far from a whole number of contracts (or ticks) still counts as whole: input arrives as
 * decimal text, so 0.3 BTC is 2999.9999999999995 contracts in binary. */
#define WHOLE_TOLERANCE 1e-6

struct _MlContract
{
  GObject parent_instance;

  char   *symbol;
  char   *source;
  double  contract_size;
  double  tick_size;
  guint   max_leverage;
};

G_DEFINE_FINAL_TYPE (MlContract, ml_contract, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SYMBOL,
  PROP_CONTRACT_SIZE,
  PROP_TICK_SIZE,
  PROP_MAX_LEVERAGE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ml_contract_finalize (GObject *object)
{
  MlContract *self = (MlContract *)object;

  g_clear_pointer (&self->symbol, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (ml_contract_parent_class)->finalize (object);
}

static void
ml_contract_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MlContract *self = ML_CONTRACT (object);

  switch (prop_id)
    {
    case PROP_SYMBOL:
      g_value_set_string (value, self->symbol);
      break;

    case PROP_CONTRACT_SIZE:
      g_value_set_double (value, self->contract_size);
      break;

    case PROP_TICK_SIZE:
      g_value_set_double (value, self->tick_size);
      break;

    case PROP_MAX_LEVERAGE:
      g_value_set_uint (value, self->max_leverage);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ml_contract_class_init (MlContractClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ml_contract_finalize;
  object_class->get_property = ml_contract_get_property;

  properties[PROP_SYMBOL] =
    g_param_spec_string ("symbol", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTRACT_SIZE] =
    g_param_spec_double ("contract-size", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TICK_SIZE] =
    g_param_spec_double ("tick-size", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_LEVERAGE] =
    g_param_spec_uint ("max-leverage", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ml_contract_init (MlContract *self)
{
}

static MlContract *
ml_contract_load (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  MlContract *self;
  JsonObject *root;

  /* The file ships inside our own binary: a failure here is a packaging bug, not user input. */
  bytes = g_resources_lookup_data (CONTRACT_RESOURCE, 0, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error))
    g_error ("Cannot read the built-in contract: %s", error->message);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert (json_object_get_int_member (root, "margin-lab-contract") == 1);

  self = g_object_new (ML_TYPE_CONTRACT, NULL);
  self->symbol = g_strdup (json_object_get_string_member (root, "symbol"));
  self->source = g_strdup (json_object_get_string_member (root, "source"));
  self->contract_size = json_object_get_double_member (root, "contract_size");
  self->tick_size = json_object_get_double_member (root, "tick_size");
  self->max_leverage = json_object_get_int_member (root, "max_leverage");
  g_assert (self->contract_size > 0 && self->tick_size > 0 && self->max_leverage == ML_MAX_LEVERAGE);

  return self;
}

/**
 * ml_contract_get_default:
 *
 * Returns: (transfer none): the BTC/USDT perpetual, read once from the shipped data file
 */
MlContract *
ml_contract_get_default (void)
{
  static MlContract *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, ml_contract_load ());

  return instance;
}

double
ml_contract_get_contract_size (MlContract *self)
{
  g_return_val_if_fail (ML_IS_CONTRACT (self), 0);
  return self->contract_size;
}

guint
ml_contract_get_max_leverage (MlContract *self)
{
  g_return_val_if_fail (ML_IS_CONTRACT (self), 0);
  return self->max_leverage;
}

static gboolean
ml_contract_is_whole_multiple (double value,
                               double unit)
{
  double units = value / unit;

  return isfinite (units) && fabs (units - round (units)) <= WHOLE_TOLERANCE;
}

gboolean
ml_contract_is_whole_contracts (MlContract *self,
                                double      quantity)
{
  g_return_val_if_fail (ML_IS_CONTRACT (self), FALSE);
  return ml_contract_is_whole_multiple (quantity, self->contract_size);
}

gint64
ml_contract_count_contracts (MlContract *self,
                             double      quantity)
{
  g_return_val_if_fail (ML_IS_CONTRACT (self), 0);
  return (gint64) round (quantity / self->contract_size);
}

gboolean
ml_contract_is_on_tick (MlContract *self,
                        double      price)
{
  g_return_val_if_fail (ML_IS_CONTRACT (self), FALSE);
  return ml_contract_is_whole_multiple (price, self->tick_size);
}

double
ml_contract_snap_to_tick (MlContract *self,
                          double      price)
{
  g_return_val_if_fail (ML_IS_CONTRACT (self), price);
  return round (price / self->tick_size) * self->tick_size;
}
