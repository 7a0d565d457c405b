//! Dates as sources state them: a year, a month or a day, never more precise than what was said.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to year, month or day precision (`1950`, `2024-06`, `2024-06-19`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: {reason} (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    pub text: String,
    pub reason: &'static str,
}

impl PartialDate {
    pub const fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// The first day this date could mean, as (year, month, day).
    pub fn earliest(self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 1970-01-01 for a date given to the day; None for a month or a year.
    pub fn day_number(self) -> Option<i64> {
        let (month, day) = (i64::from(self.month?), i64::from(self.day?));
        // Howard Hinnant's days_from_civil: March-based years put the leap day last.
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Some(era * 146_097 + day_of_era - 719_468)
    }

    /// The last day this date could mean: `2024-06` ends on the 30th.
    pub fn latest(self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = |reason| DateError {
            text: text.to_owned(),
            reason,
        };
        let mut parts = text.split('-');
        let year_part = parts.next().unwrap_or_default();
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(fail("the year must have four digits"));
        }
        let year: i32 = year_part.parse().map_err(|_| fail("the year is not a number"))?;
        let mut two_digits = |what: &'static str| -> Result<Option<u8>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| fail(what))
                }
                Some(_) => Err(fail(what)),
            }
        };
        let month = two_digits("the month must have two digits")?;
        let day = two_digits("the day must have two digits")?;
        if parts.next().is_some() {
            return Err(fail("there is text after the day"));
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(fail("the month must be 01 to 12"));
        }
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > days_in_month(year, m))
        {
            return Err(fail("that month has no such day"));
        }
        Ok(Self { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// The date in words, as precise as it is known: "1950", "June 2024", "19 June 2024".
    pub fn describe(self) -> String {
        let month = self.month.and_then(|m| MONTH_NAMES.get(usize::from(m).wrapping_sub(1)));
        match (month, self.day) {
            (Some(month), Some(day)) => format!("{day} {month} {}", self.year),
            (Some(month), None) => format!("{month} {}", self.year),
            _ => self.year.to_string(),
        }
    }
}

/// When something held: either end may be unknown or open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
}

impl Period {
    /// The period in plain words: "1950–1953", "since June 2024", "until 1991", "undated".
    pub fn describe(&self) -> String {
        match (self.start, self.end) {
            (Some(start), Some(end)) if start == end => start.describe(),
            (Some(start), Some(end)) => format!("{}–{}", start.describe(), end.describe()),
            (Some(start), None) => format!("since {}", start.describe()),
            (None, Some(end)) => format!("until {}", end.describe()),
            (None, None) => "undated".to_owned(),
        }
    }

    /// True when the end certainly comes before the start, whatever the precision:
    /// `2024` to `2024-03` is fine, `2024-06` to `2023` is not.
    pub fn ends_before_it_starts(&self) -> bool {
        match (self.start, self.end) {
            (Some(start), Some(end)) => end.latest().cmp(&start.earliest()) == Ordering::Less,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn day_numbers_count_days_across_months_leap_years_and_the_epoch() {
        assert_eq!(date("1970-01-01").day_number(), Some(0));
        assert_eq!(date("1969-12-31").day_number(), Some(-1));
        assert_eq!(
            date("2000-03-01")
                .day_number()
                .zip(date("2000-02-28").day_number())
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(
            date("1990-05-22")
                .day_number()
                .zip(date("1990-05-21").day_number())
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(date("2024-12-04").day_number(), Some(20_061));
        assert_eq!(date("2024-12").day_number(), None, "a month is not a day");
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["1950", "2024-06", "2024-06-19", "0999"] {
            assert_eq!(date(text).to_string(), text);
        }
        assert_eq!(date("2024-06").month, Some(6));
        assert_eq!(date("2024-06").day, None);
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for text in [
            "",
            "50",
            "1950-6",
            "1950-13",
            "2023-02-29",
            "2024-04-31",
            "1950/06",
            "1950-06-01-",
            "x950",
        ] {
            assert!(text.parse::<PartialDate>().is_err(), "{text} should be rejected");
        }
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
    }

    #[test]
    fn month_precision_spans_the_whole_month() {
        assert_eq!(date("2024-02").latest(), (2024, 2, 29));
        assert_eq!(date("2023").earliest(), (2023, 1, 1));
    }

    #[test]
    fn periods_read_as_plain_words() {
        let period = |s: Option<&str>, e: Option<&str>| Period {
            start: s.map(date),
            end: e.map(date),
        };
        assert_eq!(period(Some("1950"), Some("1953")).describe(), "1950–1953");
        assert_eq!(period(Some("2024-06"), None).describe(), "since June 2024");
        assert_eq!(period(Some("2024-06-19"), None).describe(), "since 19 June 2024");
        assert_eq!(period(None, Some("1991-12")).describe(), "until December 1991");
        assert_eq!(period(Some("2022"), Some("2022")).describe(), "2022");
        assert_eq!(period(None, None).describe(), "undated");
    }

    #[test]
    fn period_order_respects_precision() {
        let period = |s: &str, e: &str| Period {
            start: Some(date(s)),
            end: Some(date(e)),
        };
        assert!(!period("2024", "2024-03").ends_before_it_starts());
        assert!(!period("2024-06", "2024").ends_before_it_starts());
        assert!(period("2024-06", "2023").ends_before_it_starts());
        assert!(period("1953", "1950").ends_before_it_starts());
        assert!(
            !Period {
                start: Some(date("2024")),
                end: None
            }
            .ends_before_it_starts()
        );
    }
}
