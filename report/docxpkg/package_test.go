package docxpkg_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

func mustOpen(t *testing.T, data []byte) *docxpkg.Package {
	t.Helper()
	p, err := docxpkg.Open(data)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return p
}

func TestOpenRejects(t *testing.T) {
	valid := docxtest.Build(docxtest.Files{Body: docxtest.P("x")})
	many := make([][2]string, docxpkg.MaxEntries+1)
	for i := range many {
		many[i] = [2]string{"f/" + strconv.Itoa(i), ""}
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "không phải tệp .docx hợp lệ: tệp không phải là tệp nén ZIP"},
		{"text", []byte("Báo cáo"), "tệp không phải là tệp nén ZIP"},
		{"truncated", valid[:len(valid)/2], "tệp không phải là tệp nén ZIP"},
		{"xlsx-like", docxtest.Zip([2]string{"xl/workbook.xml", "<workbook/>"}), "không phải tệp .docx hợp lệ: thiếu phần word/document.xml"},
		{"no rels", docxtest.Zip([2]string{"word/document.xml", "<w:document/>"}), "thiếu phần word/_rels/document.xml.rels"},
		{"duplicate", docxtest.Zip([2]string{"a.xml", "1"}, [2]string{"a.xml", "2"}), `có hai phần cùng tên "a.xml"`},
		{"too many", docxtest.Zip(many...), "vượt giới hạn 5000 phần"},
		{"utf16", docxtest.Zip(
			[2]string{"[Content_Types].xml", "<Types/>"},
			[2]string{"word/document.xml", "\xff\xfe<\x00"},
			[2]string{"word/_rels/document.xml.rels", "<Relationships/>"}), "UTF-16"},
		// Word cannot open a report without readable content types.
		{"no content types", docxtest.Zip(
			[2]string{"word/document.xml", "<w:document/>"},
			[2]string{"word/_rels/document.xml.rels", "<Relationships/>"}), "thiếu phần [Content_Types].xml"},
		{"content types not XML", docxtest.Zip(
			[2]string{"[Content_Types].xml", "rác"},
			[2]string{"word/document.xml", "<w:document/>"},
			[2]string{"word/_rels/document.xml.rels", "<Relationships/>"}), "phần [Content_Types].xml không có nội dung XML"},
		{"content types unclosed", docxtest.Zip(
			[2]string{"[Content_Types].xml", "<Types><Default>"},
			[2]string{"word/document.xml", "<w:document/>"},
			[2]string{"word/_rels/document.xml.rels", "<Relationships/>"}), "[Content_Types].xml"},
		{"content types too large", docxtest.Zip(
			[2]string{"[Content_Types].xml", "<Types>" + strings.Repeat(" ", 2<<20) + "</Types>"},
			[2]string{"word/document.xml", "<w:document/>"},
			[2]string{"word/_rels/document.xml.rels", "<Relationships/>"}), "phần [Content_Types].xml lớn hơn 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := docxpkg.Open(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Open error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestOpenRejectsZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"word/_rels/document.xml.rels", "word/document.xml"} {
		w, _ := zw.Create(name)
		io.WriteString(w, "<x/>")
	}
	w, _ := zw.Create("word/media/bomb.bin")
	chunk := make([]byte, 1<<20)
	for range docxpkg.MaxPartSize>>20 + 1 {
		w.Write(chunk)
	}
	zw.Close()
	if buf.Len() > 1<<20 {
		t.Fatalf("test archive unexpectedly large: %d bytes", buf.Len())
	}
	_, err := docxpkg.Open(buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), `phần "word/media/bomb.bin" khi giải nén lớn 193 MiB, vượt giới hạn 192 MiB`) {
		t.Fatalf("Open error = %v", err)
	}
}

// A part whose header understates its size is cut off at the stated size:
// archive/zip refuses to inflate more, so the bomb never fills memory.
func TestOpenRejectsLyingSize(t *testing.T) {
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestCompression)
	chunk := make([]byte, 1<<20)
	for range 100 {
		fw.Write(chunk)
	}
	fw.Close()
	for _, name := range []string{"word/document.xml", "word/header1.xml"} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, n := range []string{"[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml"} {
				if n != name {
					w, _ := zw.Create(n)
					io.WriteString(w, "<x/>")
				}
			}
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
				CompressedSize64: uint64(deflated.Len()), UncompressedSize64: 1000})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(deflated.Bytes())
			zw.Close()
			_, err = docxpkg.Open(buf.Bytes())
			if err == nil || !strings.Contains(err.Error(), "không đọc được phần "+name) {
				t.Fatalf("Open error = %v", err)
			}
		})
	}
}

