package templates
import ("os";"testing")
func TestZZDump(t *testing.T){
  for _, d := range All() {
    b, err := d.Docx(); if err != nil { t.Fatal(err) }
    os.WriteFile("/tmp/chk/"+d.Name, b, 0o644)
  }
}
func BenchmarkZZPassages(b *testing.B) {
	doc, _ := parts.ReadFile("bao-cao-nam/word/document.xml")
	for range b.N { withPassages(doc) }
}
