//! The terminal: a prompt, the command history (arrow keys), and each
//! command's output, with the colours the real tools print.

use std::cell::RefCell;
use std::rc::Rc;

use dockyard_sandbox::{common_prefix, Session};
use yew::prelude::*;

/// One command and what it printed.
#[derive(Clone, PartialEq)]
struct Entry {
    prompt: String,
    command: String,
    output: String,
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    /// A colour class: `red`, `green`, `yellow`, `blue`, `magenta`, `cyan`.
    pub color: Option<&'static str>,
}

/// Splits terminal output into styled runs, following the SGR colour codes
/// the tools print (`ESC[1m`, `ESC[91m`, …, `ESC[0m`) and dropping every
/// other escape sequence.
pub fn ansi_spans(text: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let (mut bold, mut color) = (false, None);
    let mut rest = text;
    while !rest.is_empty() {
        let (plain, after) = match rest.find('\x1b') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if !plain.is_empty() {
            match spans.last_mut() {
                Some(last) if last.bold == bold && last.color == color => last.text.push_str(plain),
                _ => spans.push(Span {
                    text: plain.to_string(),
                    bold,
                    color,
                }),
            }
        }
        rest = after;
        if rest.is_empty() {
            break;
        }
        // ESC [ params final-byte
        let Some(csi) = rest.strip_prefix("\x1b[") else {
            rest = &rest[1..];
            continue;
        };
        let end = csi
            .find(|c: char| ('@'..='~').contains(&c))
            .unwrap_or(csi.len());
        if csi[end..].starts_with('m') {
            for code in csi[..end].split(';') {
                match code {
                    "" | "0" => (bold, color) = (false, None),
                    "1" => bold = true,
                    "22" => bold = false,
                    "39" => color = None,
                    c => {
                        if let Ok(n) = c.parse::<u32>() {
                            color = match n % 10 {
                                1 if matches!(n / 10, 3 | 9) => Some("red"),
                                2 if matches!(n / 10, 3 | 9) => Some("green"),
                                3 if matches!(n / 10, 3 | 9) => Some("yellow"),
                                4 if matches!(n / 10, 3 | 9) => Some("blue"),
                                5 if matches!(n / 10, 3 | 9) => Some("magenta"),
                                6 if matches!(n / 10, 3 | 9) => Some("cyan"),
                                _ => color,
                            };
                        }
                    }
                }
            }
        }
        rest = csi.get(end + 1..).unwrap_or("");
    }
    spans
}

fn render_output(text: &str) -> Html {
    html! {
        <>{ for ansi_spans(text).into_iter().map(|s| {
            let class = classes!(s.bold.then_some("ansi-bold"), s.color.map(|c| format!("ansi-{c}")));
            html! { <span class={class}>{ s.text }</span> }
        }) }</>
    }
}

/// `learner@dockyard:~/app$ `
fn prompt(session: &Session) -> String {
    let home: String = session.var("HOME").unwrap_or_default().to_string();
    let cwd = session.cwd();
    let shown = match cwd.strip_prefix(&home[..]) {
        Some(rest) if !home.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
            format!("~{rest}")
        }
        _ => cwd.to_string(),
    };
    let user = session.var("USER").unwrap_or("learner").to_string();
    format!("{user}@dockyard:{shown}$ ")
}

#[derive(Properties)]
pub struct TerminalProps {
    pub session: Rc<RefCell<Session>>,
    /// Called after each command (it may have changed files).
    pub on_ran: Callback<()>,
}

impl PartialEq for TerminalProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.session, &other.session) && self.on_ran == other.on_ran
    }
}

