// Package docxpkg reads and writes the package of a .docx file: the zip
// archive and the XML parts that hold text (the main document, headers and
// footers).
//
// The main document is opened and held with github.com/nguyenthenguyen/docx.
// That library neither checks errors on header and footer parts nor keeps
// the other parts intact on writing (it recompresses everything and ignores
// read errors), so this package reads headers and footers itself and writes
// the archive itself: parts replaced with SetPart are compressed anew, all
// others are copied with their original compressed bytes.
//
// Open guards against damaged or hostile archives: at most MaxEntries
// entries, each decompressing to at most MaxPartSize bytes (archive/zip
// refuses to inflate a part beyond its declared size, so checking the
// declared sizes is enough).
//
// The package also has a small XML tokenizer working with string indices
// (Tokenizer). Templates rewrite parts in place and must keep every byte
// they do not change, which a round trip through encoding/xml would not
// (it rewrites namespace prefixes).
package docxpkg
