package main

import (
	"fmt"
	"strings"

	"github.com/baocao/baocao/report/vnformat"
	"github.com/spf13/cobra"
)

func newWordsCmd() *cobra.Command {
	var unit string
	cmd := &cobra.Command{
		Use:   "words SỐ",
		Short: "Đọc một số thành chữ (số tiền bằng chữ)",
		Long: `Đọc một số thành chữ theo cách viết trong văn bản hành chính, viết hoa chữ cái đầu.
Số viết theo kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy thập phân (23.000.000; 8,3).`,
		Example: `  baocao words 23000000 --unit đồng     # Hai mươi ba triệu đồng
  baocao words 1.005.000                # Một triệu không trăm linh năm nghìn
  baocao words 8,3                      # Tám phẩy ba`,
		Args: exactArgs(1, "đúng một số, ví dụ: baocao words 23000000 --unit đồng"),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, _, err := vnformat.ParseNumber(args[0])
			if err != nil {
				return problemsError{err}
			}
			fmt.Fprintln(cmd.OutOrStdout(), vnformat.MoneyWords(v, strings.TrimSpace(unit)))
			return nil
		},
	}
	cmd.Flags().StringVar(&unit, "unit", "", "đơn vị viết sau số, ví dụ: đồng")
	return cmd
}