#[component]
pub fn Terminal(props: &TerminalProps) -> Html {
    let entries = use_state(Vec::<Entry>::new);
    let input = use_state(String::new);
    // Position in the history while browsing with the arrow keys.
    let browsing = use_state(|| None::<usize>);
    let input_ref = use_node_ref();
    let current_prompt = prompt(&props.session.borrow());

    let onkeydown = {
        let (entries, input, browsing) = (entries.clone(), input.clone(), browsing.clone());
        let session = props.session.clone();
        let on_ran = props.on_ran.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Enter" {
                e.prevent_default();
                let line = (*input).clone();
                let prompt_now = prompt(&session.borrow());
                let out = session.borrow_mut().run(&line);
                let mut list = (*entries).clone();
                if out.merged.contains("\x1b[2J") {
                    list.clear();
                } else {
                    list.push(Entry {
                        prompt: prompt_now,
                        command: line,
                        output: out.merged,
                    });
                }
                entries.set(list);
                input.set(String::new());
                browsing.set(None);
                on_ran.emit(());
            } else if key == "Tab" {
                e.prevent_default();
                let line = (*input).clone();
                let session = session.borrow();
                let completion = session.complete(&line);
                let (word_start, candidates) = (completion.start, completion.candidates);
                let word = &line[word_start..];
                match candidates.as_slice() {
                    [] => {}
                    [only] => {
                        let space = if only.ends_with('/') { "" } else { " " };
                        input.set(format!("{}{only}{space}", &line[..word_start]));
                    }
                    many => {
                        let prefix = common_prefix(many);
                        if prefix.len() > word.len() {
                            input.set(format!("{}{prefix}", &line[..word_start]));
                        } else {
                            // Nothing more to fill in: list the choices, as a shell does.
                            let mut list = (*entries).clone();
                            list.push(Entry {
                                prompt: prompt(&session),
                                command: line.clone(),
                                output: format!("{}\n", many.join("  ")),
                            });
                            entries.set(list);
                        }
                    }
                }
            } else if key == "ArrowUp" || key == "ArrowDown" {
                e.prevent_default();
                let history: Vec<String> = session.borrow().history().to_vec();
                if history.is_empty() {
                    return;
                }
                let next = match (key.as_str(), *browsing) {
                    ("ArrowUp", None) => Some(history.len() - 1),
                    ("ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                    ("ArrowDown", Some(i)) if i + 1 < history.len() => Some(i + 1),
                    _ => None,
                };
                input.set(next.map(|i| history[i].clone()).unwrap_or_default());
                browsing.set(next);
            } else if e.ctrl_key() && (key == "l" || key == "L") {
                e.prevent_default();
                entries.set(Vec::new());
            } else if e.ctrl_key() && (key == "c" || key == "C") {
                e.prevent_default();
                let mut list = (*entries).clone();
                list.push(Entry {
                    prompt: prompt(&session.borrow()),
                    command: format!("{}^C", *input),
                    output: String::new(),
                });
                entries.set(list);
                input.set(String::new());
            }
        })
    };
    let oninput = {
        let input = input.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(field) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                input.set(field.value());
            }
        })
    };
    let focus = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(field) = input_ref.cast::<web_sys::HtmlInputElement>() {
                let _ = field.focus();
            }
        })
    };
    // Keep the newest output in view.
    {
        let input_ref = input_ref.clone();
        use_effect_with(entries.len(), move |_| {
            if let Some(field) = input_ref.cast::<web_sys::HtmlElement>() {
                field.scroll_into_view_with_bool(false);
            }
        });
    }

    html! {
        <section class="terminal" aria-labelledby="terminal-title" onclick={focus}>
            <h2 id="terminal-title" class="visually-hidden">{ "Terminal" }</h2>
            <div class="terminal-log" role="log" aria-live="polite">
                { for entries.iter().map(|entry| html! {
                    <div class="terminal-entry">
                        <div><span class="prompt">{ &entry.prompt }</span><span class="command">{ &entry.command }</span></div>
                        <pre class="output">{ render_output(&entry.output) }</pre>
                    </div>
                }) }
            </div>
            <div class="terminal-input">
                <label for="terminal-line" class="prompt">{ current_prompt }</label>
                <input
                    id="terminal-line"
                    ref={input_ref}
                    type="text"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    aria-label="Command"
                    value={(*input).clone()}
                    {oninput}
                    {onkeydown}
                />
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{ansi_spans, Span};

    fn span(text: &str, bold: bool, color: Option<&'static str>) -> Span {
        Span {
            text: text.into(),
            bold,
            color,
        }
    }

    #[test]
    fn sgr_colours_become_styled_runs() {
        assert_eq!(
            ansi_spans("Dockerfile:1 DL3006 \x1b[1m\x1b[93mwarning\x1b[0m: tag it\n"),
            [
                span("Dockerfile:1 DL3006 ", false, None),
                span("warning", true, Some("yellow")),
                span(": tag it\n", false, None),
            ]
        );
        assert_eq!(
            ansi_spans("\x1b[92minfo\x1b[0m"),
            [span("info", false, Some("green"))]
        );
        assert_eq!(ansi_spans("a\x1b[Hb\x1b[2Jc"), [span("abc", false, None)]);
        assert_eq!(ansi_spans("plain\x1b"), [span("plain", false, None)]);
        assert_eq!(ansi_spans(""), []);
    }
}
