package vnformat

import (
	"fmt"
	"time"
)

// Date writes t per Decree 30/2020/NĐ-CP: days below 10 and months 1 and 2 take a
// leading zero, other months do not. Date(2022-01-05) = "ngày 05 tháng 01 năm 2022";
// Date(2022-03-05) = "ngày 05 tháng 3 năm 2022".
func Date(t time.Time) string {
	return fmt.Sprintf("%s năm %d", DayMonth(t), t.Year())
}

// handBlank is the room a draft leaves for the signer to write a day or a
// month in by hand on issue.
const handBlank = "     "

// UndatedDate is the date line of a draft not dated yet: the day and month
// left blank for the signer, the year known, as Decree 30 drafts read
// ("ngày      tháng      năm 2025").
func UndatedDate(year int) string {
	return fmt.Sprintf("ngày %s tháng %s năm %d", handBlank, handBlank, year)
}

// DayMonth is Date without the year: DayMonth(2022-06-29) = "ngày 29 tháng 6".
func DayMonth(t time.Time) string {
	return fmt.Sprintf("ngày %02d tháng %s", t.Day(), month(t))
}

// NumericDate writes t in figures with the same leading zeros as Date:
// "05/01/2022", "14/6/2022".
func NumericDate(t time.Time) string {
	return fmt.Sprintf("%02d/%s/%d", t.Day(), month(t), t.Year())
}

// month keeps the zero of months 1 and 2 so that "tháng 1" cannot be misread, or
// altered, into "tháng 10"–"tháng 12" (Decree 30, Appendix I).
func month(t time.Time) string {
	if t.Month() <= time.February {
		return fmt.Sprintf("%02d", int(t.Month()))
	}
	return fmt.Sprint(int(t.Month()))
}
