/* ml-json-private.h — reading JSON with exact error places, writing it byte for byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean  _ml_json_check_syntax (const char  *data,
                                 gsize        length,
                                 GError     **error);
char     *_ml_json_quote        (const char  *text);
void      _ml_json_append_one_line (GString     *out,
                                    const char  *text,
                                    guint        max_chars);

/* Reading. Every error message starts with the JSON path of the offending value
 * ("positions[1].leverage: ...") so that the loader only has to put the file name in front. */
char     *_ml_json_path_member  (const char  *path,
                                 const char  *key);
char     *_ml_json_path_element (const char  *path,
                                 guint        index);
gboolean  _ml_json_check_keys   (JsonObject  *object,
                                 const char  *path,
                                 const char * const *allowed,
                                 GError     **error);
gboolean  _ml_json_expect_object (JsonNode   *node,
                                  const char *path,
                                  GError    **error);
gboolean  _ml_json_expect_array (JsonNode    *node,
                                 const char  *path,
                                 GError     **error);
gboolean  _ml_json_read_number  (JsonNode    *node,
                                 const char  *path,
                                 double      *value,
                                 GError     **error);
gboolean  _ml_json_get_number   (JsonObject  *object,
                                 const char  *path,
                                 const char  *key,
                                 gboolean     required,
                                 double      *value,
                                 GError     **error);
gboolean  _ml_json_get_string   (JsonObject  *object,
                                 const char  *path,
                                 const char  *key,
                                 gboolean     required,
                                 const char **value,
                                 GError     **error);
gboolean  _ml_json_get_boolean  (JsonObject  *object,
                                 const char  *path,
                                 const char  *key,
                                 gboolean    *value,
                                 GError     **error);
gboolean  _ml_json_check_range  (double       value,
                                 const char  *path,
                                 const char  *key,
                                 double       min,
                                 gboolean     min_inclusive,
                                 double       max,
                                 GError     **error);

/* Writing: two-space indent, one member per line, numbers in their shortest form that reads
 * back to the same double, C locale. The same value always gives the same bytes. */
typedef struct _MlJsonWriter MlJsonWriter;

void          _ml_json_format_number   (double        value,
                                        char         *buffer,
                                        gsize         size);
MlJsonWriter *_ml_json_writer_new      (void);
char         *_ml_json_writer_finish   (MlJsonWriter *self,
                                        gsize        *length);
void          _ml_json_writer_free     (MlJsonWriter *self);
void          _ml_json_writer_key      (MlJsonWriter *self,
                                        const char   *key);
void          _ml_json_writer_begin_object (MlJsonWriter *self);
void          _ml_json_writer_end_object   (MlJsonWriter *self);
void          _ml_json_writer_begin_array  (MlJsonWriter *self,
                                            gboolean      inline_elements);
void          _ml_json_writer_end_array    (MlJsonWriter *self);
void          _ml_json_writer_number   (MlJsonWriter *self,
                                        double        value);
void          _ml_json_writer_price    (MlJsonWriter *self,
                                        double        price);
void          _ml_json_writer_string   (MlJsonWriter *self,
                                        const char   *value);
void          _ml_json_writer_boolean  (MlJsonWriter *self,
                                        gboolean      value);
void          _ml_json_writer_null     (MlJsonWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlJsonWriter, _ml_json_writer_free)

G_END_DECLS
