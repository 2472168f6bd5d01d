// ISA-L's igzip, for the PNG encoder's zlib stream, and its CRC-32 for PNG chunks.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>

/// igzip's output depends on how its input is split between calls, so input is always handed
/// over in pieces of this many bytes of the whole, wherever the parts begin and end.
#define BRIEF_ZLIB_PIECE (256 * 1024)

/// Compresses `partCount` consecutive parts (`parts[i]`, `counts[i]` bytes each) into one zlib
/// stream at igzip level 1; the bytes depend only on the parts' concatenation. Returns the
/// number of bytes written to `output`, or 0 when igzip failed or `capacity` was too small
/// (callers size it with `brief_zlib_bound`).
static inline size_t brief_zlib_compress(const uint8_t *const *parts, const size_t *counts, size_t partCount, uint8_t *output, size_t capacity) {
  // igzip's counters are 32-bit; a PNG's scanlines are at most 32767 × (4 × 32767 + 1) bytes.
  if (capacity > UINT32_MAX) capacity = UINT32_MAX;
  size_t total = 0;
  for (size_t i = 0; i < partCount; i++) total += counts[i];
  // Zeroed: igzip can read hash-table entries of the level buffer it has not written yet, and
  // leftovers of earlier allocations there would change the bytes (never the pixels) from run to run.
  struct isal_zstream *stream = calloc(1, sizeof(struct isal_zstream));
  uint8_t *levelBuffer = calloc(1, ISAL_DEF_LVL1_DEFAULT);
  uint8_t *staging = malloc(BRIEF_ZLIB_PIECE);
  size_t written = 0;
  int ok = stream != NULL && levelBuffer != NULL && staging != NULL && total > 0;
  if (ok) {
    isal_deflate_init(stream);
    stream->gzip_flag = IGZIP_ZLIB;
    stream->level = 1;
    stream->level_buf = levelBuffer;
    stream->level_buf_size = ISAL_DEF_LVL1_DEFAULT;
    stream->flush = NO_FLUSH;
    stream->next_out = output;
    stream->avail_out = (uint32_t)capacity;
  }
  size_t part = 0, offset = 0, done = 0;  // the next byte: parts[part][offset], byte `done` of the whole
  while (ok && done < total) {
    size_t piece = total - done < BRIEF_ZLIB_PIECE ? total - done : BRIEF_ZLIB_PIECE;
    while (offset == counts[part]) { part++; offset = 0; }
    const uint8_t *in;
    if (counts[part] - offset >= piece) {
      in = parts[part] + offset;  // inside one part: no copy
      offset += piece;
    } else {
      // Across the end of a part: gather the piece.
      size_t filled = 0;
      while (filled < piece) {
        while (offset == counts[part]) { part++; offset = 0; }
        size_t take = counts[part] - offset < piece - filled ? counts[part] - offset : piece - filled;
        memcpy(staging + filled, parts[part] + offset, take);
        filled += take;
        offset += take;
      }
      in = staging;
    }
    done += piece;
    stream->next_in = (uint8_t *)in;
    stream->avail_in = (uint32_t)piece;
    stream->end_of_stream = done == total;
    ok = isal_deflate(stream) == COMP_OK && stream->avail_in == 0;
  }
  if (ok && stream->internal_state.state == ZSTATE_END) written = stream->total_out;
  free(staging);
  free(levelBuffer);
  free(stream);
  return written;
}

/// Room enough for any input's zlib stream: Huffman codes built for a block never take more
/// than a byte per input byte on average, so a quarter more plus the headers is ample.
static inline size_t brief_zlib_bound(size_t count) {
  return count + count / 4 + 4096;
}

/// The CRC-32 of PNG chunks (the reflected IEEE polynomial, as in zlib), continued from `crc`.
static inline uint32_t brief_crc32(uint32_t crc, const uint8_t *bytes, size_t count) {
  return crc32_gzip_refl(crc, bytes, count);
}
