// Package workbook writes the Excel input workbook that units fill in and reads
// it back into the year model, exactly as input.ParseYear reads the same figures
// from YAML, with the sheet and cell of every value and of every problem.
//
// Write uses excelize and gives a workbook that is hard to fill wrongly: named
// sheets, styled and frozen header rows with a comment on each title, locked
// codes and names, computed indicators greyed out, data validation on figures
// and drop-downs for the estimate flag and the report part.
//
// Read does not use excelize: its Rows iterator returns only display strings,
// so a number typed as text ("1.15") cannot be told from the number 1.15, nor
// a formula without a calculated value from an empty cell. Read streams each
// sheet's XML itself (a small tokenizer, flat memory for any number of rows),
// knows every cell's type, formula and style, and checks the sizes the zip
// declares before decompressing anything, so that no file, however broken or
// hostile, makes it panic, hang or use unbounded memory.
package workbook
