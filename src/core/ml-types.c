/* ml-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ml-types"

#include "config.h"

#include "ml-types.h"

G_DEFINE_QUARK (ml-error-quark, ml_error)

/**
 * ml_enum_get_nick:
 * @type: an enum type of ml-enums.h, such as %ML_TYPE_SIDE
 *
 * Returns: the nick of @value, as files spell it ("long", "isolated")
 */
const char *
ml_enum_get_nick (GType type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  const GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_return_val_if_fail (enum_value != NULL, NULL);
  return enum_value->value_nick; /* static strings, like the class of a static type */
}
