package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func newValidateCmd() *cobra.Command {
	var format string
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate [NĂM|TỆP…]",
		Short: "Kiểm tra số liệu và liệt kê mọi lỗi, cảnh báo",
		Long: `Kiểm tra danh mục chỉ tiêu và số liệu từng năm: giá trị còn thiếu, chữ ở chỗ cần số, mã chỉ tiêu
lạ hoặc trùng, tỷ lệ ngoài khoảng 0–100%, chỉ tiêu thành phần lớn hơn chỉ tiêu tổng, công thức
không tính được, số cùng kỳ khác số liệu năm trước, mức tăng, giảm bất thường so với năm trước.
Mỗi vấn đề có mức (lỗi hoặc cảnh báo), mã cố định, vị trí, nội dung và, khi có, cách sửa.

Không ghi gì: kiểm tra mọi năm trong thư mục số liệu. NĂM: kiểm tra năm đó (so với năm trước,
nếu có). TỆP: kiểm tra tệp đó, so với tệp năm trước cùng thư mục hoặc trong thư mục số liệu.
Lệnh generate chạy đúng các bước kiểm tra này trước khi lập báo cáo.

Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo khi dùng --strict); 2 không chạy được lệnh.`,
		Example: `  baocao validate
  baocao validate 2021
  baocao validate data/2021.xlsx --format json
  baocao validate 2021 --strict`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				format = "text"
			}
			if format != "text" && format != "json" {
				return fmt.Errorf("định dạng «%s» không hợp lệ; dùng --format text hoặc --format json", format)
			}
			ws, err := openWorkspace(cmd)
			if err != nil {
				return err
			}
			v := &validation{ws: ws, years: map[int]*read{}}
			if err := v.run(args); err != nil {
				return err
			}
			findings := validate.Sort(v.findings)
			if len(v.checked) > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "Đã kiểm tra %s.\n", strings.Join(v.checked, ", "))
			}
			out := cmd.OutOrStdout()
			if format == "json" {
				err = validate.WriteJSON(out, findings)
			} else {
				err = validate.WriteText(out, findings, colourful(out))
			}
			if err != nil {
				return err
			}
			if findings.Errors() > 0 || (strict && len(findings) > 0) {
				return silentExit(exitProblems)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "cách trình bày kết quả: text (bảng, mặc định) hoặc json")
	cmd.Flags().BoolVar(&strict, "strict", false, "coi cảnh báo như lỗi (mã thoát 1 khi có cảnh báo)")
	return cmd
}

// colourful reports whether w is a terminal and the user has not asked for
// plain output (https://no-color.org).
func colourful(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && os.Getenv("NO_COLOR") == "" && term.IsTerminal(int(f.Fd()))
}

// read is one year's input as read, with the readers' findings.
type read struct {
	year     *model.Year
	findings model.Findings
}

// validation gathers the findings of one validate command.
type validation struct {
	ws       *input.Workspace
	cat      *model.Catalogue
	years    map[int]*read // the workspace's years, each read once
	findings model.Findings
	checked  []string
}

var yearFileName = regexp.MustCompile(`^(\d{4})\.(?i:ya?ml|xlsx)$`)

var digitsOnly = regexp.MustCompile(`^\d+$`)

func (v *validation) run(args []string) error {
	cat, fs, err := v.ws.Catalogue()
	if err != nil {
		return err
	}
	v.cat = cat
	v.findings = fs
	v.checked = append(v.checked, v.ws.Path(input.CatalogueFile))
	if fs.Errors() > 0 {
		return nil // the years cannot be read against a catalogue with errors
	}
	if len(args) == 0 {
		years, err := v.workspaceYears()
		if err != nil {
			return err
		}
		args = years
	}
	for _, arg := range args {
		if digitsOnly.MatchString(arg) {
			year, err := yearArg(arg)
			if err != nil {
				return err
			}
			if err := v.year(year); err != nil {
				return err
			}
			continue
		}
		if err := v.file(arg); err != nil {
			return err
		}
	}
	return nil
}

// workspaceYears lists the years the workspace has an input for, in order.
func (v *validation) workspaceYears() ([]string, error) {
	entries, err := fs.ReadDir(v.ws.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("không đọc được thư mục số liệu %s: %w", v.ws.Dir, err)
	}
	var years []string
	for _, e := range entries {
		if m := yearFileName.FindStringSubmatch(e.Name()); m != nil && !e.IsDir() && !slices.Contains(years, m[1]) {
			years = append(years, m[1])
		}
	}
	if len(years) == 0 {
		return nil, fmt.Errorf("thư mục số liệu %s không có tệp số liệu năm nào (ví dụ 2021.yaml hoặc 2021.xlsx)", v.ws.Dir)
	}
	slices.Sort(years)
	return years, nil
}

// load reads a year of the workspace once, however many years compare with it.
func (v *validation) load(year int) (*read, error) {
	if r, ok := v.years[year]; ok {
		return r, nil
	}
	y, fs, err := v.ws.Year(year, v.cat)
	if err != nil {
		return nil, err
	}
	r := &read{year: y, findings: fs}
	v.years[year] = r
	return r, nil
}

// previous reads last year from the workspace, or returns nil when it has none.
func (v *validation) previous(year int) (*read, error) {
	if year == 0 || !v.ws.HasYear(year-1) {
		return nil, nil
	}
	return v.load(year - 1)
}

func (v *validation) year(year int) error {
	cur, err := v.load(year)
	if err != nil {
		return err
	}
	prev, err := v.previous(year)
	if err != nil {
		return err
	}
	file, _ := v.ws.YearFile(year)
	v.check(v.ws.Path(file), cur, prev)
	return nil
}

// file checks an input named by path against last year's input: a file named
// for that year beside it, else the workspace's.
func (v *validation) file(path string) error {
	y, fs, err := input.ReadFile(path, v.cat)
	if err != nil {
		return err
	}
	cur := &read{year: y, findings: fs}
	if y != nil && y.Year == 0 {
		cur.findings = append(cur.findings, model.Finding{Severity: model.Error, Code: "missing-value", Pos: model.Pos{File: y.Source},
			Msg: "không rõ số liệu của năm nào", Fix: "đặt tên tệp theo năm (2021.yaml) hoặc ghi nam: 2021 trong tệp"})
	}
	var prev *read
	if y != nil && y.Year != 0 {
		if prev, err = v.sibling(path, y.Year-1); err == nil && prev == nil {
			prev, err = v.previous(y.Year)
		}
		if err != nil {
			return err
		}
	}
	v.check(filepath.ToSlash(path), cur, prev)
	return nil
}

// sibling reads the input of year beside path, or returns nil when there is none.
func (v *validation) sibling(path string, year int) (*read, error) {
	dir, err := input.Open(filepath.Dir(path))
	if err != nil || !dir.HasYear(year) {
		return nil, nil
	}
	y, fs, err := dir.Year(year, v.cat)
	if err != nil {
		return nil, err
	}
	return &read{year: y, findings: fs}, nil
}

// check adds a year's findings: the readers' (last year's too, since they make
// the comparison unreliable, as generate says) and the content checks.
func (v *validation) check(name string, cur, prev *read) {
	v.checked = append(v.checked, name)
	reported := slices.Clone(cur.findings)
	var last *model.Year
	if prev != nil {
		reported = append(reported, prev.findings...)
		last = prev.year
	}
	v.findings = append(v.findings, reported...)
	if cur.year != nil {
		v.findings = append(v.findings, validate.Check(v.cat, cur.year, last, validate.Options{Reported: reported})...)
	}
}
