//! Deterministic pseudo-randomness without a generator's state: the layout's seeding and the
//! generated test graphs both need the same input to give the same output on every machine.

/// A small, well-mixed hash (SplitMix64) of a seed and a value.
pub fn mix(seed: u64, value: u64) -> u64 {
    let mut z = seed ^ value.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
