//! The tree engines (parsing, structural rules, taint) never panic on any text in any
//! grammar, whatever lines count as added, and report only added lines.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mrwarden::analyze::code::CodeFile;
use mrwarden::analyze::trees;
use mrwarden::rules::{self, RuleSet};
use mrwarden::syntax::Lang;

fn rules() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| rules::load(&[]).expect("built-in rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let langs: Vec<Lang> = Lang::ALL.into_iter().filter(|l| l.available()).collect();
    let lang = langs[usize::from(pick) % langs.len()];
    let text = String::from_utf8_lossy(rest);
    let mut file = CodeFile::all_added("fuzz/input", lang, &text);
    // Every third line counts as unchanged: findings must stay on the added ones.
    file.added.retain(|line| line % 3 != 0);
    let out = trees::analyse(std::slice::from_ref(&file), rules());
    for finding in &out.findings {
        assert!(
            file.added.contains(&finding.start_line),
            "finding on a line the change did not add"
        );
    }
});
