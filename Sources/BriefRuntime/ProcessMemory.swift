/// How the process allocates the large buffers of rendering.
public enum ProcessMemory {
  /// Has allocations of 1 MiB and more (image surfaces, PNG scanlines) mapped and unmapped on
  /// their own, so freeing one returns it to the system at once. glibc otherwise raises its
  /// threshold after the first such buffer is freed and keeps the next ones in the heap, where
  /// they stay resident: a brief with five slide-sized charts peaked about 10 MiB higher.
  ///
  /// The corresponding C function is `mallopt(M_MMAP_THRESHOLD, 1 << 20)`.
  public static func mapLargeBuffers() {
    #if os(Linux)
      _ = glibcMallopt(mmapThreshold, 1 << 20)
    #endif
  }

  #if os(Linux)
    /// glibc's `M_MMAP_THRESHOLD` (malloc.h), which Swift's Glibc module does not export.
    private static let mmapThreshold: Int32 = -3
  #endif
}

#if os(Linux)
  /// glibc's `int mallopt(int param, int value)`, declared in malloc.h, which Swift's Glibc module does not export.
  @_silgen_name("mallopt")
  private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
