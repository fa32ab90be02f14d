// Package vnformat writes figures the way a Vietnamese official report does and reads
// figures typed by hand the same way.
//
// Conventions (Luật Kế toán 2015 art. 11, CLDR "vi", Decree 30/2020/NĐ-CP):
//   - "." groups thousands and "," is the decimal sign: 1.600.000; 8,3%.
//   - Rounding is half-up (away from zero on .5) at the precision shown, on exact decimals.
//   - Falls are "giảm 28%", never "tăng -28%"; a change that rounds to zero is "tương đương".
//   - Numbers in words follow the northern official style (mốt, lăm, tư, linh, "không trăm").
//   - Dates take a leading zero for days below 10 and for months 1 and 2 only.
//
// Every function is pure: no I/O, no global state, safe for concurrent use.
package vnformat
