package main

import (
	"io"
	"os"
	"testing"
)

func BenchmarkZZScale(b *testing.B) {
	dir := os.Getenv("ZZ_WS")
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	for b.Loop() {
		if code := run([]string{"generate", "2021", "--data", "data", "--template", "mau.docx", "-o", "out/bc.docx", "--force"}, io.Discard, os.Stderr); code != 0 {
			b.Fatal(code)
		}
	}
}
