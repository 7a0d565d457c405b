/// Fields a file carries that this version of Entente does not know. They are kept and
/// written back on save, so nothing a user or another tool wrote is lost.
pub type ExtraFields = serde_json::Map<String, serde_json::Value>;
