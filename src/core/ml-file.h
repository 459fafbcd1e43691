/* ml-file.h — files from outside: their names in messages, reading them safely, writing atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ml_file_display_name     (const char  *filename);
char     *ml_file_read_contents    (const char  *filename,
                                    gsize        max_size,
                                    gsize       *length,
                                    GError     **error);
gboolean  ml_file_replace_contents (const char  *filename,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error);

G_END_DECLS
