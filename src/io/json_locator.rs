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
