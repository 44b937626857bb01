//! Markdown to Yew nodes, from pulldown-cmark's events: headings,
//! paragraphs, lists, emphasis, links, inline code and code blocks. Raw HTML
//! in the source is shown as text, never injected; links keep only safe
//! targets (relative, `#…`, `http(s)://`).

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};
use yew::prelude::*;

/// An element being built: its tag and the children so far.
struct Frame {
    tag: Option<Tag<'static>>,
    children: Vec<Html>,
}

/// Renders `source` as Yew nodes.
pub fn render(source: &str) -> Html {
    let mut stack = vec![Frame {
        tag: None,
        children: Vec::new(),
    }];
    for event in Parser::new_ext(
        source,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(tag) => stack.push(Frame {
                tag: Some(tag.into_static()),
                children: Vec::new(),
            }),
            Event::End(_end) => {
                let frame = stack.pop().expect("balanced events");
                let node = element(frame);
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(node);
                }
            }
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push(&mut stack, html! { {text.to_string()} })
            }
            Event::Code(code) => push(&mut stack, html! { <code>{ code.to_string() }</code> }),
            Event::SoftBreak => push(&mut stack, html! { {" "} }),
            Event::HardBreak => push(&mut stack, html! { <br /> }),
            Event::Rule => push(&mut stack, html! { <hr /> }),
            _ => {}
        }
    }
    // Unbalanced input cannot happen with pulldown-cmark, but never lose text.
    while stack.len() > 1 {
        let frame = stack.pop().expect("len > 1");
        let node = element(frame);
        push(&mut stack, node);
    }
    let root = stack.pop().expect("root frame");
    html! { <>{ for root.children }</> }
}

fn push(stack: &mut [Frame], node: Html) {
    if let Some(frame) = stack.last_mut() {
        frame.children.push(node);
    }
}

/// Only relative links, fragments and web links are followed.
fn safe_href(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let has_scheme = lower
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|first| first.contains(':'));
    (!has_scheme || lower.starts_with("http://") || lower.starts_with("https://"))
        .then(|| url.to_string())
}

fn element(frame: Frame) -> Html {
    let children = frame.children;
    let Some(tag) = frame.tag else {
        return html! { <>{ for children }</> };
    };
    match tag {
        Tag::Paragraph => html! { <p>{ for children }</p> },
        Tag::Heading { level, .. } => {
            let name = match level {
                HeadingLevel::H1 => "h1",
                HeadingLevel::H2 => "h2",
                HeadingLevel::H3 => "h3",
                HeadingLevel::H4 => "h4",
                HeadingLevel::H5 => "h5",
                HeadingLevel::H6 => "h6",
            };
            html! { <@{name}>{ for children }</@> }
        }
        Tag::BlockQuote(_) => html! { <blockquote>{ for children }</blockquote> },
        Tag::CodeBlock(kind) => {
            let class = match kind {
                CodeBlockKind::Fenced(info) => {
                    let lang = info
                        .split(|c: char| c == ',' || c.is_whitespace())
                        .next()
                        .unwrap_or("");
                    (!lang.is_empty()).then(|| format!("language-{lang}"))
                }
                CodeBlockKind::Indented => None,
            };
            html! { <pre><code class={class}>{ for children }</code></pre> }
        }
        Tag::List(Some(start)) => html! { <ol start={start.to_string()}>{ for children }</ol> },
        Tag::List(None) => html! { <ul>{ for children }</ul> },
        Tag::Item => html! { <li>{ for children }</li> },
        Tag::Emphasis => html! { <em>{ for children }</em> },
        Tag::Strong => html! { <strong>{ for children }</strong> },
        Tag::Strikethrough => html! { <del>{ for children }</del> },
        Tag::Link { dest_url, .. } => match safe_href(&dest_url) {
            Some(href) => html! { <a href={href}>{ for children }</a> },
            None => html! { <>{ for children }</> },
        },
        Tag::Table(_) => html! { <table>{ for children }</table> },
        Tag::TableHead => html! { <thead><tr>{ for children }</tr></thead> },
        Tag::TableRow => html! { <tr>{ for children }</tr> },
        Tag::TableCell => html! { <td>{ for children }</td> },
        // Images, footnotes and the rest: keep their text.
        _ => html! { <>{ for children }</> },
    }
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn only_safe_links_are_kept() {
        assert_eq!(
            safe_href("#/rules/DL3006").as_deref(),
            Some("#/rules/DL3006")
        );
        assert_eq!(
            safe_href("https://docs.docker.com").as_deref(),
            Some("https://docs.docker.com")
        );
        assert_eq!(safe_href("lesson/intro").as_deref(), Some("lesson/intro"));
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href(" JavaScript:alert(1)"), None);
        assert_eq!(safe_href("data:text/html,x"), None);
    }
}
