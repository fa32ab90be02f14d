package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/baocao/baocao/report/vnformat"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

type wordsOptions struct {
	*streams
	number, unit string
}

func newWordsCmd(s *streams) *cobra.Command {
	opts := &wordsOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "words SỐ",
		Short: "Đọc một số thành chữ (số tiền bằng chữ)",
		Long: `Đọc một số thành chữ theo cách viết trong văn bản hành chính, viết hoa chữ cái đầu.
Số viết theo kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy thập phân (23.000.000; 8,3).
Khi số viết chưa rõ nghĩa (ví dụ 1,000), cách hiểu được ghi ra màn hình lỗi để xem lại.`,
		Example: `  baocao words 23000000 --unit đồng     # Hai mươi ba triệu đồng
  baocao words 1.005.000                # Một triệu không trăm linh năm nghìn
  baocao words 8,3                      # Tám phẩy ba
  baocao words -5                       # Âm năm`,
		Args: exactArgs(1, "đúng một số, ví dụ: baocao words 23000000 --unit đồng"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.number = args[0]
			return runWords(opts)
		},
	}
	cmd.Flags().StringVar(&opts.unit, "unit", "", "đơn vị viết sau số, ví dụ: đồng")
	return cmd
}

func runWords(opts *wordsOptions) error {
	v, note, err := vnformat.ParseNumber(opts.number)
	if err != nil {
		return err
	}
	if note.Ambiguous { // plain Vietnamese notation needs no comment
		fmt.Fprintf(opts.err, "Lưu ý: %s.\n", note.Message())
	}
	fmt.Fprintln(opts.out, vnformat.MoneyWords(v, strings.TrimSpace(opts.unit)))
	return nil
}

// negativeNumber is an argument that pflag would take for a shorthand flag.
var negativeNumber = regexp.MustCompile(`^-\d`)

// negativeNumberArgs lets "baocao words -5" read -5 as the number: pflag takes
// any argument that starts with "-" for a flag, so the number is moved after
// "--", where everything is an argument. Other command lines are left as they are.
func negativeNumberArgs(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd.Name() != "words" {
		return args
	}
	for i, a := range args {
		if a == "--" {
			break
		}
		if !negativeNumber.MatchString(a) || i > 0 && takesValue(cmd, args[i-1]) {
			continue
		}
		rest := slices.Delete(slices.Clone(args), i, i+1)
		if j := slices.Index(rest, "--"); j >= 0 {
			return slices.Insert(rest, j+1, a)
		}
		return append(rest, "--", a)
	}
	return args
}

// takesValue reports whether arg is a flag of cmd written without its value,
// which is then the next argument ("--unit -5").
func takesValue(cmd *cobra.Command, arg string) bool {
	var f *pflag.Flag
	if name, ok := strings.CutPrefix(arg, "--"); ok {
		f = cmd.Flags().Lookup(name)
	} else if short, ok := strings.CutPrefix(arg, "-"); ok && len(short) == 1 {
		f = cmd.Flags().ShorthandLookup(short)
	}
	return f != nil && f.NoOptDefVal == ""
}
