// The PNG encoder's choice, measured: for each PNG given (as BriefKit writes them: 8-bit RGB or
// RGBA, rows unfiltered), the scanlines are compressed again by libdeflate at levels 1 to 6, and
// filtered and compressed as libpng does by default (the filter of least absolute sum per row,
// zlib level 6), printing the size and the fastest of 15 compressions of each as a Markdown row.
//
//   cc -O2 -o bench/out/png_levels bench/peers/png_levels.c -ldeflate -lz
//   bench/out/png_levels output/*.png
#include <libdeflate.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static int paeth(int a, int b, int c) {
  int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Row `cur` filtered with `type` into `out` (`prev` is NULL for the first row).
static void filter(int type, const uint8_t *cur, const uint8_t *prev, uint8_t *out, size_t n, int bpp) {
  for (size_t i = 0; i < n; i++) {
    int a = i >= (size_t)bpp ? cur[i - bpp] : 0, b = prev ? prev[i] : 0, c = prev && i >= (size_t)bpp ? prev[i - bpp] : 0;
    int predicted[5] = {0, a, b, (a + b) / 2, paeth(a, b, c)};
    out[i] = (uint8_t)(cur[i] - predicted[type]);
  }
}

int main(int argc, char **argv) {
  printf("| chart | pixels | libpng's defaults | L1 | L2 | L3 | L4 | L5 | L6 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (int f = 1; f < argc; f++) {
    FILE *in = fopen(argv[f], "rb");
    if (!in) { perror(argv[f]); return 1; }
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    uint8_t *file = malloc(size);
    if (!file || fread(file, 1, size, in) != (size_t)size) return 1;
    fclose(in);
    uint32_t w = 0, h = 0;
    int bpp = 0;
    uint8_t *idat = malloc(size);
    size_t idatLen = 0;
    for (long p = 8; p + 12 <= size;) {
      uint32_t len = be32(file + p);
      if (!memcmp(file + p + 4, "IHDR", 4)) { w = be32(file + p + 8); h = be32(file + p + 12); bpp = file[p + 17] == 6 ? 4 : 3; }
      if (!memcmp(file + p + 4, "IDAT", 4)) { memcpy(idat + idatLen, file + p + 8, len); idatLen += len; }
      p += 12 + len;
    }
    size_t stride = (size_t)w * bpp, total = (stride + 1) * h;
    uint8_t *scanlines = malloc(total), *filtered = malloc(total), *row = malloc(stride), *out = malloc(total + total / 8 + 1024);
    uLongf got = total;
    if (uncompress(scanlines, &got, idat, idatLen) != Z_OK || got != total) { fprintf(stderr, "%s: cannot read\n", argv[f]); return 1; }
    for (uint32_t y = 0; y < h; y++) {
      if (scanlines[y * (stride + 1)] != 0) { fprintf(stderr, "%s: rows are filtered\n", argv[f]); return 1; }
    }
    const char *name = strrchr(argv[f], '/') ? strrchr(argv[f], '/') + 1 : argv[f];
    printf("| %s | %ux%u |", name, w, h);
    // libpng's defaults: per row the filter of least sum of absolute (signed) bytes, zlib level 6.
    double best = 1e9;
    uLongf zsize = 0;
    for (int r = 0; r < 15; r++) {
      double t = now();
      for (uint32_t y = 0; y < h; y++) {
        const uint8_t *cur = scanlines + y * (stride + 1) + 1, *prev = y ? cur - (stride + 1) : NULL;
        long bestSum = -1;
        int bestType = 0;
        for (int type = 0; type < 5; type++) {
          filter(type, cur, prev, row, stride, bpp);
          long sum = 0;
          for (size_t i = 0; i < stride; i++) sum += abs((int8_t)row[i]);
          if (bestSum < 0 || sum < bestSum) { bestSum = sum; bestType = type; }
        }
        filtered[y * (stride + 1)] = (uint8_t)bestType;
        filter(bestType, cur, prev, filtered + y * (stride + 1) + 1, stride, bpp);
      }
      zsize = total + total / 8 + 1024;
      compress2(out, &zsize, filtered, total, 6);
      if (now() - t < best) best = now() - t;
    }
    printf(" %lu B, %.1f ms |", (unsigned long)zsize, best * 1000);
    for (int level = 1; level <= 6; level++) {
      struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
      size_t n = 0;
      best = 1e9;
      for (int r = 0; r < 15; r++) {
        double t = now();
        n = libdeflate_zlib_compress(c, scanlines, total, out, total + total / 8 + 1024);
        if (now() - t < best) best = now() - t;
      }
      libdeflate_free_compressor(c);
      printf(" %zu B, %.1f ms |", n, best * 1000);
    }
    printf("\n");
    free(file); free(idat); free(scanlines); free(filtered); free(row); free(out);
  }
  return 0;
}
