package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/diff"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/spf13/cobra"
)

// diffFormats are the output formats of diff, by name and by file extension.
var (
	diffFormats    = []string{"text", "csv", "json", "md", "xlsx"}
	diffExtensions = map[string]string{".txt": "text", ".csv": "csv", ".json": "json", ".md": "md", ".markdown": "md", ".xlsx": "xlsx"}
)

type diffFlags struct {
	format, output, threshold, group string
	onlyChanged, exitCode            bool
}

func newDiffCmd() *cobra.Command {
	var fl diffFlags
	cmd := &cobra.Command{
		Use:   "diff NĂM|TỆP NĂM|TỆP [NĂM|TỆP…]",
		Short: "So sánh số liệu các năm: chênh lệch, tăng, giảm và biến động cần xem lại",
		Long: `So sánh số liệu hai năm (hoặc nhiều năm) theo từng chỉ tiêu, nhóm và xếp theo danh mục: giá trị
mỗi năm, chênh lệch, tỷ lệ tăng, giảm viết như trong báo cáo ("tăng 8,3%", "giảm 28%", "tương đương";
điểm phần trăm với chỉ tiêu tỷ lệ, bậc với thứ hạng), kế hoạch và tỷ lệ đạt kế hoạch của năm sau cùng.
Chỉ tiêu chỉ có ở một năm được ghi là mới hoặc bỏ; năm trước bằng 0 được ghi rõ, không tính tỷ lệ.
Dấu "!" đánh dấu biến động từ ngưỡng trở lên (mặc định: nguong_bien_dong của chỉ tiêu trong danh mục,
hoặc 50%), nên kiểm tra lại trước khi ký báo cáo.

Mỗi đối số là một năm trong thư mục số liệu (2021) hoặc đường dẫn một tệp số liệu (.yaml, .xlsx);
các cột luôn xếp theo năm, dù đối số ghi theo thứ tự nào. Tệp nằm cạnh một danh mục chi-tieu.yaml
riêng được đọc theo danh mục đó: tên hoặc đơn vị chỉ tiêu thay đổi giữa các năm được ghi rõ.

Định dạng (--format, hoặc theo đuôi tệp -o): text (bảng, mặc định), csv (UTF-8 có BOM, mở được
bằng Excel), json (cấu trúc cố định "baocao-diff/1"), md (Markdown), xlsx (bảng tính có định dạng số,
tô màu tăng, giảm và biểu đồ cột so sánh các chỉ tiêu chính; cần -o).

Mã thoát: 0 so sánh xong; 1 số liệu có lỗi cần sửa, hoặc có khác biệt khi dùng --exit-code
(như git diff --exit-code); 2 không chạy được lệnh.`,
		Example: `  baocao diff 2020 2021
  baocao diff data/2020.yaml data/2021.xlsx
  baocao diff 2020 2021 --only-changed --threshold 10
  baocao diff 2020 2021 --format json
  baocao diff 2020 2021 -o so-sanh-2020-2021.xlsx
  baocao diff 2019 2020 2021`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return fmt.Errorf("lệnh diff cần ít nhất hai năm hoặc hai tệp số liệu, ví dụ: baocao diff 2020 2021; xem «%s --help»", cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runDiff(cmd, args, fl) },
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "", "cách trình bày: text, csv, json, md hoặc xlsx (mặc định: theo đuôi tệp -o, hoặc text)")
	f.StringVarP(&fl.output, "output", "o", "", "ghi kết quả vào tệp (.txt, .csv, .json, .md, .xlsx) thay vì in ra màn hình")
	f.BoolVar(&fl.onlyChanged, "only-changed", false, "chỉ liệt kê chỉ tiêu có thay đổi; cùng --threshold: chỉ các biến động từ ngưỡng trở lên")
	f.StringVar(&fl.threshold, "threshold", "", "ngưỡng biến động cần xem lại, tính bằng % so với năm trước, ví dụ 10 hoặc 12,5 (mặc định: theo danh mục, hoặc 50)")
	f.StringVar(&fl.group, "group", "", "chỉ so sánh một nhóm chỉ tiêu, theo mã nhóm trong danh mục (ví dụ BCVT)")
	f.BoolVar(&fl.exitCode, "exit-code", false, "trả mã thoát 1 khi có khác biệt")
	return cmd
}