func TestTemplatePartsOrder(t *testing.T) {
	base := docxtest.Build(docxtest.Files{Body: docxtest.P("x")})
	zr, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	var entries [][2]string
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		entries = append(entries, [2]string{f.Name, string(b)})
	}
	hdr := `<w:hdr ` + docxtest.NS + `>` + docxtest.P("h") + `</w:hdr>`
	for _, name := range []string{"word/header10.xml", "word/footer1.xml", "word/header2.xml",
		"word/_rels/header2.xml.rels", "word/header1.xml", "word/media/header.png"} {
		entries = append(entries, [2]string{name, hdr})
	}
	p := mustOpen(t, docxtest.Zip(entries...))
	want := []string{"word/document.xml", "word/header1.xml", "word/header2.xml", "word/header10.xml", "word/footer1.xml"}
	if got := p.TemplateParts(); !slices.Equal(got, want) {
		t.Fatalf("TemplateParts = %q, want %q", got, want)
	}
	if got := p.Part("word/header2.xml"); got != hdr {
		t.Fatalf("Part(header2) = %q", got)
	}
	if got := p.Part("word/styles.xml"); got != "" {
		t.Fatalf("Part of a non-template part = %q, want empty", got)
	}
}

func TestWriteCopiesUntouchedPartsRaw(t *testing.T) {
	data := docxtest.Build(docxtest.Files{
		Body:   docxtest.P("Thân"),
		Header: docxtest.P("Đầu trang"),
		Footer: docxtest.P("Chân trang"),
	})
	p := mustOpen(t, data)
	newDoc := strings.Replace(p.Part("word/document.xml"), "Thân", "Thân &amp; mới", 1)
	p.SetPart("word/document.xml", newDoc)
	p.SetPart("word/footer1.xml", strings.Replace(p.Part("word/footer1.xml"), "Chân", "Cuối", 1))
	p.SetPart("word/extra.xml", "<extra/>")
	var out bytes.Buffer
	if err := p.Write(&out); err != nil {
		t.Fatal(err)
	}

	in := zipEntries(t, data)
	got := zipEntries(t, out.Bytes())
	var names []string
	for _, e := range got {
		names = append(names, e.name)
	}
	wantNames := []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml",
		"word/_rels/document.xml.rels", "word/header1.xml", "word/footer1.xml", "word/extra.xml"}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("entries = %q, want %q", names, wantNames)
	}
	for i, e := range in {
		switch e.name {
		case "word/document.xml", "word/footer1.xml":
			continue
		}
		if !bytes.Equal(e.raw, got[i].raw) || e.crc != got[i].crc {
			t.Errorf("%s: compressed bytes changed", e.name)
		}
	}

	text, err := docxpkg.Text(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if want := "Thân & mới\nĐầu trang\nCuối trang"; text != want {
		t.Fatalf("Text = %q, want %q", text, want)
	}
	again := mustOpen(t, out.Bytes())
	if again.Part("word/document.xml") != newDoc {
		t.Fatal("document part not written as set")
	}
}

// A clone's parts are its own: a template renders many times from one
// opened package.
func TestCloneIsIndependent(t *testing.T) {
	p := mustOpen(t, docxtest.Build(docxtest.Files{Body: docxtest.P("Thân"), Header: docxtest.P("Đầu trang")}))
	doc, header := p.Part("word/document.xml"), p.Part("word/header1.xml")
	c := p.Clone()
	c.SetPart("word/document.xml", "<mới/>")
	c.SetPart("word/header1.xml", "<đầu/>")
	c.SetPart("word/extra.xml", "<extra/>")
	if p.Part("word/document.xml") != doc || p.Part("word/header1.xml") != header || p.Part("word/extra.xml") != "" {
		t.Error("setting a clone's parts changed the original")
	}
	var out bytes.Buffer
	if err := p.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, e := range zipEntries(t, out.Bytes()) {
		if e.name == "word/extra.xml" {
			t.Error("the original writes the clone's added part")
		}
	}
	if c.Part("word/document.xml") != "<mới/>" {
		t.Error("the clone lost its part")
	}
}

