/* ml-sheet.c — text, charts, tick boxes and ruled lines laid out on printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blocks are added in reading order, then paginated in one pass and painted in another, so that
 * every footer can say "page N of M". A page breaks between two lines of text, never inside one,
 * and never inside a chart, a tick box or the ruled lines; a label stays with what follows it.
 * Everything sits on the start side of the page's direction: right-aligned and mirrored in a
 * right-to-left language. The chart itself stays left-to-right, as it is in the window.
 */

#define G_LOG_DOMAIN "ml-worksheet"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ml-chart.h"
#include "ml-sheet-private.h"

#define FONT_FAMILY   "Cantarell, DejaVu Sans, sans-serif"
#define MARGIN        56.0    /* points: about 2 cm, room for a binder's holes */
#define FOOTER_SPACE  34.0
#define BOX_SIDE      10.0
#define BOX_INDENT    22.0
#define LINE_GAP      24.0    /* ruled lines: room for handwriting */
#define FIELD_HEIGHT  30.0
#define RULE_HEIGHT   18.0
/* The chart is drawn at a screen-like size, then scaled to the page: its 9-point labels come
 * out at about 8 points. It is as tall as its page leaves room for, within these ratios. */
#define CHART_DRAW_WIDTH  760.0
#define CHART_MAX_RATIO   0.56
#define CHART_MIN_RATIO   0.32

typedef enum
{
  BLOCK_TEXT,
  BLOCK_BOX,
  BLOCK_LINES,
  BLOCK_FIELDS,
  BLOCK_RULE,
  BLOCK_CHART,
  BLOCK_BREAK,
} BlockKind;

typedef struct
{
  BlockKind     kind;
  MlSheetStyle  style;
  PangoLayout  *layout;          /* text and boxes; fields: the name label */
  PangoLayout  *date;            /* fields: the date label */
  PangoLayout  *aside;           /* text: a note at the end of its first line */
  double        indent;
  double        space_before;
  gboolean      keep_with_next;
  guint         n_lines;         /* ruled lines */
  MlAccount    *account;         /* chart */
  gboolean      compare;
  double        height;          /* chart: set when paginated */
} Block;

/* A block, or some lines of a text block, placed on a page. */
typedef struct
{
  Block  *block;
  guint   page;
  double  y;
  int     first_line;
  int     n_lines;
} Piece;

struct _MlSheet
{
  cairo_t          *cr;
  PangoContext     *context;
  MlWorksheetPaper  paper;
  PangoDirection    direction;
  double            width;       /* between the margins */
  double            bottom;      /* where the footer starts */
  GPtrArray        *blocks;
  GArray           *pieces;
  guint             n_pages;
};

typedef struct
{
  double red, green, blue;
} Color;

static const Color ink = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 };
static const Color muted = { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0 };
static const Color accent = { 0x1a / 255.0, 0x5f / 255.0, 0xb4 / 255.0 };
static const Color rule = { 0xc0 / 255.0, 0xbf / 255.0, 0xbc / 255.0 };

static const struct
{
  double        size;
  PangoWeight   weight;
  const Color  *color;
  double        space_before;
  gboolean      keep_with_next;
} styles[] = {
  [ML_SHEET_TITLE]   = { 21.0, PANGO_WEIGHT_BOLD, &ink, 4.0, TRUE },
  [ML_SHEET_KICKER]  = { 9.0, PANGO_WEIGHT_BOLD, &accent, 0.0, TRUE },
  [ML_SHEET_HEADING] = { 15.0, PANGO_WEIGHT_BOLD, &ink, 4.0, TRUE },
  [ML_SHEET_SUMMARY] = { 10.5, PANGO_WEIGHT_NORMAL, &muted, 6.0, FALSE },
  [ML_SHEET_LABEL]   = { 9.5, PANGO_WEIGHT_BOLD, &accent, 16.0, TRUE },
  [ML_SHEET_BODY]    = { 11.0, PANGO_WEIGHT_NORMAL, &ink, 8.0, FALSE },
  [ML_SHEET_STRONG]  = { 11.0, PANGO_WEIGHT_BOLD, &ink, 10.0, TRUE },
  [ML_SHEET_NOTE]    = { 9.5, PANGO_WEIGHT_NORMAL, &muted, 4.0, FALSE },
};

static void
ml_sheet_block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->date);
  g_clear_object (&block->aside);
  g_clear_object (&block->account);
  g_free (block);
}

