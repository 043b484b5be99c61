//! The REPL every language uses, on rustyline. A language gives its
//! prompts, a test of whether an input is complete, and an evaluator; the
//! engine does the rest the same way for all:
//!
//! - Every line typed is handled, also when several arrive at once (a paste
//!   without bracketed paste, typing ahead while a program runs): rustyline's
//!   `buffer-redux` feature keeps what it read past the end of a line for
//!   the next one. A bracketed paste arrives as one text of several lines,
//!   and each of its lines is handled as if typed.
//! - An incomplete input (an open block, an unbalanced bracket) continues on
//!   the continuation prompt until the language says it is complete.
//! - Ctrl-C while a program runs interrupts it (`sigint`) and the prompt
//!   comes back; Ctrl-C at a prompt drops the line and any input it
//!   continued; Ctrl-D at a prompt leaves with status 0.
//! - Errors are printed on stdout, in order with the rest of the output,
//!   each after the one prefix `error: `.

use crate::sigint::CtrlCInterrupts;
use crate::Tool;
use rustyline::error::ReadlineError;
use rustyline::{Config, DefaultEditor};
use std::io::Write;
use std::process::ExitCode;

/// What a language gives the REPL.
pub trait Language {
    /// The prompt for a new input: `tlr> `.
    fn prompt(&self) -> &str;
    /// The prompt for each further line of an input that is not complete
    /// yet: `...> `.
    fn continuation_prompt(&self) -> &str;
    /// Whether `input` (its lines joined with `\n`, without a final one) is
    /// complete. An incomplete input continues on the next line.
    fn is_complete(&self, input: &str) -> bool;
    /// Evaluate a complete input, printing what it prints. An error is
    /// returned without a prefix (the REPL adds it); `Quit` leaves the REPL.
    fn eval(&mut self, input: &str) -> Result<Flow, String>;
}

/// What to do after an evaluation.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// The prefix of every error the REPL prints.
pub const ERROR_PREFIX: &str = "error: ";

/// The lines of an input typed so far, while it is incomplete.
#[derive(Default)]
struct Input {
    text: Option<String>,
}

impl Input {
    fn prompt<'a>(&self, language: &'a impl Language) -> &'a str {
        match self.text {
            None => language.prompt(),
            Some(_) => language.continuation_prompt(),
        }
    }

    /// Add a line: the whole input if it is now complete.
    fn add_line(&mut self, line: &str, language: &impl Language) -> Option<String> {
        let text = match self.text.take() {
            None => line.to_string(),
            Some(earlier) => format!("{earlier}\n{line}"),
        };
        if language.is_complete(&text) {
            Some(text)
        } else {
            self.text = Some(text);
            None
        }
    }

    fn discard(&mut self) {
        self.text = None;
    }
}

/// Run the REPL until Ctrl-D or the language's `Quit`; the exit status.
pub fn run(tool: Tool, language: &mut impl Language) -> ExitCode {
    let config = Config::builder().auto_add_history(false).build();
    let mut editor = match DefaultEditor::with_config(config) {
        Ok(editor) => editor,
        Err(e) => return tool.failure(format!("cannot start the line editor: {e}")),
    };
    let mut input = Input::default();
    loop {
        let text = match editor.readline(input.prompt(language)) {
            Ok(text) => text,
            Err(ReadlineError::Interrupted) => {
                input.discard();
                continue;
            }
            Err(ReadlineError::Eof) => return ExitCode::SUCCESS,
            Err(e) => return tool.failure(e),
        };
        if !text.trim().is_empty() {
            // A failure to remember history costs nothing but the history.
            let _ = editor.add_history_entry(text.as_str());
        }
        let text = text.strip_suffix('\n').unwrap_or(&text);
        for line in text.split('\n') {
            let Some(complete) = input.add_line(line.trim_end_matches('\r'), language) else {
                continue;
            };
            if evaluate(language, &complete) == Flow::Quit {
                return ExitCode::SUCCESS;
            }
        }
    }
}

/// Evaluate one input with Ctrl-C interrupting it, and print its error.
fn evaluate(language: &mut impl Language, input: &str) -> Flow {
    // A Ctrl-C that came after the last run ended is not for this one.
    metajit::interrupt::clear();
    let ctrl_c = CtrlCInterrupts::install();
    if let Err(e) = &ctrl_c {
        println!("{ERROR_PREFIX}Ctrl-C cannot interrupt this run: {e}");
    }
    let flow = language.eval(input).unwrap_or_else(|message| {
        println!("{ERROR_PREFIX}{message}");
        Flow::Continue
    });
    drop(ctrl_c);
    // Output the language printed without a newline shows before the prompt.
    let _ = std::io::stdout().flush();
    flow
}

#[cfg(test)]
mod tests {
    use super::{Flow, Input, Language};

    /// A language whose inputs are complete when their brackets balance.
    struct Brackets;

    impl Language for Brackets {
        fn prompt(&self) -> &str {
            "> "
        }
        fn continuation_prompt(&self) -> &str {
            ". "
        }
        fn is_complete(&self, input: &str) -> bool {
            input.matches('(').count() <= input.matches(')').count()
        }
        fn eval(&mut self, _input: &str) -> Result<Flow, String> {
            Ok(Flow::Continue)
        }
    }

    #[test]
    fn an_incomplete_input_continues_on_the_continuation_prompt() {
        let mut input = Input::default();
        assert_eq!(input.prompt(&Brackets), "> ");
        assert_eq!(input.add_line("(a", &Brackets), None);
        assert_eq!(input.prompt(&Brackets), ". ");
        assert_eq!(input.add_line("(b)", &Brackets), None);
        assert_eq!(
            input.add_line(")", &Brackets).as_deref(),
            Some("(a\n(b)\n)")
        );
        assert_eq!(input.prompt(&Brackets), "> ");
        assert_eq!(input.add_line("c", &Brackets).as_deref(), Some("c"));
    }

    #[test]
    fn a_discarded_input_starts_over() {
        let mut input = Input::default();
        assert_eq!(input.add_line("(a", &Brackets), None);
        input.discard();
        assert_eq!(input.prompt(&Brackets), "> ");
        assert_eq!(input.add_line("b", &Brackets).as_deref(), Some("b"));
    }
}
