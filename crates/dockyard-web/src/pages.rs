//! The pages behind each route. They stay small: content and state come
//! from the core crates as those land.

use yew::prelude::*;

use dockyard_sandbox::{Session, SessionConfig};

use crate::lint_view::DockerfileLinter;
use crate::route::Route;
use crate::storage;
use crate::terminal::Terminal;

/// `#/`: what Dockyard is, and the course outline.
#[component]
pub fn Home() -> Html {
    html! {
        <article class="page">
            <h1>{ "Learn Docker, Makefiles and CI by doing" }</h1>
            <p class="lead">
                { "Dockyard is a sandbox for learning Docker containers, Makefiles, \
                   Dockerfile linting and continuous integration, right in your \
                   browser: no install, no account, nothing sent to a server." }
            </p>
            <section aria-labelledby="outline-title">
                <h2 id="outline-title">{ "Course outline" }</h2>
                <p>{ "No lessons are published in this version yet." }</p>
            </section>
            <p>
                <a class="button" href={Route::Sandbox.href()}>{ "Open the sandbox" }</a>
            </p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub id: String,
}

/// `#/lesson/ID`: a lesson. No lesson is published yet, so every id is
/// answered with a plain "not found" that names it.
#[component]
pub fn LessonPage(props: &LessonProps) -> Html {
    html! {
        <article class="page">
            <h1>{ "Lesson not found" }</h1>
            <p>
                { "There is no lesson called " }
                <code>{ &props.id }</code>
                { "." }
            </p>
            <p><a href={Route::Home.href()}>{ "Back to the course outline" }</a></p>
        </article>
    }
}

/// Where the sandbox keeps its Dockerfile between visits.
const DOCKERFILE_KEY: &str = "dockyard:v1:sandbox:Dockerfile";

/// What the Dockerfile holds on a first visit: the course's example.
const SAMPLE: &str = "FROM python:3.12-slim\n\n# Working directory\nWORKDIR /app\n\n# Copy the source code into the image\nCOPY . app.py /app/\n\n# Install the packages listed in requirements.txt\n# hadolint ignore=DL3013\nRUN pip install --upgrade pip &&\\\n    pip install --trusted-host pypi.python.org -r requirements.txt\n";

/// The session's clock starts at the learner's wall-clock time.
fn now_seconds() -> u64 {
    (web_sys::js_sys::Date::now() / 1000.0).max(0.0) as u64
}

/// `#/sandbox`: the free workspace: a Dockerfile, checked as you type, and
/// a terminal whose shell works on the same files.
#[component]
pub fn SandboxPage() -> Html {
    let session = use_mut_ref(|| {
        let mut session = Session::new(SessionConfig {
            start_time: now_seconds(),
            ..SessionConfig::default()
        });
        let text = storage::load(DOCKERFILE_KEY).unwrap_or_else(|| SAMPLE.to_string());
        let path = format!("{}/Dockerfile", session.cwd());
        let _ = session.vfs_mut().write(&path, text.as_bytes());
        session
    });
    // The file the editor shows: in the home folder, wherever `cd` leads.
    let dockerfile_path = {
        let session = session.clone();
        (*use_memo((), move |_| {
            format!("{}/Dockerfile", session.borrow().var("HOME").unwrap_or(""))
        }))
        .clone()
    };
    let dockerfile = {
        let session = session.clone();
        let path = dockerfile_path.clone();
        use_state(move || {
            session
                .borrow()
                .vfs()
                .read_to_string(&path)
                .unwrap_or_default()
        })
    };

    let on_edit = {
        let (session, dockerfile, path) =
            (session.clone(), dockerfile.clone(), dockerfile_path.clone());
        Callback::from(move |text: String| {
            // Saved at once, so nothing typed is lost if the page closes.
            storage::save(DOCKERFILE_KEY, &text);
            let _ = session.borrow_mut().vfs_mut().write(&path, text.as_bytes());
            dockerfile.set(text);
        })
    };
    // A command may have changed the Dockerfile: show what the files hold.
    let on_ran = {
        let (session, dockerfile, path) =
            (session.clone(), dockerfile.clone(), dockerfile_path.clone());
        Callback::from(move |()| {
            let now = session
                .borrow()
                .vfs()
                .read_to_string(&path)
                .unwrap_or_default();
            if now != *dockerfile {
                storage::save(DOCKERFILE_KEY, &now);
                dockerfile.set(now);
            }
        })
    };

    html! {
        <article class="page page-wide">
            <h1>{ "Sandbox" }</h1>
            <p class="lead">
                { "Edit the Dockerfile: it is checked as you type, with the same rules, \
                   messages and line numbers as hadolint. Below it, a shell works on the same files: \
                   try " }<code>{ "ls -l" }</code>{ ", " }<code>{ "cat Dockerfile" }</code>{ ", " }
                <code>{ "hadolint Dockerfile" }</code>{ " or " }<code>{ "make" }</code>{ "." }
            </p>
            <DockerfileLinter text={AttrValue::from((*dockerfile).clone())} {on_edit} />
            <Terminal session={session.clone()} {on_ran} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub path: String,
}

/// Any other fragment.
#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    html! {
        <article class="page">
            <h1>{ "Page not found" }</h1>
            <p>
                { "Nothing lives at " }
                <code>{ &props.path }</code>
                { "." }
            </p>
            <p><a href={Route::Home.href()}>{ "Back to the course outline" }</a></p>
        </article>
    }
}
