package compute

import (
	"fmt"
	"math/big"
	"strings"
	"unicode"
)

// Formula is a parsed expression over indicator codes: numbers, codes, + - * /
// and parentheses, e.g. "DVC_34 / TTHC_TONG * 100".
type Formula struct {
	Source string
	root   node
	Inputs []string // the codes it reads, in order of first use
}

type node interface {
	eval(values func(code string) (*big.Rat, error)) (*big.Rat, error)
}

type (
	numNode  struct{ v *big.Rat }
	codeNode struct{ code string }
	opNode   struct {
		op          byte
		left, right node
	}
	negNode struct{ x node }
)

// ErrDivByZero is returned when a formula divides by zero.
type ErrDivByZero struct{ Divisor string }

func (e ErrDivByZero) Error() string {
	return fmt.Sprintf("phép chia cho «%s» bằng 0", e.Divisor)
}

func (n numNode) eval(func(string) (*big.Rat, error)) (*big.Rat, error) { return n.v, nil }
func (n codeNode) eval(values func(string) (*big.Rat, error)) (*big.Rat, error) {
	return values(n.code)
}
func (n negNode) eval(values func(string) (*big.Rat, error)) (*big.Rat, error) {
	x, err := n.x.eval(values)
	if err != nil {
		return nil, err
	}
	return new(big.Rat).Neg(x), nil
}
func (n opNode) eval(values func(string) (*big.Rat, error)) (*big.Rat, error) {
	l, err := n.left.eval(values)
	if err != nil {
		return nil, err
	}
	r, err := n.right.eval(values)
	if err != nil {
		return nil, err
	}
	var v *big.Rat
	switch n.op {
	case '+':
		v = new(big.Rat).Add(l, r)
	case '-':
		v = new(big.Rat).Sub(l, r)
	case '*':
		v = new(big.Rat).Mul(l, r)
	default:
		if r.Sign() == 0 {
			return nil, ErrDivByZero{Divisor: describe(n.right)}
		}
		v = new(big.Rat).Quo(l, r)
	}
	if TooLarge(v) {
		return nil, ErrTooLarge{}
	}
	return v, nil
}

func describe(n node) string {
	if c, ok := n.(codeNode); ok {
		return c.code
	}
	return "biểu thức"
}

// ErrTooLarge is returned when a formula's result, or a step of it, has more
// than MaxDigits digits.
type ErrTooLarge struct{ Formula string }

func (e ErrTooLarge) Error() string {
	return fmt.Sprintf("công thức «%s» cho kết quả vượt quá %d chữ số (tính cả tử số và mẫu số của giá trị chính xác), giới hạn của phép tính", e.Formula, MaxDigits)
}

// Eval computes the formula; values supplies each code's value or an error.
// A result beyond MaxDigits is refused (ErrTooLarge) at the step that makes
// it, so that a chain of formulas squaring their input ends at once.
func (f *Formula) Eval(values func(code string) (*big.Rat, error)) (*big.Rat, error) {
	v, err := f.root.eval(values)
	if err == nil && TooLarge(v) {
		err = ErrTooLarge{}
	}
	if _, ok := err.(ErrTooLarge); ok {
		return nil, ErrTooLarge{Formula: f.Source}
	}
	return v, err
}

// maxFormulaLen bounds the work a hostile catalogue can ask for.
const maxFormulaLen = 500

// ParseFormula reads a formula. Codes are letters, digits and "_", starting with a letter.
func ParseFormula(src string) (*Formula, error) {
	if len(src) > maxFormulaLen {
		return nil, fmt.Errorf("công thức dài quá %d ký tự", maxFormulaLen)
	}
	p := &parser{src: src}
	p.next()
	root, err := p.expr(0)
	if err != nil {
		return nil, fmt.Errorf("công thức «%s»: %w", src, err)
	}
	if p.tok != tokEOF {
		return nil, fmt.Errorf("công thức «%s»: thừa «%s» ở vị trí %d", src, p.text, p.start+1)
	}
	f := &Formula{Source: src, root: root}
	seen := map[string]bool{}
	var walk func(node)
	walk = func(n node) {
		switch n := n.(type) {
		case codeNode:
			if !seen[n.code] {
				seen[n.code] = true
				f.Inputs = append(f.Inputs, n.code)
			}
		case opNode:
			walk(n.left)
			walk(n.right)
		case negNode:
			walk(n.x)
		}
	}
	walk(root)
	return f, nil
}

