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

// DayMonth is Date without the year: DayMonth(2022-06-29) = "ngày 29 tháng 6".
func DayMonth(t time.Time) string {
	// Months 1 and 2 keep the zero so that "tháng 1" cannot be misread, or altered,
	// into "tháng 10"–"tháng 12" (Decree 30, Appendix I).
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= time.February {
		month = fmt.Sprintf("%02d", int(t.Month()))
	}
	return fmt.Sprintf("ngày %02d tháng %s", t.Day(), month)
}
