/* test-about.c — the About window and its release notes, read from the metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parsing is tested on metainfo written here in the shape msgfmt --xml gives it (each
 * translated paragraph after the original, with xml:lang); the window is opened from the main
 * menu, as a learner opens it, and shows the built metainfo's newest release.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>

#include "ml-about.h"
#include "ml-application.h"
#include "ml-test-util.h"
#include "ml-test-window.h"

static const char metainfo[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <description><p>The app, not a release.</p></description>\n"
  "  <releases>\n"
  "    <release version=\"0.2.0\" date=\"2026-12-01\">\n"
  "      <description>\n"
  "        <p>\n"
  "          Lessons &amp; worksheets,\n"
  "          in   six languages.\n"
  "        </p>\n"
  "        <p xml:lang=\"de\">Lektionen &amp; Arbeitsblätter.</p>\n"
  "        <p xml:lang=\"pt_BR\">Lições &lt;novas&gt;.</p>\n"
  "        <ul>\n"
  "          <li>Presentation mode</li>\n"
  "          <li xml:lang=\"de\">Präsentationsmodus</li>\n"
  "          <li>Compare modes</li>\n"
  "        </ul>\n"
  "      </description>\n"
  "    </release>\n"
  "    <release version=\"0.1.0\" date=\"2026-11-25\">\n"
  "      <description><p>The first release.</p></description>\n"
  "    </release>\n"
  "  </releases>\n"
  "</component>\n";

static void
test_release_notes_untranslated (void)
{
  const char *languages[] = { "fr_FR.UTF-8", "fr_FR", "fr", "C", NULL };
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = ml_about_release_notes (metainfo, languages, &version, &error);

  g_assert_no_error (error);
  /* The newest release only, its line breaks gone, its text escaped again for markup. */
  g_assert_cmpstr (notes, ==,
                   "<p>Lessons &amp; worksheets, in six languages.</p>"
                   "<ul><li>Presentation mode</li><li>Compare modes</li></ul>");
  g_assert_cmpstr (version, ==, "0.2.0");
}

static void
test_release_notes_translated (void)
{
  const char *german[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  const char *brazilian[] = { "pt_BR", "pt", "C", NULL };
  g_autofree char *notes_de = ml_about_release_notes (metainfo, german, NULL, NULL);
  g_autofree char *notes_pt = ml_about_release_notes (metainfo, brazilian, NULL, NULL);

  /* Paragraph by paragraph: an item with no German stays English. */
  g_assert_cmpstr (notes_de, ==,
                   "<p>Lektionen &amp; Arbeitsblätter.</p>"
                   "<ul><li>Präsentationsmodus</li><li>Compare modes</li></ul>");
  g_assert_cmpstr (notes_pt, ==,
                   "<p>Lições &lt;novas&gt;.</p>"
                   "<ul><li>Presentation mode</li><li>Compare modes</li></ul>");
}

static void
test_release_notes_errors (void)
{
  const char *languages[] = { "C", NULL };
  g_autoptr(GError) broken = NULL;
  g_autoptr(GError) no_release = NULL;

  g_assert_null (ml_about_release_notes ("<component><releases><release>", languages, NULL, &broken));
  g_assert_error (broken, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
  g_assert_null (ml_about_release_notes ("<component><releases><release version=\"1\"/></releases></component>",
                                         languages, NULL, &no_release));
  g_assert_error (no_release, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
}

static AdwAboutWindow *
test_about_find_window (void)
{
  return (AdwAboutWindow *)ml_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, TRUE);
}

/* The window's icon: on X11, GTK hands the window manager the icon at 48 pixels, and the
 * resources hold a PNG of that size, so that no SVG loader (librsvg, some 10 MiB) is loaded at
 * start-up. Called before the About window is opened, which shows the SVG at its own size. */
static void
test_about_check_window_icon (MlWindow *window)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 48, 1,
                                                                 GTK_TEXT_DIR_LTR, 0);
  g_autoptr(GFile) file = gtk_icon_paintable_get_file (icon);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *maps = NULL;

  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);
  g_assert_true (g_str_has_prefix (uri, "resource:///io/github/marginlab/MarginLab/icons/48x48/apps/"));
  g_assert_true (g_str_has_suffix (uri, ".png"));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (icon)), ==, 48);

  gtk_window_present (GTK_WINDOW (window));
  ml_test_wait_for_paint (window);
  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  g_assert_null (strstr (maps, "librsvg"));
}

/* The main menu's About item opens the window with the credits, the licence, the links and the
 * built metainfo's release notes for this version. */
static void
test_about_window (void)
{
  g_autoptr(MlApplication) app = ml_application_new ();
  AdwAboutWindow *about;
  MlWindow *window;
  const char * const *developers;
  const char *notes;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = ml_test_window_new ();
  gtk_application_add_window (GTK_APPLICATION (app), GTK_WINDOW (window));
  test_about_check_window_icon (window);

  ml_test_window_click_menu_item (window, "About Margin Lab");

  about = test_about_find_window ();
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  /* Found in the resources, so shown even by a build that is not installed. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about))),
                                          APP_ID));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/marginlab/MarginLab");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, "https://github.com/marginlab/MarginLab/issues");
  developers = adw_about_window_get_developers (about);
  g_assert_nonnull (developers);
  g_assert_cmpstr (developers[0], ==, "Margin Lab developers");
  /* The notes of this very version, from the metainfo's newest release, in the tests' C locale. */
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
  notes = adw_about_window_get_release_notes (about);
  g_assert_true (g_str_has_prefix (notes, "<p>The first release: the order panel"));
  g_assert_null (strchr (notes, '\n'));

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ml_test_init_display (&argc, &argv))
    return 0;

  g_test_add_func ("/about/release-notes/untranslated", test_release_notes_untranslated);
  g_test_add_func ("/about/release-notes/translated", test_release_notes_translated);
  g_test_add_func ("/about/release-notes/errors", test_release_notes_errors);
  g_test_add_func ("/about/window", test_about_window);
  return g_test_run ();
}
