//! The measures of how central an actor is that the user can size or colour actors by, or
//! sort the actor table by. The numbers themselves come from `crate::analysis`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Centrality {
    /// How many actors it has a counted relation with.
    Degree,
    /// How many back it (relations towards it).
    InDegree,
    /// How many it backs (relations from it).
    OutDegree,
    /// How often it lies on the shortest way between two others.
    Betweenness,
    /// How well tied it is to well-tied actors.
    Eigenvector,
    PageRank,
}

impl Centrality {
    pub const ALL: [Self; 6] = [
        Self::Degree,
        Self::InDegree,
        Self::OutDegree,
        Self::Betweenness,
        Self::Eigenvector,
        Self::PageRank,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Degree => "Degree",
            Self::InDegree => "In-degree",
            Self::OutDegree => "Out-degree",
            Self::Betweenness => "Betweenness",
            Self::Eigenvector => "Eigenvector",
            Self::PageRank => "PageRank",
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Self::Degree => {
                "Its ties (relations that pass the filters; several between the same two actors count once). \
                 In a directed graph in-degree plus out-degree, so a mutual tie counts twice, as networkx counts"
            }
            Self::InDegree => "How many actors have a tie towards it (a mutual tie goes both ways)",
            Self::OutDegree => "How many actors it has a tie towards (a mutual tie goes both ways)",
            Self::Betweenness => {
                "How often it lies on the shortest way between two other actors (normalised as networkx does)"
            }
            Self::Eigenvector => "How well tied it is to actors that are themselves well tied",
            Self::PageRank => "Where a walk along relations ends up most often (damping 0.85)",
        }
    }
}

/// What an actor's colour stands for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColourBy {
    /// Its kind (or the file's own colour).
    #[default]
    Kind,
    /// The bloc it falls in.
    Bloc,
    Centrality(Centrality),
}

impl ColourBy {
    pub fn label(self) -> String {
        match self {
            Self::Kind => "Kind".to_owned(),
            Self::Bloc => "Bloc".to_owned(),
            Self::Centrality(c) => c.label().to_owned(),
        }
    }

    /// True when the colours need the metrics.
    pub fn needs_metrics(self) -> bool {
        self != Self::Kind
    }
}
