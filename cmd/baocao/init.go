package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook/scaffold"
	"github.com/baocao/baocao/templates"
	"github.com/spf13/cobra"
)

type initOptions struct {
	*streams
	dir    string
	period model.Period // the zero Period: this year
	force  bool
}

func newInitCmd(s *streams) *cobra.Command {
	opts := &initOptions{streams: s}
	var periodFlag, yearFlag string
	cmd := &cobra.Command{
		Use:   "init [THƯ_MỤC]",
		Short: "Tạo thư mục làm việc: danh mục chỉ tiêu, bảng tính số liệu cần điền, mẫu báo cáo",
		Long: `Tạo thư mục làm việc (mặc định: thư mục hiện tại) với thư mục con data/ gồm:
  chi-tieu.yaml       danh mục chỉ tiêu
  KỲ.xlsx             bảng tính số liệu của kỳ báo cáo cần điền (2022.xlsx, 2022-6T.xlsx,
                      2022-Q3.xlsx, 2022-T05.xlsx), và của cùng kỳ năm trước nếu chưa có
  mau-bao-cao….docx   bản sao mẫu báo cáo của loại kỳ đó để sửa
  LUU-Y.txt           hướng dẫn điền số liệu
Không ghi đè tệp đã có, trừ khi dùng --force. Với --force, bảng tính đã có số liệu, danh mục
và mẫu đã sửa được giữ lại trước khi ghi đè, tên có thêm ngày giờ
(2021.ban-cu-2026-12-07-083015.xlsx). Sau đó chạy các lệnh trong thư mục làm việc.`,
		Example: `  baocao init ./bao-cao-2022
  baocao init --nam 2021
  baocao init --ky 2022-6T
  baocao init . --force`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return fmt.Errorf("lệnh init cần nhiều nhất một thư mục; xem «%s --help»", cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = "."
			if len(args) == 1 {
				opts.dir = args[0]
			}
			if periodFlag != "" && yearFlag != "" {
				return fmt.Errorf("chỉ dùng một trong hai tùy chọn --ky và --nam")
			}
			if flag := periodFlag + yearFlag; flag != "" {
				p, err := model.ParsePeriod(flag)
				if err != nil {
					return err
				}
				opts.period = p
			}
			return runInit(opts)
		},
	}
	cmd.Flags().StringVar(&periodFlag, "ky", "", "kỳ báo cáo: 2022, 2022-6T, 2022-9T, 2022-Q1…Q4, 2022-T01…T12 (mặc định: năm hiện tại)")
	cmd.Flags().StringVar(&yearFlag, "nam", "", "năm báo cáo, như --ky với một năm")
	cmd.Flags().BoolVar(&opts.force, "force", false, "ghi đè các tệp đã có (bảng tính có số liệu, danh mục và mẫu đã sửa được giữ lại trước)")
	return cmd
}

func runInit(opts *initOptions) error {
	period := opts.period
	if period.Kind == 0 {
		period = model.YearPeriod(opts.now().Year())
	}
	if opts.force {
		backups, err := backUpBeforeInit(filepath.Join(opts.dir, input.DataFolder), period, opts)
		for _, b := range backups {
			fmt.Fprintf(opts.err, "Đã giữ lại %s thành %s trước khi ghi đè.\n", b[0], b[1])
		}
		if err != nil {
			return err
		}
	}
	res, err := scaffold.Create(scaffold.Options{Dir: opts.dir, Period: period, Force: opts.force})
	for _, p := range res.Created {
		fmt.Fprintln(opts.out, p)
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(opts.err, "Bỏ qua %s: %s\n", s.Path, s.Reason)
	}
	if err != nil {
		return err
	}
	if len(res.Created) == 0 {
		fmt.Fprintln(opts.err, "Không tạo tệp mới nào: các tệp đều đã có (dùng --force để ghi đè).")
		return nil
	}
	where := ""
	if filepath.Clean(opts.dir) != "." {
		where = " trong thư mục " + shellQuote(opts.dir)
	}
	fmt.Fprintf(opts.err, "Đã tạo %d tệp. Điền số liệu %s vào %s, rồi chạy%s: baocao validate %s và baocao generate %[5]s.\n",
		len(res.Created), period.Name(), periodInput(filepath.Join(opts.dir, input.DataFolder), period), where, period.Code())
	return nil
}