// Contents gives what Write writes, in its order, decompressed.
func TestContentsIsWhatWriteWrites(t *testing.T) {
	p := mustOpen(t, docxtest.Build(docxtest.Files{Body: docxtest.P("Thân"), Footer: docxtest.P("Chân trang")}))
	p.SetPart("word/document.xml", strings.Replace(p.Part("word/document.xml"), "Thân", "Thân mới", 1))
	p.SetPart("word/extra.xml", "<extra/>")
	p.SetPartChunks("word/chunked.xml", docxpkg.Chunks{[]byte("<a>"), nil, []byte("b</a>")})
	var got [][2]string
	if err := p.Contents(func(name string, size uint64, content io.Reader) error {
		b, err := io.ReadAll(content)
		if uint64(len(b)) != size {
			t.Errorf("%s: size %d, content of %d bytes", name, size, len(b))
		}
		got = append(got, [2]string{name, string(b)})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := p.Write(&out); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var want [][2]string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		want = append(want, [2]string{f.Name, string(b)})
	}
	if !slices.Equal(got, want) {
		t.Errorf("Contents = %q\nwritten  = %q", got, want)
	}
}

type entry struct {
	name string
	raw  []byte
	crc  uint32
}

func zipEntries(t *testing.T, data []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, f := range zr.File {
		r, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(r)
		// Reading through Open verifies the checksum.
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadAll(rc); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out = append(out, entry{f.Name, raw, f.CRC32})
	}
	return out
}

// WriteSealed writes the seal once, last, with the content it is given after
// the other parts; an error making it writes nothing more.
func TestWriteSealed(t *testing.T) {
	p := mustOpen(t, docxtest.Build(docxtest.Files{Body: docxtest.P("Thân"), Footer: docxtest.P("Chân trang")}))
	first := zipEntries(t, docxtest.Build(docxtest.Files{Body: docxtest.P("Thân"), Footer: docxtest.P("Chân trang")}))[0].name
	p.SetPart("docProps/custom.xml", "<cu/>")
	var out bytes.Buffer
	if err := p.WriteSealed(&out, first, func() (string, error) { return "<sealed/>", nil }); err != nil {
		t.Fatal(err)
	}
	entries := zipEntries(t, out.Bytes())
	var names []string
	for _, e := range entries {
		names = append(names, e.name)
	}
	if names[len(names)-1] != first || slices.Index(names, first) != len(names)-1 || !slices.Contains(names, "docProps/custom.xml") {
		t.Fatalf("parts written: %q; want %s once, last", names, first)
	}
	if got, err := mustOpen(t, out.Bytes()).ReadPart(first); got != "<sealed/>" {
		t.Errorf("seal: %q, %v", got, err)
	}
	if err := p.WriteSealed(io.Discard, first, func() (string, error) { return "", errors.New("hỏng") }); err == nil || err.Error() != "hỏng" {
		t.Errorf("error of the seal: %v", err)
	}
}

// A part set compressed is written as it is, reads back as its XML, and
// brings its own digest, which is that of its XML.
func TestDeflatedPart(t *testing.T) {
	xml := strings.Repeat(`<w:p><w:r><w:t>Thân văn bản</w:t></w:r></w:p>`, 5000)
	d := docxpkg.NewDeflater()
	for i := 0; i < len(xml); i += 1000 {
		d.Write([]byte(xml[i:min(i+1000, len(xml))]))
	}
	packed, err := d.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if len(packed.Data) >= len(xml)/5 {
		t.Errorf("%d bytes compressed to %d", len(xml), len(packed.Data))
	}
	p := mustOpen(t, docxtest.Build(docxtest.Files{Body: docxtest.P("Thân")}))
	p.SetPartDeflated("word/extra.xml", packed)
	p.SetPart("word/other.xml", xml)
	sums := map[string][32]byte{}
	if err := p.Digests(func(name string, size uint64, sum [32]byte) error {
		sums[name] = sum
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := sha256.Sum256([]byte(xml)); sums["word/extra.xml"] != want || sums["word/other.xml"] != want {
		t.Error("the digests are not those of the XML")
	}
	var out bytes.Buffer
	if err := p.Write(&out); err != nil {
		t.Fatal(err)
	}
	back := mustOpen(t, out.Bytes())
	if got, err := back.ReadPart("word/extra.xml"); err != nil || got != xml {
		t.Errorf("read back: %d bytes, %v", len(got), err)
	}
	if p.Part("word/extra.xml") != xml {
		t.Error("Part does not inflate the part")
	}
}
