//! Entente: an alliance graph viewer where every link carries its evidence.

pub mod cli;
pub mod io;
pub mod model;
