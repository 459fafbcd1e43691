/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ml-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MlApplication) app = NULL;
  /* An uninstalled run (build-aux/run.sh, the screenshots, the tests) reads the build tree's
   * catalogues. */
  const char *localedir = g_getenv ("MARGIN_LAB_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ml_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
