// Package templates embeds the default report templates, one for each group of
// period kinds. Their parts are kept as XML text so that every change to the
// layout is reviewable, and packed into a .docx when one is needed:
//   - chung/ holds the parts every template shares (styles, page headers,
//     settings, relationships); a template's own folder holds the rest (its
//     document and properties) and may replace a shared part of the same name;
//   - doan/ holds passages of document.xml the templates share (the national
//     heading, the closing with "Nơi nhận" and the signature, the appendix's
//     landscape section): a line <?baocao chen NAME?> in a document is replaced
//     by the passage doan/NAME.
package templates

import (
	"archive/zip"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sync"
	"time"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/model"
)

// The file names the default templates take in a workspace.
const (
	DefaultName  = "mau-bao-cao.docx"           // the year
	SoKetName    = "mau-bao-cao-so-ket.docx"    // six and nine months
	ThangQuyName = "mau-bao-cao-thang-quy.docx" // months and quarters
)

//go:embed all:chung all:doan all:bao-cao-nam all:bao-cao-so-ket all:bao-cao-thang-quy
var parts embed.FS

// Default is one default template.
type Default struct {
	Name   string // the file name it takes in a workspace
	dir    string
	packed func() ([]byte, error)
}

// Docx returns the template as .docx bytes, packed once. The caller must not modify them.
func (d *Default) Docx() ([]byte, error) { return d.packed() }

func newDefault(name, dir string) *Default {
	return &Default{Name: name, dir: dir, packed: sync.OnceValues(func() ([]byte, error) { return pack(dir) })}
}

var (
	annual   = newDefault(DefaultName, "bao-cao-nam")
	soKet    = newDefault(SoKetName, "bao-cao-so-ket")
	thangQuy = newDefault(ThangQuyName, "bao-cao-thang-quy")
)

// All lists the default templates: the year's, the six and nine months', the
// months and quarters'.
func All() []*Default { return []*Default{annual, soKet, thangQuy} }

// IsDefault reports whether docx is one of the default templates as packed,
// such as the copy init writes into a workspace.
func IsDefault(docx []byte) bool {
	for _, d := range All() {
		if b, err := d.Docx(); err == nil && bytes.Equal(b, docx) {
			return true
		}
	}
	return false
}

// DefaultDocx returns the year's template as .docx bytes. The caller must not modify them.
func DefaultDocx() ([]byte, error) { return annual.Docx() }

// ForKind gives the default template of a period's kind: the file name it takes
// in a workspace and its content.
func ForKind(k model.PeriodKind) (name string, docx func() ([]byte, error)) {
	d := forKind(k)
	return d.Name, d.Docx
}

func forKind(k model.PeriodKind) *Default {
	switch k {
	case model.SixMonths, model.NineMonths:
		return soKet
	case model.Month, model.Quarter:
		return thangQuy
	}
	return annual
}

const (
	common   = "chung"
	passages = "doan"
)

// include opens a line of document.xml that takes a shared passage: the
// line "<?baocao chen NAME?>", indented, is replaced by the passage.
const include = "<?baocao chen "

func pack(dir string) ([]byte, error) {
	// Each part's folder: the template's own, else the shared one.
	from := map[string]string{}
	for _, root := range []string{common, dir} {
		err := fs.WalkDir(parts, root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				from[p[len(root)+1:]] = root
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(from))
	for name := range from {
		names = append(names, name)
	}
	// [Content_Types].xml must come first for some readers; the rest in a
	// fixed order, so that the packed bytes are the same from build to build.
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "[Content_Types].xml":
			return -1
		case b == "[Content_Types].xml":
			return 1
		case a < b:
			return -1
		}
		return 1
	})
	contents := make([][]byte, len(names))
	size := 0
	for i, name := range names {
		data, err := parts.ReadFile(path.Join(from[name], name))
		if err != nil {
			return nil, err
		}
		if name == "word/document.xml" {
			if data, err = withPassages(data); err != nil {
				return nil, fmt.Errorf("%s/%s: %w", dir, name, err)
			}
		}
		contents[i] = data
		size += len(data) + 2*len(name) + 128 // the part and its two headers
	}
	var buf bytes.Buffer
	buf.Grow(size) // at once: growing it step by step copied the package over and over
	// The parts are stored, not compressed: every generate packs the template
	// and opens it again at once, and compressing then inflating its 60 KB of
	// XML took about 1.3 ms of the sample report's 30. The .docx init writes
	// is larger for it (57 KB instead of 14 KB), which Word minds not.
	zw := docxpkg.NewZipWriter(&buf)
	for i, name := range names {
		// A fixed, valid time keeps the packed template the same from build to build.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(contents[i]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// withPassages replaces each include line of a document by its passage.
// A plain scan: a regular expression took milliseconds over the document.
func withPassages(doc []byte) ([]byte, error) {
	var out bytes.Buffer
	for {
		at := bytes.Index(doc, []byte(include))
		if at < 0 {
			out.Write(doc)
			return out.Bytes(), nil
		}
		start := bytes.LastIndexByte(doc[:at], '\n') + 1
		rest := doc[at+len(include):]
		name, after, ok := bytes.Cut(rest, []byte("?>"))
		line, next, _ := bytes.Cut(after, []byte("\n"))
		if !ok || len(bytes.TrimSpace(doc[start:at])) > 0 || len(bytes.TrimSpace(line)) > 0 {
			return nil, fmt.Errorf("%s…?> phải đứng riêng một dòng", include)
		}
		passage, err := parts.ReadFile(path.Join(passages, string(bytes.TrimSpace(name))))
		if err != nil {
			return nil, err
		}
		out.Write(doc[:start])
		out.Write(passage)
		doc = next
	}
}
