// ISA-L's igzip, for the PNG encoder's zlib stream, and its CRC-32 for PNG chunks.
#include <stdint.h>
#include <stdlib.h>
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>

/// Compresses `count` bytes at `input` into one zlib stream at igzip level 1.
/// Returns the number of bytes written to `output`, or 0 when igzip failed or
/// `capacity` was too small (callers size it with `brief_zlib_bound`).
static inline size_t brief_zlib_compress(const uint8_t *input, size_t count, uint8_t *output, size_t capacity) {
  // igzip's counters are 32-bit; a PNG's scanlines are at most 32767 × (4 × 32767 + 1) bytes.
  if (count > UINT32_MAX || capacity > UINT32_MAX) return 0;
  struct isal_zstream *stream = malloc(sizeof(struct isal_zstream));
  uint8_t *levelBuffer = malloc(ISAL_DEF_LVL1_DEFAULT);
  size_t written = 0;
  if (stream && levelBuffer) {
    isal_deflate_init(stream);
    stream->gzip_flag = IGZIP_ZLIB;
    stream->level = 1;
    stream->level_buf = levelBuffer;
    stream->level_buf_size = ISAL_DEF_LVL1_DEFAULT;
    stream->end_of_stream = 1;
    stream->flush = NO_FLUSH;
    stream->next_in = (uint8_t *)input;
    stream->avail_in = (uint32_t)count;
    stream->next_out = output;
    stream->avail_out = (uint32_t)capacity;
    if (isal_deflate(stream) == COMP_OK && stream->internal_state.state == ZSTATE_END) written = stream->total_out;
  }
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
