package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// firstCollection is the heap size before the collector's first cycle.
const firstCollection = 32 << 20

// delayFirstCollection lets the heap reach firstCollection before the
// garbage collector first runs; from that cycle on it paces itself as usual
// (GOGC=100). A report of a few dozen indicators allocates a few megabytes
// and the process ends: the default first cycles, from 4 MiB, took a fifth of
// its time and returned memory nobody needed. A large workspace pays one
// cycle later, its peak memory grows by at most this much. A GOGC or
// GOMEMLIMIT set by the user is obeyed instead.
func delayFirstCollection() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstCollection)
	// The finalizer of an object nothing refers to runs after the first
	// cycle (not a tiny allocation: those share blocks and may never be freed).
	runtime.SetFinalizer(new([64]byte), func(*[64]byte) {
		debug.SetMemoryLimit(math.MaxInt64)
		debug.SetGCPercent(100)
	})
}
