// Package docxpkg reads and writes the package of a .docx file: the zip
// archive and the XML parts that hold text (the main document, headers and
// footers, footnotes and endnotes).
//
// The main document is opened and held with github.com/nguyenthenguyen/docx.
// That library neither checks errors on header and footer parts nor keeps
// the other parts intact on writing (it recompresses everything and ignores
// read errors), so this package reads headers and footers itself and writes
// the archive itself: parts replaced with SetPart are compressed anew, all
// others are copied with their original compressed bytes.
//
// Open guards against damaged or hostile archives: at most MaxEntries
// entries, each decompressing to at most MaxPartSize bytes and all together
// to at most MaxTotalSize (archive/zip refuses to inflate a part beyond its
// declared size, so checking the declared sizes is enough). It refuses an
// entry whose name could be written outside the package ("../x", "/x",
// "C:/x", "a\\b", empty or "." elements) and two entries of one name (part
// names are case-insensitive), since untouched entries are copied into the
// report; and any XML part whose prolog has a document type declaration,
// whose entities can expand to gigabytes or read other files.
//
// The package also has a small XML tokenizer working with string indices
// (Tokenizer). Templates rewrite parts in place and must keep every byte
// they do not change, which a round trip through encoding/xml would not
// (it rewrites namespace prefixes).
package docxpkg
