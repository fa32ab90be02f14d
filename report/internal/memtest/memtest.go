// Package memtest measures memory for benchmarks: the peak of the live heap
// while a function runs, which a benchmark reports beside its time.
package memtest

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// PeakHeap samples the live heap every few milliseconds while fn runs and
// returns its peak above the heap at the start, in bytes. Sampling stops the
// world, so callers measure it apart from the timed loop.
func PeakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}

// Bench times fn as the benchmark's body and reports its peak live heap as
// peak-MiB, measured in one run apart from the timed ones.
func Bench(b *testing.B, fn func()) {
	peak := PeakHeap(fn)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		fn()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
}
