package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/generate"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/pdf"
	"github.com/baocao/baocao/report/validate"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/spf13/cobra"
)

type generateOptions struct {
	*streams
	ctx                    context.Context
	period                 model.Period
	data, template, output string
	force                  bool
	strict                 bool
	appendix               string
	pdf                    generate.PDFOptions
}

func newGenerateCmd(s *streams) *cobra.Command {
	opts := &generateOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "generate KỲ",
		Short: "Lập báo cáo năm (hoặc 6 tháng, 9 tháng, quý, tháng) thành tệp .docx",
		Long: `Đọc danh mục chỉ tiêu và số liệu của kỳ báo cáo (và cùng kỳ năm trước, nếu có, để so sánh),
kiểm tra, tính tỷ lệ tăng, giảm và tỷ lệ đạt kế hoạch, rồi điền vào mẫu báo cáo của loại kỳ đó.
Kỳ: 2022 (năm), 2022-6T, 2022-9T, 2022-Q1 … 2022-Q4, 2022-T01 … 2022-T12. Kỳ ngắn hơn năm được so với
kế hoạch năm: ke_hoach của tệp kỳ, nếu không có thì của tệp năm (ví dụ 2022.yaml) trong thư mục số liệu.
Khi số liệu hoặc mẫu có lỗi, chương trình liệt kê mọi lỗi kèm vị trí và không ghi tệp nào.
Câu nói về một chỉ tiêu chưa có số liệu (trong mẫu đặt trong {{ if co_so_lieu "MÃ" }}) được bỏ
khỏi báo cáo, kèm cảnh báo «omitted» chỉ ô cần điền; với --strict, đó là lỗi.

Báo cáo đã sửa bằng Word không bao giờ bị ghi đè: chương trình chỉ ghi đè báo cáo do chính
nó lập ra mà chưa ai sửa. Với tệp khác, hãy ghi ra tên khác (-o), hoặc dùng --force: tệp
đang có được giữ lại bên cạnh, tên có thêm ngày giờ (Bao-cao-2021.ban-cu-2026-12-07-083015.docx).

Bản PDF (-o tên.pdf, --pdf hoặc --chi-pdf) do LibreOffice chuyển từ tệp .docx; tệp .docx vẫn
được ghi cùng tên bên cạnh, trừ khi dùng --chi-pdf.`,
		Example: `  baocao generate 2021
  baocao generate 2022-6T
  baocao generate 2021 --data ./data --template ./mau-bao-cao.docx -o out/bao-cao-2021.docx
  baocao generate 2021 --force
  baocao generate 2021 -o bao-cao-2021.pdf
  baocao generate 2021 --phu-luc bao-cao-2021-phu-luc.xlsx`,
		Args: exactArgs(1, "đúng một kỳ báo cáo, ví dụ: baocao generate 2021 hoặc baocao generate 2022-6T"),
		RunE: func(cmd *cobra.Command, args []string) error {
			period, err := model.ParsePeriod(args[0])
			if err != nil {
				return err
			}
			opts.period = period
			opts.data, _ = cmd.Flags().GetString("data")
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			opts.ctx = ctx
			return runGenerate(opts)
		},
	}
	cmd.Flags().StringVar(&opts.template, "template", "", "tệp mẫu .docx (mặc định: mẫu của loại kỳ trong thư mục số liệu, như mau-bao-cao.docx của báo cáo năm, hoặc mẫu có sẵn)")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "tệp báo cáo cần ghi, .docx hoặc .pdf (mặc định: Bao-cao-2021.docx, Bao-cao-6-thang-2022.docx… theo kỳ, cạnh thư mục data)")
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "coi việc bỏ câu vì chỉ tiêu chưa có số liệu là lỗi (không lập báo cáo)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "ghi đè cả báo cáo đã sửa bằng Word hoặc tệp không do baocao lập (tệp cũ được giữ lại, tên có thêm ngày giờ)")
	cmd.Flags().BoolVar(&opts.pdf.PDF, "pdf", false, "ghi thêm bản PDF cùng tên bên cạnh tệp .docx (cần LibreOffice)")
	cmd.Flags().BoolVar(&opts.pdf.PDFOnly, "chi-pdf", false, "chỉ ghi bản PDF, không giữ tệp .docx (cần LibreOffice)")
	cmd.Flags().StringVar(&opts.appendix, "phu-luc", "", "ghi thêm bảng số liệu phụ lục thành bảng tính .xlsx, ví dụ bao-cao-2021-phu-luc.xlsx")
	return cmd
}

// office converts to PDF; nil finds LibreOffice where it is installed. Tests
// set it to hide LibreOffice.
var office *pdf.Converter

func runGenerate(opts *generateOptions) error {
	ws, err := openWorkspace(opts.streams, opts.data)
	if err != nil {
		return err
	}
	pdfOpt := opts.pdf
	pdfOpt.Context, pdfOpt.Office = opts.ctx, office
	res, err := generate.Run(generate.Options{Workspace: ws, Period: opts.period, Template: opts.template, Output: opts.output,
		PDFOptions: pdfOpt, Appendix: opts.appendix, Force: opts.force, Strict: opts.strict, Now: opts.now, Ledger: opts.ledger})
	var problems *generate.ProblemsError
	if errors.As(err, &problems) {
		if err := validate.WriteLines(opts.err, problems.Findings); err != nil {
			return err
		}
		fmt.Fprintf(opts.err, "Chưa lập báo cáo: có %s lỗi cần sửa.\n", vnformat.Count(problems.Findings.Errors()))
		return silentExit(exitProblems)
	}
	if err != nil {
		return err
	}
	if err := validate.WriteLines(opts.err, res.Warnings); err != nil {
		return err
	}
	for _, path := range []string{res.Path, res.PDF, res.Appendix} {
		if path != "" {
			fmt.Fprintln(opts.out, path)
		}
	}
	template := "mẫu " + res.Template
	if res.Template == input.DefaultTemplateName {
		template = "mẫu báo cáo có sẵn trong chương trình"
	}
	figures := ""
	if ws.Embedded {
		figures = " với số liệu mẫu có sẵn (không phải số liệu của đơn vị)"
	}
	fmt.Fprintf(opts.err, "Đã lập báo cáo %s theo %s%s: %s, %s cảnh báo.\n",
		opts.period.Name(), template, figures, withFigures(res.Report), vnformat.Count(res.Warnings.Warnings()))
	for _, kept := range [][2]string{{res.Path, res.Backup}, {res.PDF, res.PDFBackup}, {res.Appendix, res.AppendixBackup}} {
		if kept[1] != "" {
			fmt.Fprintf(opts.err, "Tệp có sẵn ở %s trước đó được giữ lại thành %s.\n", kept[0], kept[1])
		}
	}
	return nil
}

// withFigures counts the indicators the report has a figure of: "46 chỉ
// tiêu" when all have one, else "12 trên 46 chỉ tiêu có số liệu": a report
// of a period without figures names no indicator.
func withFigures(rep *compute.Report) string {
	n := 0
	for _, f := range rep.Figures {
		if f.Value != nil {
			n++
		}
	}
	all := vnformat.Count(len(rep.Figures))
	if n == len(rep.Figures) {
		return all + " chỉ tiêu"
	}
	return vnformat.Count(n) + " trên " + all + " chỉ tiêu có số liệu"
}
