import CCairo

/// How the process allocates the large buffers of rendering.
public enum ProcessMemory {
  /// Has allocations of 1 MiB and more (image surfaces, PNG scanlines) mapped and unmapped on
  /// their own, so freeing one returns it to the system at once. glibc otherwise raises its
  /// threshold after the first such buffer is freed and keeps the next ones in the heap, where
  /// they stay resident: a brief with five slide-sized charts peaked about 10 MiB higher.
  public static func mapLargeBuffers() {
    #if canImport(Glibc)
      _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
    #endif
  }
}