type token int

const (
	tokEOF token = iota
	tokNum
	tokCode
	tokOp
	tokLParen
	tokRParen
	tokBad
)

type parser struct {
	src        string
	pos, start int
	tok        token
	text       string
	depth      int
}

func (p *parser) next() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
	p.start = p.pos
	if p.pos >= len(p.src) {
		p.tok, p.text = tokEOF, ""
		return
	}
	c := p.src[p.pos]
	switch {
	case c >= '0' && c <= '9':
		for p.pos < len(p.src) && (isDigit(p.src[p.pos]) || p.src[p.pos] == '.' || p.src[p.pos] == ',') {
			p.pos++
		}
		p.tok = tokNum
	case c < utf8Self && (unicode.IsLetter(rune(c)) || c == '_'):
		for p.pos < len(p.src) && p.src[p.pos] < utf8Self && (unicode.IsLetter(rune(p.src[p.pos])) || isDigit(p.src[p.pos]) || p.src[p.pos] == '_') {
			p.pos++
		}
		p.tok = tokCode
	case strings.IndexByte("+-*/", c) >= 0:
		p.pos++
		p.tok = tokOp
	case c == '(':
		p.pos++
		p.tok = tokLParen
	case c == ')':
		p.pos++
		p.tok = tokRParen
	default:
		p.pos++
		for p.pos < len(p.src) && p.src[p.pos] >= utf8Self && p.src[p.pos] < 0xC0 { // finish a multi-byte rune
			p.pos++
		}
		p.tok = tokBad
	}
	p.text = p.src[p.start:p.pos]
}

const utf8Self = 0x80

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func precedence(op string) int {
	if op == "*" || op == "/" {
		return 2
	}
	return 1
}

// MaxFormulaChain is how many formulas an indicator's value may be computed
// through, each reading an indicator computed by the next; the catalogue
// refuses longer chains. Real catalogues need a few.
const MaxFormulaChain = 100

// maxDepth bounds nesting so that a crafted formula cannot exhaust the stack.
const maxDepth = 50

// expr parses binary operators by precedence climbing.
func (p *parser) expr(minPrec int) (node, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.tok == tokOp && precedence(p.text) > minPrec {
		op := p.text
		p.next()
		right, err := p.expr(precedence(op))
		if err != nil {
			return nil, err
		}
		left = opNode{op: op[0], left: left, right: right}
	}
	return left, nil
}

func (p *parser) unary() (node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return nil, fmt.Errorf("lồng ngoặc quá sâu")
	}
	switch p.tok {
	case tokNum:
		r, ok := new(big.Rat).SetString(strings.Replace(p.text, ",", ".", 1))
		if !ok || strings.Count(p.text, ".")+strings.Count(p.text, ",") > 1 {
			return nil, fmt.Errorf("«%s» không phải là số", p.text)
		}
		p.next()
		return numNode{v: r}, nil
	case tokCode:
		code := p.text
		p.next()
		return codeNode{code: code}, nil
	case tokOp:
		if p.text == "-" {
			p.next()
			x, err := p.unary()
			if err != nil {
				return nil, err
			}
			return negNode{x: x}, nil
		}
	case tokLParen:
		p.next()
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if p.tok != tokRParen {
			return nil, fmt.Errorf("thiếu dấu «)»")
		}
		p.next()
		return x, nil
	case tokEOF:
		return nil, fmt.Errorf("công thức bị cụt")
	}
	return nil, fmt.Errorf("không hiểu «%s» ở vị trí %d", p.text, p.start+1)
}
