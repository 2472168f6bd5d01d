// ISA-L's igzip, for the PNG encoder's zlib stream, and its CRC-32 for PNG chunks.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>

/// igzip's output depends on how its input is split between calls, so input is always handed
/// over in pieces of this many bytes of the whole, wherever the parts begin and end.
#define BRIEF_ZLIB_PIECE (256 * 1024)

/// A zlib stream being written by igzip at level 1 from input that arrives in parts.
typedef struct brief_zlib_state {
  // First, so it has the allocation's 16-byte alignment: igzip keeps structs with pointers in it.
  uint8_t level[ISAL_DEF_LVL1_DEFAULT];
  uint8_t staging[BRIEF_ZLIB_PIECE];
  struct isal_zstream stream;
  size_t total, done;  // bytes the stream will hold, and bytes handed to igzip so far
  size_t staged;       // bytes gathered in `staging` towards the next piece
  int failed;
} brief_zlib_state;

/// A stream as Swift sees it: an opaque handle.
typedef void brief_zlib;

/// Starts a stream of `total` input bytes written to `output`, or NULL when out of memory.
static inline brief_zlib *brief_zlib_begin(size_t total, uint8_t *output, size_t capacity) {
  // Zeroed: igzip can read hash-table entries of the level buffer it has not written yet, and
  // leftovers of earlier allocations there would change the bytes (never the pixels) from run to run.
  brief_zlib_state *z = calloc(1, sizeof(brief_zlib_state));
  if (z == NULL) return NULL;
  isal_deflate_init(&z->stream);
  z->stream.gzip_flag = IGZIP_ZLIB;
  z->stream.level = 1;
  z->stream.level_buf = z->level;
  z->stream.level_buf_size = ISAL_DEF_LVL1_DEFAULT;
  z->stream.flush = NO_FLUSH;
  z->stream.next_out = output;
  // igzip's counters are 32-bit; a PNG's scanlines are at most 32767 × (4 × 32767 + 1) bytes.
  z->stream.avail_out = capacity > UINT32_MAX ? UINT32_MAX : (uint32_t)capacity;
  z->total = total;
  z->failed = total == 0;
  return z;
}

static inline void brief_zlib_piece(brief_zlib_state *z, const uint8_t *bytes, size_t count) {
  z->done += count;
  z->stream.next_in = (uint8_t *)bytes;
  z->stream.avail_in = (uint32_t)count;
  z->stream.end_of_stream = z->done == z->total;
  if (isal_deflate(&z->stream) != COMP_OK || z->stream.avail_in != 0) z->failed = 1;
}

/// Adds the next `count` bytes of input. Whatever the parts, igzip gets the input in the same
/// pieces (its output depends on them): a piece inside one part is read in place, one across
/// parts is gathered first.
static inline void brief_zlib_feed(brief_zlib *handle, const uint8_t *bytes, size_t count) {
  brief_zlib_state *z = handle;
  while (count > 0 && !z->failed) {
    size_t left = z->total - z->done;
    size_t piece = left < BRIEF_ZLIB_PIECE ? left : BRIEF_ZLIB_PIECE;
    if (piece == 0) { z->failed = 1; break; }  // more input than announced
    if (z->staged == 0 && count >= piece) {
      brief_zlib_piece(z, bytes, piece);
      bytes += piece;
      count -= piece;
    } else {
      size_t take = piece - z->staged < count ? piece - z->staged : count;
      memcpy(z->staging + z->staged, bytes, take);
      z->staged += take;
      bytes += take;
      count -= take;
      if (z->staged == piece) {
        z->staged = 0;
        brief_zlib_piece(z, z->staging, piece);
      }
    }
  }
}

/// Ends the stream: the number of bytes written, or 0 when igzip failed, the output was too
/// small or the input was not the announced size. Frees `z`.
static inline size_t brief_zlib_end(brief_zlib *handle) {
  brief_zlib_state *z = handle;
  size_t written = !z->failed && z->done == z->total && z->stream.internal_state.state == ZSTATE_END ? z->stream.total_out : 0;
  free(z);
  return written;
}

/// Room for the zlib stream: incompressible input comes out about as long as it went in (3 MB of
/// noise: 1.0003 times), so a quarter more plus the headers is ample; a stream that still does not
/// fit makes `brief_zlib_end` return 0, never a write past the end.
static inline size_t brief_zlib_bound(size_t count) {
  return count + count / 4 + 4096;
}

/// The CRC-32 of PNG chunks (the reflected IEEE polynomial, as in zlib), continued from `crc`.
static inline uint32_t brief_crc32(uint32_t crc, const uint8_t *bytes, size_t count) {
  return crc32_gzip_refl(crc, bytes, count);
}
