package docxpkg

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"hash"
	"hash/crc32"
	"io"
)

// Deflated is a part compressed as it was rendered, with what the archive
// and a digest of its XML need: the body of a report of 100 000 indicators
// is about 100 MB of XML and a tenth of that compressed.
type Deflated struct {
	Data   []byte // the raw deflate stream
	CRC32  uint32
	Size   uint64   // of the XML
	SHA256 [32]byte // of the XML
}

// Deflater compresses a part piece by piece into a Deflated, as Write
// would compress it.
type Deflater struct {
	out  bytes.Buffer
	fw   io.WriteCloser
	crc  hash.Hash32
	sum  hash.Hash
	size uint64
}

// NewDeflater returns a Deflater for one part.
func NewDeflater() *Deflater {
	d := &Deflater{crc: crc32.NewIEEE(), sum: sha256.New()}
	d.fw, _ = fastDeflate(&d.out) // never fails: BestSpeed is a valid level
	return d
}

// Write adds the next piece of the XML.
func (d *Deflater) Write(p []byte) (int, error) {
	d.crc.Write(p)
	d.sum.Write(p)
	d.size += uint64(len(p))
	return d.fw.Write(p)
}

// Finish ends the stream.
func (d *Deflater) Finish() (*Deflated, error) {
	if err := d.fw.Close(); err != nil {
		return nil, err
	}
	out := &Deflated{Data: d.out.Bytes(), CRC32: d.crc.Sum32(), Size: d.size}
	d.sum.Sum(out.SHA256[:0])
	return out, nil
}

// Reader reads the XML back, inflating it only when first read: a digest
// of the part needs none of it.
func (d *Deflated) Reader() io.Reader { return &inflater{d: d} }

type inflater struct {
	d *Deflated
	r io.Reader
}

func (i *inflater) Read(p []byte) (int, error) {
	if i.r == nil {
		i.r = flate.NewReader(bytes.NewReader(i.d.Data))
	}
	return i.r.Read(p)
}
