//! The Dockerfile editor with live lint findings, and the rule pages.

use std::cell::RefCell;
use std::rc::Rc;

use dockyard_lint::config::Config;
use dockyard_lint::rules;
use dockyard_lint::{Finding, Outcome};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::markdown;
use crate::route::Route;

/// Waits this long after the last keystroke before linting.
const LINT_DELAY_MS: u32 = 150;

/// hadolint's rules, plus Docker's own build checks (labelled as such).
fn lint(text: &str) -> Outcome {
    let config = Config {
        buildkit: true,
        ..Config::default()
    };
    dockyard_lint::lint::lint(text, "Dockerfile", &config)
}

/// Docker's build checks are named, hadolint's rules and ShellCheck's are coded.
fn is_docker_check(code: &str) -> bool {
    !(code.starts_with("DL") || code.starts_with("SC"))
        || code.chars().any(|c| c.is_ascii_lowercase())
}

/// Byte offset in UTF-16 units of the start of `line` (1-based), for the
/// textarea's selection API.
fn line_start_utf16(text: &str, line: u32) -> u32 {
    let mut offset = 0u32;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            return offset;
        }
        offset += l.encode_utf16().count() as u32;
    }
    offset
}

#[derive(Properties, PartialEq)]
pub struct LinterProps {
    /// The Dockerfile's text, owned by the page (the terminal may change it too).
    pub text: AttrValue,
    /// Called with the new text on every keystroke.
    pub on_edit: Callback<String>,
}

/// The editor and its findings.
#[component]
pub fn DockerfileLinter(props: &LinterProps) -> Html {
    let text = props.text.clone();
    let outcome = use_state(|| lint(&text));
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let editor = use_node_ref();

    // Lint once typing pauses: replacing the timeout cancels the previous one.
    {
        let outcome = outcome.clone();
        use_effect_with(text.clone(), move |text| {
            let text = text.to_string();
            *pending.borrow_mut() = Some(Timeout::new(LINT_DELAY_MS, move || {
                outcome.set(lint(&text));
            }));
        });
    }

    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                on_edit.emit(area.value());
            }
        })
    };

    let jump = {
        let editor = editor.clone();
        let text = text.clone();
        Callback::from(move |line: u32| {
            if let Some(area) = editor.cast::<web_sys::HtmlTextAreaElement>() {
                let at = line_start_utf16(&text, line);
                let _ = area.focus();
                let _ = area.set_selection_range(at, at);
            }
        })
    };

    let findings = match &*outcome {
        Outcome::Findings(findings) if findings.is_empty() => html! {
            <p class="lint-clean">{ "No findings: hadolint would be happy with this Dockerfile." }</p>
        },
        Outcome::Findings(findings) => html! {
            <ul class="findings">
                { for findings.iter().map(|f| finding_row(f, jump.clone())) }
            </ul>
        },
        Outcome::ParseError(e) => html! {
            <div class="finding finding-error" role="alert">
                <span class="severity">{ "error" }</span>
                <span class="code">{ "DL1000" }</span>
                <span class="line">{ format!("line {}:{}", e.line, e.column) }</span>
                <pre class="message">{ &e.message }</pre>
            </div>
        },
    };
    let count = match &*outcome {
        Outcome::Findings(f) => {
            format!("{} finding{}", f.len(), if f.len() == 1 { "" } else { "s" })
        }
        Outcome::ParseError(_) => "parse error".to_string(),
    };

    html! {
        <div class="linter">
            <section class="editor-pane" aria-labelledby="editor-title">
                <h2 id="editor-title">{ "Dockerfile" }</h2>
                <textarea
                    ref={editor}
                    class="editor"
                    aria-label="Dockerfile"
                    spellcheck="false"
                    autocomplete="off"
                    value={text.clone()}
                    {oninput}
                />
            </section>
            <section class="lint-pane" aria-labelledby="lint-title">
                <h2 id="lint-title">{ "Lint " }<span class="count">{ count }</span></h2>
                <div aria-live="polite">{ findings }</div>
            </section>
        </div>
    }
}

fn finding_row(f: &Finding, jump: Callback<u32>) -> Html {
    let line = f.line;
    let onclick = Callback::from(move |_: MouseEvent| jump.emit(line));
    let severity = f.severity.name();
    html! {
        <li class={classes!("finding", format!("finding-{severity}"))}>
            <button type="button" class="line" {onclick} aria-label={format!("Go to line {line}")}>
                { format!("line {line}") }
            </button>
            <span class="severity">{ severity }</span>
            <a class="code" href={Route::Rule(f.code.clone()).href()}>{ &f.code }</a>
            if is_docker_check(&f.code) {
                <span class="source">{ "Docker build check" }</span>
            }
            <span class="message">{ &f.message }</span>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct RuleProps {
    pub code: String,
}

/// `#/rules/CODE`: a rule's documentation.
#[component]
pub fn RulePage(props: &RuleProps) -> Html {
    if let Some(check) = dockyard_lint::buildkit::check_meta(&props.code) {
        return html! {
            <article class="page rule-doc">
                <h1><code>{ check.name }</code></h1>
                <p class="rule-severity">
                    { "A Docker build check: BuildKit runs it during "}<code>{ "docker build" }</code>
                    { if check.experimental { ", when experimental checks are enabled." } else { "." } }
                </p>
                { markdown::rule_doc(check.name).map(markdown::to_html).unwrap_or_default() }
                <p><a href={Route::Sandbox.href()}>{ "Back to the sandbox" }</a></p>
            </article>
        };
    }
    match rules::meta(&props.code) {
        Some(meta) => html! {
            <article class="page rule-doc">
                <h1><code>{ meta.code }</code>{ " " }{ meta.message }</h1>
                <p class="rule-severity">{ format!("Default severity: {}", meta.severity) }</p>
                { markdown::rule_doc(meta.code).map(markdown::to_html).unwrap_or_default() }
                <p><a href={Route::Sandbox.href()}>{ "Back to the sandbox" }</a></p>
            </article>
        },
        None => html! {
            <article class="page">
                <h1>{ "Rule not found" }</h1>
                <p>{ "The linter has no rule called " }<code>{ &props.code }</code>{ "." }</p>
                <p><a href={Route::Sandbox.href()}>{ "Back to the sandbox" }</a></p>
            </article>
        },
    }
}

#[cfg(test)]
mod tests {
    use super::line_start_utf16;

    #[test]
    fn line_starts_in_utf16_units() {
        let text = "FROM a\nRUN é\nCMD x\n";
        assert_eq!(line_start_utf16(text, 1), 0);
        assert_eq!(line_start_utf16(text, 2), 7);
        assert_eq!(line_start_utf16(text, 3), 13);
    }
}
