//! Which format a file is in: by its extension, or by its first bytes when that says nothing.

use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Entente,
    GraphMl,
    Gexf,
    Csv,
    Dot,
    Gml,
    Pajek,
    /// A bare list of links, one per line (SNAP, networkx).
    EdgeList,
    /// A spreadsheet workbook: Excel's or OpenDocument's.
    Workbook,
    /// An Apache Parquet table.
    Parquet,
}

impl Format {
    pub const READABLE: [Self; 9] = [
        Self::Entente,
        Self::GraphMl,
        Self::Gexf,
        Self::Gml,
        Self::Pajek,
        Self::Csv,
        Self::Workbook,
        Self::Parquet,
        Self::EdgeList,
    ];
    pub const WRITABLE: [Self; 6] = [
        Self::Entente,
        Self::GraphMl,
        Self::Gexf,
        Self::Gml,
        Self::Pajek,
        Self::Dot,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Entente => "Entente dataset (JSON)",
            Self::GraphMl => "GraphML",
            Self::Gexf => "GEXF (Gephi)",
            Self::Csv => "CSV edge list",
            Self::Dot => "Graphviz DOT",
            Self::Gml => "GML",
            Self::Pajek => "Pajek",
            Self::EdgeList => "Edge list",
            Self::Workbook => "Spreadsheet (Excel, OpenDocument)",
            Self::Parquet => "Parquet",
        }
    }

    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Entente => &["json"],
            Self::GraphMl => &["graphml", "xml"],
            Self::Gexf => &["gexf"],
            Self::Csv => &["csv", "tsv"],
            Self::Dot => &["dot", "gv"],
            Self::Gml => &["gml"],
            Self::Pajek => &["net", "paj"],
            Self::EdgeList => &["edges", "el", "txt", "edgelist"],
            Self::Workbook => &["xlsx", "xlsm", "xls", "ods"],
            Self::Parquet => &["parquet", "pq"],
        }
    }

    pub fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        [
            Self::Entente,
            Self::GraphMl,
            Self::Gexf,
            Self::Csv,
            Self::Dot,
            Self::Gml,
            Self::Pajek,
            Self::EdgeList,
            Self::Workbook,
            Self::Parquet,
        ]
        .into_iter()
        .find(|f| f.extensions().contains(&extension.as_str()))
    }

    /// Is it a table of rows read through a column mapping?
    pub fn is_table(self) -> bool {
        matches!(self, Self::Csv | Self::Workbook | Self::Parquet)
    }

    /// The format of a file to read: its content decides for `.xml` and unknown extensions.
    pub fn detect(path: &Path, text: &str) -> Option<Self> {
        match Self::from_extension(path) {
            Some(format) if format != Self::GraphMl || !text.contains("<gexf") => Some(format),
            _ => Self::sniff(text),
        }
    }

    fn sniff(text: &str) -> Option<Self> {
        let start = text.trim_start();
        let head: String = start.chars().take(4096).collect();
        if start.starts_with('{') {
            Some(Self::Entente)
        } else if head.contains("<graphml") {
            Some(Self::GraphMl)
        } else if head.contains("<gexf") {
            Some(Self::Gexf)
        } else if head
            .lines()
            .any(|l| l.trim_start().starts_with("graph") && l.contains('['))
            || head.contains("\ngraph\n[")
        {
            Some(Self::Gml)
        } else if head.trim_start().to_ascii_lowercase().starts_with("*vertices") {
            Some(Self::Pajek)
        } else if super::edge_list::looks_like_edge_list(&head) {
            Some(Self::EdgeList)
        } else {
            None
        }
    }
}
