// Package templates embeds the default report template. Its parts are kept as
// XML text in bao-cao-nam/ so that every change to the layout is reviewable;
// DefaultDocx packs them into a .docx when one is needed.
package templates

import (
	"archive/zip"
	"bytes"
	"embed"
	"io/fs"
	"path"
	"sync"
	"time"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/model"
)

// DefaultName is the file name the default template takes in a workspace.
const DefaultName = "mau-bao-cao.docx"

//go:embed all:bao-cao-nam
var parts embed.FS

const root = "bao-cao-nam"

var packed = sync.OnceValues(pack)

// DefaultDocx returns the default template as .docx bytes. The caller must not modify them.
func DefaultDocx() ([]byte, error) { return packed() }

// ForKind gives the default template of a period's kind: the file name it takes
// in a workspace and its content.
func ForKind(k model.PeriodKind) (name string, docx func() ([]byte, error)) {
	return DefaultName, DefaultDocx
}

func pack() ([]byte, error) {
	var buf bytes.Buffer
	// The template is opened once it is packed: the fast level of the
	// report's own writer costs a tenth of the default's.
	zw := docxpkg.NewZipWriter(&buf)
	// [Content_Types].xml must come first for some readers.
	names := []string{"[Content_Types].xml"}
	err := fs.WalkDir(parts, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if name := p[len(root)+1:]; name != names[0] {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := parts.ReadFile(path.Join(root, name))
		if err != nil {
			return nil, err
		}
		// A fixed, valid time keeps the packed template the same from build to build.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
