/* The floor reference: a plain C program drawing the batch's 20-bar chart
 * (800x450 pt at scale 2 = 1600x900 px, same bars, whiskers, labels, ticks,
 * title, subtitle, note and source as brief-bench's batch) with Cairo and
 * Pango, written with cairo_surface_write_to_png at libpng's defaults.
 *
 *   cairo_bars N OUTDIR     draws charts 0..N-1 to OUTDIR/bars-K.png
 *
 * Prints the time spent drawing and writing, in seconds, as JSON.
 */
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void text(cairo_t *cr, PangoLayout *l, const char *s, const char *font, double x, double y, int align_right,
                 int middle, double r, double g, double b) {
  PangoFontDescription *d = pango_font_description_from_string(font);
  pango_layout_set_font_description(l, d);
  pango_font_description_free(d);
  pango_layout_set_text(l, s, -1);
  int w, h;
  pango_layout_get_size(l, &w, &h);
  double tw = w / (double)PANGO_SCALE, th = h / (double)PANGO_SCALE;
  cairo_set_source_rgb(cr, r, g, b);
  cairo_move_to(cr, align_right ? x - tw : x, middle ? y - th / 2 : y);
  pango_cairo_show_layout(cr, l);
}

static void fmt(char *buf, double v) {
  long n = (long)v;
  if (n >= 1000) sprintf(buf, "%ld,%03ld", n / 1000, n % 1000);
  else sprintf(buf, "%ld", n);
}

int main(int argc, char **argv) {
  int count = argc > 1 ? atoi(argv[1]) : 1;
  const char *out = argc > 2 ? argv[2] : ".";
  const double W = 800, H = 450, M = 20, scale = 2;
  double draw_s = 0, write_s = 0;
  for (int k = 0; k < count; k++) {
    double t0 = now();
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(W * scale), (int)(H * scale));
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, scale, scale);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    PangoLayout *l = pango_cairo_create_layout(cr);
    char title[128];
    snprintf(title, sizeof title, "Chart %d: Workers sent abroad by region", k);
    text(cr, l, title, "Inter Semi-Bold 15px", M, M, 0, 0, .1, .1, .1);
    text(cr, l, "Reported headcount, 2024, workers per region", "Inter 10.5px", M, M + 21, 0, 0, .36, .36, .36);
    text(cr, l, "Reported ranges: the bar ends at the low figure and the line runs to the high figure.", "Inter 7.5px",
         M, H - M - 22, 0, 0, .36, .36, .36);
    text(cr, l, "Source: generated benchmark data (bench/), not a real dataset.", "Inter 7.5px", M, H - M - 10, 0, 0,
         .36, .36, .36);
    double lo[20], hi[20], maxv = 0;
    for (int i = 0; i < 20; i++) {
      lo[i] = 100 + (i * 7919 + k * 104729) % 9000;
      hi[i] = i % 5 == 0 ? (double)(long)(lo[i] * 1.25 + 0.5) : lo[i];
      if (hi[i] > maxv) maxv = hi[i];
    }
    double step = 2000, top = (maxv + step - 1) / step * step;
    top = ((long)(maxv / step) + 1) * step;
    double left = M + 85, right = W - M - 70, ytop = M + 50, ybot = H - M - 50;
    for (double v = 0; v <= top; v += step) {
      double x = left + v / top * (right - left);
      cairo_set_source_rgb(cr, v == 0 ? .55 : .88, v == 0 ? .55 : .88, v == 0 ? .55 : .88);
      cairo_set_line_width(cr, v == 0 ? 1 : 0.6);
      cairo_move_to(cr, x, ytop);
      cairo_line_to(cr, x, ybot);
      cairo_stroke(cr);
      char b[32];
      fmt(b, v);
      text(cr, l, b, "Inter 8.5px", x + 8, ybot + 4, 1, 0, .36, .36, .36);
    }
    double band = (ybot - ytop) / 20, t = band * 0.65;
    for (int i = 0; i < 20; i++) {
      double cy = ytop + band * (i + 0.5);
      double x1 = left + lo[i] / top * (right - left), x2 = left + hi[i] / top * (right - left);
      cairo_set_source_rgb(cr, 0, 0.447, 0.698);
      cairo_rectangle(cr, left, cy - t / 2, x1 - left, t);
      cairo_fill(cr);
      char label[64], val[64], a[32], b[32];
      if (i % 5 == 0) {
        cairo_set_source_rgb(cr, .1, .1, .1);
        cairo_set_line_width(cr, 1.4);
        cairo_move_to(cr, x1, cy); cairo_line_to(cr, x2, cy);
        cairo_move_to(cr, x1, cy - t * .275); cairo_line_to(cr, x1, cy + t * .275);
        cairo_move_to(cr, x2, cy - t * .275); cairo_line_to(cr, x2, cy + t * .275);
        cairo_stroke(cr);
        fmt(a, lo[i]); fmt(b, hi[i]);
        snprintf(val, sizeof val, "%s\u2013%s", a, b);
      } else {
        fmt(val, lo[i]);
      }
      snprintf(label, sizeof label, "Region %d-%d", k, i + 1);
      text(cr, l, label, "Inter 9.5px", left - 10, cy, 1, 1, .1, .1, .1);
      text(cr, l, val, "Inter Medium 9.5px", x2 + 5, cy, 0, 1, .1, .1, .1);
    }
    g_object_unref(l);
    cairo_surface_flush(s);
    double t1 = now();
    char path[512];
    snprintf(path, sizeof path, "%s/bars-%d.png", out, k);
    if (cairo_surface_write_to_png(s, path) != CAIRO_STATUS_SUCCESS) {
      fprintf(stderr, "cairo_bars: cannot write %s\n", path);
      return 1;
    }
    double t2 = now();
    draw_s += t1 - t0;
    write_s += t2 - t1;
    cairo_destroy(cr);
    cairo_surface_destroy(s);
  }
  printf("{\"charts\": %d, \"draw_s\": %.4f, \"write_png_s\": %.4f}\n", count, draw_s, write_s);
  return 0;
}
