package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/inconshreveable/mousetrap"
	"github.com/spf13/cobra"
)

func init() {
	cobra.MousetrapHelpText = "" // replaced by explorerHelp, in Vietnamese
}

// explorerHelp is shown when baocao.exe is opened by a double click in
// Windows Explorer, whose window would otherwise close at once.
const explorerHelp = `baocao là chương trình chạy bằng lệnh, không mở bằng cách nhấp đúp.

Cách chạy:
  1. Mở thư mục làm việc (thư mục chứa thư mục data) trong File Explorer.
  2. Nhấp vào thanh địa chỉ ở trên cùng, gõ cmd rồi nhấn Enter: cửa sổ lệnh
     (Command Prompt) mở ra ngay tại thư mục đó.
  3. Gõ lệnh, ví dụ:
       baocao init
       baocao validate 2021
       baocao generate 2021
     (nếu chưa đặt baocao.exe vào PATH, gõ đường dẫn đầy đủ tới baocao.exe,
     xem hướng dẫn trong README).
  Xem mọi lệnh: baocao --help

Nhấn Enter để đóng cửa sổ này.`

// startedByExplorer tells a double click in Explorer (always false outside
// Windows); a variable for the tests.
var startedByExplorer = mousetrap.StartedByExplorer

// explainDoubleClick shows explorerHelp and waits for Enter when baocao was
// opened from Explorer without arguments; it reports whether it did.
func explainDoubleClick(args []string, in io.Reader, out io.Writer) bool {
	if len(args) > 0 || !startedByExplorer() {
		return false
	}
	fmt.Fprintln(out, explorerHelp)
	bufio.NewReader(in).ReadString('\n')
	return true
}
