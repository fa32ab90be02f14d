package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/baocao/baocao/report/input"

	"github.com/baocao/baocao/report/generate"
	"github.com/baocao/baocao/report/pdf"
	"github.com/spf13/cobra"
)

func newGenerateCmd() *cobra.Command {
	var template, output, appendixOut string
	var strict bool
	var pdfOpt generate.PDFOptions
	cmd := &cobra.Command{
		Use:   "generate NĂM",
		Short: "Lập báo cáo năm thành tệp .docx",
		Long: `Đọc danh mục chỉ tiêu và số liệu của năm báo cáo (và năm trước, nếu có, để so sánh),
kiểm tra, tính tỷ lệ tăng, giảm và tỷ lệ đạt kế hoạch, rồi điền vào mẫu báo cáo.
Khi số liệu hoặc mẫu có lỗi, chương trình liệt kê mọi lỗi kèm vị trí và không ghi tệp nào.
Câu nói về một chỉ tiêu chưa có số liệu (trong mẫu đặt trong {{ if co_so_lieu "MÃ" }}) được bỏ
khỏi báo cáo, kèm cảnh báo «omitted» chỉ ô cần điền; với --strict, đó là lỗi.

Bản PDF (-o tên.pdf, --pdf hoặc --chi-pdf) do LibreOffice chuyển từ tệp .docx; tệp .docx vẫn
được ghi cùng tên bên cạnh, trừ khi dùng --chi-pdf.`,
		Example: `  baocao generate 2021
  baocao generate 2021 --data ./data --template ./mau-bao-cao.docx -o out/bao-cao-2021.docx
  baocao generate 2021 -o bao-cao-2021.pdf
  baocao generate 2021 --phu-luc bao-cao-2021-phu-luc.xlsx`,
		Args: exactArgs(1, "đúng một năm báo cáo, ví dụ: baocao generate 2021"),
		RunE: func(cmd *cobra.Command, args []string) error {
			year, err := input.ParseYearArg(args[0])
			if err != nil {
				return err
			}
			ws, err := openWorkspace(cmd)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			pdfOpt.Context, pdfOpt.Office = ctx, office
			res, err := generate.Run(generate.Options{Workspace: ws, Year: year, Template: template, Output: output, Strict: strict, PDFOptions: pdfOpt, Appendix: appendixOut})
			var problems *generate.ProblemsError
			if errors.As(err, &problems) {
				return problemsError{fmt.Errorf("%s\nChưa lập báo cáo: có %d lỗi cần sửa.", problems.Error(), problems.Count())}
			}
			if err != nil {
				return err
			}
			for _, w := range res.Warnings {
				fmt.Fprintln(cmd.ErrOrStderr(), w.String())
			}
			for _, path := range []string{res.Path, res.PDF, res.Appendix} {
				if path != "" {
					fmt.Fprintln(cmd.OutOrStdout(), path)
				}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "Đã lập báo cáo năm %d theo mẫu %s: %d chỉ tiêu, %d cảnh báo.\n",
				year, res.Template, len(res.Report.Figures), len(res.Warnings))
			return nil
		},
	}
	cmd.Flags().StringVar(&template, "template", "", "tệp mẫu .docx (mặc định: mau-bao-cao.docx trong thư mục số liệu, hoặc mẫu có sẵn)")
	cmd.Flags().BoolVar(&strict, "strict", false, "coi việc bỏ câu vì chỉ tiêu chưa có số liệu là lỗi (không lập báo cáo)")
	cmd.Flags().StringVarP(&output, "output", "o", "", "tệp báo cáo cần ghi, .docx hoặc .pdf (mặc định: Bao-cao-NĂM.docx)")
	cmd.Flags().BoolVar(&pdfOpt.PDF, "pdf", false, "ghi thêm bản PDF cùng tên bên cạnh tệp .docx (cần LibreOffice)")
	cmd.Flags().BoolVar(&pdfOpt.PDFOnly, "chi-pdf", false, "chỉ ghi bản PDF, không giữ tệp .docx (cần LibreOffice)")
	cmd.Flags().StringVar(&appendixOut, "phu-luc", "", "ghi thêm bảng số liệu phụ lục thành bảng tính .xlsx, ví dụ bao-cao-2021-phu-luc.xlsx")
	return cmd
}

// office converts to PDF; nil finds LibreOffice where it is installed. Tests
// set it to hide LibreOffice.
var office *pdf.Converter