func runDiff(cmd *cobra.Command, args []string, fl diffFlags) error {
	format, err := diffFormat(fl.format, fl.output)
	if err != nil {
		return err
	}
	opt := diff.Options{Group: fl.group, OnlyChanged: fl.onlyChanged}
	if fl.threshold != "" {
		v, _, err := vnformat.ParseNumber(fl.threshold)
		if err != nil || v.Sign() <= 0 {
			return fmt.Errorf("--threshold «%s» phải là một số phần trăm lớn hơn 0, ví dụ 10 hoặc 12,5", fl.threshold)
		}
		opt.Threshold = compute.Rat(v)
		opt.OnlyFlagged = fl.onlyChanged
	}
	l := &diff.Loader{OpenWorkspace: func() (*input.Workspace, error) { return openWorkspace(cmd) }}
	years, cats, err := l.Load(args)
	if err != nil {
		return err
	}
	if n := l.Findings.Errors(); n > 0 {
		return problemsError{fmt.Errorf("%s\nChưa so sánh được: có %d lỗi cần sửa.", l.Findings, n)}
	}
	for _, f := range l.Findings {
		fmt.Fprintln(cmd.ErrOrStderr(), f.String())
	}
	if err := diff.CheckGroup(fl.group, cats); err != nil {
		return err
	}
	opt.Catalogues = cats
	newest := years[0]
	for _, y := range years[1:] {
		if y.Year >= newest.Year {
			newest = y
		}
	}
	t := diff.Compare(cats[newest], years, opt)

	if fl.output != "" {
		for _, in := range l.Inputs {
			if atomicfile.SameFile(fl.output, in) {
				return fmt.Errorf("tệp kết quả %s trùng với tệp số liệu %s; hãy chọn tên khác", fl.output, filepath.ToSlash(in))
			}
		}
	}
	var buf bytes.Buffer
	out := cmd.OutOrStdout()
	if fl.output == "" && format == "text" {
		err = diff.WriteText(out, t, colourful(out))
	} else {
		err = writeDiff(&buf, t, format)
	}
	if err != nil {
		return err
	}
	if fl.output != "" {
		if err := atomicfile.Write(fl.output, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(out, fl.output)
	} else if _, err := out.Write(buf.Bytes()); err != nil {
		return err
	}
	if fl.output != "" || format != "text" {
		fmt.Fprintln(cmd.ErrOrStderr(), t.Summary.String())
	}
	if fl.exitCode && t.Differs() {
		return silentExit(exitProblems)
	}
	return nil
}

// diffFormat chooses the output format from --format and the extension of -o.
func diffFormat(format, output string) (string, error) {
	if format != "" && !slices.Contains(diffFormats, format) {
		return "", fmt.Errorf("định dạng «%s» không hợp lệ; dùng --format %s", format, strings.Join(diffFormats, ", "))
	}
	if output == "" {
		if format == "xlsx" {
			return "", fmt.Errorf("định dạng xlsx cần tệp kết quả: dùng -o TỆP.xlsx")
		}
		if format == "" {
			format = "text"
		}
		return format, nil
	}
	ext := strings.ToLower(filepath.Ext(output))
	byExt, ok := diffExtensions[ext]
	switch {
	case format == "" && !ok:
		return "", fmt.Errorf("không biết ghi tệp %s theo định dạng nào: dùng đuôi .txt, .csv, .json, .md hoặc .xlsx, hoặc chọn --format", output)
	case format == "":
		return byExt, nil
	case ok && byExt != format:
		return "", fmt.Errorf("đuôi tệp %s không khớp với --format %s", output, format)
	case format == "xlsx" && ext != ".xlsx":
		return "", fmt.Errorf("tệp bảng tính %s phải có đuôi .xlsx", output)
	}
	return format, nil
}

func writeDiff(buf *bytes.Buffer, t *diff.Table, format string) error {
	switch format {
	case "csv":
		return diff.WriteCSV(buf, t)
	case "json":
		return diff.WriteJSON(buf, t)
	case "md":
		return diff.WriteMarkdown(buf, t)
	case "xlsx":
		return diff.WriteXLSX(buf, t)
	}
	return diff.WriteText(buf, t, false)
}
