//! Neutralising attacker-controlled text before it reaches a terminal, a job log or
//! markdown (the summary note, MR comments, report descriptions): the one place where
//! escaping rules are written.
//!
//! Terminals: file names and code come from the MR author. ANSI/OSC escapes could clear the screen
//! or print a fake "PASSED"; a carriage return could overwrite a line; GitLab's
//! `section_start` markers (which begin with ESC `[0K`) could fold real output away.
//! Every C0/C1 control character except tab and newline is shown as an escape.
//!
//! Markdown: untrusted text only ever goes inside a code span or fenced block whose
//! fence is longer than any backtick run inside ([`code_span`], [`code_block`]);
//! semi-trusted prose (rule texts) goes through [`escape_text`].

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

/// An inline code span that cannot be broken out of, safe inside a table cell: control
/// characters become spaces, pipes are escaped.
pub fn code_span(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .replace('|', "\\|");
    let fence = "`".repeat(longest_backtick_run(&clean) + 1);
    let pad = if clean.starts_with('`') || clean.ends_with('`') || clean.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{clean}{pad}{fence}")
}

/// A fenced code block that untrusted `text` cannot break out of: the fence (at least
/// three backticks) is longer than any backtick run inside; CRLF becomes LF and other
/// control characters but tab and newline are dropped.
pub fn code_block(text: &str, lang: &str) -> String {
    let clean = strip_controls(text);
    let fence = "`".repeat(longest_backtick_run(&clean).max(2) + 1);
    format!("{fence}{lang}\n{clean}\n{fence}")
}

/// One line of text for a one-line field: every control character, newlines included,
/// becomes a space.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect()
}

/// Escapes semi-trusted prose (rule titles, messages, remediation) for markdown: no HTML,
/// no images, no mentions, no references, no line breaks.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // A zero-width space after these stops mentions (@all), issue/MR references
            // (#1, !1) and image syntax (![) from rendering.
            '@' | '#' | '!' | '~' | '$' => {
                out.push(c);
                out.push('\u{200b}');
            }
            '[' | ']' | '*' | '_' | '`' | '|' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// CRLF to LF; control characters other than newline and tab dropped.
pub fn strip_controls(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
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

    #[test]
    fn code_fences_outgrow_backticks() {
        assert_eq!(code_span("a"), "`a`");
        assert_eq!(code_span("a``b"), "```a``b```");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span("a|b"), "`a\\|b`");
        assert_eq!(code_span("a\nb"), "`a b`");
        assert_eq!(
            code_block(&one_line("x ```` y\nz"), ""),
            "`````\nx ```` y z\n`````"
        );
        assert_eq!(code_block("x", ""), "```\nx\n```");
        assert_eq!(code_block("a\r\nb\u{7}", "rust"), "```rust\na\nb\n```");
    }
}
