package docxpkg_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

// checkRoundTrip writes an opened package and checks what comes out: it
// opens again (so every name in it is safe and no part has a DOCTYPE) and
// has no more entries than went in.
func checkRoundTrip(t *testing.T, p *docxpkg.Package, in []byte) {
	t.Helper()
	for _, name := range p.TemplateParts() {
		docxpkg.Paragraphs(p.Part(name))
	}
	var out bytes.Buffer
	if err := p.Write(&out); err != nil {
		t.Fatalf("Write: %v", err)
	}
	again, err := docxpkg.Open(out.Bytes())
	if err != nil {
		t.Fatalf("the written package does not open: %v", err)
	}
	for _, name := range again.OtherXMLParts() {
		if _, err := again.ReadPart(name); err != nil {
			t.Fatalf("ReadPart(%s): %v", name, err)
		}
	}
	zin, _ := zip.NewReader(bytes.NewReader(in), int64(len(in)))
	zout, _ := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if len(zout.File) != len(zin.File) {
		t.Fatalf("%d entries written for %d read", len(zout.File), len(zin.File))
	}
}

// FuzzOpen opens fuzzed archives. Open must not panic, and what it accepts
// must write out to a package it accepts again.
func FuzzOpen(f *testing.F) {
	f.Add(docxtest.Build(docxtest.Files{Body: docxtest.P("x"), Header: docxtest.P("h"), Footnotes: docxtest.Footnote("footnote", 1, docxtest.P("n"))}))
	f.Add(withEntry("../../etc/x", "x"))
	f.Add(withEntry("word/styles.xml", laughs+"<a/>"))
	f.Add(withEntry("WORD/DOCUMENT.XML", "<a/>"))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := docxpkg.Open(data)
		if err != nil {
			return
		}
		checkRoundTrip(t, p, data)
	})
}

// FuzzOpenEntry adds an entry of fuzzed name and content to a valid .docx,
// which reaches the checks of names and prologs more often than fuzzed
// archive bytes do.
func FuzzOpenEntry(f *testing.F) {
	f.Add("word/../../up.txt", "x")
	f.Add(`a\b`, "")
	f.Add("word/comments.xml", `<?xml version="1.0"?><!-- x --><!DOCTYPE a><a/>`)
	f.Add("word/footnotes.xml", `<w:footnotes `+docxtest.NS+`><w:footnote w:id="1">`+docxtest.P("{{ .Nam }}")+`</w:footnote></w:footnotes>`)
	f.Add("docProps/custom.xml", "\xfe\xff\x00<\x00!\x00D")
	f.Add("word/x.xml", "<?xml ?--><!")
	f.Fuzz(func(t *testing.T, name, content string) {
		data := withEntry(name, content)
		p, err := docxpkg.Open(data)
		if err != nil {
			return
		}
		if strings.Contains(name, "..") && strings.Contains("/"+name+"/", "/../") || strings.Contains(name, `\`) || strings.HasPrefix(name, "/") {
			t.Fatalf("unsafe name %q accepted", name)
		}
		if hasDoctype(content) {
			t.Fatalf("DOCTYPE accepted in %q", content)
		}
		checkRoundTrip(t, p, data)
	})
}

// hasDoctype reports whether encoding/xml reads a DOCTYPE in content before
// its root element or any syntax error.
func hasDoctype(content string) bool {
	d := xml.NewDecoder(strings.NewReader(content))
	d.Strict = false
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) { return nil, io.EOF }
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			return false
		case xml.Directive:
			if strings.HasPrefix(string(tok), "DOCTYPE") {
				return true
			}
		}
	}
}
