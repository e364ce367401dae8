//! Neutralising attacker-controlled text before it reaches a terminal or job log.
//!
//! File names and code come from the MR author. ANSI/OSC escapes could clear the screen
//! or print a fake "PASSED"; a carriage return could overwrite a line; GitLab's
//! `section_start` markers (which begin with ESC `[0K`) could fold real output away.
//! Every C0/C1 control character except tab and newline is shown as an escape.

use std::fmt::Write;

/// Escapes control characters (keeps `\t` and `\n`).
pub fn terminal(s: &str) -> String {
    escape(s, |c| c == '\t' || c == '\n')
}

/// Escapes control characters including newlines, for one-line fields (paths, snippets).
pub fn terminal_line(s: &str) -> String {
    escape(s, |c| c == '\t')
}

fn escape(s: &str, keep: impl Fn(char) -> bool) -> String {
    if !s.chars().any(|c| is_control(c) && !keep(c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) && !keep(c) {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// C0 controls, DEL and C1 controls.
fn is_control(c: char) -> bool {
    let u = u32::from(c);
    u < 0x20 || (0x7f..=0x9f).contains(&u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_ansi_and_cr_but_keeps_text() {
        assert_eq!(terminal("a\x1b[2Jb\rc\td\n"), "a\\x1b[2Jb\\x0dc\td\n");
        assert_eq!(terminal_line("x\ny"), "x\\x0ay");
        assert_eq!(terminal("plain é"), "plain é");
        assert_eq!(terminal("\u{9b}31m"), "\\x9b31m");
    }
}
