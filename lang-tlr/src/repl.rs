//! The TLR REPL, on `cli::repl`: type instructions one per line, then
//! `:run A` to run the program typed so far.
//!
//! A line is kept only if the program still assembles with it, so a bad
//! line (a syntax error, a label defined twice, a jump into the middle of
//! an instruction) is reported and dropped when it is typed. The one
//! mistake that may be mended later is a jump to a label not defined yet:
//! such a program is kept, `:list` shows its lines with what is missing,
//! and `:run` says so. A line that is only labels continues on the `...>`
//! prompt with the instruction they label.

use crate::compiler::{assemble, compile, Code};
use crate::interp::Pos;
use crate::lexer::{lex, Token};
use cli::repl::{Flow, Language, ERROR_PREFIX};
use metajit::{Jit, Params};

const HELP: &str = "\
Type TLR instructions, one per line (labels `name:` allowed, `#` comments).
A line that is only a label continues on the `...>` prompt with the
instruction it labels (an empty line ends it as it is).
  :run [A]    run the program typed so far with the accumulator at A (default 0)
  :list       show the program's bytecode with offsets
  :clear      forget the program
  :load FILE  replace the program with a file's contents
  :help       this text
  :quit       leave (or Ctrl-D)
Ctrl-C stops a running program, or drops the line being typed.";

/// The REPL's state: the JIT, the program's text and, once it ran, the
/// program loaded. Runs of an unchanged program share the loaded code, so
/// the JIT stays warm from one to the next (its traces belong to the code).
pub struct Repl {
    jit: Jit<Pos>,
    program: String,
    loaded: Option<&'static Code>,
}

impl Repl {
    pub fn new(params: Params) -> Repl {
        Repl {
            jit: Jit::new(params),
            program: String::new(),
            loaded: None,
        }
    }

    fn set_program(&mut self, text: String) {
        self.program = text;
        self.loaded = None;
    }

    /// The program loaded for running (loaded once while it is unchanged).
    fn code(&mut self) -> Result<&'static Code, String> {
        if let Some(code) = self.loaded {
            return Ok(code);
        }
        let code = crate::load(&self.program).map_err(|e| e.to_string())?;
        self.loaded = Some(code);
        Ok(code)
    }

    fn command(&mut self, command: &str, argument: &str) -> Result<Flow, String> {
        match command {
            ":quit" | ":q" => return Ok(Flow::Quit),
            ":help" => println!("{HELP}"),
            ":clear" => self.set_program(String::new()),
            ":list" => self.list(),
            ":load" => {
                let src = std::fs::read_to_string(argument)
                    .map_err(|e| format!("cannot read {argument}: {e}"))?;
                compile(&src).map_err(|e| e.in_file(argument))?;
                self.set_program(src);
            }
            ":run" => {
                let a = match argument {
                    "" => 0,
                    s => s.parse().map_err(|_| format!("not an integer: {s}"))?,
                };
                let code = self.code()?;
                let result = crate::run(&self.jit, code, a).map_err(|e| e.to_string())?;
                println!("{result}");
            }
            _ => return Err(format!("unknown command {command}; :help lists them")),
        }
        Ok(Flow::Continue)
    }

    /// The bytecode, or, while labels are missing, the lines typed and
    /// what is missing.
    fn list(&self) {
        match assemble(&self.program) {
            Ok(assembly) if assembly.undefined_labels.is_empty() => {
                print!("{}", assembly.code.listing())
            }
            Ok(assembly) => {
                for (n, line) in self.program.lines().enumerate() {
                    println!("{:>4}  {line}", n + 1);
                }
                for e in assembly.undefined_labels {
                    println!("{ERROR_PREFIX}{e}");
                }
            }
            // Only lines that assemble are kept (and `:load` compiles).
            Err(e) => println!("{ERROR_PREFIX}{e}"),
        }
    }

    /// Add lines of the program, if it still assembles with them.
    fn add_lines(&mut self, lines: &str) -> Result<(), String> {
        let first_new_line = self.program.lines().count() + 1;
        let candidate = format!("{}{lines}\n", self.program);
        match assemble(&candidate) {
            Ok(_) => {
                self.set_program(candidate);
                Ok(())
            }
            // A mistake in what was just typed needs no position; one
            // elsewhere (a jump it turned into a jump inside an
            // instruction) does.
            Err(e) if e.line >= first_new_line => Err(e.message),
            Err(e) => Err(e.to_string()),
        }
    }
}

impl Language for Repl {
    fn prompt(&self) -> &str {
        "tlr> "
    }

    fn continuation_prompt(&self) -> &str {
        "...> "
    }

    /// Incomplete while the last line is only labels.
    fn is_complete(&self, input: &str) -> bool {
        if input.trim_start().starts_with(':') {
            return true;
        }
        let last = input.rsplit('\n').next().unwrap_or(input);
        match lex(last) {
            Ok(tokens) => {
                let tokens: Vec<&Token> = tokens.iter().map(|t| &t.token).collect();
                let only_labels = !tokens.is_empty()
                    && tokens
                        .chunks(2)
                        .all(|pair| matches!(pair, [Token::Ident(_), Token::Colon]));
                !only_labels
            }
            // The evaluation reports it.
            Err(_) => true,
        }
    }

    fn eval(&mut self, input: &str) -> Result<Flow, String> {
        let trimmed = input.trim();
        if trimmed.starts_with(':') {
            let (command, argument) = trimmed
                .split_once(char::is_whitespace)
                .unwrap_or((trimmed, ""));
            return self.command(command, argument.trim());
        }
        if !trimmed.is_empty() {
            self.add_lines(input)?;
        }
        Ok(Flow::Continue)
    }
}
