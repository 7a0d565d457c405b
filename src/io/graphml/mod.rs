//! GraphML (yEd, networkx, igraph, Cytoscape): keys and data become attributes, then the
//! shared import rules make them actors, relations, kinds and evidence.

mod element;
mod walk;
mod write;

use std::borrow::Cow;
use std::sync::{Arc, mpsc};

use rustc_hash::FxHashMap as HashMap;

use super::attribute_values::{Attributes, find_value};
use super::import_builder::{ImportBuilder, exported_evidence};
use super::{ImportMapping, MappingProposal};
use crate::model::{Dataset, Diagnostic, Evidence, LineAppearance};
use element::{Data, Element, Key};
pub use write::{write_graphml, write_graphml_with_geometry};

/// Reads a GraphML file; names and kinds come from the attributes `mapping` gives, or from
/// those Entente proposes, which it returns for the app to confirm with the user.
pub fn read_graphml(
    text: &str,
    title: &str,
    mapping: Option<&ImportMapping>,
) -> Result<(Dataset, Vec<Diagnostic>, MappingProposal), Diagnostic> {
    let mut walked = walk::walk(text)?;
    let read = Read {
        keys: &walked.keys,
        nodes: &walked.nodes,
        edges: &walked.edges,
        graph_data: &walked.graph_data,
        edge_default_directed: walked.edge_default_directed,
    };
    let (dataset, mut diagnostics, proposal) = finish(title, &read, mapping);
    walked.warnings.append(&mut diagnostics);
    Ok((dataset, walked.warnings, proposal))
}

/// Everything a GraphML file held, as read.
struct Read<'r, 'a> {
    keys: &'r HashMap<String, Key>,
    nodes: &'r [Element<'a>],
    edges: &'r [Element<'a>],
    graph_data: &'r Attributes,
    edge_default_directed: bool,
}

/// Proposes how to read the attributes, and builds the dataset with `mapping` or the proposal.
fn finish(
    title: &str,
    read: &Read<'_, '_>,
    mapping: Option<&ImportMapping>,
) -> (Dataset, Vec<Diagnostic>, MappingProposal) {
    let (node_defaults, edge_defaults) = (defaults_for(read.keys, "node"), defaults_for(read.keys, "edge"));
    let node_data: Vec<_> = read
        .nodes
        .iter()
        .map(|n| with_defaults(&n.attributes, &node_defaults))
        .collect();
    let edge_data: Vec<_> = read
        .edges
        .iter()
        .map(|e| with_defaults(&e.attributes, &edge_defaults))
        .collect();
    std::thread::scope(|scope| {
        // Entente's own export holds each relation's evidence as JSON, most of the work of
        // building: it is read on the other core while this one does everything else.
        let (send, evidence) = mpsc::channel();
        let edge_data = &edge_data;
        scope.spawn(move || read_evidence_ahead(edge_data, &send));
        let proposal = MappingProposal::of(
            read.nodes
                .iter()
                .zip(&node_data)
                .map(|(node, data)| (node.id.as_deref().unwrap_or_default(), data.as_slice())),
            edge_data.iter().map(|data| data.as_slice()),
        );
        let mapping = mapping.unwrap_or(&proposal.mapping).clone();
        let mut builder = ImportBuilder::new(title, "GraphML").with_mapping(mapping);
        apply_graph_data(&mut builder, read.graph_data);
        build(
            &mut builder,
            (read.nodes, &node_data),
            (read.edges, edge_data, &mut evidence.into_iter().flatten()),
            read.edge_default_directed,
        );
        let (dataset, diagnostics) = builder.finish();
        (dataset, diagnostics, proposal)
    })
}

/// Each edge's exported evidence, read in order and sent a few thousand edges at a time.
fn read_evidence_ahead(edge_data: &[Cow<'_, Data<'_>>], send: &mpsc::Sender<Vec<Option<Vec<Evidence>>>>) {
    for edges in edge_data.chunks(4096) {
        let items = edges
            .iter()
            .map(|data| find_value(data, &["evidence"]).and_then(exported_evidence))
            .collect();
        if send.send(items).is_err() {
            return;
        }
    }
}

/// The edges, their data with the keys' defaults, and their evidence as read ahead, in order.
type EdgesRead<'r, 'a, 'e> = (
    &'r [Element<'a>],
    &'r [Cow<'r, Data<'a>>],
    &'e mut dyn Iterator<Item = Option<Vec<Evidence>>>,
);

fn build(
    builder: &mut ImportBuilder,
    (nodes, node_data): (&[Element<'_>], &[Cow<'_, Data<'_>>]),
    (edges, edge_data, evidence): EdgesRead<'_, '_, '_>,
    edge_default_directed: bool,
) {
    builder.reserve_relations(edges.len());
    for (node, attributes) in nodes.iter().zip(node_data) {
        if let Some(id) = &node.id
            && !builder.add_actor_drawn(id, attributes, node.look.clone())
        {
            let name = builder.actor_name(id);
            builder.warn(Diagnostic::warning(
                "duplicate-id",
                format!("actor {name} is declared twice in the file; the first is kept"),
            ));
        }
    }
    for (edge, attributes) in edges.iter().zip(edge_data) {
        let evidence = evidence.next().flatten();
        if let Some((source, target)) = &edge.ends {
            builder.add_relation_with_evidence(
                edge.id.as_deref(),
                source,
                target,
                edge.directed.unwrap_or(edge_default_directed),
                attributes,
                evidence,
            );
            if edge.look.colour.is_some() {
                builder.draw_last_relation(LineAppearance {
                    colour: edge.look.colour.clone(),
                    thickness: None,
                });
            }
        }
    }
}

/// Title, description and Entente's own sources and kinds, from graph-level data.
pub fn apply_graph_data(builder: &mut ImportBuilder, data: &Attributes) {
    for (name, value) in data {
        match name.as_str() {
            "title" if !value.trim().is_empty() => builder.dataset_mut().title = value.clone(),
            "description" => builder.dataset_mut().description = Some(value.clone()),
            "sources" => builder.add_sources_json(value),
            "relation_kinds" => builder.add_relation_kinds_json(value),
            "actor_kinds" => builder.add_actor_kinds_json(value),
            _ => {}
        }
    }
}

/// The defaults the keys give an element of `domain` ("node", "edge"): key name and value.
fn defaults_for<'k>(keys: &'k HashMap<String, Key>, domain: &str) -> Vec<(&'k Arc<str>, &'k String)> {
    keys.values()
        .filter(|key| key.domain == domain || key.domain == "all")
        .filter_map(|key| Some((&key.name, key.default.as_ref()?)))
        .collect()
}

/// The element's data with the defaults for what it leaves out; the data itself when it
/// leaves out none of them, as when no key has a default, in most files.
fn with_defaults<'d, 'a>(attributes: &'d Data<'a>, defaults: &[(&Arc<str>, &String)]) -> Cow<'d, Data<'a>> {
    let mut missing = defaults
        .iter()
        .filter(|(name, _)| !attributes.iter().any(|(given, _)| given == *name))
        .peekable();
    if missing.peek().is_none() {
        return Cow::Borrowed(attributes);
    }
    let mut out = attributes.clone();
    out.extend(missing.map(|(name, default)| (Arc::clone(name), Cow::Owned((*default).clone()))));
    Cow::Owned(out)
}
