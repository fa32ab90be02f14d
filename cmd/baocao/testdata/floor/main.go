// Command floor is the least a report generator must do, for the process
// benchmarks (BenchmarkFloorProcess): start a Go process, unzip every part of
// a .docx and zip it again at the fast level baocao writes with, write the
// result. Usage: floor IN.docx OUT.docx
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := rezip(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

func rezip(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// One compressor for all parts, as baocao keeps them: each new one is a
	// megabyte of tables to allocate.
	fw, err := flate.NewWriter(nil, flate.BestSpeed)
	if err != nil {
		return err
	}
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw.Reset(w)
		return fw, nil
	})
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			return err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err == nil {
			_, err = io.Copy(w, r)
		}
		r.Close()
		if err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
