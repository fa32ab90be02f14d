package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao/report/input"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0"

// newRootCmd builds the command tree writing to s; the outputs are set first
// because cobra's completion command keeps the output it sees when made.
func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "baocao",
		Short: "Lập báo cáo kết quả công tác năm từ số liệu chỉ tiêu",
		Long: `baocao lập báo cáo "Kết quả công tác năm N và nhiệm vụ trọng tâm năm N+1" của Sở Thông tin
và Truyền thông từ số liệu các chỉ tiêu: tính tỷ lệ tăng, giảm so với cùng kỳ và tỷ lệ đạt
kế hoạch một cách chính xác, điền vào mẫu văn bản .docx trình bày theo Nghị định 30/2020/NĐ-CP.

Số liệu đặt trong thư mục data/ (danh mục chi-tieu.yaml và mỗi năm một tệp 2021.yaml hoặc
2021.xlsx). Khi không có thư mục data/, chương trình dùng bộ số liệu mẫu có sẵn.`,
		Example: `  baocao generate 2021
  baocao generate 2021 --data ./data --template ./mau-bao-cao.docx -o out/bao-cao-2021.docx
  baocao words 23000000 --unit đồng`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SetVersionTemplate("baocao phiên bản {{.Version}}\n")
	// Only the commands that read figures take --data (openWorkspace reads it).
	reading := []*cobra.Command{newGenerateCmd(s), newValidateCmd(s), newDiffCmd(s)}
	for _, c := range reading {
		c.Flags().String("data", "", "thư mục số liệu (mặc định: data/ ở thư mục hiện tại hoặc thư mục cha gần nhất; không có thì dùng bộ mẫu có sẵn)")
	}
	root.AddCommand(reading...)
	root.AddCommand(newInitCmd(s), newWordsCmd(s), newTemplateCmd(s))
	localise(root)
	return root
}

// openWorkspace opens the --data folder, or the data folder found from the
// current folder upwards, saying on stderr where the figures come from when it
// is not ./data: a folder above, or the embedded sample, so that nobody
// mistakes the sample for their own figures.
func openWorkspace(s *streams, dir string) (*input.Workspace, error) {
	ws, err := input.Open(dir)
	if err != nil {
		return nil, err
	}
	switch {
	case ws.Embedded:
		fmt.Fprintln(s.err, "Không tìm thấy thư mục data/ ở thư mục hiện tại hay các thư mục cha: dùng bộ số liệu mẫu có sẵn trong chương trình, không phải số liệu của đơn vị.")
	case ws.Above && ws.Dir == ".":
		// "Dùng thư mục số liệu .." would read as the folder above.
		fmt.Fprintf(s.err, "Dùng thư mục số liệu là thư mục hiện tại (%s).\n", filepath.Join(ws.Root, input.DataFolder))
	case ws.Above:
		fmt.Fprintf(s.err, "Dùng %s.\n", input.DataFolderName(ws.Dir)) // "../data", never ".."
	}
	return ws, nil
}

