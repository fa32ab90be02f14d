package generate

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/baocao/baocao/report/docxpkg"
)

// A report records what baocao wrote into it: a hash of all its parts, in a
// custom document property (Word: File > Info > Properties > Advanced >
// Custom). Before writing over a file, generate checks that the hash still
// matches, so that a report edited (or merely saved) in Word is never lost.
const (
	stampPart     = "docProps/custom.xml"
	stampProperty = "baocao-noi-dung-sha256"
	customType    = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
	customRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
	customNS      = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
	vtNS          = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
	propertyFmtID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
)

// maxStampedContent bounds the decompressed bytes read to check a stamp; a
// report is a few megabytes at most.
const maxStampedContent = 256 << 20

// stamp adds the content hash to a rendered package and writes it as .docx.
// The hash is of the parts as they are about to be written, so the package
// is written once.
func stamp(p *docxpkg.Package) ([]byte, error) {
	types, err := p.ReadPart("[Content_Types].xml")
	if err != nil {
		return nil, err
	}
	if !strings.Contains(types, `PartName="/`+stampPart+`"`) {
		types = insertBefore(types, "</Types>", `<Override PartName="/`+stampPart+`" ContentType="`+customType+`"/>`)
		p.SetPart("[Content_Types].xml", types)
	}
	rels, err := p.ReadPart("_rels/.rels")
	if err != nil {
		return nil, err
	}
	if !strings.Contains(rels, `Target="`+stampPart+`"`) && !strings.Contains(rels, `Target="/`+stampPart+`"`) {
		rels = insertBefore(rels, "</Relationships>", `<Relationship Id="rIdBaocaoStamp" Type="`+customRel+`" Target="`+stampPart+`"/>`)
		p.SetPart("_rels/.rels", rels)
	}
	custom, _ := p.ReadPart(stampPart) // "" when the template has no custom properties
	// The hash takes the stamp part without its value, so it is computed
	// while the other parts are compressed, and the stamp written after them.
	// Setting the part first makes it one of the package's.
	unsealed := withStamp(custom, "")
	p.SetPart(stampPart, unsealed)
	var (
		sum     string
		hashErr error
		hashing sync.WaitGroup
	)
	hashing.Go(func() {
		h := newContentHasher(withSeal)
		if hashErr = p.Digests(h.addDigest); hashErr == nil {
			h.addSeal([]byte(unsealed))
		}
		sum = h.sum()
	})
	var buf bytes.Buffer
	err = p.WriteSealed(&buf, stampPart, func() (string, error) {
		hashing.Wait()
		return withStamp(custom, sum), hashErr
	})
	hashing.Wait() // Digests reads the package until it is done
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func insertBefore(xml, end, add string) string {
	if i := strings.LastIndex(xml, end); i >= 0 {
		return xml[:i] + add + xml[i:]
	}
	return xml
}

var (
	ourProperty = regexp.MustCompile(`<property\b[^>]*\bname="` + stampProperty + `"[^>]*>.*?</property>`)
	propertyID  = regexp.MustCompile(`\bpid="(\d+)"`)
	stampValue  = regexp.MustCompile(`<property\b[^>]*\bname="` + stampProperty + `"[^>]*>\s*<(?:\w+:)?lpwstr\b[^>]*>((?:` + perPartPrefix + `|` + withSealPrefix + `)?[0-9a-f]{64})<`)
)

// withStamp returns the custom properties part with our property set to sum,
// keeping the template's own properties.
func withStamp(custom, sum string) string {
	custom = ourProperty.ReplaceAllString(custom, "")
	pid := 2 // Word numbers custom properties from 2
	for _, m := range propertyID.FindAllStringSubmatch(custom, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= pid {
			pid = n + 1
		}
	}
	prop := fmt.Sprintf(`<property fmtid="%s" pid="%d" name="%s"><vt:lpwstr xmlns:vt="%s">%s</vt:lpwstr></property>`, propertyFmtID, pid, stampProperty, vtNS, sum)
	if !strings.Contains(custom, "</Properties>") {
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Properties xmlns="` + customNS + `" xmlns:vt="` + vtNS + `">` + prop + `</Properties>`
	}
	return insertBefore(custom, "</Properties>", prop)
}

// The forms of a stamp, each recognised by its prefix. Before December 2026
// a stamp hashed each part's name, size and content; "v2:" each part's name,
// size and SHA-256, so that a part compressed as it was rendered
// (docxpkg.Deflated) brings its share without being read again; "v3:", the
// form written now, also the custom properties part that holds the stamp,
// with the stamp's own value left out: properties a user adds in Word
// (File > Info > Properties) are edits too, never to be lost.
type stampForm int

const (
	wholeParts stampForm = iota
	perPart
	withSeal
)

const (
	perPartPrefix  = "v2:"
	withSealPrefix = "v3:"
)

func formOf(stamped string) stampForm {
	switch {
	case strings.HasPrefix(stamped, withSealPrefix):
		return withSeal
	case strings.HasPrefix(stamped, perPartPrefix):
		return perPart
	}
	return wholeParts
}

func (f stampForm) prefix() string {
	return [...]string{wholeParts: "", perPart: perPartPrefix, withSeal: withSealPrefix}[f]
}

// contentHash hashes every part but the stamp, by name and decompressed
// content, in archive order, then (withSeal) the stamp's part without its
// value, in a form of a stamp's value.
func contentHash(docx []byte, form stampForm) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return "", err
	}
	return hashParts(zr, form)
}

// hashParts is contentHash of an archive opened already.
func hashParts(zr *zip.Reader, form stampForm) (string, error) {
	h := newContentHasher(form)
	var seal []byte
	for _, f := range zr.File {
		if f.Name == stampPart {
			if form == withSeal {
				var err error
				if seal, err = readSeal(f); err != nil {
					return "", err
				}
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return "", err
		}
		err = h.add(f.Name, f.UncompressedSize64, rc)
		rc.Close()
		if err != nil {
			return "", err
		}
	}
	if form == withSeal {
		if seal == nil {
			return "", errStampedContent
		}
		if m := stampValue.FindSubmatchIndex(seal); m != nil {
			seal = slices.Concat(seal[:m[2]], seal[m[3]:])
		}
		h.addSeal(seal)
	}
	return h.sum(), nil
}

// readSeal reads the custom properties part, which is small.
func readSeal(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxSeal {
		return nil, errStampedContent
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, maxSeal))
}

// maxSeal bounds the custom properties part read: Word writes a few kilobytes.
const maxSeal = 1 << 20

// contentHasher computes the stamp's hash in a form, part by part: the name,
// the declared size and the content, or from perPart on the content's
// SHA-256, of every part but the stamp (see addSeal). Past
// maxStampedContent in all, it refuses.
type contentHasher struct {
	h, part hash.Hash // part: of one part's content, for add from perPart on
	form    stampForm
	total   int64
	buf     []byte // for add, every part: io.Copy would take a new one for each
}

func newContentHasher(form stampForm) *contentHasher {
	return &contentHasher{h: sha256.New(), form: form}
}

// addSeal adds, last, the stamp's part as it is without the stamp's value.
func (c *contentHasher) addSeal(content []byte) {
	c.digest(stampPart, uint64(len(content)), sha256.Sum256(content))
}

var errStampedContent = errors.New("nội dung quá lớn hoặc bị hỏng")

// add adds a part read from content.
func (c *contentHasher) add(name string, size uint64, content io.Reader) error {
	if name == stampPart {
		return nil
	}
	if c.buf == nil {
		c.buf = make([]byte, 32<<10)
	}
	to := c.h
	if c.form >= perPart {
		if c.part == nil {
			c.part = sha256.New()
		}
		c.part.Reset()
		to = c.part
	} else {
		c.head(name, size)
	}
	read, err := io.CopyBuffer(to, io.LimitReader(content, maxStampedContent-c.total+1), c.buf)
	if c.total += read; err != nil || c.total > maxStampedContent {
		return errStampedContent
	}
	if c.form >= perPart {
		var sum [32]byte
		c.digest(name, size, [32]byte(c.part.Sum(sum[:0])))
	}
	return nil
}

// addDigest adds a part by its content's SHA-256 (from perPart on), its size counted
// as add counts what it reads: a report stamped past the limit could never
// be recognised again.
func (c *contentHasher) addDigest(name string, size uint64, sum [32]byte) error {
	if name == stampPart {
		return nil
	}
	if size > maxStampedContent || c.total+int64(size) > maxStampedContent {
		return errStampedContent
	}
	c.total += int64(size)
	c.digest(name, size, sum)
	return nil
}

func (c *contentHasher) digest(name string, size uint64, sum [32]byte) {
	c.head(name, size)
	c.h.Write(sum[:])
}

func (c *contentHasher) head(name string, size uint64) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], size)
	io.WriteString(c.h, name)
	c.h.Write(n[:])
}

func (c *contentHasher) sum() string {
	return c.form.prefix() + hex.EncodeToString(c.h.Sum(nil))
}

// Provenance is what generate knows of a file already at the target.
type Provenance int

const (
	Unchanged Provenance = iota // written by baocao and not changed since
	Edited                      // written by baocao, changed since (or saved again by Word)
	Foreign                     // not written by baocao
)

// provenance tells whether docx is a report baocao wrote and nobody changed.
func provenance(docx []byte) Provenance {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return Foreign
	}
	var custom *zip.File
	for _, f := range zr.File {
		if f.Name == stampPart {
			custom = f
		}
	}
	if custom == nil {
		return Foreign
	}
	b, err := readSeal(custom)
	m := stampValue.FindSubmatch(b)
	if err != nil || m == nil {
		return Foreign
	}
	stamped := string(m[1])
	if sum, err := hashParts(zr, formOf(stamped)); err == nil && sum == stamped {
		return Unchanged
	}
	return Edited
}
