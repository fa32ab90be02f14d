package input

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/report/model"
)

// With only a copy of a period's file ("2024-Q3 (2).xlsx", as a browser
// saves a second download), the error for the missing file names the copy.
func TestMissingFileNamesTheCopy(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"2024-Q3 (2).xlsx", "2024-Q3 - Copy.yaml", "2023-Q3 (1).xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ws.File(model.Period{Year: 2024, Kind: model.Quarter, N: 3})
	want := "không có tệp số liệu quý III năm 2024: cần " + ws.Path("2024-Q3.yaml") + " hoặc " + ws.Path("2024-Q3.xlsx") +
		"; thư mục có " + ws.Path("2024-Q3 (2).xlsx") + ", " + ws.Path("2024-Q3 - Copy.yaml") +
		" nhưng tên tệp không đúng tên kỳ nên không được đọc: nếu đó là số liệu quý III năm 2024, đổi tên tệp thành 2024-Q3.xlsx"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
	// Without a copy, the error names the files needed only.
	_, err = ws.File(model.YearPeriod(2024))
	if want := "không có tệp số liệu năm 2024: cần " + ws.Path("2024.yaml") + " hoặc " + ws.Path("2024.xlsx"); err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}
