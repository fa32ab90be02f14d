// Package docxtpl fills .docx templates written in Word. The tags have the
// meaning of Go's text/template: fields ({{.DonVi}}), pipelines and
// functions ({{.TangTruong | phan_tram}}), variables ({{$x := .Nam}}),
// {{if}}/{{else if}}/{{else}}, {{range}}, {{with}}, {{break}}, {{continue}}
// and comments ({{/* … */}}). {{define}}, {{template}} and {{block}} are
// not available.
//
// Of text/template's predefined functions, and, or, not, len, index, slice
// and the comparisons eq, ne, lt, le, gt and ge are available; printf,
// print, println, html, js, urlquery and call are refused at Parse (they
// print Go's notation, "%!s(MISSING)", into a report, and have no use in
// one), unless Options.Funcs defines a function of that name. The
// comparisons are the engine's: numbers compare by value whatever their Go
// type (integers, floats, and values with a Rat method such as
// decimal.Decimal), so "gt .X 2000" works whether .X is 2530 or 2530.5;
// text compares with text; text against a number is an error, at Parse
// when the types are known, at Execute otherwise, never a comparison of
// characters ("2.530" < "2000").
//
// # Rules for template authors
//
// Where a tag may be. Tags are typed in the text of the body, of headers
// and footers, and of footnotes and endnotes, including tables and text
// boxes. A tag must begin and end in one paragraph. A tag anywhere else
// (a comment, the document's properties, a building block) is not filled in
// and is an error, located in its part, rather than left in the report as
// typed. Word often splits what was typed into several runs (after
// a correction, a spelling mark, a change of formatting inside the tag); this
// does not matter: the tag is read as typed, and the value printed takes the
// formatting of the run where the tag begins ("{{" in bold prints in bold).
//
// Tracked changes. A tag corrected with Word's Track Changes on is read as
// it stands after the changes: text deleted inside a tag (w:del, w:moveFrom)
// is not part of it and is dropped from the output, text inserted (w:ins,
// w:moveTo) is. A deletion holding a tag ("{{") is dropped wherever it is:
// it would show as a struck-out tag. Other tracked changes outside tags are
// kept in the report as they are, for its reader to accept. The tags of one structure inside a
// paragraph must not be one inside an insertion and another outside it
// (see below); the message then says to accept the changes.
//
// What Word's typing does to tags. Curly quotes (“ ” „ ″ and ‘ ’) inside a
// tag count as straight ones, so autocorrect does no harm; non-breaking
// spaces count as spaces; a keyword that autocorrect capitalised at the
// start of a tag ({{If …}}, {{Else}}, {{Else If …}}, {{End}}, {{With …}},
// {{Range …}}, {{Break}}, {{Continue}}) works as if typed in lower case.
//
// Printed values. Every value is printed as text: "&", "<", quotes and the
// like appear as they are, and cannot break the document. A line break in a
// value becomes a line break in Word, a tab a tab. A value that does not
// exist (a missing entry, an empty pointer) is an error, never an empty
// string or "<no value>". Only strings, numbers, true/false and values that
// format themselves (fmt.Stringer) are printed: a tag whose value is a
// whole object (a struct, a pointer to one) or a list (a slice, an array, a
// map) is an error, which names a field to print or says to use {{range}}.
//
// Tags alone in a paragraph. A paragraph whose text is nothing but control
// tags ({{if}}, {{else}}, {{end}}, {{range}}, {{with}}, {{break}},
// {{continue}}, declarations such as {{$x := …}}, comments), apart from
// spaces, is removed from the output and replaced by its tags. So
//
//	{{range .ChiTieu}}
//	- {{.Ten}}: {{.GiaTri}}
//	{{end}}
//
// as three paragraphs gives one paragraph per item and no empty paragraph
// around them, and the paragraphs between {{if …}} and {{end}} vanish when
// the condition is false. Anything else in such a paragraph (an image, its
// paragraph formatting) goes with it. A paragraph that ends a section (holds
// a section break) is never removed.
//
// Table rows. A table row whose cells hold nothing but control tags (any
// other paragraph of the row being empty) is removed the same way and
// replaced by its tags, so rows can be repeated or left out:
//
//	| {{range .ChiTieu}} |               |
//	| {{.Ten}}           | {{.GiaTri}}   |
//	| {{end}}            |               |
//
// gives one row per item. A table left with no row at all is removed.
//
// Tags inside a paragraph. Control tags may also open and close within one
// paragraph's text: "tăng {{if .Tang}}cao hơn{{else}}thấp hơn{{end}} năm
// trước". The tags of such a structure must then all be in that paragraph,
// at the same level of its runs (not one inside a hyperlink or field and
// another outside).
//
// Structures across paragraphs. A structure whose tags stand alone in their
// paragraphs may span any number of paragraphs and tables, provided its
// tags are in one container: all in the body, or all in one table cell, or
// all in rows of their own of one table, or all in one text box. Removing
// paragraphs never leaves a table cell, text box, header or footer without
// a paragraph (Word requires one): an empty one is kept.
//
// Errors. Parse reports every mistake at once, each with the part (body,
// header1.xml, …), the paragraph number (paragraphs counted from the start
// of the part, tables included) and the paragraph's text: syntax errors,
// unclosed or stray {{if}}/{{range}}/{{with}}/{{end}}/{{else}}, unknown
// functions, unknown fields of the data (when Options.Root is set), unknown
// variables, arguments of functions and methods wrong in number or in type
// (a literal of the wrong kind, a value of a known wrong type), objects
// and lists printed (when their type is known from Options.Root or a
// function's result), and failures of Options.ArgChecks. A {{with}} or
// {{range}} left without {{end}} is one error: the tags after it are
// checked with dot as inside it or as outside, whichever knows the field.
// A field that dot lacks but that is found elsewhere gets a hint: a field
// of the root inside {{with}} or {{range}} ("hãy viết «$.Nam»"), a field of
// a function's result at the top ("{{ with chi_tieu "MÃ" }}…"), a field of
// the elements of a list of the root ("{{ range .ChiTieu }}…"). Tags in
// parts that are not rendered are errors too. Execute reports, located the
// same way, the problems that domain functions record with Problems.Add and
// any error of execution, in Vietnamese.
//
// Errors are values: an ErrorList of *Error, each with its part, paragraph
// and shortened text; what a message quotes is shortened to 80 characters.
// ErrorList.Error writes at most MaxSameKind errors of one kind (the same
// message but for the names and numbers it quotes) and then one line "… và
// 9.980 lỗi cùng loại"; callers that print the errors one by one should cap
// them likewise.
//
// # Limits
//
// A template cannot make the engine hang or fill the memory. Parse refuses
// a template with more than MaxTags tags (20 000) or with {{if}}, {{range}}
// and {{with}} nested more than MaxNesting deep (100), reading each
// paragraph's tags in time linear in its length. Execute stops, with an
// error at the paragraph being filled, after MaxWork steps of all loops
// together (3 000 000: a pass of a loop's body counts one and one more for
// each command in it) or MaxOutputSize bytes of output (192 MiB, a
// yearly report is under 1 MiB, 100 000 indicators about 100 MB). The package itself (see docxpkg) is
// refused when its zip entries have unsafe or duplicate names, are too
// large, or when any XML part declares a DOCTYPE.
//
// # How it works
//
// Each template part is scanned with string indices (no encoding/xml round
// trip, which would rewrite namespace prefixes). Per paragraph, the texts
// of its w:t elements are joined, tags are found in the joined text, and
// each tag's text is moved into the w:t where it begins. Every tag is parsed
// on its own (text/template/parse) so that all syntax errors are found;
// then one pass over the tags of the part checks the structure and the
// names, following the type of dot through with and range. The part is
// then turned into text/template source: the XML with standalone
// paragraphs replaced by their tags and a location marker
// ({{__baocao_loc PART PARA}}) before each paragraph with tags. After
// parsing, an escaping command is appended to every printing action of the
// parse tree, as html/template does. A {{range}} over a list whose body is
// made of text, fields, variables, {{if}}/{{with}} on them and such loops
// runs natively (see native.go): its names are resolved once for the types
// met instead of by reflection at every iteration, with the same output and
// the same errors; any other loop is text/template's.
package docxtpl