/**
 * _ml_sheet_new:
 * @cr: a context on a surface of @paper's size, in points
 * @direction: %PANGO_DIRECTION_LTR or %PANGO_DIRECTION_RTL: the language's
 */
MlSheet *
_ml_sheet_new (cairo_t                *cr,
               const MlWorksheetPaper *paper,
               PangoDirection          direction)
{
  MlSheet *self = g_new0 (MlSheet, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->cr = cairo_reference (cr);
  self->paper = *paper;
  self->direction = direction == PANGO_DIRECTION_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
  self->width = paper->width - 2 * MARGIN;
  self->bottom = paper->height - MARGIN - FOOTER_SPACE;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)ml_sheet_block_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));

  /* Points as points, and the shapes of print: no hinting to a screen's pixels. */
  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_base_dir (self->context, self->direction);
  return self;
}

void
_ml_sheet_free (MlSheet *self)
{
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->pieces);
  g_object_unref (self->context);
  cairo_destroy (self->cr);
  g_free (self);
}

/* Every paragraph takes the page's direction, so that a right-to-left page reads from the
 * right even where a line starts with a number or a Latin name. */
static PangoLayout *
ml_sheet_new_layout (MlSheet      *self,
                     MlSheetStyle  style,
                     const char   *text,
                     double        width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, styles[style].size * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, self->direction == PANGO_DIRECTION_RTL ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  if (style == ML_SHEET_BODY || style == ML_SHEET_SUMMARY || style == ML_SHEET_STRONG || style == ML_SHEET_NOTE)
    pango_layout_set_line_spacing (layout, 1.3);
  if (style == ML_SHEET_KICKER || style == ML_SHEET_LABEL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_text_transform_new (PANGO_TEXT_TRANSFORM_UPPERCASE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  /* Plain text: a lesson's text is never read as markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static Block *
ml_sheet_add_block (MlSheet   *self,
                    BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = styles[ML_SHEET_BODY].space_before;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
_ml_sheet_add_text (MlSheet      *self,
                    MlSheetStyle  style,
                    const char   *text)
{
  Block *block = ml_sheet_add_block (self, BLOCK_TEXT);

  block->style = style;
  block->layout = ml_sheet_new_layout (self, style, text, self->width);
  block->space_before = styles[style].space_before;
  block->keep_with_next = styles[style].keep_with_next;
}

/* A one-line @text with @aside at the end of the line, in the note's style. */
void
_ml_sheet_add_text_with_aside (MlSheet      *self,
                               MlSheetStyle  style,
                               const char   *text,
                               const char   *aside)
{
  Block *block;

  _ml_sheet_add_text (self, style, text);
  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  block->aside = ml_sheet_new_layout (self, ML_SHEET_NOTE, aside, -1);
}

/* A choice, or a task, with a square to tick at its start. */
void
_ml_sheet_add_box (MlSheet    *self,
                   const char *text)
{
  Block *block = ml_sheet_add_block (self, BLOCK_BOX);

  block->style = ML_SHEET_BODY;
  block->indent = BOX_INDENT;
  block->layout = ml_sheet_new_layout (self, ML_SHEET_BODY, text, self->width - BOX_INDENT);
  block->space_before = 7.0;
}

void
_ml_sheet_add_lines (MlSheet *self,
                     guint    n_lines)
{
  Block *block = ml_sheet_add_block (self, BLOCK_LINES);

  block->n_lines = n_lines;
  block->space_before = 2.0;
}

void
_ml_sheet_add_fields (MlSheet    *self,
                      const char *name,
                      const char *date)
{
  Block *block = ml_sheet_add_block (self, BLOCK_FIELDS);

  block->layout = ml_sheet_new_layout (self, ML_SHEET_STRONG, name, -1);
  block->date = ml_sheet_new_layout (self, ML_SHEET_STRONG, date, -1);
  block->space_before = 14.0;
}

void
_ml_sheet_add_rule (MlSheet *self)
{
  ml_sheet_add_block (self, BLOCK_RULE)->space_before = 4.0;
}

/* The chart of @account as it stands: it is kept, so the caller may go on changing its own. */
void
_ml_sheet_add_chart (MlSheet   *self,
                     MlAccount *account,
                     gboolean   compare)
{
  Block *block = ml_sheet_add_block (self, BLOCK_CHART);

  block->account = ml_account_copy (account);
  block->compare = compare;
  block->space_before = 14.0;
  block->height = self->width * CHART_MAX_RATIO;
}

void
_ml_sheet_break_page (MlSheet *self)
{
  ml_sheet_add_block (self, BLOCK_BREAK);
}

/* Pagination */

static double
ml_sheet_block_height (MlSheet     *self,
                       const Block *block)
{
  int height;

  switch (block->kind)
    {
    case BLOCK_TEXT:
    case BLOCK_BOX:
      pango_layout_get_size (block->layout, NULL, &height);
      return (double)height / PANGO_SCALE;
    case BLOCK_LINES:
      return block->n_lines * LINE_GAP;
    case BLOCK_FIELDS:
      return FIELD_HEIGHT;
    case BLOCK_RULE:
      return RULE_HEIGHT;
    case BLOCK_CHART:
      return block->height;
    case BLOCK_BREAK:
    default:
      return 0;
    }
}

/* The top and bottom of a text block's line @index, from the block's top, in points. */
static void
ml_sheet_line_range (const Block *block,
                     int          index,
                     double      *top,
                     double      *bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  int y0, y1;

  for (int i = 0; i < index; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  *top = (double)y0 / PANGO_SCALE;
  *bottom = (double)y1 / PANGO_SCALE;
}

/* What must fit where a block starts: a short text whole, a long one its first two lines,
 * and a label or heading along with the start of what follows. */
static double
ml_sheet_first_part (MlSheet *self,
                     guint    index)
{
  const Block *block = self->blocks->pdata[index];
  double height = ml_sheet_block_height (self, block);
  double top, bottom;

  if (block->kind == BLOCK_TEXT && pango_layout_get_line_count (block->layout) > 3)
    {
      ml_sheet_line_range (block, 1, &top, &bottom);
      height = bottom;
    }
  if (block->keep_with_next && index + 1 < self->blocks->len &&
      ((Block *)self->blocks->pdata[index + 1])->kind != BLOCK_BREAK)
    height += ((Block *)self->blocks->pdata[index + 1])->space_before + ml_sheet_first_part (self, index + 1);
  return height;
}

static void
ml_sheet_add_piece (MlSheet *self,
                    Block   *block,
                    guint    page,
                    double   y,
                    int      first_line,
                    int      n_lines)
{
  Piece piece = { block, page, y, first_line, n_lines };

  g_array_append_val (self->pieces, piece);
}

/* Places a text block's lines from @y, going on to new pages as they fill. */
static void
ml_sheet_place_lines (MlSheet *self,
                      Block   *block,
                      guint   *page,
                      double  *y)
{
  int n_lines = pango_layout_get_line_count (block->layout);
  int first = 0;
  double first_top = 0;

  for (int i = 0; i < n_lines; i++)
    {
      double top, bottom;

      ml_sheet_line_range (block, i, &top, &bottom);
      if (i > first && *y + (bottom - first_top) > self->bottom)
        {
          ml_sheet_add_piece (self, block, *page, *y, first, i - first);
          (*page)++;
          *y = MARGIN;
          first = i;
          first_top = top;
        }
    }
  ml_sheet_add_piece (self, block, *page, *y, first, n_lines - first);
  *y += ml_sheet_block_height (self, block) - first_top;
}

/* A chart grows or shrinks so that the rest of its page's content, up to the next page break,
 * fits under it. */
static void
ml_sheet_fit_chart (MlSheet *self,
                    guint    index,
                    double   y)
{
  Block *chart = self->blocks->pdata[index];
  double rest = 0;

  for (guint i = index + 1; i < self->blocks->len; i++)
    {
      const Block *block = self->blocks->pdata[i];

      if (block->kind == BLOCK_BREAK)
        break;
      rest += block->space_before + ml_sheet_block_height (self, block);
    }
  chart->height = CLAMP (self->bottom - y - rest, self->width * CHART_MIN_RATIO, self->width * CHART_MAX_RATIO);
}

static void
ml_sheet_paginate (MlSheet *self)
{
  guint page = 0;
  double y = MARGIN;
  gboolean fresh = TRUE;   /* nothing on this page yet */

  g_array_set_size (self->pieces, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = self->blocks->pdata[i];
      double space = fresh ? 0 : block->space_before;

      if (block->kind == BLOCK_CHART)
        ml_sheet_fit_chart (self, i, y + space);
      if (block->kind == BLOCK_BREAK)
        {
          if (!fresh)
            {
              page++;
              y = MARGIN;
              fresh = TRUE;
            }
          continue;
        }
      if (!fresh && y + space + ml_sheet_first_part (self, i) > self->bottom)
        {
          page++;
          y = MARGIN;
          space = 0;
        }
      y += space;
      fresh = FALSE;
      if (block->kind == BLOCK_TEXT || block->kind == BLOCK_BOX)
        ml_sheet_place_lines (self, block, &page, &y);
      else
        {
          ml_sheet_add_piece (self, block, page, y, 0, 0);
          y += ml_sheet_block_height (self, block);
        }
    }
  self->n_pages = page + 1;
}

/* Painting */

/* The left edge of something @width wide, @offset from the start margin. */
static double
ml_sheet_x (MlSheet *self,
            double   offset,
            double   width)
{
  if (self->direction == PANGO_DIRECTION_RTL)
    return self->paper.width - MARGIN - offset - width;
  return MARGIN + offset;
}

static void
ml_sheet_set_color (cairo_t     *cr,
                    const Color *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

static void
ml_sheet_line (cairo_t *cr,
               double   x0,
               double   x1,
               double   y,
               double   width)
{
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
ml_sheet_paint_lines_of (MlSheet     *self,
                         const Piece *piece)
{
  const Block *block = piece->block;
  double x = ml_sheet_x (self, block->indent, self->width - block->indent);
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  double first_top, bottom;

  ml_sheet_line_range (block, piece->first_line, &first_top, &bottom);
  ml_sheet_set_color (self->cr, styles[block->style].color);
  for (int i = 0; i < piece->first_line + piece->n_lines; i++, pango_layout_iter_next_line (iter))
    {
      PangoRectangle logical;

      if (i < piece->first_line)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (self->cr, x + (double)logical.x / PANGO_SCALE,
                     piece->y + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE - first_top);
      pango_cairo_show_layout_line (self->cr, pango_layout_iter_get_line_readonly (iter));
    }
  pango_layout_iter_free (iter);
}

static void
ml_sheet_paint_aside (MlSheet     *self,
                      const Piece *piece)
{
  PangoLayout *aside = piece->block->aside;
  PangoLayoutIter *iter = pango_layout_get_iter (piece->block->layout);
  double baseline = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
  int width;

  pango_layout_iter_free (iter);
  pango_layout_get_size (aside, &width, NULL);
  ml_sheet_set_color (self->cr, &muted);
  cairo_move_to (self->cr, ml_sheet_x (self, self->width - (double)width / PANGO_SCALE, (double)width / PANGO_SCALE),
                 piece->y + baseline - (double)pango_layout_get_baseline (aside) / PANGO_SCALE);
  pango_cairo_show_layout (self->cr, aside);
}

static void
ml_sheet_paint_box (MlSheet     *self,
                    const Piece *piece)
{
  double top, bottom;

  ml_sheet_paint_lines_of (self, piece);
  if (piece->first_line > 0)
    return;
  /* The square sits on the first line, centred on its height. */
  ml_sheet_line_range (piece->block, 0, &top, &bottom);
  ml_sheet_set_color (self->cr, &ink);
  cairo_set_line_width (self->cr, 0.9);
  cairo_rectangle (self->cr, ml_sheet_x (self, 2.0, BOX_SIDE), piece->y + (bottom - top - BOX_SIDE) / 2,
                   BOX_SIDE, BOX_SIDE);
  cairo_stroke (self->cr);
}

static void
ml_sheet_paint_ruled (MlSheet     *self,
                      const Piece *piece)
{
  ml_sheet_set_color (self->cr, &rule);
  for (guint i = 1; i <= piece->block->n_lines; i++)
    ml_sheet_line (self->cr, MARGIN, self->paper.width - MARGIN, piece->y + i * LINE_GAP - 0.5, 0.6);
}

/* "Name: ______" over most of the width, "Date: ______" at the end. */
static void
ml_sheet_paint_fields (MlSheet     *self,
                       const Piece *piece)
{
  PangoLayout *labels[] = { piece->block->layout, piece->block->date };
  double starts[] = { 0, self->width * 0.64 };
  double ends[] = { self->width * 0.58, self->width };
  double baseline = piece->y + FIELD_HEIGHT - 8.0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int width, height;
      double label_base = (double)pango_layout_get_baseline (labels[i]) / PANGO_SCALE;

      pango_layout_get_size (labels[i], &width, &height);
      ml_sheet_set_color (self->cr, &ink);
      cairo_move_to (self->cr, ml_sheet_x (self, starts[i], (double)width / PANGO_SCALE), baseline - label_base);
      pango_cairo_show_layout (self->cr, labels[i]);
      ml_sheet_set_color (self->cr, &muted);
      ml_sheet_line (self->cr,
                     ml_sheet_x (self, starts[i] + (double)width / PANGO_SCALE + 6.0, 0),
                     ml_sheet_x (self, ends[i], 0), baseline + 2.0, 0.7);
    }
}

static void
ml_sheet_paint_chart (MlSheet     *self,
                      const Piece *piece)
{
  g_autoptr(MlChart) chart = ml_chart_new (piece->block->account);
  double height = ml_sheet_block_height (self, piece->block);
  double scale = self->width / CHART_DRAW_WIDTH;
  cairo_t *cr = self->cr;

  ml_chart_set_compare (chart, piece->block->compare);
  ml_chart_set_palette (chart, ml_chart_palette_light ());
  cairo_save (cr);
  cairo_rectangle (cr, MARGIN, piece->y, self->width, height);
  cairo_clip (cr);
  cairo_translate (cr, MARGIN, piece->y);
  cairo_scale (cr, scale, scale);
  ml_chart_draw (chart, cr, CHART_DRAW_WIDTH, height / scale);
  cairo_restore (cr);

  ml_sheet_set_color (cr, &rule);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, MARGIN, piece->y, self->width, height);
  cairo_stroke (cr);
}

static void
ml_sheet_paint_piece (MlSheet     *self,
                      const Piece *piece)
{
  switch (piece->block->kind)
    {
    case BLOCK_TEXT:
      ml_sheet_paint_lines_of (self, piece);
      if (piece->block->aside != NULL && piece->first_line == 0)
        ml_sheet_paint_aside (self, piece);
      break;
    case BLOCK_BOX:
      ml_sheet_paint_box (self, piece);
      break;
    case BLOCK_LINES:
      ml_sheet_paint_ruled (self, piece);
      break;
    case BLOCK_FIELDS:
      ml_sheet_paint_fields (self, piece);
      break;
    case BLOCK_RULE:
      ml_sheet_set_color (self->cr, &accent);
      ml_sheet_line (self->cr, MARGIN, self->paper.width - MARGIN, piece->y + RULE_HEIGHT / 2, 1.5);
      break;
    case BLOCK_CHART:
      ml_sheet_paint_chart (self, piece);
      break;
    case BLOCK_BREAK:
    default:
      break;
    }
}

/* Three parts on one line, at the start, the middle and the end, under a hairline. */
static void
ml_sheet_paint_footer (MlSheet    *self,
                       const char *start,
                       const char *middle,
                       guint       page)
{
  /* Translators: in every worksheet page's footer; the page's number, and how many there are */
  g_autofree char *count = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  const char *texts[] = { start, middle, count };
  double y = self->paper.height - MARGIN - 10.0;

  ml_sheet_set_color (self->cr, &rule);
  ml_sheet_line (self->cr, MARGIN, self->paper.width - MARGIN, y - 8.0, 0.5);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(PangoLayout) layout = ml_sheet_new_layout (self, ML_SHEET_NOTE, texts[i], -1);
      int width;
      double x;

      pango_layout_get_size (layout, &width, NULL);
      x = i == 1 ? (self->paper.width - (double)width / PANGO_SCALE) / 2
                 : ml_sheet_x (self, i == 0 ? 0 : self->width - (double)width / PANGO_SCALE,
                               (double)width / PANGO_SCALE);
      ml_sheet_set_color (self->cr, &muted);
      cairo_move_to (self->cr, x, y);
      pango_cairo_show_layout (self->cr, layout);
    }
}

/**
 * _ml_sheet_paint:
 *
 * Paginates the blocks and paints every page, with its footer, onto the context's surface.
 *
 * Returns: how many pages there are
 */
guint
_ml_sheet_paint (MlSheet    *self,
                 const char *footer_start,
                 const char *footer_middle)
{
  guint piece = 0;

  ml_sheet_paginate (self);
  for (guint page = 0; page < self->n_pages; page++)
    {
      for (; piece < self->pieces->len && g_array_index (self->pieces, Piece, piece).page == page; piece++)
        ml_sheet_paint_piece (self, &g_array_index (self->pieces, Piece, piece));
      ml_sheet_paint_footer (self, footer_start, footer_middle, page);
      cairo_show_page (self->cr);
    }
  return self->n_pages;
}
