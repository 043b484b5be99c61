//! The TLR REPL: type instructions one per line, then `:run A` to run the
//! program typed so far. A line with a syntax error is reported and dropped.

use crate::interp::Pos;
use metajit::{Jit, Params};
use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;
use std::process::ExitCode;

const HELP: &str = "\
Type TLR instructions, one per line (labels `name:` allowed, `#` comments).
  :run [A]    run the program typed so far with the accumulator at A (default 0)
  :list       show the program's bytecode with offsets
  :clear      forget the program
  :load FILE  replace the program with a file's contents
  :help       this text
  :quit       leave (or Ctrl-D)";

pub fn run(params: Params) -> ExitCode {
    let Ok(mut editor) = DefaultEditor::new() else {
        eprintln!("mj-tlr: cannot start the line editor");
        return ExitCode::FAILURE;
    };
    println!("TLR on metajit. :help for commands.");
    let jit: Jit<Pos> = Jit::new(params);
    let mut program = String::new();
    loop {
        let line = match editor.readline("tlr> ") {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => return ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("mj-tlr: {e}");
                return ExitCode::FAILURE;
            }
        };
        let _ = editor.add_history_entry(line.as_str());
        let trimmed = line.trim();
        let (command, rest) = trimmed
            .split_once(char::is_whitespace)
            .unwrap_or((trimmed, ""));
        match command {
            ":quit" | ":q" => return ExitCode::SUCCESS,
            ":help" => println!("{HELP}"),
            ":clear" => program.clear(),
            ":list" => match crate::compiler::compile(&program) {
                Ok(code) => print!("{}", code.listing()),
                Err(e) => println!("error: {e}"),
            },
            ":load" => match std::fs::read_to_string(rest.trim()) {
                Ok(src) => match crate::compiler::compile(&src) {
                    Ok(_) => program = src,
                    Err(e) => println!("{}:{e}", rest.trim()),
                },
                Err(e) => println!("cannot read {}: {e}", rest.trim()),
            },
            ":run" => {
                let a = match rest.trim() {
                    "" => Ok(0),
                    s => s.parse::<i64>().map_err(|_| format!("not an integer: {s}")),
                };
                match a {
                    Err(e) => println!("{e}"),
                    Ok(a) => match crate::load(&program) {
                        Err(e) => println!("error: {e}"),
                        Ok(code) => match crate::run(&jit, code, a) {
                            Ok(result) => println!("{result}"),
                            Err(e) => println!("{e}"),
                        },
                    },
                }
            }
            c if c.starts_with(':') => println!("unknown command {c}; :help lists them"),
            _ => {
                let candidate = format!("{program}{line}\n");
                match crate::parser::parse(&candidate) {
                    Ok(_) => program = candidate,
                    Err(e) => println!("error: {}", e.message),
                }
            }
        }
    }
}
