//go:build excelize

package main

// Built with -tags excelize, the floor also links excelize, as baocao must:
// the start-up of that library and of the packages it brings (its tables
// and regular expressions, net/http, text encodings) is paid by every
// process that links it, whether or not it opens a workbook.
import _ "github.com/xuri/excelize/v2"