// localise puts cobra's own help, usage and errors into Vietnamese.
func localise(root *cobra.Command) {
	cobra.AddTemplateFunc("flagUsages", flagUsages)
	root.SetUsageTemplate(usageTemplate)
	root.SetHelpTemplate(`{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return fmt.Errorf("%v\nXem «%s --help».", translateFlagError(err), cmd.CommandPath())
	})
	root.InitDefaultHelpFlag()
	root.Flags().Lookup("help").Usage = "xem hướng dẫn"
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = "xem phiên bản"
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "Tạo tệp tự hoàn thành lệnh cho shell (bash, zsh, fish, powershell)"
			c.Long = c.Short + ".\nVí dụ với bash: source <(baocao completion bash)"
			// Runnable, so that an unknown shell is refused instead of showing the help.
			c.Args = subcommandArgs
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
			for _, sh := range c.Commands() {
				sh.Args = noArgs
				sh.Short = "Tạo tệp tự hoàn thành lệnh cho " + sh.Name()
				sh.Long = sh.Short + "."
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = "không kèm lời mô tả các lệnh"
				}
			}
		}
	}
	defer localiseTree(root)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [lệnh]",
		Short: "Xem hướng dẫn về một lệnh",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return unknownCommand(target, rest[0])
			}
			return target.Help()
		},
	})
}

// localiseTree words every command's help flag and usage line in Vietnamese
// and lets unknownCommand suggest close names.
func localiseTree(c *cobra.Command) {
	c.SuggestionsMinimumDistance = 2 // cobra's own default, which SuggestionsFor does not apply
	c.InitDefaultHelpFlag()
	if f := c.Flags().Lookup("help"); f != nil {
		f.Usage = "xem hướng dẫn"
	}
	if !c.DisableFlagsInUseLine && c.HasAvailableFlags() {
		c.DisableFlagsInUseLine = true
		c.Use += " [tùy chọn]"
	}
	for _, sub := range c.Commands() {
		localiseTree(sub)
	}
}

// usageTemplate shows the usage line only of commands that do something
// themselves: completion runs only to refuse an unknown shell.
var usageTemplate = `Cách dùng:{{if and .Runnable (not .HasAvailableSubCommands)}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [lệnh]{{end}}{{if gt (len .Aliases) 0}}

Tên khác:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Ví dụ:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Các lệnh:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Tùy chọn:
{{flagUsages .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

Tùy chọn chung:
{{flagUsages .InheritedFlags}}{{end}}{{if .HasAvailableSubCommands}}

Dùng «{{.CommandPath}} [lệnh] --help» để xem hướng dẫn về từng lệnh.{{end}}
`

// translateFlagError words pflag's errors in Vietnamese.
func translateFlagError(err error) string {
	var notExist *pflag.NotExistError
	var needsValue *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &notExist):
		name, group := notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()
		if group == "" {
			return fmt.Sprintf("không có tùy chọn --%s", name)
		}
		return fmt.Sprintf("không có tùy chọn viết tắt -%c%s", []rune(name)[0], within(group))
	case errors.As(err, &needsValue):
		name, group := needsValue.GetSpecifiedName(), needsValue.GetSpecifiedShortnames()
		if group == "" {
			return fmt.Sprintf("tùy chọn --%s cần một giá trị", name)
		}
		return fmt.Sprintf("tùy chọn -%c%s cần một giá trị", []rune(name)[0], within(group))
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		msg := fmt.Sprintf("giá trị «%s» không hợp lệ cho tùy chọn --%s", invalid.GetValue(), f.Name)
		if f.Value.Type() == "bool" {
			msg += ": cần true hoặc false"
		}
		return msg
	case errors.As(err, &syntax):
		return fmt.Sprintf("tùy chọn «%s» viết sai: tùy chọn viết dạng --tên hoặc -t", syntax.GetSpecifiedFlag())
	}
	return err.Error()
}

// within names the group of shorthands a flag was found in, when it is not the flag alone.
func within(group string) string {
	if utf8.RuneCountInString(group) < 2 {
		return ""
	}
	return fmt.Sprintf(" (trong -%s)", group)
}

// subcommandArgs refuses an argument of a command that only groups others.
func subcommandArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return unknownCommand(cmd, args[0])
	}
	return nil
}

// noArgs refuses any argument.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("lệnh %s không nhận đối số «%s»; xem «%s --help»", cmd.CommandPath(), args[0], cmd.CommandPath())
	}
	return nil
}

// unknownCommand says that parent has no subcommand name, suggesting a close one.
func unknownCommand(parent *cobra.Command, name string) error {
	msg := fmt.Sprintf("không có lệnh «%s %s»", parent.CommandPath(), name)
	if s := parent.SuggestionsFor(name); len(s) > 0 {
		msg += fmt.Sprintf("; có phải ý là «%s %s»?", parent.CommandPath(), s[0])
	} else {
		var names []string
		for _, c := range parent.Commands() {
			if c.IsAvailableCommand() {
				names = append(names, c.Name())
			}
		}
		if len(names) > 0 {
			msg += "; các lệnh: " + strings.Join(names, ", ")
		}
	}
	return fmt.Errorf("%s\nXem «%s --help».", msg, parent.CommandPath())
}

// exactArgs is cobra.ExactArgs with a Vietnamese message.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return fmt.Errorf("lệnh %s cần %s; xem «%s --help»", cmd.Name(), what, cmd.CommandPath())
		}
		return nil
	}
}

// flagValueNames are the placeholders shown after each flag in help, instead of
// pflag's type names ("string").
var flagValueNames = map[string]string{
	"data": "THƯ_MỤC", "output": "TỆP", "template": "TỆP", "format": "KIỂU", "group": "MÃ_NHÓM",
	"threshold": "PHẦN_TRĂM", "nam": "NĂM", "unit": "ĐƠN_VỊ", "phu-luc": "TỆP",
}

// flagUsages lists flags as pflag does, with Vietnamese value placeholders,
// aligned by display width.
func flagUsages(fs *pflag.FlagSet) string {
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if f.Value.Type() != "bool" {
			name := flagValueNames[f.Name]
			if name == "" {
				name = "GIÁ_TRỊ"
			}
			left += " " + name
		}
		width = max(width, utf8.RuneCountInString(left))
		lines = append(lines, line{left, f.Usage})
	})
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.left + strings.Repeat(" ", width-utf8.RuneCountInString(l.left)+3) + l.usage)
	}
	return b.String()
}
