package fileerr

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestDescribe(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "không-có.yaml"))
	if got := Describe(err).Error(); got != "không có tệp hoặc thư mục này" {
		t.Errorf("not exist: %q", got)
	}
	other := errors.New("khác")
	if Describe(other) != other {
		t.Error("other errors must pass through")
	}
}
