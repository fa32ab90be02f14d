package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The collector waits for firstCollection, then paces itself as usual; a
// user's GOGC is left alone.
func TestDelayFirstCollection(t *testing.T) {
	defer debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetGCPercent(100)

	t.Setenv("GOGC", "50")
	delayFirstCollection()
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Fatalf("with GOGC set, memory limit %d", limit)
	}

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	delayFirstCollection()
	if percent := debug.SetGCPercent(-1); percent != -1 {
		t.Errorf("GC percent %d before the first cycle, want -1 (off)", percent)
	}
	if limit := debug.SetMemoryLimit(-1); limit != firstCollection {
		t.Errorf("memory limit %d before the first cycle, want %d", limit, firstCollection)
	}
	// The finalizer restoring the pacing runs on its own goroutine after a cycle.
	for deadline := time.Now().Add(10 * time.Second); debug.SetMemoryLimit(-1) != math.MaxInt64; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("after the first cycle the memory limit is still set")
		}
		runtime.GC()
	}
	if percent := debug.SetGCPercent(100); percent != 100 {
		t.Errorf("GC percent %d after the first cycle, want 100", percent)
	}
}