// backUpBeforeInit keeps, before init --force replaces them, the files of the
// data folder that hold the user's work: a workbook with any value entered, a
// catalogue or template that differs from the default. It returns each
// [file, backup] kept.
func backUpBeforeInit(dataDir string, period model.Period, opts *initOptions) ([][2]string, error) {
	var kept [][2]string
	keep := func(path string) error {
		backup := atomicfile.BackupName(path, opts.now())
		if err := atomicfile.Backup(path, backup); err != nil {
			return err
		}
		kept = append(kept, [2]string{path, backup})
		return nil
	}
	template, docx := templates.ForKind(period.Kind)
	defaults := map[string]func() ([]byte, error){
		input.CatalogueFile: func() ([]byte, error) { return fs.ReadFile(data.FS, input.CatalogueFile) },
		template:            docx,
	}
	for _, name := range []string{input.CatalogueFile, template} {
		path := filepath.Join(dataDir, name)
		own, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if def, _ := defaults[name](); err != nil || !bytes.Equal(own, def) {
			if err := keep(path); err != nil {
				return kept, err
			}
		}
	}
	ws, err := input.Open(dataDir)
	if err != nil {
		return kept, nil // no data folder yet: nothing to keep
	}
	cat, catFindings, _ := ws.Catalogue()
	for _, p := range []model.Period{period.SamePeriodLastYear(), period} {
		path := filepath.Join(dataDir, p.Code()+".xlsx")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		if cat == nil || catFindings.Errors() > 0 || hasEntries(path, cat) {
			if err := keep(path); err != nil {
				return kept, err
			}
		}
	}
	return kept, nil
}

// hasEntries tells whether a workbook holds anything a person typed: a
// figure, a ranking, a sentence, the report's number, date or basis (the
// other header facts are carried over from last year by init). A workbook that
// cannot be read counts as holding work.
func hasEntries(path string, cat *model.Catalogue) bool {
	y, findings, err := input.ReadFile(path, cat)
	if err != nil || y == nil || findings.Errors() > 0 && len(y.Entries) == 0 && hasReadError(findings) {
		return true
	}
	for _, e := range y.Entries {
		if e.Actual != nil || e.Plan != nil || e.YearEstimate != nil || e.SamePeriod != nil || e.Note != "" {
			return true
		}
	}
	h := y.Header
	return len(y.Rankings) > 0 || len(y.Narrative) > 0 || h.Number != "" || h.Basis != "" || !h.Date.IsZero()
}

// hasReadError tells findings that the file itself could not be read.
func hasReadError(fs model.Findings) bool {
	for _, f := range fs {
		if f.Severity == model.Error && f.Pos.Sheet == "" && f.Pos.Cell == "" && f.Pos.Line == 0 {
			return true
		}
	}
	return false
}

// shellQuote quotes a folder for a command line when it needs it (a space, a
// quote), in the double quotes that cmd.exe, PowerShell and sh all read.
func shellQuote(s string) string {
	if !strings.ContainsAny(s, " \t'\"&;|<>()$`") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// periodInput names the file that holds the period's figures after init: the
// workbook it wrote, or the file the period already had (2021.yaml).
func periodInput(dataDir string, p model.Period) string {
	if ws, err := input.Open(dataDir); err == nil {
		if name, err := ws.File(p); err == nil {
			return ws.Path(name)
		}
	}
	return filepath.Join(dataDir, p.Code()+".xlsx")
}
