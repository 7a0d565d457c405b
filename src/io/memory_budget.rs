//! Whether a file will fit in memory once read: a file is refused for what reading it would
//! take beside what the computer has free, not for its size alone.

use super::Format;
use crate::model::Diagnostic;

const GIB: f64 = (1u64 << 30) as f64;

/// The most memory reading a file takes per byte of it, by format, as measured on generated and
/// real files with room to spare (docs/reliability.md has the measurements). Text formats that
/// spell every field out take the least; short lines (edge lists, Pajek) and compressed files
/// (workbooks are zipped XML, Parquet is compressed columns) the most.
pub fn bytes_per_byte(format: Option<Format>) -> u64 {
    match format {
        Some(Format::Entente | Format::GraphMl | Format::Gexf | Format::Dot) | None => 8,
        Some(Format::Gml) => 16,
        Some(Format::Csv) => 32,
        Some(Format::Workbook | Format::Pajek | Format::EdgeList) => 96,
        Some(Format::Parquet) => 256,
    }
}

/// Memory free for a new allocation now, when the system says.
pub fn available_memory() -> Option<u64> {
    let mut system = sysinfo::System::new().ok()?;
    system.refresh_memory();
    let available = system.available_memory();
    (available > 0).then_some(available)
}

/// Refuses a file of `size` bytes in `format` when reading it would take more than `available`
/// memory; with no word from the system, every file is tried.
pub fn check_fits(size: u64, format: Option<Format>, available: Option<u64>) -> Result<(), Diagnostic> {
    let needed = size.saturating_mul(bytes_per_byte(format));
    match available {
        Some(available) if needed > available => Err(Diagnostic::error(
            "too-large",
            format!(
                "the file is {}; reading it would take about {} of memory, and this computer has {} free",
                in_words(size),
                in_words(needed),
                in_words(available)
            ),
        )
        .expected("a file that fits in memory: close other programs, or split the file (by years, or by region)")),
        _ => Ok(()),
    }
}

fn in_words(bytes: u64) -> String {
    let gib = bytes as f64 / GIB;
    if gib >= 1.0 {
        format!("{gib:.1} GiB")
    } else {
        format!("{} MiB", bytes >> 20)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_refused_for_what_it_would_take_beside_what_is_free() {
        let four_gib = 4u64 << 30;
        let two_gb = 2_000_000_000;
        assert!(
            check_fits(two_gb, Some(Format::Entente), Some(20 << 30)).is_ok(),
            "2 GB of JSON on a machine with 20 GiB free"
        );
        let refused = check_fits(two_gb, Some(Format::Entente), Some(four_gib))
            .err()
            .unwrap_or_else(|| panic!("16 GB needed, 4 GiB free"));
        assert_eq!(refused.code, "too-large");
        assert_eq!(
            refused.message,
            "the file is 1.9 GiB; reading it would take about 14.9 GiB of memory, and this computer has 4.0 GiB free"
        );
        assert!(
            check_fits(300 << 20, Some(Format::Csv), Some(four_gib)).err().is_some(),
            "CSV takes more per byte"
        );
        assert!(
            check_fits(u64::MAX, None, None).is_ok(),
            "no word from the system: tried"
        );
    }
}
