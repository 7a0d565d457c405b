//! Turns JSON pointers back into line and column. Only used when a file has problems,
//! so opening a good file parses it once.

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use super::text_position::line_column;

pub struct JsonLocator<'a> {
    text: &'a str,
    root: Option<Value<'a>>,
}

impl<'a> JsonLocator<'a> {
    pub fn new(text: &'a str) -> Self {
        let strict = ParseOptions {
            allow_comments: false,
            allow_loose_object_property_names: false,
            allow_trailing_commas: false,
            allow_missing_commas: false,
            allow_single_quoted_strings: false,
            allow_hexadecimal_numbers: false,
            allow_unary_plus_numbers: false,
            allow_bare_decimal_point_numbers: false,
            allow_non_finite_numbers: false,
            allow_extended_string_escapes: false,
        };
        let root = parse_to_ast(text, &CollectOptions::default(), &strict)
            .ok()
            .and_then(|r| r.value);
        Self { text, root }
    }

    /// Keys written twice in one object, as (pointer of the object, key, byte offset of the
    /// second). JSON parsers keep the last value silently; a person editing by hand meant one.
    pub fn duplicate_keys(&self) -> Vec<(String, String, usize)> {
        let mut found = Vec::new();
        let mut stack: Vec<(String, &Value<'a>)> = self.root.iter().map(|root| (String::new(), root)).collect();
        while let Some((pointer, node)) = stack.pop() {
            match node {
                Value::Object(object) => {
                    let mut seen = std::collections::HashSet::new();
                    for property in &object.properties {
                        let name = property.name.as_str();
                        if !seen.insert(name) {
                            found.push((pointer.clone(), name.to_owned(), property.range.start));
                        }
                        stack.push((
                            format!("{pointer}/{}", crate::model::pointer_segment(name)),
                            &property.value,
                        ));
                    }
                }
                Value::Array(array) => {
                    stack.extend(
                        array
                            .elements
                            .iter()
                            .enumerate()
                            .map(|(i, v)| (format!("{pointer}/{i}"), v)),
                    );
                }
                _ => {}
            }
        }
        found
    }

    pub fn line_column_of(&self, offset: usize) -> (usize, usize) {
        line_column(self.text, offset)
    }

    /// Line and column of the value at `pointer`, or of its nearest existing ancestor
    /// (a missing field is reported where its object starts).
    pub fn locate(&self, pointer: &str) -> Option<(usize, usize)> {
        let mut node = self.root.as_ref()?;
        for segment in pointer.split('/').skip(1) {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            let child = match node {
                Value::Object(object) => object
                    .properties
                    .iter()
                    .find(|p| p.name.as_str() == segment)
                    .map(|p| &p.value),
                Value::Array(array) => segment.parse::<usize>().ok().and_then(|i| array.elements.get(i)),
                _ => None,
            };
            match child {
                Some(child) => node = child,
                None => break,
            }
        }
        Some(line_column(self.text, node.range().start))
    }
}

#[cfg(test)]
mod tests {
    use super::JsonLocator;

    #[test]
    fn finds_nested_values_and_falls_back_to_the_parent() {
        let text = "{\n  \"relations\": [\n    {\"id\": \"r1\",\n     \"from\": \"x\"}\n  ]\n}";
        let locator = JsonLocator::new(text);
        assert_eq!(locator.locate("/relations/0/from"), Some((4, 14)));
        assert_eq!(locator.locate("/relations/0/to"), Some((3, 5)));
        assert_eq!(locator.locate(""), Some((1, 1)));
    }
}
