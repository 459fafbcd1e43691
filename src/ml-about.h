/* ml-about.h — the About window, with the release notes from the metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *ml_about_release_notes (const char         *metainfo,
                              const char * const *languages,
                              char              **version,
                              GError            **error);
void  ml_about_show          (GtkWindow          *parent);

G_END_DECLS
